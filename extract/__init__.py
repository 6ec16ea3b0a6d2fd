"""Extraction: one document in, its findings and its RDF named graph out.

The public entry points are :func:`extract.text.pipeline.load_pipeline` (the spaCy pipeline with
tradegraph's components) and :func:`extract.triples.document_graph` (a parsed document to its triples).
``docs/architecture.md`` maps the packages: ``text`` (reading), ``reference`` (the field's lists),
``mentions``, ``organizations``, ``roles``, ``events``, ``statements``, ``topics`` (the rules, one concept
per module), ``stages`` (their order), ``rdf`` (the writer).
"""
from pathlib import Path

#: The packaged data files: word lists, patterns, reference lists, schemes.
DATA_DIR = Path(__file__).resolve().parent / "data"
