"""RDF -> networkx views of the graph, shared by the HTML view, notebooks and exports.

The one place projections live:

- :func:`actor_network`: people, organizations, meetings and places (topics on request) as nodes;
  memberships, hierarchy, attendance and statements as edges, each carrying its evidence;
- :func:`focus_network`: one actor's neighbourhood in such a network (:func:`find_actor` finds it by name);
- :func:`co_attendance` / :func:`people_network`: people linked by the meetings they attended together.
- :func:`actor_topics` / :func:`topic_network`: people and organizations linked to the topics they spoke
  about or met about (a bipartite view).

>>> from graph.build.store import new_dataset
>>> actor_network(new_dataset()).number_of_nodes()
0
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar, cast

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from extract.errors import TradegraphError
from extract.slug import fold
from extract.vocab import DCTERMS, ORG, PROV, RDF, SDO, SKOS, TG

__all__ = ["KINDS", "Evidence", "Statement", "actor_network", "find_actor", "focus_network",
           "co_attendance", "people_network", "actor_topics", "topic_network"]

KIND_OF_TYPE = {SDO.Person: "person", SDO.Organization: "organization", SDO.Event: "meeting",
                SDO.Place: "place"}
KINDS = ("person", "organization", "meeting", "place", "topic")
GraphT = TypeVar("GraphT", bound=nx.Graph)


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: the document's file name, the sentence, its character offsets (-1 if unknown)."""

    document: str
    start: int = -1
    end: int = -1
    text: str = ""


@dataclass(frozen=True)
class Statement:
    """Something an actor said (``tg:Statement``): the text, its topics (labels), the meeting, the evidence."""

    text: str
    topics: tuple[str, ...] = ()
    event: str | None = None
    evidence: tuple[Evidence, ...] = ()


def _label(ds: Dataset, node: Node) -> str:
    """``schema:name``, else ``skos:prefLabel`` (English first), else the IRI's last segment."""
    for p in (SDO.name, SKOS.prefLabel):
        values = sorted(ds.objects(node, p), key=str)
        if values:
            rank = {"en": 0, None: 1}
            best = min(values, key=lambda o: (rank.get(o.language, 2) if isinstance(o, Literal) else 3, str(o)))
            return str(best)
    return str(node).rsplit("/", 1)[-1]


def _other_names(ds: Dataset, node: Node, label: str) -> list[str]:
    names = {str(o) for p in (SDO.name, SDO.alternateName, SKOS.prefLabel) for o in ds.objects(node, p)}
    return sorted(names - {label})


def _first(ds: Dataset, node: Node, *preds: URIRef) -> str:
    for p in preds:
        values = sorted(str(o) for o in ds.objects(node, p))
        if values:
            return values[0]
    return ""


def _sources(ds: Dataset) -> dict[Node, str]:
    """Document IRI -> file name."""
    return {doc: str(src) for doc, src in ds.subject_objects(DCTERMS.source)}


def _per_graph(ds: Dataset, pred: URIRef) -> dict[tuple[Node, Node], Node]:
    """(subject, graph name) -> the object of ``pred`` in that graph (one pass over the quads)."""
    found: dict[tuple[Node, Node], Node] = {}
    for s, _, o, ctx in ds.quads((None, pred, None, None)):
        name = cast(Node, getattr(ctx, "identifier", ctx))
        if (s, name) not in found or str(o) < str(found[(s, name)]):
            found[(s, name)] = o
    return found


def _evidence(ds: Dataset, sources: dict[Node, str]) -> dict[Node, list[Evidence]]:
    """Every node carrying ``tg:evidence`` -> its evidence, paired per document graph (sorted, no repeats)."""
    derived, starts, ends = (_per_graph(ds, p) for p in (PROV.wasDerivedFrom, TG.charStart, TG.charEnd))
    found: dict[Node, set[Evidence]] = defaultdict(set)
    for (node, name), text in _per_graph(ds, TG.evidence).items():
        doc = derived.get((node, name), name)
        start, end = starts.get((node, name)), ends.get((node, name))
        found[node].add(Evidence(sources.get(doc, str(doc).rsplit("/", 1)[-1]),
                                 int(str(start)) if start is not None else -1,
                                 int(str(end)) if end is not None else -1, str(text)))
    return {node: sorted(evs) for node, evs in found.items()}


