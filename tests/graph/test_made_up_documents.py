"""End to end on made-up documents in the genre's styles (tests/data/docs: an HTML page, a hearing, a wire
story, a forum report, a press release with a speakers list, a ministry communiqué, a
regional news story, a think tank's event summary, an announcement, a Mexican outlet's story, a
meeting readout, a wire story on tariffs, a forum report, a news page on a senators' visit; then, written to find
where the rules do not generalise: a state governor's trade-mission release with a delegation list, a Mexican
ministry's translated communiqué with "Lic."/"C." and semicolon lists, a joint statement listing each side's
delegation, a border newspaper's story on two mayors, a chamber newsletter recapping a summit's panels)."""
from pathlib import Path

import pytest
from rdflib import Dataset, Literal

from extract.vocab import DCTERMS, ORG, RDF, SDO, SKOS, TG
from graph.build.run import build

pytestmark = pytest.mark.slow
DOCS = Path(__file__).resolve().parents[1] / "data" / "docs"


@pytest.fixture(scope="module")
def made_up(tmp_path_factory) -> Dataset:
    return build([DOCS], tmp_path_factory.mktemp("made-up"), show_progress=False).dataset


def names(ds, cls):
    return {str(ds.value(n, SDO.name)) for n in set(ds.subjects(RDF.type, cls))}


def memberships(ds):
    """(person, title, organization, former) of every membership."""
    return {(str(ds.value(ds.value(m, ORG.member), SDO.name)), str(ds.value(ds.value(m, ORG.role), SKOS.prefLabel)),
             str(ds.value(ds.value(m, ORG.organization), SDO.name)), ds.value(m, TG.former).toPython())
            for m in ds.subjects(RDF.type, ORG.Membership)}


# written later, to probe unseen styles; the earlier tests read the events of the other documents only
UNSEEN = ("governor-mission.txt", "se-working-meeting.txt", "joint-statement.md", "laredo-mayors.txt",
          "chamber-newsletter.md")


# the Spanish documents and their English counterpart, asserted in test_spanish_documents.py
BILINGUAL = ("se-comunicado-semiconductores.txt", "diario-visita-comercio.txt", "embajada-visita-subsecretario.txt",
             "commerce-readout-semiconductors.txt", "efe-acero-mecanismo.txt", "cronica-saltillo-texanos.txt",
             "boletin-cce-washington.txt")


def in_docs(ds, sources, cls):
    """The nodes of ``cls`` in the named graphs of the documents read from ``sources``."""
    return {n for d, src in ds.subject_objects(DCTERMS.source) if str(src) in sources
            for n in ds.graph(d).subjects(RDF.type, cls)}


def events(ds, sources):
    """(name, start date, location name, sorted attendee people) of each event of those documents."""
    out = set()
    for e in in_docs(ds, sources, SDO.Event):
        loc = ds.value(e, SDO.location)
        out.add((str(ds.value(e, SDO.name)), str(ds.value(e, SDO.startDate)),
                 None if loc is None else str(ds.value(loc, SDO.name)),
                 tuple(sorted(str(ds.value(a, SDO.name)) for a in ds.objects(e, SDO.attendee)
                              if (a, RDF.type, SDO.Person) in ds))))
    return out


def speakers(ds):
    """Each statement's first 20 characters, to its speaker's name."""
    return {str(ds.value(s, SDO.text))[:20]: str(ds.value(ds.value(s, TG.speaker), SDO.name))
            for s in ds.subjects(RDF.type, TG.Statement)}


def test_made_up_people_and_no_clutter(made_up):
    people = names(made_up, SDO.Person)
    assert {"Daniel Whitcombe", "Sofía Arriaga Lozano", "Tomás Ibarra Solís", "Lucía Fernández", "Mark Ellison",
            "Priya Raman", "Caroline Meyers"} <= people
    assert not {"Arriaga", "Trade Sofía Arriaga Lozano", "Whitcombe", "Meyers"} & people
    orgs = {str(made_up.value(o, SDO.name)) for d in made_up.subjects(DCTERMS.source, None)
            for o in made_up.objects(d, SDO.mentions) if (o, RDF.type, SDO.Organization) in made_up}
    assert not {"Pacific Logistics Group", "Trade Wire", "Home > News", "Monterrey"} & orgs  # teasers, footer, nav
    assert {"Ministry of Economy", "Tax Administration Service", "Senate Finance Committee"} <= orgs


