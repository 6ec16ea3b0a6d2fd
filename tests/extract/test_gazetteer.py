"""The gazetteer (``extract/data/gazetteer.yaml``): its loader's checks, look-ups by any name, the resolution of
place mentions against it and the triples a listed place gets. Made-up mentions; no model."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from extract.errors import DataError
from extract.iris import entity_iri
from extract.mentions import Mention
from extract.rdf.places import describe_listed, listed_place
from extract.reference.gazetteer import Gazetteer, load_gazetteer
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon
from extract.resolve import Entity, resolve
from extract.vocab import ID, OWL, RDF, SDO, WIKIDATA

_OK = "countries:\n  - {country: MX, wikidata: Q96}\nplaces:\n"


def _load(tmp_path: Path, places: str) -> Gazetteer:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(_OK + places, encoding="utf-8")
    return load_gazetteer(path)


@pytest.mark.parametrize("places,message", [
    ("  - {name: Puerto Azul, kind: city, in: mexico}\n  - {name: Puerto Azul, kind: city}\n",
     "'Puerto Azul': listed twice"),
    ("  - {name: Puerto Azul, kind: city, also: [PAZ]}\n  - {name: Villa Roja, kind: city, also: [P.A.Z.]}\n",
     "'Villa Roja': the name 'P.A.Z.' is listed twice (also a name of 'Puerto Azul')"),
    ("  - {name: Puerto Azul, kind: city, also: [Puerto Azúl]}\n", "the name 'Puerto Azúl' is listed twice"),
    ("  - {name: Puerto Azul, kind: city, wikidata: 61}\n", "'Puerto Azul': 'wikidata' must be a Wikidata item"),
    ("  - {name: Puerto Azul, kind: city, wikidata: Q0}\n", "'wikidata' must be a Wikidata item id"),
    ("  - {name: Puerto Azul, kind: town}\n", "'Puerto Azul': 'kind' must be one of"),
    ("  - {name: Puerto Azul, kind: city, in: atlantis}\n", "'in' names no listed place ('atlantis')"),
    ("  - {name: Puerto Azul, kind: city, in: villa-roja}\n  - {name: Villa Roja, kind: city, in: puerto-azul}\n",
     "lies inside itself"),
    ("  - {name: Puerto Azul, kind: city, also: Azul}\n", "'also' must be a list of names"),
    ("  - {name: Puerto Azul, kind: city, colour: blue}\n", "unknown field(s) colour"),
    ("  - {kind: city}\n", "place entry 1: must be a mapping with a 'name'"),
])
def test_loader_names_the_entry_at_fault(tmp_path: Path, places: str, message: str) -> None:
    with pytest.raises(DataError, match="gazetteer.yaml: ") as caught:
        _load(tmp_path, places)
    assert message in str(caught.value)


def test_loader_rejects_an_unknown_country(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text("countries:\n  - {country: XX}\nplaces: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="country 'XX'"):
        load_gazetteer(path)


def test_loader_reads_a_good_file(tmp_path: Path) -> None:
    gaz = _load(tmp_path, "  - {name: Puerto Azul, kind: city, in: mexico, wikidata: Q123, also: [P.A.Z.]}\n")
    assert gaz.lookup("PAZ") == gaz.by_id["puerto-azul"]
    assert [p.id for p in gaz.within(gaz.by_id["puerto-azul"])] == ["mexico"]


@pytest.mark.parametrize("text,place", [
    ("Washington", "washington-dc"), ("Washington, D.C.", "washington-dc"), ("Washington D.C.", "washington-dc"),
    ("WASHINGTON, DC", "washington-dc"), ("D.C.", "washington-dc"),
    ("CDMX", "mexico-city"), ("Ciudad de México", "mexico-city"), ("Mexico City", "mexico-city"),
    ("Ciudad de Mexico", "mexico-city"), ("D.F.", "mexico-city"),
    ("Edomex", "state-of-mexico"), ("Estado de México", "state-of-mexico"), ("N.L.", "nuevo-leon"),
    ("Nuevo Leon", "nuevo-leon"), ("U.S.", "united-states"), ("Estados Unidos", "united-states"),
    ("México", "mexico"), ("Washington State", "washington-state"), ("Juárez", "ciudad-juarez"),
    ("Palacio Nacional", "national-palace"), ("the White House", "white-house"),
    ("Laredo, Texas", "laredo"), ("Nuevo Laredo, Tamaulipas", "nuevo-laredo"), ("Nogales, Sonora", "nogales-sonora"),
])
def test_lookup_by_any_name(text: str, place: str) -> None:
    found = load_gazetteer().lookup(text)
    assert found is not None and found.id == place


@pytest.mark.parametrize("text", ["Nogales", "San Luis", "Laredo, Sonora", "Puerto Azul", "Texas, Laredo"])
def test_lookup_leaves_ambiguous_and_unlisted_names(text: str) -> None:
    assert load_gazetteer().lookup(text) is None


def test_every_mexican_and_us_state_is_listed() -> None:
    gaz = load_gazetteer()
    states = [p for p in gaz.places if p.kind == "state"]
    in_country = {c: sum(gaz.within(p)[-1].id == c for p in states) for c in ("mexico", "united-states")}
    assert in_country == {"mexico": 31, "united-states": 50}  # and Mexico City, a federal entity listed as a city
    assert gaz.by_id["mexico-city"].within == "mexico"


def _places(*texts: str) -> list[Mention]:
    out, at = [], 0
    for text in texts:
        out.append(Mention("place", text, at, at + len(text), 0, 1000))
        at += len(text) + 20
    return out


@pytest.mark.parametrize("texts,expected", [
    (("Washington", "Washington, D.C.", "Washington D.C."), [("Washington, D.C.", 3)]),
    (("CDMX", "Ciudad de México", "Mexico City"), [("Mexico City", 3)]),
    (("Washington", "Mexico City", "D.F."), [("Washington, D.C.", 1), ("Mexico City", 2)]),
    # an unlisted place is one entity per folded name, as before
    (("Puerto Azul", "PUERTO AZUL", "Villa Roja"), [("Puerto Azul", 2), ("Villa Roja", 1)]),
])
def test_resolution_makes_one_entity_per_place(texts: tuple[str, ...], expected: list[tuple[str, int]]) -> None:
    entities = resolve(_places(*texts), load_institutions(), load_lexicon())
    assert [(e.name, len(e.mentions)) for e in entities if e.kind == "place"] == expected


def test_resolved_place_has_the_gazetteer_iri_and_keeps_its_written_forms() -> None:
    (ent,) = resolve(_places("CDMX", "Mexico City"), load_institutions(), load_lexicon())
    assert entity_iri(ent) == ID["place/mexico-city"]
    assert ent.aliases == {"CDMX"}


def test_listed_place_triples() -> None:
    g = Graph()
    place = listed_place("El Paso")
    assert place is not None and listed_place("Washington") is None  # only the English name names an entity
    node = describe_listed(g, place, ["El Paso, Texas", "EL PASO"])
    texas, us = ID["place/texas"], ID["place/united-states"]
    assert (node, SDO.name, Literal("El Paso")) in g
    assert set(g.objects(node, SDO.alternateName)) == {Literal("El Paso, Texas")}  # "EL PASO" is its name
    assert (node, SDO.containedInPlace, texas) in g and (texas, SDO.containedInPlace, us) in g
    assert (texas, OWL.sameAs, URIRef(f"{WIKIDATA}Q1439")) in g and (texas, RDF.type, SDO.Place) in g
    assert (us, SDO.name, Literal("United States")) in g
    assert not set(g.objects(node, OWL.sameAs))  # no Wikidata item where the gazetteer gives none


def test_an_unlisted_place_is_not_described_as_listed() -> None:
    assert listed_place(Entity("place", "puerto azul", "Puerto Azul").name) is None
