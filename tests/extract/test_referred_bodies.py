"""Bodies named by reference to the country named before them (issue 15): "la Cámara de Comercio de ese país".
Hand-built Docs with made-up sentences."""
from __future__ import annotations

from dataclasses import replace

import pytest

from extract.mentions.referred import referred_bodies
from tests.handmade import handmade, org, reading_of


@pytest.mark.parametrize(("text", "body", "language", "expected"), [
    # the country named last before the body is its country
    ("Visitó Estados Unidos y habló con la Cámara de Comercio de ese país .", (7, 10), "es", "us-chamber-of-commerce"),
    ("Llegó de Canadá a EE.UU. y vio a la Cámara de Comercio de dicho país .", (9, 12), "es",
     "us-chamber-of-commerce"),
    # no country before it, no listed body of that country, or an English document: nothing changes
    ("Habló con la Cámara de Comercio de ese país .", (3, 6), "es", None),
    ("Visitó Estados Unidos y habló con la Liga Textil de ese país .", (7, 9), "es", None),
    ("Visitó Estados Unidos y habló con la Cámara de Comercio de ese país .", (7, 10), "en", None),
])
def test_a_body_of_that_country_is_the_listed_one(text: str, body: tuple[int, int], language: str,
                                                   expected: str | None) -> None:
    doc = handmade(text)
    reading = replace(reading_of(doc), language=language)
    found = referred_bodies(reading, mentions=[org(doc, *body)])
    assert [m.institution for m in found] == [expected]
