"""SPARQL over a build: the query library, parameters, running, output formats.

Modules: :mod:`.library` (``queries/``), :mod:`.params` (values bound as terms), :mod:`.run` (SELECT on the
Oxigraph store), :mod:`.formats` (table, CSV, JSON, Markdown), :mod:`.portable` (the queries on other engines).

The package imports nothing itself, so that importing one module stays cheap.
"""
