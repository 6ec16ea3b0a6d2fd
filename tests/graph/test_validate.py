"""The SHACL shapes catch graphs that break the data model."""
import pytest
from rdflib import Graph, Literal

from extract.vocab import DCTERMS, ID, ORG, PROV, RDF, SDO, SKOS, TG, XSD
from graph.build.store import assemble
from graph.build.validate import validate


def membership(evidence: bool = True, person_names: tuple[str, ...] = ("Ana Ruiz",)) -> Graph:
    g = Graph()
    p, o, m, r, d = ID["person/ana-ruiz"], ID["org/orbis"], ID["membership/x"], ID["role/director"], ID["doc/d"]
    g.add((p, RDF.type, SDO.Person))
    for n in person_names:
        g.add((p, SDO.name, Literal(n)))
    g.add((o, RDF.type, SDO.Organization))
    g.add((o, SDO.name, Literal("Orbis")))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, p))
    g.add((m, ORG.organization, o))
    g.add((m, ORG.role, r))
    g.add((r, SKOS.prefLabel, Literal("Director")))
    g.add((m, TG.former, Literal(False)))
    if evidence:
        g.add((m, PROV.wasDerivedFrom, d))
        g.add((m, TG.evidence, Literal("Ana Ruiz, Director of Orbis.")))
        g.add((m, TG.charStart, Literal(0, datatype=XSD.integer)))
        g.add((m, TG.charEnd, Literal(28, datatype=XSD.integer)))
        g.add((m, TG.extractor, Literal("roles.apposition")))
    return g


@pytest.mark.parametrize("graph,ok", [
    (membership(), True),
    (membership(evidence=False), False),                          # a membership without its sentence
    (membership(person_names=("Ana Ruiz", "A. Ruiz")), False),    # a person with two names
])
def test_validate_shapes(graph, ok):
    conforms, report = validate(assemble(Graph(), [(ID["doc/d"], graph)]))
    assert conforms is ok, report


def document(*languages: str) -> Graph:
    """A document node with its source, name and the given ``dcterms:language`` values."""
    g = Graph()
    d = ID["doc/d"]
    g.add((d, DCTERMS.source, Literal("d.txt")))
    g.add((d, SDO.name, Literal("d.txt")))
    for lang in languages:
        g.add((d, DCTERMS.language, Literal(lang)))
    return g


@pytest.mark.parametrize("languages,ok", [
    ((), True),             # documents of the reference graph carry no language
    (("es",), True),
    (("en",), True),
    (("spa",), False),      # a three-letter code
    (("ES",), False),       # codes are lower case
    (("es-MX",), False),    # a region is not recorded
    (("en", "es"), False),  # a document is read as one language
])
def test_document_language_shape(languages, ok):
    conforms, report = validate(assemble(Graph(), [(ID["doc/d"], document(*languages))]))
    assert conforms is ok, report
