"""Meetings, statements and figures read from made-up documents in the genre's grammar."""
import pytest

from extract.statements.figures import find_figures
from extract.text.dates import find_whens
from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import RDF, SDO, TG


@pytest.mark.parametrize("text,published,expected", [
    ("from Oct. 20 to 22", "2025-11-02", [("2025-10-20", "2025-10-22")]),
    ("from Oct. 20 to 22", None, []),                              # no year to infer: no date
    ("in December 3, 2024", "2025-02-01", [("2024-12-03", None)]),
    ("From January 22 – 25, 2024,", None, [("2024-01-22", "2024-01-25")]),
    ("On December 5, 2024, and April 30, 2025,", None, [("2024-12-05", None), ("2025-04-30", None)]),
    ("held in March 2023", None, [("2023-03", None)]),
    ("on Dec. 28 to Jan. 3", "2025-01-10", [("2024-12-28", "2025-01-03")]),
    # day first, as Mexican and European English write it
    ("from 3-5 March 2025", None, [("2025-03-03", "2025-03-05")]),
    ("on 4 June", "2025-06-12", [("2025-06-04", None)]),
    ("5 may be too late", "2025-06-12", []),
    ("on 2025-03-04", None, [("2025-03-04", None)]),
    # a weekday before a date names that date
    ("on Wednesday, March 12", "2025-03-20", [("2025-03-12", None)]),
    ("on Thursday (March 13)", "2025-03-20", [("2025-03-13", None)]),
    # a month without a year
    ("in March", "2025-03-10", [("2025-03", None)]),
    ("in late October", "2025-03-10", [("2024-10", None)]),
    ("In mid-January, she traveled", "2020-01-29", [("2020-01", None)]),
    # relative to publication, as precisely as is certain: a week inside one month is that month
    ("this week", "2021-09-09", [("2021-09", None)]),
    ("this week", "2021-09-01", [("2021", None)]),                # Aug 30 – Sep 5: only the year is sure
    ("last week", "2025-01-15", [("2025-01", None)]),
    ("last week", "2025-01-08", []),                              # Dec 30 – Jan 5: nothing is sure
    ("earlier this month", "2025-03-10", [("2025-03", None)]),
    ("yesterday", "2025-03-10", [("2025-03-09", None)]),
    ("in Monterrey last night", "2025-03-01", [("2025-02-28", None)]),
    ("this morning", "2025-03-10", [("2025-03-10", None)]),
    ("today's agenda", "2025-03-10", []),
    ("this week", None, []),
])
def test_events_dates_normalised(text, published, expected):
    assert [(w.start, w.end) for w in find_whens(text, published)] == expected


@pytest.mark.parametrize("text,expected", [
    ("a 10% baseline tariff", [("percent", 10.0)]),
    ("valued at US$1.8 million per minute", [("USD", 1_800_000.0)]),
    ("over 10.8 million encounters at the border", [("encounters", 10_800_000.0)]),
    ("China (125%), Cambodia (49%)", [("percent", 125.0), ("percent", 49.0)]),
    ("debt exceeds \\$36 trillion", [("USD", 36e12)]),
    ("a $23.5M loan and MXN 40 billion", [("USD", 23.5e6), ("MXN", 40e9)]),
    ("in 2024 and for 10 years", []),
])
def test_events_figures(text, expected):
    assert [(f.unit, f.value) for f in find_figures(text)] == expected


def graph_of(nlp, text, published=None):
    head = f"{published}\n\n" if published else ""
    return document_graph(nlp(head + text), Document("t.txt", "t", head + text))


def events(g):
    out = {}
    for e in g.subjects(RDF.type, SDO.Event):
        people = sorted(str(g.value(a, SDO.name)) for a in g.objects(e, SDO.attendee)
                        if (a, RDF.type, SDO.Person) in g)
        place = str(g.value(g.value(e, SDO.location), SDO.name))
        out[str(g.value(e, SDO.name))] = (str(g.value(e, SDO.startDate)), place, people)
    return out


