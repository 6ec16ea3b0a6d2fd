"""Build: documents on disk -> one merged dataset -> the files of ``out/``.

Modules: :mod:`.sources` (find and read files), :mod:`.run` (the build itself), :mod:`.merge`,
:mod:`.records`, :mod:`.blocking`, :mod:`.people`, :mod:`.groups`, :mod:`.name_variants` (one IRI per real
actor), :mod:`.timeline`, :mod:`.store` and :mod:`.quads` (TriG/Turtle in a canonical order), :mod:`.oxstore`
(the query store), :mod:`.outdir` (the build folder as one unit), :mod:`.validate` (SHACL).

The package imports nothing itself, so that importing one module stays cheap.
"""
