"""Count what a build misses against a gold set, by cause: the table in docs/extraction-quality.md.

Usage: python bench/miss_causes.py --graph OUT/graph.trig --gold ../shared/eval/dev/gold [--examples]

It runs the shared scorer (``score.py --details``) and sorts every missed or spurious person and
organization, every missed affiliation, and the meeting, attendance, topic and merge errors into
the causes the extraction rules are organized by. The sorting is by the shape of the miss (a gold
name inside a longer predicted one is a name-boundary error, a missed "Government of …" an office
with no body named, …), never by document, so the same script sorts misses on documents nobody
here has. ``--examples`` prints the misses under each cause.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
_EVENT_HEADS = re.compile(r"\b(dialogue|forum|summit|conference|meeting)\b", re.I)
_TITLE_WORDS = re.compile(r"\b(advisor|adviser|chief|director|manager|secretary|president|ambassador|consul|"
                          r"chairman|officer|minister|staff|ceos?)\b", re.I)


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def person_cause(name: str, golds: list[str], orgs: list[str], missed: bool) -> str:
    """Why a person was missed (``missed``; ``orgs`` then holds the document's wrong predictions) or
    predicted wrongly (``orgs``: the gold organizations)."""
    f = fold(name)
    if missed:
        if any(fold(o) == f for o in orgs):
            return "type: a person taken for an organization or a place"
        if any(f in fold(o) for o in orgs):
            return "name boundary: a title, portfolio or honorific left on a name"
        return "not found: the model saw no name"
    if any(f.endswith(" " + fold(g)) or f.startswith(fold(g) + " ") for g in golds):
        return "name boundary: a title, portfolio or honorific left on a name"
    if any(f in fold(g) for g in golds):
        return "name boundary: part of a name"
    return "type: an organization, place or phrase taken for a person"


def org_cause(name: str, golds: list[str], kinds: dict[str, str], missed: bool) -> str:
    """Why an organization was missed (``missed``) or predicted wrongly."""
    f = fold(name)
    if name.startswith("Government of"):
        return "office with no body named (a national government)"
    if name.startswith(("State of", "City of")):
        return "state and city governments"
    if missed and kinds.get(name) == "company":
        return "companies (lists, 'executives from')"
    if not missed and name.split()[0] in {"Departments", "Ministries"}:
        return "coordinated and plural bodies"
    if not missed and _EVENT_HEADS.search(name):
        return "a meeting or series taken for a body"
    if not missed and _TITLE_WORDS.search(name):
        return "a title or portfolio taken for a body"
    if any(f != fold(g) and (f in fold(g) or fold(g) in f) for g in golds):
        return "name boundary: part of a name, or a longer run"
    return "not found by the model" if missed else "type: a phrase, place or person taken for a body"


def affiliation_cause(pair: str, report: dict, kinds: dict[str, str]) -> str:
    person, org = pair.split(" -> ", 1)
    if person in report.get("persons_missed", []):
        return "the person is not found"
    if org.startswith("Government of"):
        return "office with no body named (side or government)"
    if org.startswith(("State of", "City of")):
        return "state and city governments"
    if org in report.get("orgs_missed", []):
        return "the organization is not found"
    return "post grammar (apposition, list, clause)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--graph", required=True, type=Path)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        subprocess.run([sys.executable, str(SCORER), "--graph", str(args.graph), "--gold", str(args.gold),
                        "--details", "--json", str(out)], check=True, stdout=subprocess.DEVNULL)
        scored = json.loads(out.read_text(encoding="utf-8"))
    causes: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)

    def count(area: str, cause: str, what: str, n: int = 1) -> None:
        causes[area][cause] += n
        examples[(area, cause)].append(what)

    for fname, report in scored["details"].items():
        gold = json.loads((args.gold / fname.replace(".txt", ".json")).read_text(encoding="utf-8"))
        persons = [p["name"] for p in gold["persons"]]
        orgs = [o["name"] for o in gold["organizations"]]
        kinds = {o["name"]: o.get("kind", "") for o in gold["organizations"]}
        for name in report.get("persons_missed", []):
            wrong = report.get("orgs_spurious", []) + report.get("persons_spurious", [])
            count("people", person_cause(name, persons, wrong, True), name)
        for name in report.get("persons_spurious", []):
            count("people", person_cause(name, persons, orgs, False), name)
        for name in report.get("orgs_missed", []):
            count("organizations", org_cause(name, orgs, kinds, True), name)
        for name in report.get("orgs_spurious", []) + report.get("orgs_duplicate", []):
            count("organizations", org_cause(name, orgs, kinds, False), name)
        for pair in report.get("affiliations_missed", []):
            count("affiliations", affiliation_cause(pair, report, kinds), pair)
        missing = report.get("meetings_gold", 0) - report.get("meetings_found", 0)
        if missing > 0:
            count("meetings", "an encounter not reported as its own meeting (split, grammar)", fname, missing)
        elif missing < 0:
            count("meetings", "more meetings than the gold", fname, -missing)
        predicted, expected = set(report.get("topics_predicted", [])), set(report.get("topics_gold", []))
        if predicted - expected:
            count("topics", "a topic named in passing", fname, len(predicted - expected))
        if expected - predicted:
            count("topics", "a main subject missed", fname, len(expected - predicted))
    metrics = scored["metrics"]
    for unmerged in metrics.get("crossdoc_unmerged", []):
        count("cross-document", "a name variant not merged", unmerged)
    for wrong in metrics.get("crossdoc_falsely_merged", []):
        count("cross-document", "merged, though the gold keeps them apart", wrong)
    for area, counter in causes.items():
        print(f"\n{area}")
        for cause, n in counter.most_common():
            print(f"  {n:4d}  {cause}")
            if args.examples:
                print("        " + "; ".join(examples[(area, cause)][:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
