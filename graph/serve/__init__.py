"""``tradegraph serve``: the read-only SPARQL endpoint.

Modules: :mod:`.server` (the HTTP server), :mod:`.endpoint` (the SPARQL protocol as WSGI), :mod:`.workers`
(queries in worker processes with a time limit), :mod:`.lifeline` (workers die with the server),
:mod:`.builds` (the one build served, pinned), :mod:`.reload` (switching to a new build when told),
:mod:`.access` (hosts, CORS), :mod:`.service_guard` (``SERVICE`` targets), :mod:`.sandbox` (no network for workers).

The package imports nothing itself, so that importing one module stays cheap.
"""
