"""Benchmark: what extraction costs next to spaCy's own parse of the same documents.

Usage: python bench/extract_speed.py [DOCS...] [--repeat N]

Model loading is excluded. Prints, per document on average: the plain model's parse
(``nlp.pipe`` with the stock pipeline), tradegraph's parse (the same plus the institution
ruler), tradegraph's extraction from the parsed Doc (``document_graph``), and the ratio of
tradegraph's whole cost (parse + extraction) to the plain parse.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from extract.text.pipeline import load_pipeline, model_name
from extract.triples import document_graph
from graph.build import sources


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="*", type=Path, default=[Path("seeds")])
    ap.add_argument("--repeat", type=int, default=5, help="runs over the documents; the median is reported")
    args = ap.parse_args()
    files = sources.collect(args.docs).files
    keys = sources.unique_keys(files)
    documents = [sources.read_document(f, keys[f]) for f in files]
    texts = [d.text for d in documents]
    plain = spacy.load(model_name(None))
    ours = load_pipeline(None)
    list(plain.pipe(texts[:1])), list(ours.pipe(texts[:1]))  # warm up
    document_graph(next(ours.pipe(texts[:1])), documents[0])

    plain_t, ours_t, extract_t = [], [], []
    for _ in range(args.repeat):
        plain_t.append(_timed(lambda: list(plain.pipe(texts, batch_size=16))))
        docs: list[Doc] = []
        ours_t.append(_timed(lambda docs=docs: docs.extend(ours.pipe(texts, batch_size=16))))
        extract_t.append(_timed(
            lambda docs=docs: [document_graph(doc, d) for doc, d in zip(docs, documents, strict=True)]))
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    p, o, e = (statistics.median(x) / n * 1000 for x in (plain_t, ours_t, extract_t))
    print(f"{n} documents, {words} words, median of {args.repeat} runs, per document:")
    print(f"  spaCy parse (stock {model_name(None)}): {p:7.1f} ms")
    print(f"  tradegraph parse (+ institution ruler): {o:7.1f} ms")
    print(f"  tradegraph extraction (document_graph): {e:7.1f} ms")
    print(f"  tradegraph total / spaCy parse:          {(o + e) / p:5.2f}x")


if __name__ == "__main__":
    main()
