"""End to end on made-up Spanish documents (issue 15, item 5) built together with an English one about the
same meeting: a Secretaría de Economía comunicado of a working meeting, a Mexican newspaper's story of the
visit, the U.S. embassy's release, and the U.S. Department of Commerce's readout. Made-up people, real
institutions. They run with the English pipeline (CI has no Spanish model) and check what one graph across
languages needs: each document's language, one node per body and person read in both languages, the meeting
with its date and attendees, and the posts with their role types."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.term import Node

from extract.reference.spanish_words import spanish_words
from extract.vocab import DCTERMS, ID, ORG, RDF, SDO, SKOS, TG
from graph.build.run import build

pytestmark = pytest.mark.slow
DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"
LANGUAGES = {"se-comunicado-semiconductores.txt": "es", "diario-visita-comercio.txt": "es",
             "embajada-visita-subsecretario.txt": "es", "commerce-readout-semiconductors.txt": "en"}
SPANISH = tuple(name for name, lang in LANGUAGES.items() if lang == "es")


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return build([DOCS / name for name in LANGUAGES], tmp_path_factory.mktemp("bilingual"),
                 show_progress=False).dataset


def documents(ds: Dataset) -> dict[str, URIRef]:
    """Each document's node by its file name."""
    return {str(src): URIRef(str(d)) for d, src in ds.subject_objects(DCTERMS.source)}


def name(ds: Dataset, node: Node | None) -> str:
    """A node's ``schema:name``."""
    return str(ds.value(node, SDO.name))


def test_each_document_records_its_language(bilingual: Dataset) -> None:
    docs = documents(bilingual)
    assert {src: str(bilingual.value(docs[src], DCTERMS.language)) for src in LANGUAGES} == LANGUAGES


@pytest.mark.parametrize(("institution", "spanish"), [
    ("mx-ministry-of-economy", "Secretaría de Economía"),
    ("us-department-of-commerce", "Departamento de Comercio"),
])
def test_a_body_read_in_both_languages_is_one_node(bilingual: Dataset, institution: str, spanish: str) -> None:
    node = ID[f"org/{institution}"]
    mentioned_by = {src for src, d in documents(bilingual).items() if (d, SDO.mentions, node) in bilingual}
    assert mentioned_by == set(LANGUAGES)
    orgs = set(bilingual.subjects(RDF.type, SDO.Organization))
    assert not [o for o in orgs if spanish.lower() in name(bilingual, o).lower()]  # no second, Spanish-named node


def test_each_person_is_one_node_across_languages(bilingual: Dataset) -> None:
    people = [name(bilingual, p) for p in set(bilingual.subjects(RDF.type, SDO.Person))]
    shared = ["Robert Hallman", "Raúl Benavides Quiroga", "Valeria Cienfuegos Ortega", "Karen Whitfield"]
    assert [people.count(p) for p in shared] == [1, 1, 1, 1]
    assert "Ernesto Saldívar Montes" in people


def test_the_meeting_is_one_event_with_its_date_and_attendees(bilingual: Dataset) -> None:
    docs = documents(bilingual)
    told = [set(bilingual.graph(docs[src]).subjects(RDF.type, SDO.Event)) for src in LANGUAGES]
    shared = set.intersection(*told)  # the meeting every document reports is one node
    assert len(shared) == 1
    event = shared.pop()
    assert str(bilingual.value(event, SDO.startDate)) == "2026-05-12"  # "este martes" of a comunicado of 12 May
    assert name(bilingual, bilingual.value(event, SDO.location)) == "Mexico City"
    for src in SPANISH:  # each Spanish document on its own names both heads of delegation and the undersecretary
        attendees = {name(bilingual, a) for a in bilingual.graph(docs[src]).objects(event, SDO.attendee)}
        assert {"Robert Hallman", "Raúl Benavides Quiroga", "Valeria Cienfuegos Ortega"} <= attendees, src
    everyone = {name(bilingual, a) for a in bilingual.objects(event, SDO.attendee)}
    assert {"Karen Whitfield", "Ernesto Saldívar Montes", "Ministry of Economy",
            "U.S. Department of Commerce"} <= everyone


