"""Check a built graph against the data model's SHACL shapes (``data/shapes.ttl``)."""
from __future__ import annotations

from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph

from graph.build.store import merged_graph

SHAPES = Path(__file__).resolve().parents[1] / "data" / "shapes.ttl"


def validate(ds: Dataset) -> tuple[bool, str]:
    """Whether the merged graph conforms, and pyshacl's text report."""
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, text = shacl_validate(merged_graph(ds), shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), str(text)
