"""The data model's schema file: read once, checked, and what the projections take from it."""
from pathlib import Path

import pytest
import yaml

from extract.errors import DataError
from extract.vocab import ORG, SDO, SKOS, TG
from graph.network.schema import SCHEMA_FILE, load_schema


def test_schema_kinds_and_relations_are_read_by_what_they_are_in_rdf():
    s = load_schema()
    assert [s.kind_of_type(t).key for t in (SDO.Person, SDO.Organization, SDO.Event, SDO.Place, SKOS.Concept)] \
        == [k.key for k in s.kinds]
    assert s.relation_of(ORG.Membership).hints == {"membership"}
    assert sorted(s.legend_order) == sorted(k.key for k in s.kinds)


def test_schema_hints_name_the_relations_that_carry_them():
    s = load_schema()
    assert s.with_hint("took_part") == {s.relation_of(SDO.attendee).key, s.relation_of(TG.madeAt).key}
    assert s.only("co_attendance").predicate is None


@pytest.mark.parametrize("ask", [lambda s: s.kind("meting"), lambda s: s.relation("atendee"),
                                 lambda s: s.with_hint("took_parts")])
def test_schema_unknown_names_get_a_did_you_mean(ask):
    with pytest.raises(DataError, match="did you mean"):
        ask(load_schema())


def _broken(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "schema.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("change,message", [
    (lambda r: r["kinds"]["person"].pop("colour"), r"kind 'person': missing colour"),
    (lambda r: r["kinds"]["person"].update(types=["nope:Person"]), r"kind 'person'.*not a CURIE"),
    (lambda r: r["kinds"]["place"].update(size=3), r"kind 'place': unknown field\(s\) size"),
    (lambda r: r["relations"]["about"].update(sections=["Topics"]), r"relation 'about'.*two sections"),
    (lambda r: r["relations"]["about"].update(hints=["meeting_topics"]), r"relation 'about': unknown hint"),
    (lambda r: r["relations"]["location"].update(predicate="schema:attendee"), r"same predicate"),
    (lambda r: r["legend_order"].pop(), r"'legend_order' must list every kind"),
    (lambda r: r.pop("export"), r"must be a mapping of exactly"),
])
def test_schema_a_malformed_file_is_refused_naming_file_and_entry(tmp_path, change, message):
    path = _broken(tmp_path, change)
    with pytest.raises(DataError, match=message) as caught:
        load_schema(path)
    assert str(caught.value).startswith(str(path))
