"""Reference knowledge of the field, read once from ``extract/data/`` and checked.

Modules: :mod:`.data_files` (the checked YAML reader), :mod:`.lexicon` (the genre's word lists),
:mod:`.institutions` (the institution and company list), :mod:`.officeholders` (who held which top office),
:mod:`.known_people` (look-ups over it), :mod:`.countries` (the countries, their names and sides),
:mod:`.gazetteer` (the places the field names, each under all its names).
"""