def test_made_up_document_metadata(made_up):
    meta = {str(src): (str(made_up.value(d, SDO.name)), str(made_up.value(d, SDO.datePublished)),
                       str(made_up.value(made_up.value(d, SDO.author), SDO.name)))
            for d, src in made_up.subject_objects(DCTERMS.source)}
    assert meta["ministry-release.html"] == ("Economy Ministry hosts U.S. business delegation in Monterrey",
                                             "2025-03-14", "Lucía Fernández")
    assert meta["senate-hearing.md"][:2] == ("Senators press USTR on border delays", "2025-04-02")


def test_made_up_roles(made_up):
    found = memberships(made_up)
    assert ("Tomás Ibarra Solís", "Ambassador to the U.S.", "Government of Mexico", True) in found
    assert ("Mark Ellison", "Senator", "U.S. Senate", False) in found
    assert ("Daniel Whitcombe", "President", "American Chamber of Commerce of Mexico", False) in found
    assert ("Laura Vance", "Representative", "U.S. Congress", False) in found         # "(R-Texas)"
    assert ("Laura Vance", "Chair", "House Ways and Means Trade Subcommittee", False) in found  # "who chairs"
    assert ("Paul Reyes", "Ambassador to Mexico", "Government of the United States", False) in found
    assert ("Marta Ruiz Ochoa", "Economy Secretary", "Ministry of Economy", False) in found
    # "The Secretary of Economy, X,"
    assert ("Rodrigo Villaseñor", "Secretary of Economy", "Ministry of Economy", False) in found
    assert ("Mariana Ochoa", "Senior Economist", "BBVA México", False) in found  # not "The Economist"
    assert ("Ana Ruiz Cortés", "Undersecretary of Foreign Trade", "Ministry of Economy", False) in found  # a list item
    assert ("Susan Marsh", "U.S. Trade Representative", "Office of the U.S. Trade Representative", True) in found


def test_made_up_meetings(made_up):
    got = {}
    for e in set(made_up.subjects(RDF.type, SDO.Event)) - in_docs(made_up, UNSEEN + BILINGUAL, SDO.Event):
        people = sorted(str(made_up.value(a, SDO.name)) for a in made_up.objects(e, SDO.attendee)
                        if (a, RDF.type, SDO.Person) in made_up)
        got[str(made_up.value(e, SDO.name)), str(made_up.value(e, SDO.startDate))] = people
    assert got == {
        ("Nearshoring Forum", "2025-03-10"): ["Daniel Whitcombe", "Sofía Arriaga Lozano"],
        ("Senate Finance Committee hearing", "2025-04-01"): ["Caroline Meyers", "Mark Ellison", "Priya Raman"],
        ("meeting in Washington", "2025-05-12"): ["Héctor Lugo", "John Fell", "Laura Vance", "Marta Ruiz Ochoa",
                                                  "Paul Reyes"],
        ("Mexico Industrial Forum", "2025-06-10"): ["Esteban Robles Garza", "Joaquín Treviño", "Mariana Ochoa",
                                                    "Paola Mendiola", "Rodrigo Villaseñor"],
        # "Speakers included:" and a list; the dateline's date is the story's, not the meeting's
        ("14th U.S.-Mexico CEO Dialogue", "2025-11-03"): ["Ana Ruiz Cortés", "John Park", "Susan Marsh"],
        # a communiqué: "received a delegation headed by …", "also took part, along with …"; a second
        # encounter in a later paragraph of its own, dated "earlier this week"
        ("High-Level Security Dialogue", "2025-06-16"): ["Brian Tolliver", "Elena Saldívar",
                                                          "Julián Ortega Paredes", "Karen Holloway", "Ramiro Cuevas"],
        ("Bustamante–Lamb meeting", "2025-06"): ["Gregory Lamb", "Lorena Bustamante"],
        # "met … last week" in a story published on Tuesday, September 9: the week of Sept. 1–7
        ("meeting in Monterrey", "2025-09"): ["Adrián Cortázar", "Mark Dalton", "Rogelio Ibarra", "Sofía Marín Luján"],
        # an event summary: the lead sentence under the dateline ("Washington, D.C. — November 4, 2025.")
        ("Center for Hemispheric Trade Studies panel in Washington", "2025-11-04"): [
            "Daniel Kirby", "Héctor Valdivia", "Jennifer Osei", "Natalie Brooks"],
        # only announced: planned, with none of the story's people as attendees
        ("Greater Houston Trade Council trade mission to Monterrey", "2026-04-14"): [],
        # "spoke after a meeting with …", no date or place; "attended by the undersecretary of Foreign Trade, X"
        ("meeting with National Chamber of the Steel Industry", "None"): ["Luisa Montemayor"],
        # a readout: "WASHINGTON – Today, …" with the publication date; "Deputy …" and "Mexico's …" also took part
        ("meeting in Washington", "2025-10-07"): ["Arturo Herrera Lozano", "Denise Walsh", "Michael Chen",
                                                  "Paula Rendón"],
        # a wire story: "X, who led the … delegation, said"; the president who spoke at a press conference
        # did not take part, and neither did the agency of the dateline
        ("meeting in Washington", "None"): ["Alan Prescott", "Jorge Campos Ruelas"],
        # a forum report: "X Forum took place in …"; "a keynote by Lic. X" (no sentence ends at "Lic."),
        # "followed by", "Moderated by", "the panel featured"
        ("Binational Energy Forum", "2025-05-15"): ["Gabriela Nuñez", "Luis Arredondo", "Mariana Téllez Rivas",
                                                    "Robert Haynes", "Thomas Becker"],
        # a news page: "met … on Tuesday to discuss the upcoming review" took place (its verb is past);
        # "The delegation, which also included …"
        ("delegation to National Palace", "2025-02-11"): ["Maria Delgado", "Ramiro Cuevas", "Richard Holt",
                                                          "Rosa Villanueva", "Tom Fischer"],
    }
    planned = {str(made_up.value(e, SDO.name)) for e in made_up.subjects(TG.planned, Literal(True))}
    assert planned == {"Greater Houston Trade Council trade mission to Monterrey"}
    dialogue = next(e for e in made_up.subjects(SDO.name, Literal("High-Level Security Dialogue")))
    assert str(made_up.value(made_up.value(dialogue, SDO.location), SDO.name)) == "Mexico City"  # the dateline's