@pytest.mark.slow
def test_events_a_delegation_visit(nlp):
    text = ("A delegation led by Business Coordinating Council (CCE) President Rosa Almaraz visited Washington "
            "from Oct. 20 to 22 for \u201cMexico Week.\u201d The delegation held meetings with Department of Commerce "
            "Undersecretary Harold Benning.\n\nLater, Senator Tom Hale said he was not consulted.")
    got = events(graph_of(nlp, text, "November 2, 2025"))
    # "Washington" is the gazetteer's Washington, D.C. (extract/data/gazetteer.yaml)
    assert got == {"Mexico Week": ("2025-10-20", "Washington, D.C.", ["Harold Benning", "Rosa Almaraz"])}


@pytest.mark.parametrize("text,expected", [
    # an undated encounter in the past, told by what happened after it
    ("Ana Ruiz spoke after a meeting with representatives of the Orbis Trade Council.",
     {"meeting with Orbis Trade Council": ("None", "None", [])}),
    # talks that are only spoken of, or still to come, are no meeting
    ("The ministry said talks with the Orbis Trade Council would resume.", {}),
    ("Ana Ruiz said the meeting with Paul Lindqvist was useful.", {}),
    # a past main verb: it took place, though the sentence names an upcoming review
    ("Senator Tom Hale met with Rosa Almaraz in Monterrey on Tuesday to discuss the upcoming review.",
     {"meeting in Monterrey": ("2025-03-04", "Monterrey", ["Rosa Almaraz", "Tom Hale"])}),
])
@pytest.mark.slow
def test_events_what_makes_an_encounter(nlp, text, expected):
    assert events(graph_of(nlp, text, "March 5, 2025")) == expected


@pytest.mark.slow
def test_events_a_series_splits_by_date_markers(nlp):
    text = ("On March 4, 2025, and June 9, 2025, the Orbis Trade Council hosted experts at its binational "
            "conferences.\n\nDuring the March conference, Lena Ortiz, Director of Orbis Partners, argued that "
            "tariffs hurt.\n\nIn June, Paul Lindqvist, CEO of Acme Foods, noted that demand grew.")
    got = events(graph_of(nlp, text))
    assert sorted(got.values()) == [("2025-03-04", "None", ["Lena Ortiz"]), ("2025-06-09", "None", ["Paul Lindqvist"])]


@pytest.mark.slow
def test_events_statements_with_speaker_topics_and_figures(nlp):
    text = ("During the Orbis Fourth Binational Convention, Lena Ortiz, Director of Orbis Partners, noted that "
            "a 10% tariff on steel would hurt exporters.\n\n\u201cWe need investors in Mexico, and we can add "
            "migrants to this effort,\u201d she added.")
    g = graph_of(nlp, text, "September 17, 2025")
    statements = {str(g.value(s, SDO.text)): s for s in g.subjects(RDF.type, TG.Statement)}
    assert set(statements) == {"a 10% tariff on steel would hurt exporters",
                               "We need investors in Mexico, and we can add migrants to this effort"}
    for s in statements.values():
        assert str(g.value(g.value(s, TG.speaker), SDO.name)) == "Lena Ortiz"
        assert g.value(s, TG.madeAt) is not None and g.value(s, TG.evidence) is not None
    reported = statements["a 10% tariff on steel would hurt exporters"]
    figure = g.value(reported, TG.figure)
    assert (g.value(figure, SDO.value).toPython(), str(g.value(figure, SDO.unitText))) == (10.0, "percent")
    topics = {str(t).rsplit("/", 1)[-1] for t in g.objects(reported, SDO.about)}
    assert "steel-and-aluminum" in topics
    (event,) = g.subjects(RDF.type, SDO.Event)
    assert str(g.value(event, SDO.startDate)) == "2025"
