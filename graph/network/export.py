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
specification's field names. Every file is written atomically.

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
from typing import Any

import networkx as nx
from rdflib import Dataset, URIRef

from extract.errors import TradegraphError
from extract.vocab import DCTERMS, OWL, PREFIXES, SDO, WIKIDATA
from graph.build.store import atomic_write, merged_graph
from graph.csv_safe import write_csv
from graph.network.details import country_name
from graph.network.projections import KINDS, Evidence, actor_network, actor_topics, co_attendance

__all__ = ["FORMATS", "PROJECTIONS", "default_target", "project", "flat_network", "graphml", "gexf", "csv_tables",
           "jsonld", "popolo", "export"]

FORMATS = ("graphml", "gexf", "csv", "jsonld", "popolo")
NETWORK_FORMATS = ("graphml", "gexf", "csv")
#: actors: people, institutions, meetings, places and topics; people: co-attendance; topics: actor–topic ties
PROJECTIONS = ("actors", "people", "topics")
JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
SEP = "; "
_NODE_ORDER = ["label", "name", "kind", "country", "other_names", "documents", "topics", "statements", "date",
               "planned"]
_EDGE_ORDER = ["relation", "label", "weight", "former", "meetings", "statements", "documents", "evidence"]


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
        raise TradegraphError(f"unknown export format {fmt!r}; formats are: {', '.join(FORMATS)}")
    if projection not in PROJECTIONS:
        raise TradegraphError(f"unknown projection {projection!r}; choose one of: {', '.join(PROJECTIONS)}")


def project(ds: Dataset, projection: str = "actors") -> tuple[nx.Graph, nx.MultiDiGraph]:
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
    if data.get("kind") == "meeting":
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
        for s, t, key, data in g.edges(keys=True, data=True):
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
    """A flat network as ``nodes.csv`` (``id`` first) and ``edges.csv`` (``source``, ``target`` and their labels first)."""
    node_cols = _columns((d for _, d in g.nodes(data=True)), _NODE_ORDER)
    edge_cols = _columns((d for *_, d in g.edges(data=True)), _EDGE_ORDER)
    nodes = _csv(["id", *node_cols], ([n, *(d.get(c, "") for c in node_cols)] for n, d in g.nodes(data=True)))
    edges = _csv(["source", "target", "source_label", "target_label", *edge_cols],
                 ([s, t, g.nodes[s].get("label", s), g.nodes[t].get("label", t), *(d.get(c, "") for c in edge_cols)]
                  for s, t, d in g.edges(data=True)))
    return {"nodes.csv": nodes, "edges.csv": edges}


def jsonld(ds: Dataset) -> bytes:
    """Every triple of the merged graph as JSON-LD, compacted with the project's prefixes, nodes in IRI order."""
    text = merged_graph(ds).serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc.get("@graph"), list):
        doc["@graph"].sort(key=lambda n: str(n.get("@id", "")))
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _sources(evidence: Iterable[Evidence], docs: dict[str, str]) -> list[dict[str, str]]:
    return [{"url": docs.get(e.document, e.document), "note": f"{e.document}: “{' '.join(e.text.split())}”"}
            for e in evidence]


def _other_names(data: dict[str, Any]) -> list[dict[str, str]]:
    return [{"name": n} for n in data.get("names", [])]