def test_made_up_places_are_not_people_and_pronouns_find_their_speaker(made_up):
    assert not {"Nuevo León", "Coahuila"} & names(made_up, SDO.Person)
    said = speakers(made_up)
    assert said["US tariffs on autos "] == "Paola Mendiola"  # "According to Paola Mendiola … She noted that …"
    assert said["Our cooperation is b"] == "Julián Ortega Paredes"  # "…,” said Ortega Paredes. Holloway noted …"


def test_made_up_spanish_names_and_composed_titles(made_up):
    people = names(made_up, SDO.Person)
    assert {"Julián Ortega Paredes", "Elena Saldívar"} <= people
    assert not {"Julián Ortega", "Ortega Paredes", "General Elena Saldívar"} & people
    found = {(person, title, org) for person, title, org, _ in memberships(made_up)}
    assert ("Karen Holloway", "Deputy Secretary of State", "U.S. Department of State") in found
    assert ("Ramiro Cuevas", "Security Secretary", "Ministry of Security and Citizen Protection") in found
    assert ("Luisa Montemayor", "Undersecretary of Foreign Trade", "Ministry of Economy") in found
    # the office, not its form of address ("… Trade Representative Ambassador X"); a rank before an office
    assert ("Denise Walsh", "United States Trade Representative", "Office of the U.S. Trade Representative") in found
    assert ("Michael Chen", "Deputy U.S. Trade Representative", "Office of the U.S. Trade Representative") in found
    assert ("Arturo Herrera Lozano", "Secretary of Economy", "Ministry of Economy") in found  # typed ORG with "Economy"
    # the title after a dateline's dash; "who led the Mexican delegation" is no post
    assert ("Rosa Villanueva", "President", "Government of Mexico") in found
    assert not {org for _, _, org in found} & {"Mexican", "Reuters"}
    # a listed body inside a longer name is not that body; "Title X of the Body"
    assert ("Robert Haynes", "Commissioner", "Federal Energy Regulatory Commission") in found
    assert ("Mariana Téllez Rivas", "Undersecretary of Hydrocarbons", "Ministry of Energy") in found


