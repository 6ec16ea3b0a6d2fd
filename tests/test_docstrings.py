"""Every example in a public docstring of extract/ and graph/ runs and gives what it shows."""
import doctest
import importlib
import pkgutil

import pytest

import extract
import graph

MODULES = sorted(f"{pkg.__name__}.{m.name}" for pkg in (extract, graph) for m in pkgutil.iter_modules(pkg.__path__)
                 if m.name != "__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
