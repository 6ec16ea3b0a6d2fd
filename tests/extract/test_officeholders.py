from collections import Counter
from itertools import pairwise

import pytest
import yaml

from extract.errors import DataError
from extract.reference.officeholders import (
    _bounds,
    _surnames,
    by_surname,
    find,
    holder,
    load_officeholders,
    was_holding,
)


def test_every_office_has_one_current_holder():
    oh = load_officeholders()
    current = Counter(post.office.key for p in oh.people for post in p.posts if post.end is None)
    assert {key: current[key] for key in oh.offices} == {key: 1 for key in oh.offices}


def test_every_post_reaches_into_the_scope():
    for person in load_officeholders().people:
        for post in person.posts:
            assert post.end is None or _bounds(post.end)[1] >= "1990-01-01", person.name


def test_no_two_holders_of_an_office_overlap():
    by_office: dict[str, list] = {}
    for person in load_officeholders().people:
        for post in person.posts:
            by_office.setdefault(post.office.key, []).append((_bounds(post.start)[0], post, person.name))
    for terms in by_office.values():
        terms.sort(key=lambda t: (t[0], t[2]))
        for (_, before, name), (_, after, _) in pairwise(terms):
            assert before.end is not None, name
            assert _bounds(before.end)[0] <= _bounds(after.start)[1], name


@pytest.mark.parametrize("written,name", [
    ("Ernesto Zedillo", "Ernesto Zedillo Ponce de León"),
    ("ERNESTO ZEDILLO PONCE DE LEON", "Ernesto Zedillo Ponce de León"),
    ("Condi Rice", "Condoleezza Rice"),
    ("El Bronco", "Jaime Rodríguez Calderón"),
    ("Nicholas Brady", "Nicholas F. Brady"),
])
def test_find(written, name):
    assert [h.name for h in find(written)] == [name]


def test_find_unknown_and_shared_alias():
    assert find("Jane Q. Nobody") == []
    assert len(find("Américo Villarreal")) == 2      # father and son governed Tamaulipas


@pytest.mark.parametrize("surname,filters,name", [
    ("Salinas de Gortari", {}, "Carlos Salinas de Gortari"),
    ("Zedillo", {"office_title": "President"}, "Ernesto Zedillo Ponce de León"),
    ("Bush", {}, None),                                         # two presidents
    ("Bush", {"on": "1991-06-01"}, "George H. W. Bush"),
    ("Bush", {"office_title": "Governor"}, "George W. Bush"),
    ("Calderón", {"office_title": "Secretary of Energy", "country": "MX"}, "Felipe Calderón Hinojosa"),
    ("Serra Puche", {"office_title": "Finance Secretary"}, "Jaime Serra Puche"),
    ("Serra", {"office_title": "Secretary of Energy"}, None),
    ("de la Fuente", {"office_title": "Foreign Minister"}, "Juan Ramón de la Fuente Ramírez"),
    ("Medina Mora", {"country": "MX"}, "Eduardo Medina-Mora Icaza"),
    ("Cabeza de Vaca", {"office_title": "Governor"}, "Francisco Javier García Cabeza de Vaca"),
    ("Cabeza de Vaca", {}, None),                               # a governor and an attorney general
    ("Mineta", {"country": "MX"}, None),
])
def test_by_surname(surname, filters, name):
    found = by_surname(surname, **filters)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("title,country,on,state,name", [
    ("President", "US", "2001-01-19", None, "Bill Clinton"),
    ("President", "US", "2001-01-20", None, "George W. Bush"),  # handover day: the newcomer
    ("President", "MX", "2000-11-30", None, "Ernesto Zedillo Ponce de León"),
    ("President", "MX", "2000-12-01", None, "Vicente Fox Quesada"),
    ("Treasury Secretary", "US", "1996-01-01", None, "Robert Rubin"),
    ("Secretary of Economy", "MX", "1992", None, "Jaime Serra Puche"),
    ("Secretary of Foreign Affairs", "MX", "1993", None, None),  # two holders that year
    ("Secretary of Labor", "US", "2024-01-01", None, None),      # an acting holder, not listed
    ("Governor", "US", "2005-06-01", "Texas", "Rick Perry"),
    ("Governor", "MX", "2010-05-01", "Nuevo León", "Rodrigo Medina de la Cruz"),
    ("Governor", "MX", "2010-05-01", None, None),
])
def test_holder(title, country, on, state, name):
    found = holder(title, country, on, state=state)
    assert (found.name if found else None) == name


