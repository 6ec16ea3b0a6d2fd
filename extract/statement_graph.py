"""Statements and figures to triples: who said what, about which topics, at which event, citing which numbers."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from spacy.tokens import Doc

from extract.document import doc_text
from extract.figures import Figure, find_figures, what_it_measures
from extract.iris import entity_iri
from extract.resolve import Entity
from extract.statements import Statement
from extract.topics import TopicScheme, sentence_topics
from extract.vocab import ID, PROV, RDF, SDO, TG, XSD


def _evidence(g: Graph, node: URIRef, doc_iri: URIRef, text: str, start: int, end: int, rule: str) -> None:
    g.add((node, PROV.wasDerivedFrom, doc_iri))
    g.add((node, TG.evidence, Literal(text[start:end].strip())))
    g.add((node, TG.charStart, Literal(start, datatype=XSD.integer)))
    g.add((node, TG.charEnd, Literal(end, datatype=XSD.integer)))
    g.add((node, TG.extractor, Literal(rule)))


def figure_triples(g: Graph, figure: Figure, node: URIRef, doc: Doc, doc_iri: URIRef) -> None:
    """One figure: its value, unit, the words it was written with and what it measures."""
    g.add((node, RDF.type, TG.Figure))
    g.add((node, SDO.value, Literal(figure.value)))
    g.add((node, SDO.unitText, Literal(figure.unit)))
    g.add((node, SDO.description, Literal(figure.text)))
    measures = what_it_measures(doc, figure)
    if measures:
        g.add((node, TG.measures, Literal(measures)))
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    sent = span.sent if span is not None else None
    start, end = (sent.start_char, sent.end_char) if sent is not None else (figure.start, figure.end)
    _evidence(g, node, doc_iri, doc_text(doc), start, end, "figures.pattern")


def statements_and_figures(g: Graph, doc: Doc, doc_iri: URIRef, key: str, statements: list[Statement],
                           entities: list[Entity], event_of: dict[str, URIRef], scheme: TopicScheme,
                           clutter: list[tuple[int, int]]) -> None:
    """Add every statement (with its figures) and every figure outside statements to ``g``.

    ``event_of`` maps a person entity's key to the event they attended, when there is exactly one.
    """
    by_span = {(m.start, m.end): e for e in entities if e.kind == "person" for m in e.mentions}
    inside: set[tuple[int, int]] = set()
    for n, st in enumerate(statements, start=1):
        speaker = by_span.get((st.speaker.start, st.speaker.end))
        if speaker is None:
            continue
        node = ID[f"statement/{key}--{n}"]
        g.add((node, RDF.type, TG.Statement))
        g.add((doc_iri, SDO.mentions, node))
        g.add((node, TG.speaker, entity_iri(speaker)))
        g.add((node, SDO.text, Literal(st.text)))
        for topic in sentence_topics(st.text, scheme):
            g.add((node, SDO.about, URIRef(topic.iri)))
        if speaker.key in event_of:
            g.add((node, TG.madeAt, event_of[speaker.key]))
        _evidence(g, node, doc_iri, doc_text(doc), st.sent_start, st.sent_end, st.rule)
        for k, figure in enumerate(find_figures(st.text, offset=st.start), start=1):
            fig = ID[f"figure/{key}--{figure.start}"]
            figure_triples(g, figure, fig, doc, doc_iri)
            g.add((node, TG.figure, fig))
            inside.add((figure.start, figure.end))
    for figure in find_figures(doc_text(doc)):
        if (figure.start, figure.end) in inside or any(s <= figure.start < e for s, e in clutter):
            continue
        fig = ID[f"figure/{key}--{figure.start}"]
        figure_triples(g, figure, fig, doc, doc_iri)
        g.add((doc_iri, SDO.mentions, fig))
