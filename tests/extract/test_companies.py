"""The company list (loading, ambiguity of its names) and the grammar of companies named in lists.

Every sentence here is made up, with made-up people and (where the list is not under test) made-up firms.
"""
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.errors import DataError
from extract.mentions import Mention
from extract.organizations.company_lists import SOURCE, companies_named, load_grammar, with_company_lists
from extract.reading import Reading
from extract.reference.institutions import DATA, load_institutions
from extract.reference.lexicon import load_lexicon
from extract.text.document import Document
from extract.text.pipeline import add_institution_ruler


@pytest.fixture(scope="module")
def ruler_nlp() -> Language:
    nlp = spacy.blank("en")
    add_institution_ruler(nlp)
    return nlp


def named(text: str, mentions: list[Mention] | None = None) -> list[tuple[str, str | None]]:
    doc = spacy.blank("en")(text)
    found = companies_named(doc, mentions or [], load_lexicon(), load_institutions())
    assert all(m.kind == "org" and m.source == SOURCE for m in found)
    return [(m.text, m.institution) for m in found]


def mention(doc: Doc, text: str, kind: str, **kw: object) -> Mention:
    start = doc.text.index(text)
    return Mention(kind, text, start, start + len(text), 0, len(doc.text), **kw)


# --- the list ------------------------------------------------------------------------------------

def test_companies_load_beside_institutions_with_unique_ids() -> None:
    inst = load_institutions()
    companies = load_institutions(DATA, None)
    assert len(inst) - len(companies) >= 300  # several hundred companies come from companies.yaml
    assert all(inst.by_id[i].kind == "company" for i in inst.by_id.keys() - companies.by_id.keys())
    assert inst.lookup("Ternium").country == "LU" and inst.lookup("Grupo Alfa").id == "mx-alfa"
    assert inst.lookup("Pemex").id == "mx-pemex"  # state enterprises stay in institutions.yaml


@pytest.mark.parametrize("entry,message", [
    ("- {id: us-white-house, name: Blanca Corp, country: US, kind: company}", "ids also in another list"),
    ("- {id: us-acme, name: White House, country: US, kind: company}", "already names us-white-house"),
    ("- {id: us-acme, name: Acme, country: US, kind: company, ticker: ACM}", "unknown keys ticker"),
    ("- {id: us-acme, name: Acme, country: US, kind: company, parent: us-nowhere}", "is not an id"),
    ("- {id: us-acme, name: Acme, country: US, kind: ngo}", "not of kind company"),
    ("- {id: us-acme, name: Acme, country: US, kind: company, case_sensitive: maybe}", "true or false"),
])
def test_companies_list_is_checked(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "companies.yaml"
    path.write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_institutions(DATA, path)


@pytest.mark.parametrize("text", [
    "Target dates for the review slipped again.",
    "Both agencies shared intel on the cartels.",
    "Apple growers in Chihuahua asked for relief.",
    "Visa applications from the region rose.",
    "Governor Abbott spoke with Delta farmers.",
    "Lena Ford said the whirlpool of tariffs hurt continental trade.",
    "The amazon of paperwork at the border is an oracle of delay.",
    "U.S. steel imports fell after the first solar plant opened.",
    "The suspect, a Canadian national, was held at the estafeta.",
])
def test_companies_common_words_and_surnames_are_not_matched(ruler_nlp: Language, text: str) -> None:
    assert [e.text for e in ruler_nlp(text).ents] == []


@pytest.mark.parametrize("text,expected", [
    ("Amazon and Intel opened plants in Jalisco.", ["Amazon", "Intel"]),
    ("Ford Motor Company and Grupo Alfa signed.", ["Ford Motor Company", "Grupo Alfa"]),
    ("Delta Air Lines and Target Corporation agreed.", ["Delta Air Lines", "Target Corporation"]),
])
def test_companies_names_match_as_written(ruler_nlp: Language, text: str, expected: list[str]) -> None:
    assert [e.text for e in ruler_nlp(text).ents] == expected


@pytest.mark.parametrize("form,expected", [
    ("Target", "us-target"),  # a common-word form names a span already typed an organization
    ("Visa", "us-visa"),
    ("Apple", "us-apple"),
    ("Ford", None),  # a surname alone never names a company: "Ford said" may be a person
    ("Abbott", None),
])
def test_companies_ambiguous_forms_only_name(form: str, expected: str | None) -> None:
    found = load_institutions().lookup(form)
    assert (found.id if found else None) == expected


# --- the grammar of lists ------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The forum was joined by executives from companies including Norvale Foods, Kestrel Logistics, "
     "Brisa and Tanager Steel, among other firms.",
     ["Norvale Foods", "Kestrel Logistics", "Brisa", "Tanager Steel"]),
    ("Suppliers such as Orvieto Parts and Lumen Axle expanded.", ["Orvieto Parts", "Lumen Axle"]),
    ("Marta Quiroga, CEO of Velaris Group, spoke first.", ["Velaris Group"]),
    ("Executives from Halcón Dinámica, 4D Carga y Servicios and Ruta Nube attended.",
     ["Halcón Dinámica", "4D Carga y Servicios", "Ruta Nube"]),
    ("Firms like Quill Harbor, Inc and Tern Labs, LLC were there.", ["Quill Harbor, Inc", "Tern Labs, LLC"]),
    ("Retailers such as Pardo's Market and the Larkspur Company grew.", ["Pardo's Market", "Larkspur Company"]),
    ("Iván Reyes, chairman of the board of Corvina Holdings, said.", ["Corvina Holdings"]),
    ("Companies including Acme\nNEWS Archive", ["Acme"]),  # a line break ends the list
    ("Lucía Pardo, founding partner of Vereda Consultores, spoke.", ["Vereda Consultores"]),
    # a legal form marks a company wherever it stands
    ("Panelists were Rosa Ibarra, Director, Tolsa Marlow Brandt, LLP; and Ana Ruiz.", ["Tolsa Marlow Brandt, LLP"]),
    ("The award went to Senior Partner Iker Sáenz of Quintal Hermanos S.A. de C.V. last year.",
     ["Quintal Hermanos S.A. de C.V."]),
])
def test_company_lists_names_after_a_trigger(text: str, expected: list[str]) -> None:
    assert [name for name, _ in named(text)] == expected