def _formers(ds: Dataset) -> dict[Node, bool]:
    """Membership -> True when every document stating it calls it former."""
    seen: dict[Node, list[bool]] = defaultdict(list)
    for (m, _), value in _per_graph(ds, TG.former).items():
        seen[m].append(bool(value.toPython()) if isinstance(value, Literal) else False)
    return {m: all(values) for m, values in seen.items()}


def _merge_edge(g: nx.MultiDiGraph, source: str, target: str, key: str, label: str,
                evidence: list[Evidence]) -> None:
    """Add an edge, or add evidence to the one already there."""
    if g.has_edge(source, target, key):
        data = g.edges[source, target, key]
        data["evidence"] = sorted(set(data["evidence"]) | set(evidence))
    else:
        g.add_edge(source, target, key=key, relation=key, label=label, evidence=sorted(set(evidence)))


def actor_network(ds: Dataset, *, kinds: tuple[str, ...] = ("person", "organization", "meeting", "place")
                  ) -> nx.MultiDiGraph:
    """People, organizations, meetings and places (and ``"topic"`` if asked) as nodes, their links as edges.

    Node attributes: ``label``, ``kind``, ``country`` (ISO code or ``""``), ``documents`` (file names),
    ``names`` (other names), ``topics`` (topic IRIs of its documents, meetings and statements),
    ``statements`` (:class:`Statement` list), and for meetings ``date`` and ``planned``.
    Edge attributes: ``relation`` (memberOf, subOrganizationOf, attendee, organizer, location, about,
    spokeAbout, spokeAt), ``label`` (the role title for memberships), ``evidence`` (:class:`Evidence` list)
    and, for memberships, ``former``. Only immediate parents are kept as ``subOrganizationOf`` edges.
    Graph attribute ``documents``: file name -> ``{"title", "date"}``.

    Examples:
        >>> from graph.build.store import new_dataset
        >>> ds = new_dataset()
        >>> _ = ds.add((URIRef("https://w3id.org/tradegraph/id/person/ana"), RDF.type, SDO.Person))
        >>> g = actor_network(ds)
        >>> [(d["label"], d["kind"]) for _, d in g.nodes(data=True)]
        [('ana', 'person')]
    """
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise TradegraphError(f"unknown node kind(s) {', '.join(unknown)}; valid kinds: {', '.join(KINDS)}")
    g = nx.MultiDiGraph()
    sources = _sources(ds)
    evidence = _evidence(ds, sources)
    docs_of: dict[Node, set[str]] = defaultdict(set)
    topics_of: dict[Node, set[str]] = defaultdict(set)
    for doc, source in sources.items():
        doc_topics = {str(t) for t in ds.objects(doc, SDO.about)}
        for node in ds.objects(doc, SDO.mentions):
            docs_of[node].add(source)
            topics_of[node] |= doc_topics
        for topic in doc_topics:
            docs_of[URIRef(topic)].add(source)
    for event in set(ds.subjects(RDF.type, SDO.Event)):
        event_topics = {str(t) for t in ds.objects(event, SDO.about)}
        topics_of[event] |= event_topics
        for actor in ds.objects(event, SDO.attendee):
            topics_of[actor] |= event_topics
    statements = _statements(ds)
    for speaker, said in statements.items():
        for st in said:
            topics_of[speaker] |= {str(t) for t in ds.objects(st, SDO.about)}

    for cls, kind in KIND_OF_TYPE.items():
        if kind not in kinds:
            continue
        for node in sorted(set(ds.subjects(RDF.type, cls)), key=str):
            label = _label(ds, node)
            g.add_node(str(node), label=label, kind=kind,
                       country=_first(ds, node, SDO.nationality, SDO.addressCountry),
                       documents=sorted(docs_of.get(node, ())), names=_other_names(ds, node, label),
                       topics=sorted(topics_of.get(node, ())),
                       statements=[_statement(ds, st, evidence) for st in statements.get(node, [])])
            if kind == "meeting":
                g.nodes[str(node)].update(date=_first(ds, node, SDO.startDate),
                                          planned=(node, TG.planned, Literal(True)) in ds)
    if "topic" in kinds:
        used = {URIRef(t) for ts in topics_of.values() for t in ts}
        for topic in sorted(used):
            label = _label(ds, topic)
            g.add_node(str(topic), label=label, kind="topic", country="", documents=sorted(docs_of.get(topic, ())),
                       names=_other_names(ds, topic, label), topics=[str(topic)], statements=[])
    _add_edges(g, ds, evidence, statements)
    g.graph["documents"] = {source: {"title": _first(ds, doc, SDO.name), "date": _first(ds, doc, SDO.datePublished)}
                            for doc, source in sorted(sources.items(), key=lambda d: d[1])}
    return g


