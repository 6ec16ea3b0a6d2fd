"""Tests of extract.topics.weights and the decision in extract.topics.scheme.main_topics: where and how a text
names a topic decides whether it is what the text is about.

All texts and people are made up for the tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import DataError
from extract.topics.scheme import Topic, TopicScheme, load_scheme, main_topics, topic_scores
from extract.topics.weights import find_headline, load_cues, text_units

FILLER = [
    "The delegation arrived in Saltillo on a rainy Monday morning.",
    "Several mayors from both sides joined the visitors for lunch.",
    "The hosts showed the group around the old city hall building.",
    "A dinner at the museum closed the first day of the visit.",
    "The guests thanked the hosts and promised to return next year.",
]


@pytest.fixture(scope="module")
def scheme() -> TopicScheme:
    return load_scheme()


def labels(topics: list[Topic]) -> list[str]:
    return [t.label for t in topics]


def story(headline: str, *sentences: str) -> str:
    """A made-up story: a headline, a neutral lead, then the sentences, then neutral filler."""
    return "\n\n".join([headline, FILLER[0], *sentences, *FILLER[1:]])


# --- where a single mention counts ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # In the headline: the subject of the story.
    (story("Mayors meet over water shortages", "They ate together."), ["Water and environment"]),
    # In the body once, in passing: not a subject.
    (story("Mayors meet in Saltillo", "One mayor mentioned water shortages."), []),
    # An agenda item: what the meeting dealt with.
    (story("Mayors meet in Saltillo", "The mayors discussed water shortages and the rail line."),
     ["Infrastructure and logistics", "Water and environment"]),
    # Named before the agenda cue: still a passing mention.
    (story("Mayors meet in Saltillo", "Water shortages were not discussed."), []),
    # Twice in the body: a subject.
    (story("Mayors meet in Saltillo", "Water shortages worry farmers.", "Water shortages may last."),
     ["Water and environment"]),
])
def test_weights_where_a_topic_is_named_decides(scheme: TopicScheme, text: str, expected: list[str]) -> None:
    assert sorted(labels(main_topics(text, scheme))) == expected


def test_weights_lead_is_the_first_two_sentences_that_name_a_topic(scheme: TopicScheme) -> None:
    lead = ["Officials from both countries met to talk about the schedules of rail freight.",
            "Officials from both countries also spoke about the price of electricity."]
    later = "Officials from both countries finally spoke about water for the farms."
    text = "\n\n".join(["Officials meet in Saltillo", "Officials met in a hotel on a cold Monday.", *lead,
                       *FILLER, later])
    assert sorted(labels(main_topics(text, scheme))) == ["Energy", "Infrastructure and logistics"]


def test_weights_no_headline_when_told(scheme: TopicScheme) -> None:
    text = "Water shortages loom over the valley\n\n" + "\n\n".join(FILLER)
    assert labels(main_topics(text, scheme)) == ["Water and environment"]
    assert main_topics(text, scheme, headline="") == []
    assert labels(main_topics(text, scheme, headline="Water shortages loom over the valley")) == [
        "Water and environment"]


def test_weights_enumeration_is_damped_but_agenda_list_is_not(scheme: TopicScheme) -> None:
    sectors = "Guests came from the steel, energy, banking, trucking and farming sectors."
    agenda = "The ministers discussed steel, energy, banking, trucking and farming."
    head = "Ministers meet in Saltillo"
    assert main_topics(story(head, sectors), scheme) == []
    assert len(main_topics(story(head, agenda), scheme)) == 5


@pytest.mark.parametrize(("lead", "expected"), [
    # The industries present, even in the lead: not the subjects.
    ("Business owners from sectors including rail, energy and banking joined the ministers in Saltillo.", []),
    ("Business owners from the rail, energy and banking sectors joined the ministers in Saltillo.", []),
    # What was discussed, or a sector named alone: the subjects.
    ("The ministers discussed rail, energy and banking with business owners in Saltillo.",
     ["Energy", "Finance and insurance", "Infrastructure and logistics"]),
    ("The ministers in Saltillo discussed investment in critical sectors such as semiconductors.",
     ["Nearshoring and investment", "Semiconductors and electronics"]),
])
def test_weights_a_list_of_industries_is_not_an_agenda(scheme: TopicScheme, lead: str,
                                                       expected: list[str]) -> None:
    text = "\n\n".join(["Ministers meet in Saltillo", "The ministers arrived on a cold Monday.", lead, *FILLER])
    assert sorted(labels(main_topics(text, scheme))) == expected


@pytest.mark.parametrize(("sentences", "kept"), [(12, True), (120, False)])
def test_weights_long_texts_need_more_mentions(scheme: TopicScheme, sentences: int, kept: bool) -> None:
    body = [FILLER[i % len(FILLER)] for i in range(sentences)]
    text = "\n\n".join(["Mayors meet in Saltillo", *body[:3], "Water shortages worry farmers.", *body[3:],
                        "Water shortages may last."])
    assert ("Water and environment" in labels(main_topics(text, scheme))) is kept


def test_weights_a_topic_far_behind_the_leading_one_is_dropped(scheme: TopicScheme) -> None:
    tariffs = [f"Tariff number {i} was debated at length by the committee." for i in range(30)]
    text = "\n\n".join(["Committee debates tariffs", *tariffs, "Migrants waited.", "Migrants left."])
    assert labels(main_topics(text, scheme)) == ["Tariffs and trade policy"]
    assert "Migration" in labels(main_topics(text, scheme, min_lead_ratio=0.0))


# --- the agreement and its review ------------------------------------------------------

@pytest.mark.parametrize(("sentences", "expected"), [
    (["Exporters praised the USMCA.", "The USMCA has helped exporters."], ["Tariffs and trade policy"]),
    (["Exporters praised NAFTA.", "Nafta helped exporters for decades."], ["Tariffs and trade policy"]),
    (["Exporters praised the USMCA.", "The USMCA review starts next year."], ["USMCA review"]),
    (["Exporters praised the T-MEC.", "Pidieron preparar la revisión del T-MEC."], ["USMCA review"]),
    (["Exporters praised the USMCA.", "Firms must comply with the USMCA."], ["USMCA review"]),
])
def test_weights_agreement_is_trade_policy_until_a_sentence_speaks_of_its_review(
        scheme: TopicScheme, sentences: list[str], expected: list[str]) -> None:
    assert labels(main_topics(story("Exporters meet in Saltillo", *sentences), scheme)) == expected


# --- units and headline ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Officials urged a halt to steel\ntariffs that hurt farmers.\nThe talks ended.",
     ["Officials urged a halt to steel\ntariffs that hurt farmers.", "The talks ended."]),   # hard wrap
    ("First line without a period\nSecond Line Starts Capitalized",
     ["First line without a period", "Second Line Starts Capitalized"]),
    ("Energy\nWater\nRail\nAfter the list comes a sentence.",
     ["Energy\nWater\nRail", "After the list comes a sentence."]),                            # a list
    ("Dr. Roe spoke. Then Mr. Poe spoke about the U.S. economy.",
     ["Dr. Roe spoke.", "Then Mr. Poe spoke about the U.S. economy."]),
])
def test_weights_units(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in text_units(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mayors meet over water\nThe mayors of two towns met on Monday to talk.", "Mayors meet over water"),
    ("March 3, 2025\nMayors meet over water\nBody text.", "Mayors meet over water"),
    ("The Valley Gazette\n\nMayors meet over water\n\nBody text follows here.",
     "The Valley Gazette\n\nMayors meet over water"),                                   # masthead, headline
    ("The mayors of the two towns met on Monday to talk about water and about the new rail line that will "
     "link both of their towns by the end of next year.", ""),
    ("", ""),
])
def test_weights_headline(text: str, expected: str) -> None:
    start, end = find_headline(text)
    assert text[start:end] == expected


def test_weights_scores_are_deterministic(scheme: TopicScheme) -> None:
    text = story("Ministers meet over steel", "They discussed steel, rail and water.", "Water again.")
    assert all(topic_scores(text, scheme) == topic_scores(text, scheme) for _ in range(3))


# --- the cue file ----------------------------------------------------------------------

def test_weights_packaged_cues_name_scheme_concepts(scheme: TopicScheme) -> None:
    slugs = {t.iri.rsplit("/", 1)[-1] for t in scheme.topics}
    cues = load_cues()
    assert set(cues.anchored) <= slugs
    assert cues.agenda.search("the ministers discussed it") and not cues.agenda.search("the ministers ate")


@pytest.mark.parametrize("content", [
    "agenda: [unclosed",
    "agenda: {en: [discuss*]}",
    "agenda: {en: []}\nanchored: {}",
    "agenda: {en: [discuss*]}\nsectors: {en: [sectors]}\nanchored: {usmca-review: []}",
    "agenda: {en: [discuss*]}\nsectors: {en: []}\nanchored: {}",
    "[1, 2]",
])
def test_weights_bad_cue_file_raises_data_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match="cues.yaml"):
        load_cues(path)
