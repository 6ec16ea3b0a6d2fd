"""A new rdflib Graph filled with many triples at once, in the state ``Graph.addN`` would leave it in.

Building a document's Graph was a fifth of extraction's time: ``addN`` sends each triple through
``Store.add`` (an event object made and dispatched to no one), ``Memory.add`` (three nested indexes) and
the store's per-triple context bookkeeping, with a Python call at each step. :func:`bulk_graph` fills a
fresh memory store's tables directly with the same operations, in the same order, so that every table,
down to the order of its keys and the layout of its sets, is what ``addN`` would have built: the Graph
yields its triples in the same order, answers every query the same, and can be added to afterwards.

The tables are the memory store's private attributes, so the fill is used only when the store is exactly
the one it was written for (rdflib's ``Memory`` holding exactly the attributes known here, all still
empty); any other store, or another rdflib whose store keeps other tables, is filled by ``addN`` as before.
``tests/extract/test_bulk_graph.py`` compares every table with ``addN``'s.

>>> from rdflib import URIRef
>>> a, p = URIRef("urn:x:a"), URIRef("urn:x:p")
>>> g = bulk_graph([(a, p, a), (a, p, a)])
>>> len(g), (a, p, a) in g
(1, True)
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rdflib import Graph
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

__all__ = ["bulk_graph"]

_M = "_Memory__"
#: The attributes of a fresh rdflib ``Memory`` store (rdflib 7.x), the only layout filled directly.
_KNOWN = frozenset({"_Store__node_pickler", "dispatcher", "identifier"} | {
    _M + name for name in ("spo", "pos", "osp", "namespace", "prefix", "context_obj_map", "tripleContexts",
                           "contextTriples", "all_contexts", "defaultContexts")})


def _fresh(tables: dict[str, Any]) -> bool:
    """Whether ``tables`` (a store's attributes) are a ``Memory`` store's as it starts, nothing added yet."""
    return set(tables) == _KNOWN and not any(tables[_M + n] for n in ("spo", "pos", "osp", "tripleContexts",
                                                                          "all_contexts", "context_obj_map")) \
        and tables[_M + "contextTriples"] == {None: set()} and tables[_M + "defaultContexts"] is None


def _index(table: dict[Node, dict[Node, dict[Node, int]]], first: Node, second: Node) -> dict[Node, int]:
    """``table[first][second]``, made empty where missing (as ``Memory.add`` makes it)."""
    inner = table.get(first)
    if inner is None:
        inner = table[first] = {}
    found = inner.get(second)
    if found is None:
        found = inner[second] = {}
    return found


def bulk_graph(triples: Sequence[tuple[Node, Node, Node]]) -> Graph:
    """A new Graph of ``triples`` (repeats allowed), as ``Graph().addN`` with them in this order makes it."""
    graph = Graph()
    store = graph.store
    tables = vars(store)
    if not triples or type(store) is not Memory or not _fresh(tables):
        graph.addN((s, p, o, graph) for s, p, o in triples)
        return graph
    spo: dict[Node, dict[Node, dict[Node, int]]] = tables[_M + "spo"]
    pos: dict[Node, dict[Node, dict[Node, int]]] = tables[_M + "pos"]
    osp: dict[Node, dict[Node, dict[Node, int]]] = tables[_M + "osp"]
    ctx = f"{type(graph.identifier).__name__}:{graph.identifier}"  # how Memory names a Graph context
    in_default: set[tuple[Node, Node, Node]] = tables[_M + "contextTriples"][None]
    in_graph: set[tuple[Node, Node, Node]] = set()
    for triple in triples:  # Memory.add's steps, without the event and the per-triple context dicts
        s, p, o = triple
        objects = _index(spo, s, p)
        if o not in objects:
            objects[o] = 1
            _index(pos, p, o)[s] = 1
            _index(osp, o, s)[p] = 1
        in_default.add(triple)
        in_graph.add(triple)
    # every triple is in the default context and the graph's, unquoted: the store's default context
    # information, which it keeps once instead of per triple (its table of per-triple contexts stays empty)
    tables[_M + "contextTriples"][ctx] = in_graph
    tables[_M + "context_obj_map"][ctx] = graph
    tables[_M + "all_contexts"].add(graph)
    tables[_M + "defaultContexts"] = {ctx: False, None: False}
    return graph
