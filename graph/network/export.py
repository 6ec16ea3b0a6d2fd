"""Export a built graph for other tools: GraphML and GEXF (Gephi, Cytoscape), CSV, JSON-LD and Popolo JSON.

The network formats (``graphml``, ``gexf``, ``csv``) write one of the projections of
:mod:`graph.network.projections` with plain attributes only (text, numbers, booleans; never ``None``):

- nodes: ``label`` and ``name`` (the same text: Gephi shows ``label``, Cytoscape ``name``), ``kind``,
  ``country`` (ISO code or ``""``), ``other_names``, ``documents``, ``topics`` (``"; "``-joined),
  ``statements`` (how many), and for meetings ``date`` and ``planned``;
- edges: ``relation``, ``label``, ``weight``, ``documents`` and ``evidence`` (the first sentence the link
  was read from), ``former`` for memberships, ``meetings`` / ``statements`` where the projection has them.

``jsonld`` writes every triple of the merged graph, compacted with the project's prefixes;
``popolo`` writes people, organizations, memberships and meetings in the Popolo data
specification's field names (:mod:`graph.network.popolo`). Every file is written atomically.

>>> g = nx.MultiDiGraph(); g.add_node("p", label="Ana", kind="person", country="", names=[], statements=[])
>>> dict(flat_network(g).nodes["p"])
{'label': 'Ana', 'name': 'Ana', 'kind': 'person', 'country': '', 'other_names': '', 'statements': 0}
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import networkx as nx
from rdflib import Graph

from extract.vocab import PREFIXES
from graph.build.outdir import atomic_write
from graph.csv_safe import write_csv
from graph.errors import ViewError
from graph.network.actors import KINDS, MEETING, actor_network
from graph.network.evidence import Evidence
from graph.network.popolo import popolo
from graph.network.readable import Readable
from graph.network.schema import load_schema
from graph.network.views import actor_topics, co_attendance

__all__ = ["FORMATS", "PROJECTIONS", "default_target", "project", "flat_network", "graphml", "gexf", "csv_tables",
           "jsonld", "popolo", "export"]

FORMATS = ("graphml", "gexf", "csv", "jsonld", "popolo")
NETWORK_FORMATS = ("graphml", "gexf", "csv")
#: actors: people, institutions, meetings, places and topics; people: co-attendance; topics: actor–topic ties
PROJECTIONS = ("actors", "people", "topics")
JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
SEP = "; "
_SCHEMA = load_schema()
_NODE_ORDER, _EDGE_ORDER = list(_SCHEMA.node_attributes), list(_SCHEMA.edge_attributes)  # columns, in order


def default_target(out: Path, fmt: str, projection: str = "actors") -> Path:
    """Where ``tradegraph export`` writes by default: a file (a folder for ``csv``) in the build folder.

    >>> str(default_target(Path("out"), "csv", "people")), str(default_target(Path("out"), "popolo"))
    ('out/network-people-csv', 'out/popolo.json')
    """
    _check(fmt, projection)
    stem = "network" + ("" if projection == "actors" else f"-{projection}")
    names = {"graphml": f"{stem}.graphml", "gexf": f"{stem}.gexf", "csv": f"{stem}-csv", "jsonld": "graph.jsonld",
             "popolo": "popolo.json"}
    return out / names[fmt]


def _check(fmt: str, projection: str) -> None:
    if fmt not in FORMATS:
        raise ViewError(f"unknown export format {fmt!r}; formats are: {', '.join(FORMATS)}")
    if projection not in PROJECTIONS:
        raise ViewError(f"unknown projection {projection!r}; choose one of: {', '.join(PROJECTIONS)}")


def project(ds: Readable, projection: str = "actors") -> tuple[nx.Graph, nx.MultiDiGraph]:
    """The projection to export and the full actor network it was made from (for labels)."""
    _check("graphml", projection)
    actors = actor_network(ds, kinds=KINDS)
    view: nx.Graph = {"actors": actors, "people": co_attendance(actors), "topics": actor_topics(actors)}[projection]
    return view, actors


def _joined(values: Iterable[Any]) -> str:
    return SEP.join(str(v) for v in values)


def _labels(context: nx.Graph, ids: Iterable[str]) -> list[str]:
    return [str(context.nodes[i].get("label", i)) if i in context else str(i).rsplit("/", 1)[-1] for i in ids]


def _flat_node(data: dict[str, Any], context: nx.Graph) -> dict[str, Any]:
    flat: dict[str, Any] = {"label": str(data.get("label", "")), "name": str(data.get("label", "")),
                            "kind": str(data.get("kind", "")), "country": str(data.get("country", "")),
                            "other_names": _joined(data.get("names", []))}
    if "documents" in data:
        flat["documents"] = _joined(data["documents"])
    if "topics" in data:
        flat["topics"] = _joined(_labels(context, data["topics"]))
    flat["statements"] = len(data.get("statements", []))
    if data.get("kind") == MEETING:
        flat["date"] = str(data.get("date", ""))
        flat["planned"] = bool(data.get("planned", False))
    return flat


def _flat_edge(data: dict[str, Any], context: nx.Graph) -> dict[str, Any]:
    evidence: list[Evidence] = list(data.get("evidence", []))
    flat: dict[str, Any] = {"relation": str(data.get("relation", "")), "label": str(data.get("label", "")),
                            "weight": int(data.get("weight", 1))}
    if "former" in data:
        flat["former"] = bool(data["former"])
    if "meetings" in data:
        flat["meetings"] = _joined(_labels(context, data["meetings"]))
    if isinstance(data.get("statements"), int):
        flat["statements"] = data["statements"]
    flat["documents"] = _joined(sorted({e.document for e in evidence}))
    flat["evidence"] = " ".join(evidence[0].text.split()) if evidence else ""
    return flat


def flat_network(g: nx.Graph, context: nx.Graph | None = None) -> nx.Graph:
    """A copy of a projection with only text, number and boolean attributes, as file formats need.

    ``context`` (default ``g``) gives the labels of the topics and meetings that attributes refer to.
    """
    context = g if context is None else context
    flat = g.__class__()
    flat.graph["name"] = "tradegraph"
    for node, data in g.nodes(data=True):
        flat.add_node(node, **_flat_node(data, context))
    if g.is_multigraph():
        for s, t, key, data in cast(nx.MultiGraph, g).edges(keys=True, data=True):
            flat.add_edge(s, t, key=key, **_flat_edge(data, context))
    else:
        for s, t, data in g.edges(data=True):
            flat.add_edge(s, t, **_flat_edge(data, context))
    return flat


def graphml(g: nx.Graph) -> bytes:
    """A flat network (:func:`flat_network`) as GraphML."""
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf(g: nx.Graph, *, modified: str = "") -> bytes:
    """A flat network as GEXF 1.2; ``modified`` (a date) replaces the writer's clock, so output is reproducible."""
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8", prettyprint=True)
    text = buf.getvalue().decode("utf-8")
    stamp = f'lastmodifieddate="{modified}"' if modified else ""
    text = re.sub(r' ?lastmodifieddate="[^"]*"', f" {stamp}" if stamp else "", text, count=1)
    return text.encode("utf-8")


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    """UTF-8 CSV; a cell that would start a spreadsheet formula is quoted as text (:mod:`graph.csv_safe`)."""
    plain = (["" if v is None else str(v).lower() if isinstance(v, bool) else v for v in row] for row in rows)
    return write_csv(header, plain).encode("utf-8")


