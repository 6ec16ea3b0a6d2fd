"""Every docstring example of graph/network/ runs and gives what it shows (tests/test_docstrings.py covers
only the top-level modules of extract/ and graph/)."""
import doctest
import importlib
import pkgutil

import pytest

import graph.network

MODULES = sorted(f"graph.network.{m.name}" for m in pkgutil.iter_modules(graph.network.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_network_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
