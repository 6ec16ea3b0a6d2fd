"""One document's extraction with Python's cyclic garbage collector paused.

Reading one document allocates tens of thousands of small containers (Tokens, Spans, mentions, findings,
rdflib terms, the store's index dicts), and each burst of allocations sets off a collection whose older
passes walk every tracked object the process holds: the loaded pipeline, the word lists, the build's own
state. Measured on 200 synthetic documents that was 6-8% of extraction's CPU. Almost everything a document
makes is freed by reference counting when it is done; the little cyclic garbage it leaves is found by the
collector's next pass, once the block is over. The network page uses it too (filling the quad index and
making the page: hundreds of thousands of containers that all live on, about a fifth of their CPU at 1,000
documents otherwise).

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