@pytest.mark.parametrize("text", [
    "Executives from U.S. and Mexican companies attended.",  # sides, not companies
    "Executives from Monterrey and Saltillo attended.",  # places
    "Ana Ruiz, CEO of the Binational Chamber of Commerce, spoke.",  # an association
    "Companies such as these often export more.",  # no name
    "He met executives from across the region.",
    "The list of companies includes Norvale Foods.",  # no trigger: 'includes' is not a list's connector
    "Mexico is a key trading partner of the United States.",
])
def test_company_lists_nothing_without_names_in_context(text: str) -> None:
    assert named(text) == []


def test_company_lists_listed_names_are_linked() -> None:
    assert named("Retailers such as Target and Velmora Stores expanded.") == [
        ("Target", "us-target"), ("Velmora Stores", None)]


def test_company_lists_listed_mentions_kept_and_titled_people_stay() -> None:
    doc = spacy.blank("en")("Executives from FedEx, Dr. Rita Olmo and Sable Freight met.")
    known = mention(doc, "FedEx", "org", institution="us-fedex", source="list")
    rita = mention(doc, "Rita Olmo", "person", titled=True)
    found = companies_named(doc, [known, rita], load_lexicon(), load_institutions())
    assert [m.text for m in found] == ["Sable Freight"]


def test_company_lists_items_replace_what_the_ner_made_of_them() -> None:
    doc = spacy.blank("en")("Companies including ORVA, Honeywell, Dinámica Sur and Ketterly Group Tomás joined.")
    mentions = [mention(doc, "ORVA", "org"),
                mention(doc, "Honeywell", "org", institution="us-honeywell", acronym="ORVA"),  # not its acronym
                mention(doc, "Dinámica Sur", "person"), mention(doc, "Group Tomás", "person")]
    out = with_company_lists(Reading.of(doc, Document("t.txt", "t", doc.text)), mentions=mentions)
    assert [(m.kind, m.text, m.acronym, m.institution) for m in out] == [
        ("org", "ORVA", None, None), ("org", "Honeywell", None, "us-honeywell"),
        ("org", "Dinámica Sur", None, None), ("org", "Ketterly Group Tomás", None, None)]


def test_company_lists_grammar_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "company_lists.yaml"
    path.write_text("group_nouns: [companies]\n", encoding="utf-8")
    with pytest.raises(DataError, match="needs non-empty lists"):
        load_grammar(path)


@pytest.mark.parametrize("text,orgs,expected", [
    # two organizations already in a list of five: the others are organizations too
    ("Leads came from Quarzo Energy, Tern Lab, Brisa Farma, Kelvo Works and Mirador.",
     ["Quarzo Energy", "Kelvo Works"], ["Quarzo Energy", "Tern Lab", "Brisa Farma", "Kelvo Works", "Mirador"]),
    # a single organization does not make a list of names one of companies
    ("They thanked Quarzo Energy, Tern Lab, Brisa Farma, Kelvo Works and Mirador.", ["Quarzo Energy"], []),
])
def test_companies_in_a_list_of_organizations(text, orgs, expected):
    doc = spacy.blank("en")(text)
    found = companies_named(doc, [mention(doc, o, "org") for o in orgs], load_lexicon(), load_institutions())
    assert [m.text for m in found] == expected


def test_companies_in_a_list_keep_the_people_named_in_it():
    doc = spacy.blank("en")("Leads came from Quarzo Energy, Tern Lab, Ana Ruiz Vega and Kelvo Works.")
    ms = [mention(doc, "Quarzo Energy", "org"), mention(doc, "Kelvo Works", "org"),
          mention(doc, "Ana Ruiz Vega", "person")]
    assert [m.text for m in companies_named(doc, ms, load_lexicon(), load_institutions())] == \
        ["Quarzo Energy", "Tern Lab", "Kelvo Works"]
