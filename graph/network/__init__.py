"""The network view and analysis: RDF -> networkx projections, the page, pictures, measures, exports.

Modules: :mod:`.projections`, :mod:`.details` (one actor's panel), :mod:`.render` (``network.html``),
:mod:`.plot` (matplotlib), :mod:`.stats` (measures), :mod:`.export` (GraphML, GEXF, CSV, JSON-LD, Popolo),
:mod:`.summary` (counts).

The package imports nothing itself, so that importing one module stays cheap.
"""
