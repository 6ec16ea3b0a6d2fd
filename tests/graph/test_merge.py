import pytest
from rdflib import Graph, Literal, URIRef

from extract.errors import DataError
from extract.vocab import ID, ORG, OWL, RDF, SDO
from graph.build.merge import Judgements, load_judgements, merge_graphs


def person_graph(*names: str, side: str | None = None, org: str | None = None) -> Graph:
    from extract.iris import person_iri

    g = Graph()
    for name in names:
        node = person_iri(name)
        g.add((node, RDF.type, SDO.Person))
        g.add((node, SDO.name, Literal(name)))
        if side:
            g.add((node, SDO.nationality, Literal(side)))
        if org:
            g.add((node, ORG.memberOf, ID[f"org/{org}"]))
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
    ("Ana Ruiz", "Ana Ruiz Solís", True),              # a second surname
    ("Ana Ruiz Solís", "Ana María Ruiz Solís", True),  # a second given name
    ("Dr. Lena Ortiz", "Lena Ortiz", True),            # an honorific left on the name
    ("Ambassador Lena Ortiz", "LENA ORTIZ", True),     # a title left on the name, and case
    ("Núñez Ibarra", "Ramón Ángel Núñez Ibarra", True),  # both surnames alone
    ("Nunez", "Ramón Núñez Ibarra", True),             # the first surname alone, without its accent
    ("Paul Hale", "Paul Hale Jr.", False),             # father and son
    ("Hale", "Paul Hale Jr.", False),
    ("Lena Ortiz", "Lena Ortega", False),
    ("de la", "Ramón de la Fuente", False),            # surname glue is no name
    ("Ana", "Ana Ruiz", False),                        # a given name is not a surname
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
    a.add((long_, RDF.type, SDO.Organization))
    a.add((long_, SDO.name, Literal("Harbour Freight Council")))
    a.add((long_, SDO.alternateName, Literal("HFC")))
    b.add((short, RDF.type, SDO.Organization))
    b.add((short, SDO.name, Literal("HFC")))
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
        g.add((node, RDF.type, SDO.Organization))
        g.add((node, SDO.name, Literal(name)))
        return g

    graphs, merges = merge_graphs([(DOC_A, org("Harbour Society Mexico")), (DOC_B, org("Harbour Society of Mexico"))])
    assert len({o for _, g in graphs for o in g.subjects(RDF.type, SDO.Organization)}) == 1
    graphs, _ = merge_graphs([(DOC_A, org("Bank of Mexico")), (DOC_B, org("Mexico Bank Holdings"))])
    assert len({o for _, g in graphs for o in g.subjects(RDF.type, SDO.Organization)}) == 2


def test_merge_records_why_a_longer_form_was_taken():
    graphs, merges = merge_graphs([(DOC_A, person_graph("Ana Ruiz", side="MX", org="harbour-council")),
                                   (DOC_B, person_graph("Ana Ruiz Solís", side="MX", org="harbour-council"))])
    assert len(people(graphs)) == 1
    assert merges[0].names == ("Ana Ruiz Solís", "Ana Ruiz")
    assert "shorter form" in merges[0].reason and "same side (MX)" in merges[0].reason
    assert "shared organization harbour-council" in merges[0].reason


@pytest.mark.parametrize("docs,expected", [
    # two people fit "Ana Ruiz": neither is taken
    ([("Ana Ruiz",), ("Ana Ruiz Solís",), ("Ana Ruiz Pérez",)], 3),
    # two people fit "Ruiz"
    ([("Ruiz",), ("Ana Ruiz Solís",), ("Pedro Ruiz",)], 3),
    # one document names "Ruiz" and "Pedro Ruiz Gómez" apart: its own reading is kept
    ([("Ruiz", "Pedro Ruiz Gómez")], 2),
    # "Ruiz" fits one group once "Ana Ruiz" and "Ana Ruiz Solís" are one person
    ([("Ruiz",), ("Ana Ruiz",), ("Ana Ruiz Solís",)], 1),
])
def test_merge_variant_only_when_one_person_fits(docs, expected):
    graphs = [(ID[f"doc/{i}"], person_graph(*names)) for i, names in enumerate(docs)]
    merged, _ = merge_graphs(graphs)
    assert len(people(merged)) == expected


