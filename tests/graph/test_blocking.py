"""The merge's blocking finds exactly what comparing every pair finds (graph.build.blocking, people.NameIndex).

Generated corpora of made-up people and meetings are merged twice: with the blocked candidate lookups the
build uses, and with lookups that scan every name and every pair of a day's meetings. The groups, the
merges and their reasons must be the same.
"""
from __future__ import annotations

import random
from functools import partial

import pytest
from rdflib import Graph, Literal, URIRef

from extract.iris import person_iri
from extract.vocab import ID, ORG, OWL, RDF, SDO, XSD
from graph.build import blocking, merge
from graph.build.docgraph import DocGraph
from graph.build.name_variants import Words, is_longer_form, is_surname_of
from graph.build.people import NameIndex, link_people
from graph.build.records import Meeting

GIVEN = ["Lena", "Tom", "Thomas", "Bill", "William", "Ana", "Ana María", "Pedro", "Kim", "Ramón"]
SURNAMES = ["Ortiz", "Ruiz", "Ruiz Solís", "Núñez", "Nunez", "Hale", "Hale Jr.", "Ogg", "Vance", "Ibarra"]
FRONT = ["", "", "", "Dr. ", "Ambassador ", "Minister "]
WORDS = ["trade", "energy", "forum", "binational", "summit", "port", "visit", "steel", "border", "talks"]
DAYS = ["2025-04-28", "2025-04-29", "2025-04-30"]


class ScanIndex(NameIndex):
    """The reference: every name compared with every other, no blocking."""

    def longer(self, words: Words) -> list[URIRef]:
        return sorted({m for m, forms in self.forms.items() for long in forms if is_longer_form(words, long)})

    def surnamed(self, words: Words) -> list[URIRef]:
        return sorted({m for m, forms in self.forms.items() for full in forms
                       if len(full) > len(words) and is_surname_of(words, full)})


def exhaustive_pairs(found: list[Meeting]) -> list[tuple[int, int]]:
    return [p for p in blocking.all_pairs(len(found)) if blocking.similar(found[p[0]], found[p[1]])]


def person_name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.25:
        return surname.split()[0] if rng.random() < 0.5 else surname
    middle = f" {rng.choice('JKP')}." if rng.random() < 0.2 else ""
    return f"{rng.choice(FRONT)}{rng.choice(GIVEN)}{middle} {surname}"


def corpus(seed: int) -> list[tuple[URIRef, DocGraph]]:
    """Made-up documents: a few people (sides, organizations, now and then a Wikidata item) and meetings."""
    rng = random.Random(seed)
    docs = []
    for d in range(rng.randint(4, 14)):
        g = Graph()
        people = []
        for name in {person_name(rng) for _ in range(rng.randint(1, 4))}:
            node = person_iri(name)
            people.append(node)
            g.add((node, RDF.type, SDO.Person))
            g.add((node, SDO.name, Literal(name)))
            if rng.random() < 0.4:
                g.add((node, SDO.nationality, Literal(rng.choice(["MX", "US"]))))
            if rng.random() < 0.4:
                g.add((node, ORG.memberOf, ID[f"org/{rng.choice(['harbour-council', 'river-bank'])}"]))
            if rng.random() < 0.1:
                g.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/Q{rng.randint(1, 3)}")))
        for m in range(rng.randint(0, 3)):
            node = ID[f"event/{d}-{m}"]
            g.add((node, RDF.type, SDO.Event))
            g.add((node, SDO.name, Literal(" ".join(rng.sample(WORDS, rng.randint(1, 4))))))
            g.add((node, SDO.startDate, Literal(rng.choice(DAYS), datatype=XSD.date)))
            for person in rng.sample(people, min(len(people), rng.randint(0, 1))):
                g.add((node, SDO.attendee, person))
        docs.append((ID[f"doc/{d}"], DocGraph.from_rdflib(g)))
    return docs


def merged(docs: list[tuple[URIRef, DocGraph]], exhaustive: bool, monkeypatch: pytest.MonkeyPatch) -> tuple:
    with monkeypatch.context() as patch:
        if exhaustive:
            patch.setattr(merge, "link_people", partial(link_people, index=ScanIndex))
            patch.setattr(merge, "meeting_pairs", exhaustive_pairs)
        found = merge.resolve(docs, merge.Judgements(different=(("Tom Hale", "Thomas Hale"),)))
    return found.merges, sorted(found.target.items()), sorted(found.canonical.items())


@pytest.mark.parametrize("seed", range(60))
def test_blocked_merge_equals_the_exhaustive_merge(seed, monkeypatch):
    docs = corpus(seed)
    blocked = merged(docs, False, monkeypatch)
    assert blocked == merged(docs, True, monkeypatch)


def test_the_generated_corpora_do_merge():
    """The property above is not vacuous: the corpora exercise every kind of merge."""
    reasons = " ".join(m.reason for seed in range(60) for m in merge.resolve(corpus(seed)).merges)
    for kind in ("shorter form", "surname of a full name", "same name once", "same meeting", "Wikidata"):
        assert kind in reasons


def meetings(count: int, rng: random.Random, common: tuple[str, ...] = ("meeting",)) -> list[Meeting]:
    """``count`` reports of one day: a few words each from ``count`` words (and ``common``), one attendee."""
    words = [f"w{i}" for i in range(count)]
    return [Meeting(ID[f"event/{i}"], frozenset({ID[f"person/{rng.randrange(count * 2)}"]}),
                    frozenset(rng.sample(words, rng.randint(1, 5)) + list(common))) for i in range(count)]


@pytest.mark.parametrize("seed", range(20))
def test_meeting_pairs_are_the_exhaustive_pairs(seed):
    found = meetings(60, random.Random(seed))
    assert blocking.meeting_pairs(found) == exhaustive_pairs(found)


def test_meeting_pairs_compare_far_fewer_than_every_pair(monkeypatch):
    """A day of 2,000 reports with distinct names and attendees: compared pairs grow with the reports,
    not with their square (2,000 reports are 1,999,000 pairs)."""
    compared = []
    real = blocking.similar
    monkeypatch.setattr(blocking, "similar", lambda a, b: compared.append(1) or real(a, b))
    found = meetings(2000, random.Random(1), common=())
    blocking.meeting_pairs(found)
    assert len(compared) < 20 * len(found)