def _columns(records: Iterable[dict[str, Any]], order: list[str]) -> list[str]:
    keys = {k for r in records for k in r}
    return [k for k in order if k in keys] + sorted(keys - set(order))


def csv_tables(g: nx.Graph) -> dict[str, bytes]:
    """A flat network as ``nodes.csv`` (``id`` first) and ``edges.csv`` (``source``, ``target``, their labels first)."""
    node_cols = _columns((d for _, d in g.nodes(data=True)), _NODE_ORDER)
    edge_cols = _columns((d for *_, d in g.edges(data=True)), _EDGE_ORDER)
    nodes = _csv(["id", *node_cols], ([n, *(d.get(c, "") for c in node_cols)] for n, d in g.nodes(data=True)))
    edges = _csv(["source", "target", "source_label", "target_label", *edge_cols],
                 ([s, t, g.nodes[s].get("label", s), g.nodes[t].get("label", t), *(d.get(c, "") for c in edge_cols)]
                  for s, t, d in g.edges(data=True)))
    return {"nodes.csv": nodes, "edges.csv": edges}


def _merged(ds: Readable) -> Graph:
    """Every triple of every graph in one rdflib graph (what ``graph.ttl`` holds), bound to the project's prefixes.

    Triples go in in the order of their N-Triples forms, so a property's values come out in that order whatever
    order ``ds`` gives them in."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    for triple in sorted(triples, key=lambda t: tuple(term.n3() for term in t)):
        g.add(triple)
    return g


def jsonld(ds: Readable) -> bytes:
    """Every triple of the merged graph as JSON-LD, compacted with the project's prefixes, nodes in IRI order."""
    text = _merged(ds).serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc.get("@graph"), list):
        doc["@graph"].sort(key=lambda n: str(n.get("@id", "")))
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def export(ds: Readable, fmt: str, target: Path, *, projection: str = "actors") -> list[Path]:
    """Write ``ds`` in ``fmt`` to ``target`` (a folder for ``csv``); returns the files written.

    Raises:
        ViewError: an unknown format or projection, or a projection asked of a format that has none.
    """
    _check(fmt, projection)
    if fmt not in NETWORK_FORMATS and projection != "actors":
        raise ViewError(f"a projection applies to {', '.join(NETWORK_FORMATS)}; "
                              f"{fmt} always holds the whole graph")
    if fmt == "jsonld":
        atomic_write(target, jsonld(ds))
        return [target]
    if fmt == "popolo":
        atomic_write(target, (json.dumps(popolo(ds), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        return [target]
    view, actors = project(ds, projection)
    flat = flat_network(view, actors)
    if fmt == "csv":
        written = []
        for name, data in csv_tables(flat).items():
            atomic_write(target / name, data)
            written.append(target / name)
        return written
    if fmt == "graphml":
        atomic_write(target, graphml(flat))
    else:
        dates = [d["date"] for d in actors.graph.get("documents", {}).values() if d.get("date")]
        atomic_write(target, gexf(flat, modified=max(dates, default="")))
    return [target]