def popolo(ds: Dataset) -> dict[str, list[dict[str, Any]]]:
    """People, organizations, memberships, meetings and countries in Popolo's field names.

    ``persons``: ``id, name, other_names, national_identity`` (ISO code of ``schema:nationality``);
    ``organizations``: ``id, name, other_names, classification`` (the kind), ``parent_id`` (the
    immediate parent), ``area_id`` (its country), ``identifiers`` (Wikidata);
    ``memberships``: ``id, person_id, organization_id, role`` (the title as written), ``label``
    (``"former …"`` when every document stating it says so), ``sources`` (evidence);
    ``events``: ``id, name, classification, start_date, end_date, location, organization_id``
    (an organizing institution), ``status`` (``"planned"``), ``attendees`` (the people, as ``id`` and
    ``name``), ``sources``; ``areas``: the countries. Ids are the graph's IRIs.

    Notes:
        The data model gives no start or end dates for memberships, so none are written
        (``tg:firstSeen``/``tg:lastSeen`` are when documents mentioned a role, not its term).
        Organizations that attended a meeting have no place in a Popolo event; the other formats keep them.
    """
    actors = actor_network(ds, kinds=KINDS)
    docs = {str(src): str(doc) for doc, src in ds.subject_objects(DCTERMS.source)}
    kind = dict(actors.nodes(data="kind"))
    persons, organizations, memberships, events = [], [], [], []
    countries: set[str] = set()
    for node, data in actors.nodes(data=True):
        if kind[node] == "person":
            person = {"id": node, "name": data["label"], "other_names": _other_names(data)}
            if data.get("country"):
                person["national_identity"] = data["country"]
            persons.append(person)
        elif kind[node] == "organization":
            org: dict[str, Any] = {"id": node, "name": data["label"], "other_names": _other_names(data)}
            classification = ds.value(URIRef(node), SDO.additionalType)
            if classification is not None:
                org["classification"] = str(classification)
            parents = sorted(t for _, t, r in actors.out_edges(node, data="relation") if r == "subOrganizationOf")
            if parents:
                org["parent_id"] = parents[0]
            if data.get("country"):
                org["area_id"] = f"country/{data['country']}"
                countries.add(data["country"])
            wikidata = sorted(str(o)[len(WIKIDATA):] for o in ds.objects(URIRef(node), OWL.sameAs)
                              if str(o).startswith(WIKIDATA))
            if wikidata:
                org["identifiers"] = [{"scheme": "wikidata", "identifier": q} for q in wikidata]
            organizations.append(org)
        elif kind[node] == "meeting":
            events.append(_event(ds, actors, node, docs))
    for person, org, key, data in sorted(actors.edges(keys=True, data=True), key=lambda e: str(e[2])):
        if data.get("relation") == "memberOf":
            title = str(data.get("label", "member"))
            memberships.append({"id": key, "person_id": person, "organization_id": org, "role": title,
                                "label": f"former {title}" if data.get("former") else title,
                                "sources": _sources(data.get("evidence", []), docs)})
    areas = [{"id": f"country/{c}", "name": country_name(c), "classification": "country",
              "identifiers": [{"scheme": "ISO 3166-1 alpha-2", "identifier": c}]} for c in sorted(countries)]
    return {"persons": persons, "organizations": organizations, "memberships": memberships, "events": events,
            "areas": areas}


def _event(ds: Dataset, actors: nx.MultiDiGraph, node: str, docs: dict[str, str]) -> dict[str, Any]:
    data = actors.nodes[node]
    event: dict[str, Any] = {"id": node, "name": data["label"], "classification": "meeting"}
    if data.get("date"):
        event["start_date"] = data["date"]
    end = ds.value(URIRef(node), SDO.endDate)
    if end is not None:
        event["end_date"] = str(end)
    places = sorted(str(actors.nodes[t]["label"]) for _, t, r in actors.out_edges(node, data="relation")
                    if r == "location")
    if places:
        event["location"] = ", ".join(places)
    incoming = [(s, r) for s, _, r in actors.in_edges(node, data="relation")]
    organizers = sorted(s for s, r in incoming if r == "organizer" and actors.nodes[s]["kind"] == "organization")
    if organizers:
        event["organization_id"] = organizers[0]
    if data.get("planned"):
        event["status"] = "planned"
    people = sorted({s for s, r in incoming if r in {"attendee", "spokeAt"} and actors.nodes[s]["kind"] == "person"})
    event["attendees"] = [{"id": p, "name": actors.nodes[p]["label"]} for p in people]
    evidence = sorted({e for s, _, d in actors.in_edges(node, data=True) if d.get("relation") == "attendee"
                       for e in d.get("evidence", [])})
    event["sources"] = _sources(evidence, docs)
    return event


def export(ds: Dataset, fmt: str, target: Path, *, projection: str = "actors") -> list[Path]:
    """Write ``ds`` in ``fmt`` to ``target`` (a folder for ``csv``); returns the files written.

    Raises:
        TradegraphError: an unknown format or projection, or a projection asked of a format that has none.
    """
    _check(fmt, projection)
    if fmt not in NETWORK_FORMATS and projection != "actors":
        raise TradegraphError(f"--projection applies to {', '.join(NETWORK_FORMATS)}; "
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
