import pytest

from extract.mentions import Mention, find_mentions, heading_spans, with_acronyms
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon


def mentions_of(doc):
    found = find_mentions(doc, load_lexicon(), load_institutions(), [])
    return [(m.kind, m.text) for m in with_acronyms(found, doc, load_lexicon())]


@pytest.mark.parametrize("text,ents,expected", [
    # titles glued to names
    ("Ambassador John Bolton spoke .", [("PERSON", 0, 3)], [("person", "John Bolton")]),
    # possessive and leading 'the'
    ("the Acme Widget Council ’s view", [("ORG", 0, 5)], [("org", "Acme Widget Council")]),
    # a byline repeated twice
    ("Dana Whitfield Dana Whitfield wrote", [("PERSON", 0, 4)], [("person", "Dana Whitfield")]),
    # bullets and line breaks split a span
    ("• Orbis Partners \n said this .", [("ORG", 0, 5)], [("org", "Orbis Partners")]),
    # a fragment of a headline is not an actor; a line that is only a name is
    ("Orbis Partners Seek Better Terms \n", [("ORG", 0, 2)], []),
    # coordinated names split apart
    ("Ministry of Tourism , Ministry of Health met", [("ORG", 0, 7)],
     [("org", "Ministry of Tourism"), ("org", "Ministry of Health")]),
    # a title's portfolio is not an organization
    ("Director of Government Affairs at Orbis Partners .", [("ORG", 2, 4), ("ORG", 5, 7)],
     [("org", "Orbis Partners")]),
    # 'title at Org' spans keep only the organization
    ("Senior Advisor at Covina Legal .", [("ORG", 0, 5)], [("org", "Covina Legal")]),
    # a name the NER ends at a possessive runs on; an office may be named for its holder
    ("the Office of Canada ’s Trade Commissioner and", [("ORG", 0, 5)],
     [("org", "Office of Canada ’s Trade Commissioner")]),
    # ... but a body's possessive still names the body
    ("the Acme Widget Council ’s Binational Board met", [("ORG", 0, 5)], [("org", "Acme Widget Council")]),
    # the end of a title's portfolio run into the name after it
    ("Secretary of the Interior Ana Ruiz spoke", [("PERSON", 3, 6)], [("person", "Ana Ruiz")]),
    ("Secretary of Finance and Public Credit Luis Soto spoke", [("PERSON", 5, 8)], [("person", "Luis Soto")]),
    # ... but a name keeps its first word when nothing of a title stands before it
    ("We thank Trade Ana Ruiz", [("PERSON", 2, 5)], [("person", "Trade Ana Ruiz")]),
    # honorifics of diplomatic and Mexican usage
    ("H.E. Ana Ruiz spoke", [("PERSON", 0, 3)], [("person", "Ana Ruiz")]),
    # agreements and single lowercase junk are not actors
    ("the USMCA and the North American Free Trade Agreement", [("ORG", 1, 2), ("ORG", 3, 9)], []),
])
def test_mentions_cleaned(make_doc, text, ents, expected):
    assert mentions_of(make_doc(text, ents)) == expected


def test_mentions_people_typed_as_organizations_are_dropped_or_retyped(make_doc):
    assert mentions_of(make_doc("Economy Dr. Ileana Ruiz Vega spoke", [("PERSON", 0, 5)])) == \
        [("person", "Ileana Ruiz Vega")]
    assert mentions_of(make_doc("Economy Dr. Ileana Ruiz Vega spoke", [("ORG", 0, 5)])) == \
        [("person", "Ileana Ruiz Vega")]


def test_mentions_acronym_defined_in_parentheses(make_doc):
    doc = make_doc("the Harbour Freight Council ( HFC ) said", [("ORG", 1, 4)])
    found = find_mentions(doc, load_lexicon(), load_institutions(), [])
    assert found[0].acronym == "HFC"


def test_mentions_acronym_defined_before_the_long_name(make_doc):
    doc = make_doc("HFC , the Harbour Freight Council , said", [("ORG", 0, 1), ("ORG", 3, 6)])
    found = with_acronyms(find_mentions(doc, load_lexicon(), load_institutions(), []), doc, load_lexicon())
    assert [(m.text, m.acronym) for m in found] == [("HFC", None), ("Harbour Freight Council", "HFC")]


