"""The actor network: people, organizations, meetings and places (topics on request) and their links.

Kinds and relations come from the data model (:mod:`graph.network.schema`): a node's kind from its RDF
type, an edge's relation from the predicate it is read from.

>>> from graph.build.store import new_dataset
>>> actor_network(new_dataset()).number_of_nodes()
0
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from extract.vocab import ORG, RDF, SDO, SKOS, TG
from graph.errors import ViewError
from graph.network import evidence as read
from graph.network.evidence import Evidence
from graph.network.readable import Readable, order_key
from graph.network.schema import Relation, load_schema

__all__ = ["KINDS", "KIND_OF_TYPE", "READ_KINDS", "PERSON", "ORGANIZATION", "MEETING", "TOPIC", "ACTOR_KINDS",
           "actor_network"]

_SCHEMA = load_schema()
#: every kind of node, in the order the network reads them
KINDS = tuple(k.key for k in _SCHEMA.kinds)
#: RDF type -> kind, for the kinds read by type
KIND_OF_TYPE = {t: k.key for k in _SCHEMA.kinds if not k.linked_only for t in k.types}
#: the kinds :func:`actor_network` reads by default (all but those added only when linked: topics)
READ_KINDS = tuple(k.key for k in _SCHEMA.kinds if not k.linked_only)
PERSON, ORGANIZATION, MEETING = (_SCHEMA.kind_of_type(t).key for t in (SDO.Person, SDO.Organization, SDO.Event))
TOPIC = _SCHEMA.kind_of_type(SKOS.Concept).key
#: the kinds that act: people and bodies (they have a side, they are ranked and tied to topics)
ACTOR_KINDS = tuple(k.key for k in _SCHEMA.kinds if k.actor)
# terms read for every node, edge or document, made once (``SDO.about`` builds a new URIRef at each use)
_ABOUT, _MENTIONS, _ATTENDEE, _START = SDO.about, SDO.mentions, SDO.attendee, SDO.startDate
_COUNTRY = (SDO.nationality, SDO.addressCountry)
_PLANNED, _TRUE = TG.planned, Literal(True)
_MEMBERSHIP_ENDS = (ORG.member, ORG.organization, ORG.role)
_PREF_LABEL, _FIRST_SEEN, _LAST_SEEN, _MADE_AT = SKOS.prefLabel, TG.firstSeen, TG.lastSeen, TG.madeAt


def _merge_edge(g: nx.MultiDiGraph, source: str, target: str, *, relation: Relation,
                evidence: list[Evidence]) -> None:
    """Add an edge of ``relation`` (keyed by it, labelled with its label), or add evidence to the one already there."""
    if g.has_edge(source, target, relation.key):
        data = g.edges[source, target, relation.key]
        data["evidence"] = sorted(set(data["evidence"]) | set(evidence))
    else:
        g.add_edge(source, target, key=relation.key, relation=relation.key, label=relation.label,
                   evidence=sorted(set(evidence)))


def actor_network(ds: Readable, *, kinds: tuple[str, ...] = READ_KINDS) -> nx.MultiDiGraph:
    """People, organizations, meetings and places (and ``"topic"`` if asked) as nodes, their links as edges.

    Node attributes: ``label``, ``kind``, ``country`` (ISO code or ``""``), ``documents`` (file names),
    ``names`` (other names), ``topics`` (topic IRIs of its documents, meetings and statements),
    ``statements`` (:class:`Statement` list), and for meetings ``date`` and ``planned``.
    Edge attributes: ``relation`` (memberOf, subOrganizationOf, attendee, organizer, location, about,
    spokeAbout, spokeAt: ``graph/data/schema.yaml``), ``label`` (the role title for memberships),
    ``evidence`` (:class:`Evidence` list) and, for memberships, ``former`` and ``first_seen``/``last_seen``
    (``tg:firstSeen``/``tg:lastSeen``: the first and last publication dates of the documents stating it, or
    ``""``). Only immediate parents are
    kept as ``subOrganizationOf`` edges. Graph attribute ``documents``: file name -> ``{"title", "date"}``.

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
        raise ViewError(f"unknown node kind(s) {', '.join(unknown)}; valid kinds: {', '.join(KINDS)}")
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    sources = read.sources(ds)
    evidence = read.evidence(ds, sources)
    docs_of: dict[Node, set[str]] = defaultdict(set)
    topics_of: dict[Node, set[str]] = defaultdict(set)
    for doc, source in sources.items():
        doc_topics = {str(t) for t in ds.objects(doc, _ABOUT)}
        for node in ds.objects(doc, _MENTIONS):
            docs_of[node].add(source)
            topics_of[node] |= doc_topics
        for topic in doc_topics:
            docs_of[URIRef(topic)].add(source)
    for event in set(ds.subjects(RDF.type, SDO.Event)):
        event_topics = {str(t) for t in ds.objects(event, _ABOUT)}
        topics_of[event] |= event_topics
        for actor in ds.objects(event, _ATTENDEE):
            topics_of[actor] |= event_topics
    statements = read.statements(ds)
    for speaker, said in statements.items():
        for st in said:
            topics_of[speaker] |= {str(t) for t in ds.objects(st, _ABOUT)}

    for cls, kind in KIND_OF_TYPE.items():
        if kind not in kinds:
            continue
        for node in sorted(set(ds.subjects(RDF.type, cls)), key=str):
            label = read.label(ds, node)
            g.add_node(str(node), label=label, kind=kind,
                       country=read.first(ds, node, *_COUNTRY),
                       documents=sorted(docs_of.get(node, ())), names=read.other_names(ds, node, label),
                       topics=sorted(topics_of.get(node, ())),
                       statements=[read.statement(ds, st, evidence) for st in statements.get(node, [])])
            if kind == MEETING:
                g.nodes[str(node)].update(date=read.first(ds, node, _START), planned=(node, _PLANNED, _TRUE) in ds)
    if TOPIC in kinds:
        used = {URIRef(t) for t in set().union(*topics_of.values())}
        for topic in sorted(used):
            label = read.label(ds, topic)
            g.add_node(str(topic), label=label, kind=TOPIC, country="", documents=sorted(docs_of.get(topic, ())),
                       names=read.other_names(ds, topic, label), topics=[str(topic)], statements=[])
    _add_edges(g, ds, evidence, statements)
    g.graph["documents"] = {source: {"title": read.first(ds, doc, SDO.name),
                                     "date": read.first(ds, doc, SDO.datePublished)}
                            for doc, source in sorted(sources.items(), key=lambda d: d[1])}
    return g