def test_made_up_person_typed_a_place_and_the_organizer_who_convened(made_up):
    assert "Héctor Valdivia" in names(made_up, SDO.Person)   # "Héctor Valdivia, chief economist at …", typed GPE
    assert speakers(made_up)["Without reliable ele"] == "Héctor Valdivia"  # "Valdivia argued …", also typed GPE
    organizers = {str(made_up.value(e, SDO.name)): {str(made_up.value(o, SDO.name))
                                                   for o in made_up.objects(e, SDO.organizer)}
                  for e in made_up.subjects(RDF.type, SDO.Event)}
    assert organizers["Center for Hemispheric Trade Studies panel in Washington"] == {
        "Center for Hemispheric Trade Studies"}
    assert organizers["Greater Houston Trade Council trade mission to Monterrey"] == {"Greater Houston Trade Council"}


def test_made_up_governors_and_a_chamber_named_by_its_listed_acronym(made_up):
    found = {(person, title, org) for person, title, org, _ in memberships(made_up)}
    assert {("Mark Dalton", "Governor", "Government of Texas"),
            ("Adrián Cortázar", "Governor", "Government of Nuevo León"),  # NER took the state for a person
            ("Sofía Marín Luján", "Governor", "Government of Chihuahua"),  # "Chihuahua Governor Sofía" + surnames
            ("Rogelio Ibarra", "President", "National Chamber of Freight Transportation")} <= found
    countries = {str(made_up.value(o, SDO.name)): str(made_up.value(o, SDO.addressCountry))
                 for o in made_up.subjects(RDF.type, SDO.Organization)}
    assert countries["Government of Texas"] == "US" and countries["Government of Chihuahua"] == "MX"
    # "National Chamber of Freight Transport (Canacar)": the listed chamber, not a second one
    assert "National Chamber of Freight Transport" not in names(made_up, SDO.Organization)


def test_made_up_dateline_agency_is_the_publisher(made_up):
    pub = {str(src): str(made_up.value(made_up.value(d, SDO.publisher), SDO.name))
           for d, src in made_up.subject_objects(DCTERMS.source)}
    assert pub["wire-story.txt"] == "Reuters"


def by_date_and_place(ds, source):
    """Attendee people by (start date, location) of the events of one document."""
    return {(date, place): set(people) for _, date, place, people in events(ds, (source,))}


def test_unseen_governor_mission_release(made_up):
    found = memberships(made_up)
    assert {("Hal Brennan", "Governor", "Government of Oklahoma", False),   # "Oklahoma Governor X"
            ("Ernesto Villalpando Ruiz", "Governor", "Government of Jalisco", False),
            ("Beatriz Olvera Canales", "Governor", "Government of Querétaro", False),
            ("Patricia Henley", "Consul General", "Government of the United States", False),  # "the U.S. Consul …, X"
            # a delegation list: "- Name, Title, Body"
            ("Kendra Lowry", "Secretary of Commerce", "Oklahoma Department of Commerce", False),
            ("Samuel Adeyemi", "Director of International Trade", "Oklahoma Department of Commerce", False),
            ("Dale Whitaker", "President and CEO", "Greater Tulsa Manufacturers Alliance", False),
            ("Renee Castellanos", "Chair", "Red River Export Partners", False),
            ("Trent Mabry", "Vice President of Operations", "Redbud Avionics", False)} <= found
    assert "Lyle Hammond" in names(made_up, SDO.Person)                      # "then-Governor X"
    meetings = by_date_and_place(made_up, "governor-mission.txt")
    assert "Ernesto Villalpando Ruiz" in meetings["2026-04-17", "Guadalajara"]  # "On April 17, … met in Guadalajara"
    assert any(date == "2026-04-19" and "Patricia Henley" in people for (date, _), people in meetings.items())


