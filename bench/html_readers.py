"""Benchmark: how well HTML readers get a saved page's article, title and date, and how fast.

Usage: python bench/html_readers.py [--pages DIR] [--repeat N] [--readers NAME,...]

Runs each reader on the made-up saved pages in ``tests/data/html`` and scores it against
``expected.yaml`` there. Title and date are scored as the graph sees them: the headline that
``extract.text.metadata.title`` picks from the reader's text, and the reader's own date, else the
date ``extract.text.metadata.publication_date`` finds in the text's head. Token figures:

* recall: share of the article body's word tokens (a multiset) found in the reader's text;
* precision: share of the reader's word tokens that belong to the title, body or optional text
  (standfirst, byline, caption), before and after the clutter lines of ``extract.text.clutter`` go;
* first/last: whether the body's first and last paragraphs are there whole;
* clutter: how many of the page's must-not-appear strings (navigation, related stories, footer)
  are in the text that the graph reads (clutter lines removed).

Readers: ``stdlib`` (the standard-library reader of ``extract.text.html_reader`` alone), ``trafilatura``
and ``trafilatura-notables`` (the extractor as it comes, with and without tables, with htmldate's
extensive search for the date) and ``project`` (whatever ``extract.text.document.decode`` does now).
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

from extract.text.clutter import clutter_spans
from extract.text.document import decode
from extract.text.metadata import publication_date, title

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"
Reader = Callable[[str], tuple[str, str | None]]


def _stdlib(markup: str) -> tuple[str, str | None]:
    from extract.text.html_reader import html_published, html_to_text
    return html_to_text(markup), html_published(markup)


def _trafilatura(tables: bool) -> Reader:
    import htmldate
    import trafilatura

    def read(markup: str) -> tuple[str, str | None]:
        found = trafilatura.bare_extraction(markup, include_comments=False, include_tables=tables,
                                            with_metadata=True)
        text = (found.text or "") if found else ""
        head = (found.title or "") if found else ""
        if head and head not in text[:2000]:
            text = f"{head}\n{text}"
        date = htmldate.find_date(markup, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
        return text, date
    return read


def _project(markup: str) -> tuple[str, str | None]:
    doc = decode("page.html", markup.encode("utf-8"))
    return doc.text, doc.published


def readers(names: list[str]) -> dict[str, Reader]:
    """The readers asked for that can run here."""
    out: dict[str, Reader] = {}
    for name in names:
        try:
            out[name] = {"stdlib": lambda: _stdlib, "project": lambda: _project,
                         "trafilatura": lambda: _trafilatura(True),
                         "trafilatura-notables": lambda: _trafilatura(False)}[name]()
        except ImportError as exc:
            print(f"({name}: not installed: {exc})")
    return out


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _squash(text: str) -> str:
    return " ".join(text.split())


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def score(text: str, published: str | None, want: dict) -> dict[str, float | bool | int]:
    """One reader's figures on one page."""
    spans = clutter_spans(text)
    kept = _without(text, spans)
    body = _tokens("\n".join(want["body"]))
    allowed = body + _tokens(want["title"]) + _tokens("\n".join(want.get("optional", [])))
    got, got_kept = _tokens(text), _tokens(kept)
    flat = _squash(kept)
    return {
        "recall": sum((body & got).values()) / max(1, sum(body.values())),
        "precision": sum((allowed & got).values()) / max(1, sum(got.values())),
        "precision_kept": sum((allowed & got_kept).values()) / max(1, sum(got_kept.values())),
        "first": _squash(want["body"][0]) in flat,
        "last": _squash(want["body"][-1]) in flat,
        "clutter": sum(1 for s in want["absent"] if _squash(s).lower() in flat.lower()),
        "clutter_of": len(want["absent"]),
        "title": title(text, spans) == want["title"],
        "date": (published or publication_date(text)) == want["date"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=PAGES)
    ap.add_argument("--repeat", type=int, default=20, help="runs per page for the speed figure; the median is kept")
    ap.add_argument("--readers", default="stdlib,trafilatura,trafilatura-notables,project")
    args = ap.parse_args()
    expected = yaml.safe_load((args.pages / "expected.yaml").read_text(encoding="utf-8"))
    chosen = readers(args.readers.split(","))
    print(f"{'page':24} {'reader':22} {'recall':>6} {'prec':>5} {'prec-c':>6} first last clutter title date {'ms':>6}")
    totals: dict[str, list[dict]] = {name: [] for name in chosen}
    for page in sorted(expected):
        markup = (args.pages / page).read_text(encoding="utf-8")
        for name, read in chosen.items():
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                text, published = read(markup)
                times.append(time.perf_counter() - start)
            row = score(text, published, expected[page]) | {"ms": 1000 * statistics.median(times)}
            totals[name].append(row)
            print(f"{page:24} {name:22} {row['recall']:6.3f} {row['precision']:5.3f} {row['precision_kept']:6.3f} "
                  f"{'yes' if row['first'] else 'NO':>5} {'yes' if row['last'] else 'NO':>4} "
                  f"{row['clutter']:>4}/{row['clutter_of']:<2} {'yes' if row['title'] else 'NO':>5} "
                  f"{'yes' if row['date'] else 'NO':>4} {row['ms']:6.1f}")
    print("\nall pages (mean; counts are totals)")
    for name, rows in totals.items():
        mean = {k: statistics.mean(float(r[k]) for r in rows) for k in ("recall", "precision", "precision_kept", "ms")}
        count = {k: sum(int(r[k]) for r in rows) for k in ("first", "last", "clutter", "clutter_of", "title", "date")}
        print(f"{name:22} recall {mean['recall']:.3f}  precision {mean['precision']:.3f}  "
              f"after clutter rules {mean['precision_kept']:.3f}  first {count['first']}/{len(rows)}  "
              f"last {count['last']}/{len(rows)}  clutter {count['clutter']}/{count['clutter_of']}  "
              f"title {count['title']}/{len(rows)}  date {count['date']}/{len(rows)}  {mean['ms']:.1f} ms/page")


if __name__ == "__main__":
    main()