def _add_edges(g: nx.MultiDiGraph, ds: Readable, evidence: dict[Node, list[Evidence]],
               statements: dict[Node, list[Node]]) -> None:
    formers = read.formers(ds)
    member = _SCHEMA.relation_of(ORG.Membership)
    for m in sorted(set(ds.subjects(RDF.type, ORG.Membership)), key=str):
        person, org, role = (read.one(ds, m, p) for p in _MEMBERSHIP_ENDS)
        # a role written in two cases by two documents carries two labels: pick one the same way every time
        title = read.label(ds, role) if role is not None and (role, _PREF_LABEL, None) in ds else member.label
        if person is not None and org is not None and str(person) in g and str(org) in g:
            g.add_edge(str(person), str(org), key=str(m), relation=member.key, label=title,
                       former=formers.get(m, False), evidence=evidence.get(m, []),
                       first_seen=read.first(ds, m, _FIRST_SEEN), last_seen=read.first(ds, m, _LAST_SEEN))
    parents = nx.DiGraph((str(s), str(o)) for s, o in ds.subject_objects(ORG.subOrganizationOf)
                         if str(s) in g and str(o) in g and s != o)
    if nx.is_directed_acyclic_graph(parents):
        parents = nx.transitive_reduction(parents)
    part_of = _SCHEMA.relation_of(ORG.subOrganizationOf)
    for s, o in sorted(parents.edges):
        _merge_edge(g, s, o, relation=part_of, evidence=[])
    for link in (r for r in _SCHEMA.relations if "meeting_property" in r.hints and r.predicate is not None):
        # only the pairs of drawn nodes, sorted as rdflib sorts them (without its Python comparisons: a third of
        # the network's cost at 1,000 documents)
        pairs = [(e, x) for e, x in ds.subject_objects(link.predicate)
                 if str(e) in g and str(x) in g and g.nodes[str(e)]["kind"] == MEETING]
        for e, x in sorted(pairs, key=lambda pair: (order_key(pair[0]), order_key(pair[1]))):
            source, target = (str(x), str(e)) if link.reverse else (str(e), str(x))
            _merge_edge(g, source, target, relation=link, evidence=evidence.get(e, []))
    spoke_about, spoke_at = _SCHEMA.relation_of(TG.speaker), _SCHEMA.relation_of(TG.madeAt)
    attendee = _SCHEMA.relation_of(SDO.attendee).key
    for speaker, said in sorted(statements.items()):
        if str(speaker) not in g:
            continue
        for st in said:
            for topic in sorted(ds.objects(st, _ABOUT), key=str):
                if str(topic) in g:
                    _merge_edge(g, str(speaker), str(topic), relation=spoke_about, evidence=evidence.get(st, []))
            event = read.one(ds, st, _MADE_AT)
            if event is not None and str(event) in g and not g.has_edge(str(speaker), str(event), attendee):
                _merge_edge(g, str(speaker), str(event), relation=spoke_at, evidence=evidence.get(st, []))
