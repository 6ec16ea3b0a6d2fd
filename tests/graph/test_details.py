"""The details panel's sections: what the network view says about one actor."""
import pytest

from graph.network.details import country_name, node_details
from graph.network.projections import KINDS, actor_network

ID = "https://w3id.org/tradegraph/id/"


def sections(g, node):
    return {s.title: [(i.text, i.note, len(i.evidence)) for i in s.items] for s in node_details(g, ID + node)}


@pytest.fixture
def g(tiny_dataset):
    return actor_network(tiny_dataset, kinds=KINDS)


def test_details_person_shows_names_roles_meetings_and_documents(g):
    assert sections(g, "person/ana-ruiz") == {
        "Also known as": [("A. Ruiz", "", 0)],
        "Roles": [("Director, Harbour Council", "", 1)],
        "Meetings": [("Border Talks (2024-01-22)", "", 1)],
        "Documents": [("a.txt — Talks in Washington", "", 0)],
    }


def test_details_former_roles_and_statements_are_marked(g):
    bob = sections(g, "person/bob-lee")
    assert bob["Roles"] == [("Undersecretary, U.S. Department of Commerce", "former", 1)]
    assert bob["Spoke about"] == [("USMCA review", "", 1)]
    assert bob["Statements"] == [("“The review must keep the agreement whole.”", "on USMCA review", 1)]
    assert list(bob) == ["Roles", "Meetings", "Spoke about", "Statements", "Documents"]


def test_details_meeting_shows_when_who_where_and_what(g):
    meeting = sections(g, "event/border-talks--2024-01-22")
    assert meeting["When"] == [("2024-01-22", "", 0)]
    assert meeting["Organized by"] == [("U.S. Department of Commerce", "", 1)]
    assert [t for t, _, _ in meeting["Attendees"]] == ["Ana Ruiz", "Bob Lee", "Harbour Council"]
    assert meeting["Held in"] == [("Washington", "", 1)] and meeting["Topics"] == [("USMCA review", "", 1)]


def test_details_institution_shows_members_and_hierarchy(g):
    commerce = sections(g, "org/us-commerce")
    assert commerce["Members"] == [("Bob Lee — Undersecretary", "former", 1)]
    assert commerce["Part of"] == [("Government of the United States", "", 0)]
    assert commerce["Has parts"] == [("U.S. Trade Agency", "", 0)]
    assert commerce["Meetings"] == [("Border Talks (2024-01-22)", "organized", 1)]


def test_details_items_point_at_nodes_and_carry_evidence(g):
    (roles,) = [s for s in node_details(g, ID + "person/ana-ruiz") if s.title == "Roles"]
    (item,) = roles.items
    assert item.ref == ID + "org/harbour-council"
    assert item.evidence[0].document == "a.txt" and item.evidence[0].start == 0


@pytest.mark.parametrize("code,name", [("MX", "Mexico"), ("US", "United States"), ("", ""), ("FR", "FR")])
def test_details_country_name(code, name):
    assert country_name(code) == name
