"""Bulk work with Python's cyclic garbage collector paused: filling the quad index and making a page.

Both allocate hundreds of thousands of small containers (dicts, tuples, terms, networkx attribute dicts)
that all live on. Each burst of allocations sets off a collection, and the collector's full passes walk
every tracked object, the ones made before included: at 1,000 documents that is about a fifth of the CPU
the index and the page cost, and more inside a build, whose heap holds more. Nothing made there is cyclic
garbage that must go early, and whatever is, the collector finds once the block is over.

>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the collector off; it is on again afterwards if it was on before (nested blocks too)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
