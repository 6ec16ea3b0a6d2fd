"""The SHACL shapes catch graphs that break the data model."""
import pytest
from rdflib import Graph, Literal

from extract.vocab import ID, ORG, PROV, RDF, SDO, SKOS, TG, XSD
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
