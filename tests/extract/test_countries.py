"""The countries file: read once, checked, and agreeing with the institution list."""
from pathlib import Path

import pytest
import yaml

from extract.errors import DataError
from extract.reference.countries import DATA, load_countries
from extract.reference.institutions import load_institutions


def test_countries_each_government_is_a_listed_government_of_its_country():
    inst = load_institutions()
    for country in load_countries().countries:
        if country.government is not None:
            assert inst.by_id[country.government].country == country.code
            assert inst.by_id[country.government].kind == "government"


def test_countries_words_name_one_country_each_in_english_and_spanish():
    c = load_countries()
    assert c.nationalities["u.s."] == c.nationalities["ee.uu."] == c.nationalities["estados unidos"] == "US"
    assert c.nationalities["mexicana"] == c.nationalities["mexican"] == "MX"
    assert c.qualifiers()["mexican"] == "MX"
    assert set(c.governments(national_only=True)) == c.national < set(c.governments())
    assert set(c.sides) < c.national


def _broken(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "countries.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change,message", [
    (lambda r: r["countries"][0].update(code="usa"), r"country 'usa': 'code' must be an ISO"),
    (lambda r: r["countries"][1]["words"]["demonyms"].update(en=["American"]), r"'American' also names US"),
    (lambda r: r["countries"][2].update(side={"label": "Canada", "colour": "#f00", "width": 2}), r"exactly two"),
    (lambda r: r["countries"][3].update(flag="red"), r"country 'CN': unknown field\(s\) flag"),
    (lambda r: r["countries"][1].update(name={"en": "Mexico"}), r"country 'MX': 'name' must give"),
    (lambda r: r["countries"].append(dict(r["countries"][3])), r"listed twice: CN"),
    (lambda r: r["countries"][0]["words"].update(nicknames=["Uncle Sam"]), r"country 'US': 'words' must be"),
])
def test_countries_a_malformed_file_is_refused_naming_file_and_entry(tmp_path, change, message):
    path = _broken(tmp_path, change)
    with pytest.raises(DataError, match=message) as caught:
        load_countries(path)
    assert str(caught.value).startswith(str(path))
