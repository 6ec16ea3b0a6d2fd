"""Extraction never loses a document: hundreds of variants of the sample and made-up documents (names
swapped, years shifted, sentences reordered and cut, punctuation and casing changed) each yield a graph.

A rule that fails is told through ``on_error`` and loses only its findings; anything else that escapes
``document_graph`` fails this test. The variants come from a fixed seed, so a failure reproduces.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extract.text.document import Document
from extract.triples import document_graph
from extract.vocab import DCTERMS

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "docs").glob("*.txt"))
VARIANTS = 240
_NAMES = ["Ana Ruiz Vega", "Tom Vale", "Hugo Salas", "Rosa Vidal", "Luis Soto", "Dana Whitfield", "O'Brien",
          "José María de la Fuente", "Li Wei", "Jean-Luc Martin"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _variant(text: str, rng: random.Random) -> str:
    """One mutation or a few of ``text``."""
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["names", "years", "reorder", "cut", "punctuation", "case", "lines"])
        if kind == "names":
            text = re.sub(r"\b[A-Z][a-zé]+ [A-Z][a-zé]+\b", lambda m: rng.choice(_NAMES)
                          if rng.random() < 0.3 else m.group(0), text)
        elif kind == "years":
            text = re.sub(r"\b(19|20)\d\d\b", lambda m: str(int(m.group(0)) + rng.randint(-30, 30)), text)
        elif kind == "reorder":
            parts = _SENTENCE.split(text)
            rng.shuffle(parts)
            text = " ".join(parts)
        elif kind == "cut":
            start = rng.randrange(len(text))
            text = text[start:start + rng.randint(1, 1500)]
        elif kind == "punctuation":
            text = "".join(rng.choice([",", ";", ":", "—", "(", ")", '"', "'", "."]) if c in ",.;" and
                           rng.random() < 0.2 else c for c in text)
        elif kind == "case":
            text = text.upper() if rng.random() < 0.5 else text.lower()
        else:
            text = text.replace(" ", "\n", rng.randint(1, 20))
    return text


def test_every_variant_yields_a_graph(nlp):
    rng = random.Random(20261203)
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    variants = [_variant(rng.choice(texts), rng) for _ in range(VARIANTS)]
    told: list[str] = []
    for n, (text, doc) in enumerate(zip(variants, nlp.pipe(variants, batch_size=32), strict=True)):
        document = Document(f"variant-{n}.txt", f"variant-{n}", text)
        graph = document_graph(doc, document, on_error=told.append)
        assert (None, DCTERMS.source, None) in graph, f"variant {n} has no document node"
    assert all(line.startswith("variant-") and " rules failed (" in line for line in told)