@pytest.mark.parametrize("a,b,merged", [
    ({"side": "MX"}, {"side": "MX"}, True),
    ({"side": "MX"}, {"side": "US"}, False),  # another side: another person
    ({"side": "MX"}, {}, True),               # nothing known of one is no conflict
    ({"org": "harbour-council"}, {"org": "river-bank"}, True),  # two posts, years apart, are one career
])
def test_merge_variant_needs_no_conflicting_side(a, b, merged):
    graphs, _ = merge_graphs([(DOC_A, person_graph("Ana Ruiz", **a)), (DOC_B, person_graph("Ana Ruiz Solís", **b))])
    assert (len(people(graphs)) == 1) is merged


def test_merge_surname_goes_to_the_one_sharing_an_organization():
    graphs, merges = merge_graphs([(DOC_A, person_graph("Ruiz", org="harbour-council")),
                                   (DOC_B, person_graph("Ana Ruiz Solís", org="harbour-council")),
                                   (ID["doc/c"], person_graph("Pedro Ruiz", org="river-bank"))])
    assert sorted(people(graphs)) == ["ana-ruiz-solis", "pedro-ruiz"]
    assert "shared organization harbour-council" in merges[0].reason


def wikidata_graph(name: str, item: str) -> Graph:
    from extract.iris import person_iri

    g = person_graph(name)
    g.add((person_iri(name), OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{item}")))
    return g


def test_merge_by_wikidata_item_and_never_across_two_items():
    graphs, merges = merge_graphs([(DOC_A, wikidata_graph("Lena Ortiz", "Q1")),
                                   (DOC_B, wikidata_graph("Magdalena Ortiz-Vance", "Q1"))])
    assert len(people(graphs)) == 1 and "Q1" in merges[0].reason
    for a, b in (("Lena Ortiz", "Lena Ortiz S."), ("Ana Ruiz", "Ana Ruiz Solís")):
        graphs, _ = merge_graphs([(DOC_A, wikidata_graph(a, "Q1")), (DOC_B, wikidata_graph(b, "Q2"))])
        assert len(people(graphs)) == 2


def test_merge_same_name_through_an_alternate_name():
    from extract.iris import person_iri

    g = person_graph("Ana María Ruiz Solís")
    g.add((person_iri("Ana María Ruiz Solís"), SDO.alternateName, Literal("Ana Ruiz")))
    graphs, merges = merge_graphs([(DOC_A, g), (DOC_B, person_graph("Ana Ruiz")),
                                   (ID["doc/c"], person_graph("Ana Ruiz Pérez"))])
    assert sorted(people(graphs)) == ["ana-maria-ruiz-solis", "ana-ruiz-perez"]
    assert "same name" in merges[0].reason


def test_merge_is_the_same_whatever_the_order_of_documents():
    docs = [(ID[f"doc/{i}"], person_graph(name)) for i, name in
            enumerate(["Ruiz", "Ana Ruiz", "Ana Ruiz Solís", "Pedro Gómez", "Gómez", "Tom Hale", "Thomas Hale"])]
    first = merge_graphs(docs)[1]
    assert merge_graphs(list(reversed(docs)))[1] == first


@pytest.mark.parametrize("name,words", [
    ("H.E. Lena Ortiz", ("lena", "ortiz")),
    ("Mexican Foreign Secretary Lena Ortiz", ("lena", "ortiz")),
    ("Paul J. Hale", ("paul", "hale")),
    ("Bill Hale", ("william", "hale")),
    ("Don Hale", ("donald", "hale")),          # a given name that is also an honorific stays
    ("Mr. Hale", ("hale",)),
    ("de la", ()),
])
def test_name_words(name, words):
    from graph.build.name_variants import name_words

    assert name_words(name) == words


@pytest.mark.parametrize("short,full,longer,surname", [
    ("ana ruiz", "ana ruiz solis", True, False),
    ("ana solis", "ana ruiz solis", True, False),
    ("ruiz", "ana ruiz solis", False, True),
    ("ruiz solis", "ana ruiz solis", False, True),
    ("maria ruiz", "ana maria ruiz", False, True),  # the words fit; only uniqueness in the build decides
    ("solis", "ana ruiz solis", False, True),
    ("ana", "ana ruiz solis", False, False),
    ("ruiz", "ana ruiz solis perez", False, False),  # two words after it: not where a surname stands
    ("paul hale", "paul hale jr", False, False),
    ("hale", "paul hale jr", False, False),
])
def test_name_variant_shapes(short, full, longer, surname):
    from graph.build.name_variants import is_longer_form, is_surname_of

    assert is_longer_form(tuple(short.split()), tuple(full.split())) is longer
    assert is_surname_of(tuple(short.split()), tuple(full.split())) is surname
