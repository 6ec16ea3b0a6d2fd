"""Roles read from made-up sentences in the genre's grammar, through the real pipeline."""
import pytest

from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import ORG, SDO, SKOS, TG

pytestmark = pytest.mark.slow


def memberships(nlp, text):
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    out = set()
    for m in g.subjects(ORG.member, None):
        person = str(g.value(g.value(m, ORG.member), SDO.name))
        org = str(g.value(g.value(m, ORG.organization), SDO.name))
        title = str(g.value(g.value(m, ORG.role), SKOS.prefLabel))
        out.add((person, title, org, g.value(m, TG.former).toPython()))
    return out


@pytest.mark.parametrize("text,expected", [
    ("Dana Whitfield, Founder and CEO of Orbis Partners and former Deputy Commissioner of U.S. Customs and "
     "Border Protection, spoke first.",
     {("Dana Whitfield", "Founder and CEO", "Orbis Partners", False),
      ("Dana Whitfield", "Deputy Commissioner", "U.S. Customs and Border Protection", True)}),
    ("The talks included Department of Commerce Undersecretary Harold Benning.",
     {("Harold Benning", "Undersecretary", "U.S. Department of Commerce", False)}),
    ("Mexican President Rosa Almaraz met investors on Monday.",
     {("Rosa Almaraz", "President", "Government of Mexico", False)}),
    ("Secretary of State Paul Lindqvist said the talks went well.",
     {("Paul Lindqvist", "Secretary of State", "U.S. Department of State", False)}),
    ("Ana Trevino, Executive Director, Centro Norte Consulting, noted the risks.",
     {("Ana Trevino", "Executive Director", "Centro Norte Consulting", False)}),
    ("Leaders from the U.S. Chamber of Commerce, including Vice President Carl Moberg and Senior Vice "
     "President for the Americas Rita Vance, attended.",
     {("Carl Moberg", "Vice President", "U.S. Chamber of Commerce", False),
      ("Rita Vance", "Senior Vice President for the Americas", "U.S. Chamber of Commerce", False)}),
    ("Hugo Salas, the Ministry of Economy's representative in Washington, attended.",
     {("Hugo Salas", "representative in Washington", "Ministry of Economy", False)}),
    ("Ambassador Lena Ortiz, former Mexican Ambassador to the U.S., spoke.",
     {("Lena Ortiz", "Mexican Ambassador to the U.S.", "Government of Mexico", True)}),
    # a governor's post is the state's government; a state before the title, or after "of"
    ("Texas Governor Mark Dalton met investors.", {("Mark Dalton", "Governor", "Government of Texas", False)}),
    ("The Governor of Texas, Mark Dalton, told reporters the bridges would stay open.",
     {("Mark Dalton", "Governor", "Government of Texas", False)}),
    # a lowercase title before "of", its body, a comma and the name
    ("The talks were attended by the president of the Harbour Freight Council, Rogelio Ibarra.",
     {("Rogelio Ibarra", "President", "Harbour Freight Council", False)}),
    # titles composed of a deputy's rank and a cabinet post keep both
    ("The delegation was headed by Deputy Secretary of State Karen Holloway.",
     {("Karen Holloway", "Deputy Secretary of State", "U.S. Department of State", False)}),
    ("Tom Vale, President of Orbis Trade and former USTR official, spoke.",
     {("Tom Vale", "President", "Orbis Trade", False),
      ("Tom Vale", "official", "Office of the U.S. Trade Representative", True)}),
    # a mayor's post is the city's government, named before the title or after the name
    ("“We will keep the bridges open,” Nogales Mayor Ramiro Tello said.",
     {("Ramiro Tello", "Mayor", "City of Nogales", False)}),
    ("Mayor Ramiro Tello of Reynosa, Tamaulipas, welcomed the plan.",
     {("Ramiro Tello", "Mayor", "City of Reynosa", False)}),
    ("Mayor Rosa Vidal of Eagle Pass, Texas, welcomed the plan.",
     {("Rosa Vidal", "Mayor", "City of Eagle Pass", False)}),
    ("They were joined by Laredo City Manager Tom Vale.", {("Tom Vale", "City Manager", "City of Laredo", False)}),
    ("Arizona Governor Mark Dalton and Sonora Governor Elena Quiroz spoke.",
     {("Mark Dalton", "Governor", "Government of Arizona", False),
      ("Elena Quiroz", "Governor", "Government of Sonora", False)}),
    # offices whose title names their ministry in the words the press uses
    ("The Mexican delegation included Secretary of External Relations Tomás Vidal and Undersecretary of "
     "Finance and Public Credit Rosa Vidal.",
     {("Tomás Vidal", "Secretary of External Relations", "Ministry of Foreign Affairs", False),
      ("Rosa Vidal", "Undersecretary of Finance and Public Credit", "Ministry of Finance and Public Credit", False)}),
    # an office with no side written: the side of the listed holder it names, never of an unlisted one
    ("President Zedillo met investors in Monterrey.", {("Zedillo", "President", "Government of Mexico", False)}),
    ("Ambassador Dana Whitfield met investors in Monterrey.", set()),
    # a bare title names the holder's one office of that kind; with several, their government
    ("Secretary Espy toured the Laredo crossing.", {("Espy", "Secretary", "U.S. Department of Agriculture", False)}),
    ("Secretary Mineta toured the Laredo crossing.",
     {("Mineta", "Secretary", "Government of the United States", False)}),
    # an office whose title has a default side takes the listed holder's side first
    ("Francisco Mayorga, Secretary of Agriculture, told reporters the talks went well.",
     {("Francisco Mayorga", "Secretary of Agriculture", "Ministry of Agriculture and Rural Development", False)}),
    # a title that ends the sentence ends before its stop
    ("The talks went well, said Dana Whitfield, Secretary of Commerce.",
     {("Dana Whitfield", "Secretary of Commerce", "U.S. Department of Commerce", False)}),
    # a post the sentence places in the past
    ("Exports doubled during President Zedillo's tenure, Ana Ruiz said.",
     {("Zedillo", "President", "Government of Mexico", True)}),
    ("The plan dates from the era of President Ernesto Zedillo.",
     {("Ernesto Zedillo", "President", "Government of Mexico", True)}),
    # a body's name before the post it holds, after the name
    ("The U.S. delegation included Dana Whitfield, Department of State Deputy Assistant Secretary for Western "
     "Hemisphere Affairs.",
     {("Dana Whitfield", "Deputy Assistant Secretary for Western Hemisphere Affairs", "U.S. Department of State",
       False)}),
    # a list introduced by the body its people come from, or by their side
    ("I met key officials of the Ministry of Tourism: Ana Ruiz, Director General of Planning; and Rosa Vidal, "
     "Advisor.",
     {("Ana Ruiz", "Director General of Planning", "Ministry of Tourism", False),
      ("Rosa Vidal", "Advisor", "Ministry of Tourism", False)}),
    ("They met a delegation of senior Mexican Government officials: H.E. Tomás Vidal Ortega, Secretary of "
     "Environment.",
     {("Tomás Vidal Ortega", "Secretary of Environment", "Government of Mexico", False)}),
    # a title before its side's name, after a clause ("The U.S. ambassador to Mexico, X")
    ("The U.S. ambassador to Mexico, Dana Whitfield, and officials from several agencies also took part.",
     {("Dana Whitfield", "Ambassador to Mexico", "Government of the United States", False)}),
    ("They met the council, as well as former U.S. Ambassador to Mexico, Tom Vale, in Texas.",
     {("Tom Vale", "Ambassador to Mexico", "Government of the United States", True)}),
    ("He met with the US Trade Representative, Paul Lindqvist, and other officials.",
     {("Paul Lindqvist", "Trade Representative", "Office of the U.S. Trade Representative", False)}),
    ("I held meetings with board members, Mexican Government Officials and U.S. Ambassador to Mexico, "
     "Dana Whitfield.", {("Dana Whitfield", "Ambassador to Mexico", "Government of the United States", False)}),
    # a former government post and a current one in a company are two posts
    ("Dana Whitfield, former US Ambassador and founding partner of Orbis Partners, spoke.",
     {("Dana Whitfield", "US Ambassador", "Government of the United States", True),
      ("Dana Whitfield", "founding partner", "Orbis Partners", False)}),
    # a post in a state's government, named by the state or by a portfolio "for the State of X"
    ("The luncheon included Tomás Ruiz, secretary of economy for the state of Chihuahua, and others.",
     {("Tomás Ruiz", "secretary of economy", "Government of Chihuahua", False)}),
    ("Luis Soto, Secretary of Economic Development for the State of Nuevo León, spoke.",
     {("Luis Soto", "Secretary", "Government of Nuevo León", False)}),
    ("The three governors were Ana Vidal, governor of the State of Mexico, Luis Soto, governor of Coahuila, and "
     "Tomás Ruiz, secretary of economy of Chihuahua.",
     {("Ana Vidal", "governor", "State of Mexico", False), ("Luis Soto", "governor", "Government of Coahuila", False),
      ("Tomás Ruiz", "secretary of economy", "Government of Chihuahua", False)}),
    # a ministry named by its head's title in a list's introduction, the colon kept by the tokenizer
    ("I met key officials of Mexico's Secretary of Economy (SE): Mtra. Lorena Quintal, Director General of Trade "
     "Policy.", {("Lorena Quintal", "Director General of Trade Policy", "Ministry of Economy", False)}),
    # posts stated by a verb of leading
    ("The Harbour Freight Council is co-chaired by Rosa Vidal and Luis Soto.",
     {("Rosa Vidal", "Co-chair", "Harbour Freight Council", False),
      ("Luis Soto", "Co-chair", "Harbour Freight Council", False)}),
    ("Rosa Vidal, chairman of the Business Council, and Luis Soto, director of Orbis, serve as co-chairs of the "
     "Harbour Freight Council.",
     {("Rosa Vidal", "chairman", "Business Council", False), ("Luis Soto", "director", "Orbis", False),
      ("Rosa Vidal", "Co-chair", "Harbour Freight Council", False),
      ("Luis Soto", "Co-chair", "Harbour Freight Council", False)}),
    # a list of titles and names: each title is its own name's, an envoy's destination is no body
    ("The Mexican delegation consisted of Secretary of Economy Laura Mesa, Mexican Ambassador to the United States "
     "Tomás Bernal, and Undersecretary of Finance and Public Credit Juan Soto.",
     {("Laura Mesa", "Secretary of Economy", "Ministry of Economy", False),
      ("Tomás Bernal", "Ambassador to the United States", "Government of Mexico", False),
      ("Juan Soto", "Undersecretary of Finance and Public Credit", "Ministry of Finance and Public Credit", False)}),
    # a state's executive office is the state's; a legislator named by their state sits in Congress
    ("Texas Secretary of State Rosa Vidal and Coahuila Secretary of Economy Luis Soto met. Texas Senator Tom Vale "
     "joined them.",
     {("Rosa Vidal", "Secretary of State", "Government of Texas", False),
      ("Luis Soto", "Secretary of Economy", "Government of Coahuila", False),
      ("Tom Vale", "Senator", "U.S. Senate", False)}),
    ("They met then-Mexican Secretary of Agriculture Luis Soto in 2019.",
     {("Luis Soto", "Secretary of Agriculture", "Ministry of Agriculture and Rural Development", True)}),
    # a form of address between a clause's title and the name
    ("The Undersecretary of Industry and Commerce, Dr. Horacio Tellez Vidal, attended the closing session.",
     {("Horacio Tellez Vidal", "Undersecretary of Industry and Commerce", "Ministry of Economy", False)}),
    # a body named by its title, then the title's portfolio, then the name the model missed
    ("The U.S. side included Assistant U.S. Trade Representative for the Western Hemisphere Marcus Delgado and "
     "others.",
     {("Marcus Delgado", "Assistant U.S. Trade Representative for the Western Hemisphere",
       "Office of the U.S. Trade Representative", False)}),
    # a state's former office after a name is the state's
    ("The delegation included Renee Castell, Chair, Red River Partners, and former Oklahoma Secretary of "
     "Agriculture.",
     {("Renee Castell", "Chair", "Red River Partners", False),
      ("Renee Castell", "Secretary of Agriculture", "Government of Oklahoma", True)}),
    # "the Body, whose president, X": the body the relative clause hangs on
    ("They met representatives of the National Grain Council (CNG) of Mexico, whose president, Jorge Villar Durán, "
     "called for funding.", {("Jorge Villar Durán", "President", "National Grain Council", False)}),
    # a sentence's opening gives its people's side; an opening that names no side gives none
    ("On the Mexican side, the delegation was headed by the Secretary of Agriculture and Rural Development, Víctor "
     "Manuel Zamora Ortega.",
     {("Víctor Manuel Zamora Ortega", "Secretary of Agriculture and Rural Development",
       "Ministry of Agriculture and Rural Development", False)}),
    ("For Mexico, Secretary of Agriculture Luis Soto attended.",
     {("Luis Soto", "Secretary of Agriculture", "Ministry of Agriculture and Rural Development", False)}),
    ("For the record, Secretary of Agriculture Tom Vale attended.",
     {("Tom Vale", "Secretary of Agriculture", "U.S. Department of Agriculture", False)}),
    # a portfolio before the title is part of the office's name
    ("Interior Secretary Tomás Ruiz and Mexican Economy Minister Ana Brito met.",
     {("Tomás Ruiz", "Interior Secretary", "U.S. Department of the Interior", False),
      ("Ana Brito", "Economy Minister", "Ministry of Economy", False)}),
    # a city's or state's possessive before a post is its government
    ("They were joined by Laredo City Manager Tom Vale and Nuevo Laredo's director of economic development, Iván "
     "Solis Gil.",
     {("Tom Vale", "City Manager", "City of Laredo", False),
      ("Iván Solis Gil", "director of economic development", "City of Nuevo Laredo", False)}),
    # an abbreviated title is the post it stands for
    ("Texas Gov. Mark Dalton met investors.", {("Mark Dalton", "Governor", "Government of Texas", False)}),
    # officials listed together share the side the other items' offices give
    ("Attending were Ana Ruiz, Secretary of Foreign Affairs; Luis Soto, Secretary of Economy; and Rosa Vidal, "
     "Secretary of Environment.",
     {("Ana Ruiz", "Secretary of Foreign Affairs", "Ministry of Foreign Affairs", False),
      ("Luis Soto", "Secretary of Economy", "Ministry of Economy", False),
      ("Rosa Vidal", "Secretary of Environment", "Ministry of Environment and Natural Resources", False)}),
    # a region's adjective names no side
    ("Ana Ruiz, Undersecretary for North American and Chief Mexican Negotiator, spoke.",
     {("Ana Ruiz", "Undersecretary for North American and Chief Mexican Negotiator", "Government of Mexico", False)}),
    # a side named after a connector ("… and Mexican President X")
    ("President Tom Vale and Mexican President Rosa Almaraz met on Monday.",
     {("Rosa Almaraz", "President", "Government of Mexico", False)}),
    # a name the model misses after a title whose portfolio is a listed body
    ("The delegation included Secretary of Homeland Security Teodoro Quillfeather.",
     {("Teodoro Quillfeather", "Secretary of Homeland Security", "U.S. Department of Homeland Security", False)}),
])
def test_roles_read_from_the_genre(nlp, text, expected):
    assert memberships(nlp, text) == expected


def test_roles_list_of_names_is_not_an_apposition(nlp):
    text = ("She met Assistant Secretary Joan Kerrigan, Department of Commerce Undersecretary Harold Benning, "
            "and others.")
    got = memberships(nlp, text)
    assert ("Joan Kerrigan", "Assistant Secretary", "U.S. Department of Commerce", False) not in got
    assert ("Harold Benning", "Undersecretary", "U.S. Department of Commerce", False) in got


def test_roles_evidence_is_the_sentence(nlp):
    text = "Intro sentence here. Mexican President Rosa Almaraz met investors on Monday. Closing words."
    g = document_graph(nlp(text), Document("t.txt", "t", text))
    m = next(g.subjects(ORG.member, None))
    start, end = int(g.value(m, TG.charStart)), int(g.value(m, TG.charEnd))
    sentence = "Mexican President Rosa Almaraz met investors on Monday."
    assert text[start:end].strip() == str(g.value(m, TG.evidence)) == sentence
    assert str(g.value(m, TG.extractor)) == "roles.title_before_name"
    assert (g.value(m, ORG.member), ORG.memberOf, g.value(m, ORG.organization)) in g
    assert g.value(g.value(m, ORG.member), SDO.nationality).toPython() == "MX"