def test_a_later_encounter_with_its_own_subject_is_its_own_meeting(bilingual: Dataset) -> None:
    """"El Subsecretario X también sostuvo un encuentro con Y": a meeting of its own (the text gives it no date)."""
    graph = bilingual.graph(documents(bilingual)["embajada-visita-subsecretario.txt"])
    events = {name(bilingual, e): e for e in graph.subjects(RDF.type, SDO.Event)}
    assert len(events) == 2
    later = next(e for e in events.values() if "Ernesto Saldívar Montes" in
                 {name(bilingual, a) for a in graph.objects(e, SDO.attendee)})
    assert {name(bilingual, a) for a in graph.objects(later, SDO.attendee)} >= {"Robert Hallman",
                                                                               "Ernesto Saldívar Montes"}


def posts(ds: Dataset, source: str) -> set[tuple[str, str, str]]:
    """(person, role type, body) of each post one document states."""
    graph = ds.graph(documents(ds)[source])
    return {(name(ds, ds.value(m, ORG.member)), str(ds.value(ds.value(m, ORG.role), TG.roleType)).rsplit("/", 1)[-1],
             name(ds, ds.value(m, ORG.organization))) for m in graph.subjects(RDF.type, ORG.Membership)}


@pytest.mark.parametrize(("source", "expected"), [
    ("se-comunicado-semiconductores.txt", {
        ("Raúl Benavides Quiroga", "minister", "Ministry of Economy"),      # "El secretario de Economía, X"
        ("Valeria Cienfuegos Ortega", "deputy-minister", "Ministry of Economy"),  # "la subsecretaria de …, X"
        ("Robert Hallman", "deputy-minister", "U.S. Department of Commerce"),
        ("Karen Whitfield", "ambassador", "Government of the United States")}),  # "… de Estados Unidos en México"
    ("diario-visita-comercio.txt", {
        ("Raúl Benavides Quiroga", "minister", "Ministry of Economy"),
        ("Valeria Cienfuegos Ortega", "deputy-minister", "Ministry of Economy"),
        ("Robert Hallman", "deputy-minister", "U.S. Department of Commerce"),
        ("Ernesto Saldívar Montes", "chair", "Business Coordinating Council")}),  # a council's "presidente"
    ("embajada-visita-subsecretario.txt", {
        ("Raúl Benavides Quiroga", "minister", "Ministry of Economy"),
        ("Karen Whitfield", "ambassador", "Government of the United States"),
        ("Ernesto Saldívar Montes", "chair", "Business Coordinating Council")}),
    ("commerce-readout-semiconductors.txt", {  # the English readout: the same role types
        ("Raúl Benavides Quiroga", "minister", "Ministry of Economy"),
        ("Valeria Cienfuegos Ortega", "deputy-minister", "Ministry of Economy"),
        ("Karen Whitfield", "ambassador", "Government of the United States")}),
])
def test_spanish_posts_have_the_english_role_types(bilingual: Dataset, source: str,
                                                   expected: set[tuple[str, str, str]]) -> None:
    assert expected <= posts(bilingual, source)


def test_spanish_posts_hold_no_stray_clause(bilingual: Dataset) -> None:
    """No title opens with "y", "en", "durante la cual" …: an English rule running past a Spanish clause."""
    function_words = spanish_words().function_words | {"durante"}
    docs = documents(bilingual)
    titles = {str(bilingual.value(bilingual.value(m, ORG.role), SKOS.prefLabel))
              for src in SPANISH for m in bilingual.graph(docs[src]).subjects(RDF.type, ORG.Membership)}
    assert titles and not [t for t in titles if t.split()[0] in function_words]