@pytest.mark.parametrize("text,ents,expected", [
    # the recogniser cut the name at "y": the acronym after the rest spells all of it
    ("el Consejo Asesor de Pesca Regional y Costera ( CAPRC ) opinó", [("ORG", 1, 6)],
     [("Consejo Asesor de Pesca Regional y Costera", "CAPRC")]),
    ("the Council on Harbour Trade and Investment ( CHTI ) said", [("ORG", 1, 5)],
     [("Council on Harbour Trade and Investment", "CHTI")]),
    # an acronym that does not spell the rest leaves the name as it was
    ("el Consejo Asesor de Pesca y Costas ( CNP ) opinó", [("ORG", 1, 5)], [("Consejo Asesor de Pesca", None)]),
])
def test_mentions_a_cut_name_is_made_whole_by_its_acronym(make_doc, text, ents, expected):
    found = with_acronyms(find_mentions(make_doc(text, ents), load_lexicon(), load_institutions(), []),
                          make_doc(text, ents), load_lexicon())
    assert [(m.text, m.acronym) for m in found if m.kind == "org"] == expected


def test_mentions_skip_headings_but_keep_people():
    text = "Mexican Leaders Visit Washington\nKey Outcomes\nA sentence, with a comma."
    spans = heading_spans(text)
    assert [text[s:e].strip() for s, e in spans] == ["Mexican Leaders Visit Washington", "Key Outcomes"]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,person,org", [
    ("Economy Minister Raquel Buenrostro met with the Business Coordinating Council (CCE) on Monday.",
     "Raquel Buenrostro", "Business Coordinating Council"),
    ("Secretaría de Economía officials welcomed Senator Maria Cantwell to Mexico City.",
     "Maria Cantwell", "Ministry of Economy"),
])
def test_mentions_with_the_real_model(nlp, sentence, person, org):
    doc = nlp(sentence)
    found = mentions_of(doc)
    assert ("person", person) in found
    listed = [m.institution for m in find_mentions(doc, load_lexicon(), load_institutions(), []) if m.institution]
    names = {load_institutions().by_id[i].name for i in listed}
    assert org in names


def test_mentions_head_after_the_acronym_ends_the_name(make_doc):
    doc = make_doc("created the Harbour Efficiency Office ( HEO ) Caucus in May .", [("ORG", 2, 5)])
    (m,) = with_acronyms(find_mentions(doc, load_lexicon(), load_institutions(), []), doc, load_lexicon())
    assert (m.text, m.acronym) == ("Harbour Efficiency Office Caucus", "HEO Caucus")


@pytest.mark.slow
@pytest.mark.parametrize("sentence,person", [
    ("The Ministry reports that Foreign Minister Julián Ortega Paredes received a delegation.",
     "Julián Ortega Paredes"),                                    # a second surname the NER left out
    ("They met Karen Holloway Monday in Washington.", "Karen Holloway"),  # a weekday is no surname
    ("The forum was attended by Chihuahua Governor Sofía Marín Luján and others.", "Sofía Marín Luján"),
    ("Panelists included Héctor Valdivia, chief economist at Grupo Financiero Norteño.", "Héctor Valdivia"),
])
def test_mentions_whole_names_with_the_real_model(nlp, sentence, person):
    people = [text for kind, text in mentions_of(nlp(sentence)) if kind == "person"]
    assert people == [person]


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    # a portfolio and a title that the model types with the name as one organization
    ("The board thanked its Director of International Business Hugo Salas, Director of Warehousing and "
     "Manufacturing Ana Brito, and Latin Business Manager Rosa Vidal.", ["Hugo Salas", "Ana Brito", "Rosa Vidal"]),
    # a name after a diplomat's form of address
    ("H.E. Ana Ruiz Vega, Secretary of Tourism; H.E. Tomás Vidal Ortega, Secretary of Energy.",
     ["Ana Ruiz Vega", "Tomás Vidal Ortega"]),
    ("We met officials of the ministry: Mtra. Lorena Quintal, Director General of Trade Policy.", ["Lorena Quintal"]),
    # a name after the clause of its title, typed ORG by the model
    ("The delegation included the Director in Chief of the National Service of Agro-Alimentary Health (Senasica), "
     "Claudia Ibarrola Mena; and others.", ["Claudia Ibarrola Mena"]),
    # a name where a post's body goes is the body's; a possessive's owner stays a person
    ("Ricardo Elizalde, general director of Aceros Rivapalacio, spoke.", ["Ricardo Elizalde"]),
    ("She is a senior fellow at Tom Vale's institute.", ["Tom Vale"]),
    # "C." (ciudadano) before a name is a form of address; inside a name it is an initial
    ("The officials were C. Fernando Lagos Ortiz, Director General of Trade Rules, and John C. Smith.",
     ["Fernando Lagos Ortiz", "John C. Smith"]),
])
def test_mentions_names_free_of_titles_with_the_model(nlp, text, name):
    found = find_mentions(nlp(text), load_lexicon(), load_institutions(), [])
    people = [m.text for m in found if m.kind == "person"]
    assert all(n in people for n in name), people
    assert all(p in name for p in people), people


