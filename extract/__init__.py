"""Extraction: one document in, its RDF named graph out.

The public entry points are :func:`extract.pipeline.load_pipeline` (the spaCy
pipeline with tradegraph's components) and :func:`extract.triples.document_graph`
(a parsed document to its triples).
"""