@pytest.mark.parametrize("person,office,on,expected", [
    ("Elaine Chao", "Secretary of Labor", "2005-03-01", True),
    ("Elaine Chao", "us-secretary-of-transportation", "2005-03-01", False),
    ("Elaine Chao", "Secretary of Transportation", None, True),
    ("Dick Cheney", "Vice President", "2004", True),
    ("Dick Cheney", "President", None, False),
    ("Janet Napolitano", "Governor", "2009", True),              # a year overlaps her last weeks
    ("Janet Napolitano", "Governor", "2010-01-01", False),
])
def test_was_holding(person, office, on, expected):
    assert was_holding(find(person)[0], office, on) is expected


@pytest.mark.parametrize("name,mexican,surnames", [
    ("Rosa María Pérez Gil", True, ("perez", "perez gil")),
    ("Luis de los Santos Ruiz", True, ("de los santos", "de los santos ruiz")),
    ("Ana Ruiz", True, ("ruiz",)),
    ("John Q. Doe III", False, ("doe",)),
    ("Mary Lopez-Smith", False, ("lopez smith",)),
])
def test_surnames(name, mexican, surnames):
    assert _surnames(name, mexican) == surnames


GOOD_OFFICE = {"key": "mx-x", "title": "Secretary of X", "country": "MX", "institution": "mx-ministry-of-economy"}
GOOD_PERSON = {"name": "Ana Ruiz Gil", "posts": [{"office": "mx-x", "start": "2001-02", "end": "2003"}]}


@pytest.mark.parametrize("office,people,message", [
    ({}, [{**GOOD_PERSON, "posts": [{"office": "mx-y", "start": "2001"}]}], "unknown office key 'mx-y'"),
    ({"institution": "mx-ministry-of-nothing"}, [GOOD_PERSON], "unknown institution id"),
    ({"state": "Sonora"}, [GOOD_PERSON], "either an institution or a state"),
    ({"country": "CA"}, [GOOD_PERSON], "office 'mx-x'"),
    ({}, [{**GOOD_PERSON, "posts": [{"office": "mx-x", "start": "2001-13"}]}], "bad date"),
    ({}, [{**GOOD_PERSON, "posts": [{"office": "mx-x", "start": "2001-02-30"}]}], "bad date"),
    ({}, [{**GOOD_PERSON, "posts": [{"office": "mx-x", "start": "2004", "end": "2003"}]}], "ends (2003) before"),
    ({}, [GOOD_PERSON, {**GOOD_PERSON, "name": "ANA RUIZ GIL"}], "'ANA RUIZ GIL': listed twice"),
    ({}, [GOOD_PERSON, {**GOOD_PERSON, "name": "Eva Sol", "aliases": ["Ana Ruiz Gil"]}], "'Eva Sol': alias"),
    ({}, [{**GOOD_PERSON, "wikidata": "12"}], "bad wikidata"),
])
def test_bad_data_is_named(tmp_path, office, people, message):
    path = tmp_path / "officeholders.yaml"
    path.write_text(yaml.safe_dump({"offices": [{**GOOD_OFFICE, **office}], "people": people}), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_officeholders(path)
    assert message in str(err.value)


def test_good_data_loads_and_unquoted_dates_are_read(tmp_path):
    path = tmp_path / "officeholders.yaml"
    path.write_text("offices: [{key: mx-x, title: Secretary of X, country: MX, institution: mx-ministry-of-economy}]\n"
                    "people: [{name: Ana Ruiz Gil, posts: [{office: mx-x, start: 2001-02-03, end: 2004}]}]\n",
                    encoding="utf-8")
    oh = load_officeholders(path)
    assert [(p.start, p.end) for p in oh.people[0].posts] == [("2001-02-03", "2004")]
    assert oh.by_surname("Ruiz", on="2003-05") is oh.people[0]