def test_unseen_ministry_communique_with_forms_of_address(made_up):
    people = names(made_up, SDO.Person)
    assert {"Adriana Covarrubias Bermúdez", "Gregory Mott", "Irene Palafox Zúñiga", "Octavio Barrón Lara",
            "Horacio Tamez Villarreal", "Graciela Montaño Rivas"} <= people
    assert not {"Lic. Adriana Covarrubias Bermúdez", "Mtra. Irene Palafox Zúñiga", "Ing. Octavio Barrón Lara",
                "Dr. Horacio Tamez Villarreal", "Ing. Graciela Montaño Rivas"} & people
    # "the Deputy Assistant Secretary for the Western Hemisphere of the International Trade Administration, X"
    assert ("Gregory Mott", "Deputy Assistant Secretary for the Western Hemisphere",
            "International Trade Administration", False) in memberships(made_up)
    meetings = by_date_and_place(made_up, "se-working-meeting.txt")
    assert {"Gregory Mott", "Irene Palafox Zúñiga", "Octavio Barrón Lara",
            "Horacio Tamez Villarreal"} <= meetings["2026-03-03", "Mexico City"]
    assert any(date == "2026-03-04" and {"Adriana Covarrubias Bermúdez", "Graciela Montaño Rivas"} <= people
               for (date, _), people in meetings.items())


def test_unseen_joint_statement_delegations(made_up):
    assert {"Whitney Galloway", "Joan Pettibone", "Raymond Oduya", "Víctor Manuel Zendejas Ortega",
            "Jorge Villaseca Durán", "Tomás Arreguín", "Helen Corrigan"} <= names(made_up, SDO.Person)
    found = {(person, org): title for person, title, org, _ in memberships(made_up)}
    assert found["Whitney Galloway", "U.S. Department of Agriculture"] == \
        "Under Secretary of Agriculture for Trade and Foreign Agricultural Affairs"
    assert ("Joan Pettibone", "Animal and Plant Health Inspection Service") in found
    assert ("Raymond Oduya", "U.S. Customs and Border Protection") in found
    meetings = by_date_and_place(made_up, "joint-statement.md")
    assert {"Whitney Galloway", "Joan Pettibone", "Raymond Oduya",
            "Víctor Manuel Zendejas Ortega"} <= meetings["2026-07-08", "San Antonio"]
    assert any(date == "2026-07-07" for date, _ in meetings)                 # "On July 7, … a working breakfast"


def test_unseen_border_mayors_story(made_up):
    assert {"Norman Esquivel", "Leticia Carrizales Pérez", "Frank Dobbins", "Iván Soberanes Gil", "Adam Kessler",
            "Joaquín Estrada Leal", "Rodolfo Benavides"} <= names(made_up, SDO.Person)
    found = memberships(made_up)
    assert {("Norman Esquivel", "Mayor", "City of Laredo", False),               # "Mayor X of City, State"
            ("Leticia Carrizales Pérez", "Mayor", "City of Nuevo Laredo", False),
            ("Adam Kessler", "port director", "U.S. Customs and Border Protection", False)} <= found
    meta = {str(src): str(made_up.value(made_up.value(d, SDO.author), SDO.name))
            for d, src in made_up.subject_objects(DCTERMS.source)}
    assert meta["laredo-mayors.txt"] == "Celeste Marroquín"
    meetings = by_date_and_place(made_up, "laredo-mayors.txt")
    assert any(place == "Laredo City Hall" and {"Frank Dobbins", "Iván Soberanes Gil"} <= people
               for (_, place), people in meetings.items())


def test_unseen_chamber_newsletter_panels(made_up):
    found = memberships(made_up)
    assert {("Linda Farrow", "U.S. Deputy Assistant Secretary of Commerce for Manufacturing",
             "U.S. Department of Commerce", True),                               # "former …, and now …"
            ("Linda Farrow", "senior adviser", "Halvorsen Strategies", False),
            ("Hugo Pedraza", "managing partner", "Pedraza & Lugo Consultores", False),  # "moderated by X, …"
            ("Jessica Tanaka", "vice president of supply chain", "Whirlpool", False),   # "Panelists included X, …; Y"
            ("Brenda Kowalski", "trade policy director", "Texas Association of Business", False),
            ("Marco Antonio Lazcano", "chief executive", "Transportes Sierra Azul", False)} <= found
    summit = [people for name, _, _, people in events(made_up, ("chamber-newsletter.md",))
              if name == "Supply Chain Summit"]
    assert summit and {"Hugo Pedraza", "Jessica Tanaka", "Ricardo Elizondo Treviño", "Karen Boateng",
                       "Gustavo Arizpe", "Alfonso Treviño Salinas", "Brenda Kowalski",
                       "Marco Antonio Lazcano"} <= set(summit[0])
