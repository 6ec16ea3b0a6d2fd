import pytest
from rdflib import Graph, Literal, URIRef

from extract.errors import DataError
from extract.vocab import ID, RDF, SDO
from graph.merge import Judgements, load_judgements, merge_graphs


def person_graph(*names: str) -> Graph:
    from extract.iris import person_iri

    g = Graph()
    for name in names:
        node = person_iri(name)
        g.add((node, RDF.type, SDO.Person))
        g.add((node, SDO.name, Literal(name)))
    return g


def people(graphs) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for _, g in graphs:
        for node in g.subjects(RDF.type, SDO.Person):
            out.setdefault(str(node).rsplit("/", 1)[-1], set()).update(str(n) for n in g.objects(node, SDO.name))
    return out


DOC_A, DOC_B = ID["doc/a"], ID["doc/b"]


@pytest.mark.parametrize("a,b,merged", [
    ("Suzanne P. Clark", "Suzanne Clark", True),       # middle initial
    ("Tom Donohue", "Thomas Donohue", True),           # nickname
    ("Andrés López", "Andres Lopez", True),            # accents (same slug)
    ("Biden", "Joe Biden", True),                      # surname alone, one full name in the corpus
    ("Luis Gutiérrez", "Gerónimo Gutiérrez", False),   # different people sharing a surname
])
def test_merge_people_across_documents(a, b, merged):
    graphs, merges = merge_graphs([(DOC_A, person_graph(a)), (DOC_B, person_graph(b))])
    assert (len(people(graphs)) == 1) is merged
    assert all(m.reason for m in merges)


def test_merge_surname_not_guessed_when_two_full_names_share_it():
    graphs, _ = merge_graphs([(DOC_A, person_graph("Gutiérrez")),
                              (DOC_B, person_graph("Luis Gutiérrez", "Gerónimo Gutiérrez"))])
    assert len(people(graphs)) == 3


def test_merge_keeps_one_name_per_node_and_the_rest_as_alternates():
    graphs, _ = merge_graphs([(DOC_A, person_graph("Suzanne P. Clark")), (DOC_B, person_graph("Suzanne Clark"))])
    union = graphs[0][1] + graphs[1][1]
    nodes = set(union.subjects(RDF.type, SDO.Person))
    assert len(nodes) == 1
    node = nodes.pop()
    assert {str(n) for n in union.objects(node, SDO.name)} == {"Suzanne P. Clark"}
    assert {str(n) for n in union.objects(node, SDO.alternateName)} == {"Suzanne Clark"}


def test_merge_judgements_overrule_the_resolver():
    pair = [(DOC_A, person_graph("Tom Donohue")), (DOC_B, person_graph("Thomas Donohue"))]
    graphs, _ = merge_graphs(pair, Judgements(different=(("Tom Donohue", "Thomas Donohue"),)))
    assert len(people(graphs)) == 2
    pair = [(DOC_A, person_graph("Kim Ogg")), (DOC_B, person_graph("Kimberly Ogg Smith"))]
    graphs, merges = merge_graphs(pair, Judgements(same=(("Kim Ogg", "Kimberly Ogg Smith"),)))
    assert len(people(graphs)) == 1 and "judgement" in merges[0].reason


def test_merge_judgements_file(tmp_path):
    path = tmp_path / "judgements.yaml"
    path.write_text("same:\n  - [A B, A. B.]\ndifferent:\n  - [C D, C E]\n", encoding="utf-8")
    assert load_judgements(path) == Judgements(same=(("A B", "A. B."),), different=(("C D", "C E"),))
    assert load_judgements(tmp_path / "missing.yaml") == Judgements()
    path.write_text("same:\n  - [only one]\n", encoding="utf-8")
    with pytest.raises(DataError, match="pair of names"):
        load_judgements(path)
    path.write_text("sames: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown section"):
        load_judgements(path)


def test_merge_org_known_by_an_acronym_elsewhere():
    a, b = Graph(), Graph()
    long_, short = URIRef(ID["org/harbour-freight-council"]), URIRef(ID["org/hfc"])
    a.add((long_, RDF.type, SDO.Organization)); a.add((long_, SDO.name, Literal("Harbour Freight Council")))
    a.add((long_, SDO.alternateName, Literal("HFC")))
    b.add((short, RDF.type, SDO.Organization)); b.add((short, SDO.name, Literal("HFC")))
    graphs, merges = merge_graphs([(DOC_A, a), (DOC_B, b)])
    assert set(graphs[1][1].subjects(RDF.type, SDO.Organization)) == {long_}
    assert merges[0].kind == "org"


def test_merge_the_same_meeting_reported_twice():
    from extract.vocab import XSD

    def event_graph(name, person):
        g = person_graph(person)
        node = ID[f"event/{name.lower().replace(' ', '-')}"]
        g.add((node, RDF.type, SDO.Event))
        g.add((node, SDO.name, Literal(name)))
        g.add((node, SDO.startDate, Literal("2025-04-30", datatype=XSD.date)))
        from extract.iris import person_iri
        g.add((node, SDO.attendee, person_iri(person)))
        return g

    graphs, merges = merge_graphs([(DOC_A, event_graph("Binational Conference", "Lena Ortiz")),
                                   (DOC_B, event_graph("Chamber spring conference", "Lena Ortiz"))])
    events = {e for _, g in graphs for e in g.subjects(RDF.type, SDO.Event)}
    assert len(events) == 1 and any(m.kind == "event" for m in merges)
    graphs, _ = merge_graphs([(DOC_A, event_graph("Binational Conference", "Lena Ortiz")),
                              (DOC_B, event_graph("Energy Forum", "Paul Lindqvist"))])
    assert len({e for _, g in graphs for e in g.subjects(RDF.type, SDO.Event)}) == 2


def test_merge_org_names_that_differ_by_small_words():
    def org(name):
        g = Graph()
        node = ID[f"org/{name.lower().replace(' ', '-')}"]
        g.add((node, RDF.type, SDO.Organization)); g.add((node, SDO.name, Literal(name)))
        return g

    graphs, merges = merge_graphs([(DOC_A, org("Harbour Society Mexico")), (DOC_B, org("Harbour Society of Mexico"))])
    assert len({o for _, g in graphs for o in g.subjects(RDF.type, SDO.Organization)}) == 1
    graphs, _ = merge_graphs([(DOC_A, org("Bank of Mexico")), (DOC_B, org("Mexico Bank Holdings"))])
    assert len({o for _, g in graphs for o in g.subjects(RDF.type, SDO.Organization)}) == 2