def _statements(ds: Dataset) -> dict[Node, list[Node]]:
    """Speaker -> their statements, in IRI order."""
    said: dict[Node, list[Node]] = defaultdict(list)
    for st in sorted(set(ds.subjects(RDF.type, TG.Statement)), key=str):
        speaker = ds.value(st, TG.speaker)
        if speaker is not None:
            said[speaker].append(st)
    return said


def _statement(ds: Dataset, st: Node, evidence: dict[Node, list[Evidence]]) -> Statement:
    event = ds.value(st, TG.madeAt)
    return Statement(_first(ds, st, SDO.text), tuple(sorted(_label(ds, t) for t in ds.objects(st, SDO.about))),
                     str(event) if event is not None else None, tuple(evidence.get(st, ())))


def _add_edges(g: nx.MultiDiGraph, ds: Dataset, evidence: dict[Node, list[Evidence]],
               statements: dict[Node, list[Node]]) -> None:
    formers = _formers(ds)
    for m in sorted(set(ds.subjects(RDF.type, ORG.Membership)), key=str):
        person, org = ds.value(m, ORG.member), ds.value(m, ORG.organization)
        role = ds.value(m, ORG.role)
        # a role written in two cases by two documents carries two labels: pick one the same way every time
        title = _label(ds, role) if role is not None and (role, SKOS.prefLabel, None) in ds else "member"
        if person is not None and org is not None and str(person) in g and str(org) in g:
            g.add_edge(str(person), str(org), key=str(m), relation="memberOf", label=title,
                       former=formers.get(m, False), evidence=evidence.get(m, []))
    parents = nx.DiGraph((str(s), str(o)) for s, o in ds.subject_objects(ORG.subOrganizationOf)
                         if str(s) in g and str(o) in g and s != o)
    if nx.is_directed_acyclic_graph(parents):
        parents = nx.transitive_reduction(parents)
    for s, o in sorted(parents.edges):
        _merge_edge(g, s, o, "subOrganizationOf", "part of", [])
    links = [(SDO.attendee, "attendee", "attended", True), (SDO.organizer, "organizer", "organized", True),
             (SDO.location, "location", "held in", False), (SDO.about, "about", "about", False)]
    for pred, relation, label, towards_event in links:
        for e, x in sorted(ds.subject_objects(pred)):
            if str(e) in g and str(x) in g and g.nodes[str(e)]["kind"] == "meeting":
                source, target = (str(x), str(e)) if towards_event else (str(e), str(x))
                _merge_edge(g, source, target, relation, label, evidence.get(e, []))
    for speaker, said in sorted(statements.items()):
        if str(speaker) not in g:
            continue
        for st in said:
            for topic in sorted(ds.objects(st, SDO.about), key=str):
                if str(topic) in g:
                    _merge_edge(g, str(speaker), str(topic), "spokeAbout", "spoke about", evidence.get(st, []))
            event = ds.value(st, TG.madeAt)
            if event is not None and str(event) in g and not g.has_edge(str(speaker), str(event), "attendee"):
                _merge_edge(g, str(speaker), str(event), "spokeAt", "spoke at", evidence.get(st, []))


