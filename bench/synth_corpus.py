"""A synthetic archive of N documents made from the repository's own documents, for the scale benchmark.

Usage: python bench/synth_corpus.py --documents N --out DIR [--seed S] [--templates DIR ...] [--show-people]

Each generated document is one template (``seeds/`` and ``tests/data/docs/`` by default, taken in turn in a
shuffled order) with its people renamed and its dates moved:
- every person tradegraph extracts from the template gets a made-up name from ``bench/data/synth_names.yaml``
  (Spanish names for people of Spanish documents or with Spanish names), the same one for every mention in
  the document: full names, surname-only second mentions, possessives, capitals, accents
  (:mod:`bench.synth_templates`);
- the people come from a population of about N made-up people per language with a Zipf-like popularity
  (:mod:`bench.synth_names`), so some recur across many documents and the build merges them, as in a real
  archive; institutions, places and everything else are kept, so the same bodies recur too;
- every date moves by the same whole number of weeks (0 to 10 years back), chosen per document
  (:mod:`bench.synth_dates`).
The corpus is deterministic for a seed and a set of templates: the same files, byte for byte. ``DIR/.synth.json``
records how it was made. Templates from ``../shared/eval`` are refused: the evaluation documents never feed the corpus.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synth_dates import year_shift  # noqa: E402
from bench.synth_names import NameLists, Person, Population, load_names, plain  # noqa: E402
from bench.synth_templates import Template, analyse, extracted_people, listed_names  # noqa: E402
from extract.errors import TradegraphError  # noqa: E402

TEMPLATES = (ROOT / "seeds", ROOT / "tests" / "data" / "docs")
MANIFEST = ".synth.json"  # hidden: builds skip hidden files, so the folder holds documents only
MAX_WEEKS_BACK = 520  # dates move back by 0 to 520 weeks (about ten years), whole weeks keep the weekdays


@dataclass(frozen=True)
class Summary:
    """What a generation wrote: how many documents and words, how many distinct people, and how often the
    most frequent person recurs (the documents that name them)."""

    documents: int
    words: int
    people: int
    top_person_documents: int
    seconds: float


def load_templates(folders: list[Path], lists: NameLists) -> list[Template]:
    """Every document under ``folders`` read as a template (runs extraction once over them to find the people)."""
    from graph.build import sources

    for folder in folders:
        if "eval" in folder.resolve().parts and "shared" in folder.resolve().parts:
            raise TradegraphError(f"{folder}: the evaluation documents are never used as templates")
    inventory = sources.collect(folders)
    if not inventory.files:
        raise TradegraphError(f"{', '.join(map(str, folders))}: no .txt, .md or .html document to use as a template")
    people = extracted_people(list(inventory.files))
    phrases = listed_names()
    return [analyse(path, path.read_text(encoding="utf-8"), names, lists, spanish_text=spanish, phrases=phrases)
            for path, (names, spanish) in people.items()]


def render(template: Template, people: list[Person], days: int) -> str:
    """The template's text with its people replaced by ``people`` (one per template person) and its dates
    moved by ``days``."""
    years = year_shift(template.dates, days)
    edits: list[tuple[int, int, str]] = [(d.start, d.end, d.render(days, years)) for d in template.dates]
    for slot in template.names:
        person = people[slot.person]
        new = {"given": person.given[min(slot.pos, 1)], "surname": person.surnames[slot.pos],
               "initial": person.initial}[slot.role]
        edits.append((slot.start, slot.end, new.upper() if slot.style == "upper" else
                      plain(new) if slot.style == "plain" else new))
    pieces, at = [], 0
    for start, end, new in sorted(edits):
        pieces += [template.text[at:start], new]
        at = end
    return "".join([*pieces, template.text[at:]])


def _cast(template: Template, population: Population, rng: random.Random) -> list[Person]:
    """Distinct made-up people for the template's people, each of its language and gender."""
    cast: list[Person] = []
    for spanish, female in zip(template.spanish, template.female, strict=True):
        for _ in range(20):
            person = population.draw(rng, spanish=spanish, female=female)
            if person not in cast:
                break
        cast.append(person)
    return cast


def generate(templates: list[Template], *, documents: int, out: Path, seed: int, lists: NameLists) -> Summary:
    """Write ``documents`` generated documents into ``out`` (created; must be empty) and ``out/.synth.json``."""
    started = time.perf_counter()
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise TradegraphError(f"{out}: exists and is not an empty folder; give a new or empty --out")
    out.mkdir(parents=True, exist_ok=True)
    population = Population(lists, size=max(50, documents // 2), seed=seed)
    order: list[int] = []
    while len(order) < documents:
        cycle = list(range(len(templates)))
        random.Random(f"order:{seed}:{len(order)}").shuffle(cycle)
        order += cycle
    seen: Counter[str] = Counter()
    words = 0
    for i in range(documents):
        template = templates[order[i]]
        rng = random.Random(f"document:{seed}:{i}")
        cast = _cast(template, population, rng)
        text = render(template, cast, -7 * rng.randrange(MAX_WEEKS_BACK + 1))
        (out / f"{i:06d}-{template.name}{template.suffix}").write_text(text, encoding="utf-8")
        words += len(text.split())
        seen.update({f"{p.given[0]} {p.surnames[0]}" for p in cast})
    summary = Summary(documents, words, len(seen), max(seen.values(), default=0), time.perf_counter() - started)
    manifest = {"documents": documents, "seed": seed, "words": words, "people": summary.people,
                "top_person_documents": summary.top_person_documents,
                "templates": [f"{t.name}{t.suffix}" for t in templates]}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--documents", type=int, required=True, metavar="N", help="how many documents to write")
    ap.add_argument("--out", type=Path, required=True, metavar="DIR", help="a new or empty folder")
    ap.add_argument("--seed", type=int, default=1, help="the corpus for a seed is always the same (default 1)")
    ap.add_argument("--templates", type=Path, nargs="+", default=list(TEMPLATES), metavar="DIR",
                    help="template documents (default: seeds and tests/data/docs)")
    ap.add_argument("--show-people", action="store_true", help="print each template's people as renamed")
    args = ap.parse_args(argv)
    if args.documents < 1:
        ap.error(f"--documents {args.documents}: give a positive number of documents")
    try:
        lists = load_names()
        templates = load_templates(args.templates, lists)
        if args.show_people:
            for t in templates:
                print(f"{t.name}{t.suffix}: {len(t.names)} name slots, {len(t.dates)} dates: {', '.join(t.people)}")
        summary = generate(templates, documents=args.documents, out=args.out, seed=args.seed, lists=lists)
    except TradegraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{summary.documents} documents, {summary.words} words ({summary.words // summary.documents} a document), "
          f"{summary.people} people (the most frequent in {summary.top_person_documents} documents) in "
          f"{args.out}, {summary.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
