"""Statements and figures to triples: who said what, about which topics, at which meeting, citing which numbers."""
from __future__ import annotations

from rdflib import Literal, URIRef

from extract.findings import FigureFound, Said
from extract.iris import entity_iri
from extract.rdf.provenance import provenance
from extract.rdf.sink import TripleSink
from extract.vocab import ID, RDF, SDO, TG


def figure_iri(document_key: str, figure: FigureFound) -> URIRef:
    """A figure is named by where it starts in its document."""
    return ID[f"figure/{document_key}--{figure.figure.start}"]


def figure_triples(g: TripleSink, found: FigureFound, node: URIRef, doc: URIRef) -> None:
    """One figure: its value, unit, the words it was written with and what it measures."""
    figure = found.figure
    g.add((node, RDF.type, TG.Figure))
    g.add((node, SDO.value, Literal(figure.value)))
    g.add((node, SDO.unitText, Literal(figure.unit)))
    g.add((node, SDO.description, Literal(figure.text)))
    if found.measures:
        g.add((node, TG.measures, Literal(found.measures)))
    provenance(g, node, found.evidence, doc)


def statement_triples(g: TripleSink, said: Said, doc: URIRef, *, document_key: str, made_at: URIRef | None) -> None:
    """One statement with its speaker, topics, the figures it cites and, when its speaker attended exactly
    one meeting of the document, that meeting (``made_at``)."""
    node = ID[f"statement/{document_key}--{said.number}"]
    g.add((node, RDF.type, TG.Statement))
    g.add((doc, SDO.mentions, node))
    g.add((node, TG.speaker, entity_iri(said.speaker)))
    g.add((node, SDO.text, Literal(said.statement.text)))
    for topic in said.topics:
        g.add((node, SDO.about, URIRef(topic)))
    if made_at is not None:
        g.add((node, TG.madeAt, made_at))
    provenance(g, node, said.evidence, doc)
    for figure in said.figures:
        fig = figure_iri(document_key, figure)
        figure_triples(g, figure, fig, doc)
        g.add((node, TG.figure, fig))


def lone_figure_triples(g: TripleSink, figure: FigureFound, doc: URIRef, *, document_key: str) -> None:
    """A figure the document cites outside any statement."""
    fig = figure_iri(document_key, figure)
    figure_triples(g, figure, fig, doc)
    g.add((doc, SDO.mentions, fig))


__all__ = ["statement_triples", "lone_figure_triples", "figure_triples", "figure_iri"]