@pytest.mark.parametrize("text,ents,expected", [
    # two names joined by "and", each ending in an organization's head
    ("the Regional Trade Service and Gateway Export Office met", [("ORG", 1, 8)],
     [("org", "Regional Trade Service"), ("org", "Gateway Export Office")]),
    # a portfolio's "and" stays inside one name
    ("the Ministry of Tourism and Rural Development met", [("ORG", 1, 7)],
     [("org", "Ministry of Tourism and Rural Development")]),
    # a business named for its owner keeps the owner's possessive; a body's possessive names the body
    ("lunch at Rosa 's Cantina today", [("ORG", 2, 5)], [("org", "Rosa 's Cantina")]),
    ("the Council 's Energy Working Group said", [("ORG", 1, 7)], [("org", "Council")]),
    ("with Tellan 's President today", [("ORG", 1, 4)], [("org", "Tellan")]),
    # a listed acronym or name written as a lowercase word is that word ("un" is Spanish's "a")
    ("se realizó en un momento clave", [("ORG", 3, 4)], []),
    # a unit of a body typed PERSON is no one
    ("the Regional Analysis Unit reported", [("PERSON", 1, 4)], []),
    ("a Joint Statement from Ana Ruiz", [("PERSON", 1, 3), ("PERSON", 4, 6)], [("person", "Ana Ruiz")]),
    # an office-holder's name typed ORG is a person
    ("a visit by President Vicente Fox today", [("ORG", 4, 6)], [("person", "Vicente Fox")]),
    # an edition of an event, a named event's subject, an agreement's acronym, a venue
    ("during the 2031 Northern Gateway Forum in May", [("ORG", 3, 6)], []),
    ("the Dialogue on Combating Cargo Theft closed", [("ORG", 3, 6)], []),
    ("the Pacific Rim Partnership ( PRP ) and the PRP talks", [("ORG", 9, 10)], []),
    ("they met at Sofitel Lomas on Monday", [("ORG", 3, 5)], [("place", "Sofitel Lomas")]),
])
def test_mentions_what_the_words_around_say(make_doc, text, ents, expected):
    assert mentions_of(make_doc(text, ents)) == expected


@pytest.mark.parametrize("text,expected", [
    # the side is read in the whole sentence, across a hard-wrapped line
    ("Ana Ruiz said the United States should act\nbefore its Congress votes on it. Then more.", "us-congress"),
    # a sentence naming no side leaves the body bare
    ("Ana Ruiz said the Acme board should act\nbefore its Congress votes on it. Mexico waits.", None),
])
def test_bare_legislature_takes_the_side_of_its_whole_sentence(make_doc, text, expected):
    from extract.mentions import qualify_bare_bodies
    doc = make_doc(text)
    start = text.index("Congress")
    line = text.index("\n") + 1
    m = Mention("org", "Congress", start, start + 8, line, text.index(".") + 1)
    assert qualify_bare_bodies([m], doc, load_lexicon(), load_institutions())[0].institution == expected


@pytest.mark.parametrize("text,complaint", [
    ("edge_junk: the\n", "'edge_junk' must be a list"),
    ("- a\n- b\n", "must be a mapping"),
])
def test_mention_words_are_checked_when_read(tmp_path, text, complaint):
    from extract.errors import DataError
    from extract.mentions.words import load_mention_words
    bad = tmp_path / "mentions.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=complaint):
        load_mention_words.__wrapped__(bad)
