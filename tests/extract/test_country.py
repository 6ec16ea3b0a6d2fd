import pytest

from extract.mentions import Mention
from extract.reference.institutions import load_institutions
from extract.reference.lexicon import load_lexicon
from extract.resolve import Entity
from extract.sides import country_from_name, infer_countries


@pytest.mark.parametrize("name,code", [
    ("U.S.-Colombia Business Council", "US"),
    ("American Society Mexico", "MX"),
    ("Mexican Steel Chamber", "MX"),
    ("Harris County", "US"),
    ("Office of Canada's Trade Commissioner", "CA"),
    ("Embassy of the United States", "US"),
    ("City of Reynosa", "MX"),
    ("City of Laredo", "US"),
    ("Government of Sonora", "MX"),
    ("Texas Business Leadership Council", "US"),
    ("Arizona-Mexico Commission", "US"),
    ("Emergency Committee for American Trade", "US"),
    ("Leaders of North America", None),
    ("Congressional Friends of Mexico Caucus", "US"),
    ("House Subcommittee on Trade", "US"),
    ("Consejo Estatal de Inversión", "MX"),
    ("Orbis Partners", None),
])
def test_country_from_name(name, code):
    assert country_from_name(name, load_lexicon()) == code


def entity(key, start, institution=None, name=None):
    m = Mention("org", name or key, start, start + 1, 0, 1, institution=institution)
    return Entity("org", key, name or key, institution=institution, mentions=[m])


def test_country_parent_then_home_side():
    inst = load_institutions()
    ents = [entity("inst:mx-cce", 0, "mx-cce", "Business Coordinating Council"),
            entity("inst:us-chamber-of-commerce", 5, "us-chamber-of-commerce"),
            entity("orbis partners", 10), entity("orbis lab", 12)]
    out = infer_countries(ents, {"orbis lab": "inst:us-chamber-of-commerce"}, inst, load_lexicon())
    assert out["orbis lab"] == "US"         # from its parent
    assert out["orbis partners"] == "MX"    # the document's home side: the first national body it names


@pytest.mark.slow
def test_a_person_with_no_side_takes_their_sentences_side_else_the_documents(nlp):
    from extract.text.document import Document
    from extract.triples import document_graph
    from extract.vocab import RDF, SDO

    text = ("Ana Ruiz Vega spoke at the Ministry of Economy in Mexico City. "
            "Later, Dana Whitfield met the U.S. Department of Commerce and the Ministry of Economy.")
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    sides = {str(g.value(p, SDO.name)): g.value(p, SDO.nationality) for p in g.subjects(RDF.type, SDO.Person)}
    assert str(sides["Ana Ruiz Vega"]) == "MX"
    assert str(sides["Dana Whitfield"]) == "MX"  # two sides in her sentence: the document's own, its first body's


@pytest.mark.slow
def test_a_third_country_company_gives_its_director_no_side(nlp):
    from extract.text.document import Document
    from extract.triples import document_graph
    from extract.vocab import RDF, SDO

    text = "Rosa Vidal, vice chairman of the board of Tenaris, spoke first."
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    sides = {str(g.value(p, SDO.name)): g.value(p, SDO.nationality) for p in g.subjects(RDF.type, SDO.Person)}
    assert sides["Rosa Vidal"] is None
