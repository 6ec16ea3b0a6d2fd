"""Tests of extract.topics.scheme: the SKOS topic scheme, keyword matching and main-topic scoring.

All texts are made up for the tests.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS

from extract.errors import DataError
from extract.slug import slugify
from extract.topics.scheme import Topic, TopicScheme, find_topics, load_scheme, main_topics, sentence_topics

REQUIRED = {
    "USMCA review", "Tariffs and trade policy", "Nearshoring and investment", "Supply chains", "Automotive",
    "Electric vehicles", "Semiconductors and electronics", "Energy", "Pharmaceuticals and medical devices",
    "Agriculture and food", "Steel and aluminum", "Customs and trade facilitation", "Border security",
    "Migration", "Labor and workforce", "Security and organized crime", "Rule of law and judicial reform",
    "Intellectual property", "Technology, AI and telecommunications", "Infrastructure and logistics", "China",
    "Public finance and fiscal policy", "Regional development", "Finance and insurance", "Water and environment",
}
TOPIC_NS = "https://w3id.org/tradegraph/id/topic/"
SCHEME_IRI = URIRef(TOPIC_NS + "scheme")

# Made-up paragraphs, each about one topic only (checked by test_topics_paragraphs_are_single_topic).
PARAGRAPHS = {
    "Energy": [
        "Energy dominated the talks between the two delegations.",
        "Officials reviewed electricity demand in the industrial north.",
        "Private generators asked for clear rules on access to the power grid.",
        "Renewable energy projects have waited years for permits.",
        "Natural gas from Texas now feeds most new power plants.",
        "The state oil company reported lower output this quarter.",
        "Analysts expect gasoline imports to keep rising.",
        "A new energy policy is expected before the end of the year.",
        "Solar power developers welcomed the announcement.",
    ],
    "Agriculture and food": [
        "Agriculture was the first item on the agenda.",
        "Farmers on both sides depend on seasonal exports.",
        "Corn shipments reached a record last season.",
        "Growers of tomatoes and avocados want stable access.",
        "Livestock inspections resumed after a long pause.",
        "Phytosanitary rules were simplified for fresh produce.",
        "The agricultural ministry praised the outcome.",
        "Cattle ranchers hope the changes last.",
        "Sugar quotas remain a point of friction.",
    ],
}
PASSING = {
    "Migration": "In an unrelated remark, one speaker mentioned migrants.",
    "China": "A reporter asked one question about China.",
    "Intellectual property": "A lawyer briefly raised patent questions.",
}


@pytest.fixture(scope="module")
def scheme() -> TopicScheme:
    return load_scheme()


@pytest.fixture(scope="module")
def graph(scheme: TopicScheme) -> Graph:
    return scheme.as_graph()


def labels(topics: list[Topic]) -> list[str]:
    return [t.label for t in topics]


def hit_labels(text: str, scheme: TopicScheme) -> list[str]:
    return [h.topic.label for h in find_topics(text, scheme)]


# --- the scheme ---------------------------------------------------------------

def test_topics_scheme_has_exactly_the_required_labels(scheme: TopicScheme, graph: Graph) -> None:
    assert {t.label for t in scheme.topics} == REQUIRED
    assert len(scheme.topics) == 25
    assert (SCHEME_IRI, RDF.type, SKOS.ConceptScheme) in graph
    assert (SCHEME_IRI, SKOS.prefLabel, Literal("tradegraph topics", lang="en")) in graph


def test_topics_iris_are_slugs_of_labels(scheme: TopicScheme) -> None:
    assert all(t.iri == TOPIC_NS + slugify(t.label) for t in scheme.topics)


@pytest.mark.parametrize("label", sorted(REQUIRED))
def test_topics_concept_is_complete(graph: Graph, label: str) -> None:
    concept = URIRef(TOPIC_NS + slugify(label))
    assert (concept, RDF.type, SKOS.Concept) in graph
    assert (concept, SKOS.inScheme, SCHEME_IRI) in graph
    assert [o.language for o in graph.objects(concept, SKOS.prefLabel)] == ["en"]  # one label, so scorers see one
    assert len([o for o in graph.objects(concept, SKOS.definition) if o.language == "en"]) == 1
    alt = defaultdict(int)
    for o in graph.objects(concept, SKOS.altLabel):
        alt[o.language] += 1
    assert alt["en"] >= 5 and alt["es"] >= 5, dict(alt)
    is_top = (concept, SKOS.topConceptOf, SCHEME_IRI) in graph
    has_broader = any(graph.objects(concept, SKOS.broader))
    assert is_top != has_broader, "a concept is either top or has a broader concept"


@pytest.mark.parametrize(("narrow", "broad"), [
    ("Electric vehicles", "Automotive"),
    ("USMCA review", "Tariffs and trade policy"),
    ("Customs and trade facilitation", "Tariffs and trade policy"),
])
def test_topics_broader_links(scheme: TopicScheme, narrow: str, broad: str) -> None:
    by_label = {t.label: t for t in scheme.topics}
    assert labels(list(scheme.broader[by_label[narrow]])) == [broad]


def test_topics_steel_is_an_industry_not_a_trade_policy(scheme: TopicScheme) -> None:
    steel = next(t for t in scheme.topics if t.label == "Steel and aluminum")
    assert scheme.broader[steel] == ()


def test_topics_as_graph_round_trips(scheme: TopicScheme, tmp_path: Path) -> None:
    path = tmp_path / "topics.ttl"
    scheme.as_graph().serialize(path, format="turtle")
    again = load_scheme(path)
    assert again.topics == scheme.topics
    assert again.keywords == scheme.keywords
    assert isomorphic(again.as_graph(), scheme.as_graph())


def test_topics_as_graph_is_a_copy(scheme: TopicScheme) -> None:
    copy = scheme.as_graph()
    copy.remove((None, None, None))
    assert len(scheme.as_graph()) > 0


@pytest.mark.parametrize("content", [
    "this is not turtle {",
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "<urn:t> skos:inScheme <urn:s> ; skos:prefLabel \"Sin etiqueta\"@es .",
])
def test_topics_bad_scheme_raises_data_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match="bad.ttl"):
        load_scheme(path)


# --- matching -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("NEW TARIFFS WERE ANNOUNCED", "Tariffs and trade policy"),         # case
    ("a tariff on imports", "Tariffs and trade policy"),                # singular
    ("Several drug policies changed.", "Security and organized crime"),  # y -> ies
    ("Los migrantes esperan.", "Migration"),                            # Spanish plural
    ("La MIGRACION crece.", "Migration"),                               # accents dropped in text
    ("Más inversiones llegaron.", "Nearshoring and investment"),        # accent + Spanish plural
    ("Near-shoring is growing.", "Nearshoring and investment"),         # hyphenated form
    ("Supply-chain risks", "Supply chains"),                            # hyphen for space
    ("the US-Mexico-Canada Agreement", "USMCA review"),                 # periods optional
    ("Ella habló del T-MEC.", "USMCA review"),
    ("Ella habló del TMEC.", "USMCA review"),
    ("More EVs were sold.", "Electric vehicles"),                       # acronym plural
    ("AI rules were discussed.", "Technology, AI and telecommunications"),
    ("They studied IP enforcement.", "Intellectual property"),
])
def test_topics_matching_is_tolerant(scheme: TopicScheme, text: str, expected: str) -> None:
    assert hit_labels(text, scheme) == [expected]


@pytest.mark.parametrize("text", [
    "He said the plan was fine.",        # "ai" inside a word
    "The ship left the harbour.",        # "ip" inside a word
    "A rainy day in Maine.",
    "ai and ip in lowercase are not acronyms",
    "SHIPMENTS RAISED EYEBROWS",           # capitals inside a word
    "The tariffing of words is not a word.",
])
def test_topics_acronyms_and_substrings_do_not_match(scheme: TopicScheme, text: str) -> None:
    assert hit_labels(text, scheme) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Electric vehicles sold well.", ["Electric vehicles"]),
    ("La seguridad jurídica importa.", ["Rule of law and judicial reform"]),
    ("Customs and Border Protection agents", ["Border security"]),
    ("Energy security and food security", ["Energy", "Agriculture and food"]),
    ("Steel tariffs and Chinese steel", ["Steel and aluminum", "Tariffs and trade policy", "China",
                                         "Steel and aluminum"]),
])
def test_topics_longest_keyword_wins(scheme: TopicScheme, text: str, expected: list[str]) -> None:
    assert hit_labels(text, scheme) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Secretary of Energy Jane Roe met the governor.", []),               # an office
    ("She spoke at the Northland Energy Council on Monday.", []),             # a body
    ("The U.S. Trade Representative arrived.", []),                          # an initialism before it
    ("Energy Minister Ana Ruiz arrived.", []),                                # first word, a name after it
    ("La Secretaría de Energía publicó el informe.", []),                     # Spanish connectors
    ("Energy was the first subject.", ["Energy"]),                            # first word of a sentence
    ("Officials said: Energy comes first.", ["Energy"]),                      # after a colon
    ("Energy And Trade Talks Resume In Monterrey", ["Energy", "Tariffs and trade policy"]),  # title case
    ("Agents of U.S. Customs and Border Protection met.", ["Border security"]),  # keyword that is a name
    ("the energy council met", ["Energy"]),                                   # lowercase: no name
])
def test_topics_common_nouns_inside_names_are_not_topics(scheme: TopicScheme, text: str,
                                                         expected: list[str]) -> None:
    assert hit_labels(text, scheme) == expected


def test_topics_in_names_keeps_every_keyword(scheme: TopicScheme) -> None:
    text = "The Secretary of Energy Jane Roe met the governor."
    assert [h.topic.label for h in find_topics(text, scheme, in_names=True)] == ["Energy"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bilateral trade grew again.", ["Tariffs and trade policy"]),
    ("El comercio bilateral creció.", ["Tariffs and trade policy"]),
    ("Cities along the border held a fair.", []),                 # the border as a place
    ("The innovation prize went to a bakery.", []),               # too broad to be technology
    ("Officials vowed to secure the border.", ["Border security"]),
    ("Trucks waited hours in border trade lanes.", ["Infrastructure and logistics",
                                                    "Customs and trade facilitation"]),
    ("The mayors discussed economic development.", ["Regional development"]),
    ("Ministers argued over biotech corn.", ["Agriculture and food"]),
])
def test_topics_keywords_fit_the_genre(scheme: TopicScheme, text: str, expected: list[str]) -> None:
    assert hit_labels(text, scheme) == expected


def test_topics_hits_are_in_order_with_offsets(scheme: TopicScheme) -> None:
    text = "Árbol: the Mexican peso, fentanyl and migración, then tariffs."
    hits = find_topics(text, scheme)
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert all(text[h.start:h.end] == h.text for h in hits)
    assert [h.text for h in hits] == ["Mexican peso", "fentanyl", "migración", "tariffs"]


def test_topics_sentence_topics_deduplicates_in_order(scheme: TopicScheme) -> None:
    text = "Tariffs on steel, more tariffs, and migrants facing tariffs."
    assert labels(sentence_topics(text, scheme)) == [
        "Tariffs and trade policy", "Steel and aluminum", "Migration"]


# --- main topics ----------------------------------------------------------------

@pytest.mark.parametrize("main", sorted(PARAGRAPHS))
def test_topics_paragraphs_are_single_topic(scheme: TopicScheme, main: str) -> None:
    assert set(hit_labels(" ".join(PARAGRAPHS[main]), scheme)) == {main}


@pytest.mark.parametrize("main", sorted(PARAGRAPHS))
@pytest.mark.parametrize("passing", sorted(PASSING))
def test_topics_passing_mention_is_not_a_main_topic(scheme: TopicScheme, main: str, passing: str) -> None:
    sentences = PARAGRAPHS[main][:5] + [PASSING[passing]] + PARAGRAPHS[main][5:]
    text = "Talks continue\n\n" + "\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
    assert passing in hit_labels(text, scheme)
    assert labels(main_topics(text, scheme)) == [main]


def test_topics_enumeration_alone_is_not_a_main_topic(scheme: TopicScheme) -> None:
    listing = ("The visitors came from the steel, energy, banking, logistics, "
               "agricultural and software sectors.")
    text = "\n".join(PARAGRAPHS["Agriculture and food"] + [listing] + PARAGRAPHS["Agriculture and food"])
    assert labels(main_topics(text, scheme)) == ["Agriculture and food"]


def test_topics_single_mention_in_passing_is_not_a_main_topic_even_in_a_short_text(scheme: TopicScheme) -> None:
    text = ("Officials met in Saltillo on Monday to review the agenda.\nThey talked about tariffs.\n"
            "Tariffs will be reviewed again.\nA plan for migrants was mentioned.")
    assert labels(main_topics(text, scheme)) == ["Tariffs and trade policy"]


def test_topics_main_topics_are_deterministic_and_ranked(scheme: TopicScheme) -> None:
    text = ("The ministers met in Monterrey\n"
            "They met for two days. Steel was discussed. Energy was discussed. Steel again. Energy again. "
            "China came up twice. China again. Tariffs were raised. Tariffs were lowered. Tariffs stayed. "
            "Migrants waited.")
    first = labels(main_topics(text, scheme))
    assert all(labels(main_topics(text, scheme)) == first for _ in range(3))
    # Equal scores are ordered by first mention.
    assert first == ["Tariffs and trade policy", "Steel and aluminum", "Energy", "China"]
    assert labels(main_topics(text, scheme, max_topics=2)) == first[:2]


def test_topics_empty_text_has_no_topics(scheme: TopicScheme) -> None:
    assert main_topics("", scheme) == []
    assert find_topics("", scheme) == []
