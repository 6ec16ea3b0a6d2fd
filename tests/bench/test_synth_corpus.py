"""The synthetic corpus generator (bench/synth_corpus.py) on made-up template texts, without the model: people
renamed in every form (possessives, surname-only mentions, capitals, accents), listed names and dates left to
their own rules, dates moved by whole weeks, and the same corpus for the same seed."""
from __future__ import annotations

import doctest
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth_dates, synth_names, synth_templates  # noqa: E402
from bench.synth_corpus import generate, load_templates, render  # noqa: E402
from bench.synth_names import Person, load_names  # noqa: E402
from bench.synth_templates import Template, analyse  # noqa: E402
from extract.errors import DataError, TradegraphError  # noqa: E402

TEXT = ("WASHINGTON, May 4, 2025 - Undersecretary Lucinda Farwell Ibarrola met Senator Tomás Quevedo Ruíz and the "
        "Sierra Club's Ana Sierra on Monday. Farwell Ibarrola's aide said QUEVEDO RUÍZ agreed; Quevedo Ruiz left "
        "for San Antonio. Farwell spoke after Sierra.")
PEOPLE = ["Lucinda Farwell Ibarrola", "Tomás Quevedo Ruíz", "Ana Sierra"]
NEW = [Person(("Gloria", "Inés"), ("Téllez", "Núñez", "Paz"), "Q.", True, True),
       Person(("Brian", "Colin"), ("Hadley", "Yates", "Nash"), "K.", False, False),
       Person(("Jimena", "Pilar"), ("Ocampo", "Rangel", "Lara"), "B.", True, True)]


@pytest.fixture(scope="module")
def lists() -> synth_names.NameLists:
    return load_names()


@pytest.fixture(scope="module")
def template(lists: synth_names.NameLists) -> Template:
    return analyse(Path("made-up.txt"), TEXT, PEOPLE, lists, phrases=["Sierra Club", "San Antonio"])


def test_every_form_of_a_name_is_renamed_the_same_way(template: Template) -> None:
    text = render(template, NEW, 0)
    assert text == ("WASHINGTON, May 4, 2025 - Undersecretary Gloria Téllez Núñez met Senator Brian Hadley Yates and "
                    "the Sierra Club's Jimena Ocampo on Monday. Téllez Núñez's aide said HADLEY YATES agreed; Hadley "
                    "Yates left for San Antonio. Téllez spoke after Ocampo.")


def test_people_take_the_names_of_their_language_and_gender(template: Template) -> None:
    assert template.spanish == (True, True, False)  # two surnames, an accent; "Ana Sierra": neither, one surname
    assert template.female == (True, False, True)


@pytest.mark.parametrize(("written", "days", "expected"), [
    ("May 4, 2025", -7, "April 27, 2025"),
    ("Jan. 22 – 25, 2024", 7, "Jan. 29 – Feb. 1, 2024"),
    ("Oct. 20–22", -14, "Oct. 6–8"),
    ("in May 2025", -28 * 7, "in October 2024"),
    ("12 de mayo de 2026", -7, "5 de mayo de 2026"),
    ("del 3 al 5 de junio", 7, "del 10 al 12 de junio"),
    ("MÉXICO, 12 mar (EFE).- Mar abierto", 21, "MÉXICO, 2 abr (EFE).- Mar abierto"),
    ("2025-02-12T08:30", -364, "2024-02-14T08:30"),
    ("09/17/2025", 7, "09/24/2025"),
    ("since 2019, $2,019 and 1,990 units", -728, "since 2017, $2,019 and 1,990 units"),
    ("from March 10 to 12", -161, "from October 1 to 3"),
    ("March 14, 2025 … © 2025", -1253, "October 8, 2021 … © 2021"),  # 3.4 years back: the year of the date
])
def test_dates_move_in_their_own_form(written: str, days: int, expected: str) -> None:
    slots = synth_dates.find_slots(written)
    out, at = [], 0
    for slot in slots:
        out += [written[at:slot.start], slot.render(days, synth_dates.year_shift(slots, days))]
        at = slot.end
    assert "".join([*out, written[at:]]) == expected


def test_the_same_seed_gives_the_same_corpus(tmp_path: Path, template: Template,
                                              lists: synth_names.NameLists) -> None:
    def corpus(name: str, seed: int) -> dict[str, bytes]:
        generate([template], documents=6, out=tmp_path / name, seed=seed, lists=lists)
        return {p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir())}

    first, again, other = corpus("a", 7), corpus("b", 7), corpus("c", 8)
    assert first == again and first != other
    texts = [t.decode() for name, t in first.items() if name.endswith(".txt")]
    assert len(texts) == 6 and not any(re.search(r"Farwell|Quevedo|Ibarrola", t) for t in texts)
    assert all("Sierra Club" in t and "San Antonio" in t for t in texts)


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path, template: Template,
                                               lists: synth_names.NameLists) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(TradegraphError, match=f"{re.escape(str(tmp_path))}: exists and is not an empty folder"):
        generate([template], documents=1, out=tmp_path, seed=1, lists=lists)


def test_the_evaluation_documents_are_never_templates(lists: synth_names.NameLists) -> None:
    with pytest.raises(TradegraphError, match="evaluation documents"):
        load_templates([ROOT.parent / "shared" / "eval" / "dev" / "docs"], lists)


def test_a_broken_name_list_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "names.yaml"
    bad.write_text("english: {female: [Ann], male: Bo, surnames: [Kay]}\nspanish: {}\n", encoding="utf-8")
    with pytest.raises(DataError, match="'english.male' must be a non-empty list of names"):
        load_names(bad)


def test_no_listed_surname_is_an_office_holders(lists: synth_names.NameLists) -> None:
    from extract.reference.officeholders import load_officeholders
    from extract.slug import fold

    taken = {s for holder in load_officeholders().people for s in holder.surnames}
    assert not {fold(s) for s in (*lists.english.surnames, *lists.spanish.surnames)} & taken
    assert len(lists.english.surnames) > 100 and len(lists.spanish.surnames) > 100


@pytest.mark.parametrize("module", [synth_dates, synth_names, synth_templates])
def test_the_docstring_examples_hold(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted and not result.failed
