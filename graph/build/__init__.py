"""Build: documents on disk -> one merged dataset -> the files of ``out/``.

Modules: :mod:`.sources` (find and read files), :mod:`.run` (the build itself), :mod:`.merge`,
:mod:`.people`, :mod:`.groups`, :mod:`.name_variants` (one IRI per real actor), :mod:`.timeline`,
:mod:`.store` (TriG/Turtle), :mod:`.oxstore` (the query store), :mod:`.outdir` (the build folder as one unit),
:mod:`.validate` (SHACL).

The package imports nothing itself, so that importing one module stays cheap.
"""
