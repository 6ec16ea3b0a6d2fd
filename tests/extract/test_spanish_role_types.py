"""Spanish titles get the role type of the role scheme (issue 15, item 3): "secretario/secretaria de X" is a
minister, "subsecretario/subsecretaria" a deputy minister, "embajador/embajadora" an ambassador, and so on
(``data/titles.yaml`` lists both genders); a title in a Spanish document that does not open with a title word
is an English rule's stray reading and holds no post."""
from __future__ import annotations

import pytest

from extract.reference.lexicon import load_lexicon
from extract.roles.memberships import stray_spanish_title
from tests.handmade import handmade, reading_of


@pytest.mark.parametrize(("title", "role"), [
    ("secretario de Economía", "minister"),
    ("Secretaria de Relaciones Exteriores", "minister"),
    ("canciller", "minister"),
    ("Representante Comercial de EE.UU.", "minister"),
    ("subsecretario de Comercio Exterior", "deputy-minister"),
    ("subsecretaria de Comercio Exterior", "deputy-minister"),
    ("embajador de México en Estados Unidos", "ambassador"),
    ("embajadora de Estados Unidos en México", "ambassador"),
    ("cónsul general de México en Dallas", "ambassador"),
    ("presidente de México", "head-of-state"),  # a company's or council's presidente chairs it (rdf.actors)
    ("presidenta", "head-of-state"),
    ("vicepresidenta de la cámara", "vice-president"),
    ("gobernador de Nuevo León", "governor"),
    ("gobernadora de Chihuahua", "governor"),
    ("presidenta municipal de Juárez", "governor"),
    ("jefa de Gobierno de la Ciudad de México", "governor"),
    ("senadora", "legislator"),
    ("directora general", "chief-executive"),
    ("vocera", "officer"),
    ("negociadora", "staff"),
    ("jefe negociador", "staff"),
])
def test_spanish_titles_have_the_role_type_of_their_english_equivalent(title: str, role: str) -> None:
    assert load_lexicon().role_of(title) == role


@pytest.mark.parametrize(("title", "stray"), [
    ("y la embajadora de Estados Unidos en México", True),
    ("en la que se reunió con el secretario de Economía", True),
    ("durante la cual se reunió con el Representante Comercial", True),
    ("subsecretaria de Comercio Exterior", False),
    ("exgobernador", False),
    ("Ambassador", False),  # an English title in a Spanish document is still a title
    ("Interior Secretary", False),  # short English texts may be detected as Spanish
    (None, False),
])
def test_a_spanish_documents_title_opens_with_a_title_word(title: str | None, stray: bool) -> None:
    reading = reading_of(handmade("Texto ."))
    assert stray_spanish_title(title, reading) is stray