def find_actor(g: nx.Graph, name: str) -> str:
    """The node whose name (or other name, or IRI) is ``name``, compared case- and accent-insensitively.

    An exact name wins, then a unique name containing ``name``.

    Raises:
        TradegraphError: no node or several match; the message lists the closest names.

    Examples:
        >>> g = nx.Graph(); g.add_node("p1", label="Raquel Buenrostro", names=[]); find_actor(g, "raquel buenrostro")
        'p1'
    """
    wanted = fold(name)
    names = {node: [data.get("label", str(node)), *data.get("names", [])] for node, data in g.nodes(data=True)}
    exact = sorted(n for n, ns in names.items() if n == name or wanted in {fold(x) for x in ns})
    partial = sorted(n for n, ns in names.items() if wanted and any(wanted in fold(x) for x in ns))
    hits = exact or partial
    if len(hits) == 1:
        return hits[0]
    if hits:
        shown = ", ".join(repr(g.nodes[n].get("label", n)) for n in hits[:6])
        raise TradegraphError(f"{name!r} matches {len(hits)} actors: {shown}; give the full name")
    close = difflib.get_close_matches(name, sorted({ns[0] for ns in names.values()}), n=5, cutoff=0.6)
    hint = (f"; did you mean {', '.join(repr(c) for c in close)}?" if close
            else "; `tradegraph query people_organizations` lists people and their institutions")
    raise TradegraphError(f"no actor named {name!r} in the graph{hint}")


def focus_network(g: GraphT, node: str, depth: int = 1) -> GraphT:
    """The actors within ``depth`` links of ``node`` (either direction) and the links among them.

    Examples:
        >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
        >>> sorted(focus_network(g, "b", 1))
        ['a', 'b', 'c']
    """
    if node not in g:
        raise TradegraphError(f"{node!r} is not in the network")
    if depth < 0:
        raise TradegraphError(f"depth must be 0 or more, not {depth}")
    return nx.ego_graph(g, node, radius=depth, undirected=True).copy()


def co_attendance(actors: nx.MultiDiGraph) -> nx.Graph:
    """People linked when they attended (or spoke at) the same meeting; ``weight`` = meetings shared.

    Nodes keep their attributes from ``actors``; only people who attended a meeting are kept.
    Edge attributes: ``relation`` ("coAttended"), ``label`` ("2 meetings", empty for one), ``weight``,
    ``meetings`` (meeting ids)
    and ``evidence`` (the meetings' evidence).

    Examples:
        >>> a = nx.MultiDiGraph()
        >>> for n, k in [("p", "person"), ("q", "person"), ("m", "meeting")]: a.add_node(n, kind=k, label=n)
        >>> for p in ("p", "q"): _ = a.add_edge(p, "m", relation="attendee", evidence=[])
        >>> sorted(co_attendance(a).edges(data="weight"))
        [('p', 'q', 1)]
    """
    met: dict[str, set[str]] = defaultdict(set)
    proof: dict[str, set[Evidence]] = defaultdict(set)
    for person, meeting, data in actors.edges(data=True):
        if data.get("relation") in {"attendee", "spokeAt"} and actors.nodes[person].get("kind") == "person" \
                and actors.nodes[meeting].get("kind") == "meeting":
            met[meeting].add(person)
            proof[meeting] |= set(data.get("evidence", []))
    people = nx.Graph()
    for meeting in sorted(met):
        for person in sorted(met[meeting]):
            people.add_node(person, **actors.nodes[person])
        for a, b in combinations(sorted(met[meeting]), 2):
            if people.has_edge(a, b):
                people.edges[a, b]["meetings"].append(meeting)
                people.edges[a, b]["evidence"] = sorted(set(people.edges[a, b]["evidence"]) | proof[meeting])
            else:
                people.add_edge(a, b, relation="coAttended", meetings=[meeting], evidence=sorted(proof[meeting]))
    for a, b, data in people.edges(data=True):
        data["weight"] = len(data["meetings"])
        data["label"] = f"{data['weight']} meetings" if data["weight"] > 1 else ""
    return people


