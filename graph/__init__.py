"""The graph: merge documents' graphs into one dataset, store it, query it, draw it.

The Python API for scripts and notebooks:

>>> from graph import api            # doctest: +SKIP
>>> tg = api.open_graph("out")       # doctest: +SKIP
>>> tg.query("people_organizations") # doctest: +SKIP
"""
