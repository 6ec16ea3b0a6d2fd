"""Shared fixtures: the real pipeline (loaded once), a sample build, and a hand-built Doc factory."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from extract.text.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The sample documents built once for the whole session."""
    from graph.api import build_graph as build

    out = tmp_path_factory.mktemp("sample-build")
    return build([SEEDS], out, show_progress=False)


@pytest.fixture(scope="session")
def blank():
    return spacy.blank("en")


@pytest.fixture
def make_doc(blank):
    """A hand-built Doc: ``make_doc("Ana Pérez met the Chamber .", [("PERSON", 0, 2)])`` (token offsets)."""

    def factory(text: str, ents: list[tuple[str, int, int]] = ()) -> Doc:
        doc = blank(text)
        doc.ents = [Span(doc, s, e, label=label) for label, s, e in ents]
        return doc

    return factory