def people_network(ds: Dataset) -> nx.Graph:
    """The person-to-person co-attendance network of a dataset (see :func:`co_attendance`)."""
    return co_attendance(actor_network(ds, kinds=("person", "meeting")))


def actor_topics(actors: nx.MultiDiGraph) -> nx.Graph:
    """People and organizations linked to the topics they are tied to: a bipartite actor–topic view.

    An actor is tied to a topic by each statement it made about it (``tg:speaker`` and the statement's
    ``schema:about``) and by each meeting about it (the event's ``schema:about``) that it attended or
    spoke at (``schema:attendee``, or ``tg:madeAt`` of its statement). ``actors`` must hold meetings and
    topics: ``actor_network(ds, kinds=KINDS)``; :func:`topic_network` does both steps.

    Nodes keep their attributes from ``actors``, plus ``bipartite`` (0 for actors, 1 for topics, as
    :mod:`networkx.algorithms.bipartite` expects); only actors and topics with a tie are kept.
    Edge attributes: ``relation`` ("concerns"), ``statements`` (how many statements), ``meetings``
    (meeting ids), ``weight`` (statements + meetings), ``label`` ("2 statements, 1 meeting") and
    ``evidence`` (of the statements and meetings).

    Examples:
        >>> a = nx.MultiDiGraph()
        >>> for n, k in [("p", "person"), ("m", "meeting"), ("t", "topic")]: a.add_node(n, kind=k, label=n)
        >>> _ = a.add_edge("p", "m", relation="attendee", evidence=[])
        >>> _ = a.add_edge("m", "t", relation="about", evidence=[])
        >>> sorted(actor_topics(a).edges(data="weight"))
        [('p', 't', 1)]
    """
    said: dict[tuple[str, str], int] = defaultdict(int)
    met: dict[tuple[str, str], set[str]] = defaultdict(set)
    proof: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
    kind = {n: d.get("kind") for n, d in actors.nodes(data=True)}
    for actor, target, data in actors.edges(data=True):
        if kind[actor] not in {"person", "organization"}:
            continue
        relation = data.get("relation")
        if relation == "spokeAbout" and kind[target] == "topic":
            label = actors.nodes[target].get("label")
            count = sum(label in st.topics for st in actors.nodes[actor].get("statements", []))
            said[actor, target] = max(count, 1)
            proof[actor, target] |= set(data.get("evidence", []))
        elif relation in {"attendee", "spokeAt"} and kind[target] == "meeting":
            for _, topic, about in actors.out_edges(target, data=True):
                if about.get("relation") == "about" and kind[topic] == "topic":
                    met[actor, topic].add(target)
                    proof[actor, topic] |= set(data.get("evidence", []))
    view = nx.Graph()
    for actor, topic in sorted(set(said) | set(met)):
        view.add_node(actor, **{**actors.nodes[actor], "bipartite": 0})
        view.add_node(topic, **{**actors.nodes[topic], "bipartite": 1})
        statements, meetings = said.get((actor, topic), 0), sorted(met.get((actor, topic), ()))
        parts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((statements, "statement"),
                                                                      (len(meetings), "meeting")) if n]
        view.add_edge(actor, topic, relation="concerns", statements=statements, meetings=meetings,
                      weight=statements + len(meetings), label=", ".join(parts),
                      evidence=sorted(proof[actor, topic]))
    return view


def topic_network(ds: Dataset) -> nx.Graph:
    """The actor–topic view of a dataset (see :func:`actor_topics`)."""
    return actor_topics(actor_network(ds, kinds=KINDS))
