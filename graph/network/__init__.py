"""The network view and analysis: RDF -> networkx projections, the page, pictures, measures, exports.

Modules: :mod:`.schema` (the node kinds and relations, from ``graph/data/schema.yaml``), :mod:`.projections`
(the public names of :mod:`.evidence`, which reads labels and evidence, :mod:`.actors`, the actor network,
and :mod:`.views`, the views derived from it), :mod:`.details` (one actor's panel), :mod:`.render`
(``network.html``), :mod:`.plot` (matplotlib), :mod:`.measures` and :mod:`.stats` (measures and their
report), :mod:`.export` (GraphML, GEXF, CSV, JSON-LD) and :mod:`.popolo` (Popolo JSON), :mod:`.summary` (counts),
:mod:`.readable` (what they all read from a dataset, and :class:`~.readable.QuadIndex`, which answers it from
pyoxigraph quads without rdflib's store).

The package imports nothing itself, so that importing one module stays cheap.
"""
