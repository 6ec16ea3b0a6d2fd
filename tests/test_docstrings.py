"""Every example in a public docstring of extract/ and graph/, their subpackages included, runs and gives
what it shows. This is the one place docstring examples are run."""
import doctest
import importlib
import pkgutil

import pytest

import extract
import graph

MODULES = sorted(m.name for pkg in (extract, graph) for m in pkgutil.walk_packages(pkg.__path__, f"{pkg.__name__}.")
                 if not m.name.endswith("__main__"))


def test_every_package_is_walked():
    assert {"graph.network.projections", "graph.serve.server", "extract.roles.posts", "extract.mentions.find",
            "extract.events.attendees"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
