"""Topics: the SKOS keyword scheme and how much a text says about each topic.

Modules: :mod:`.scheme` (the scheme and the topics of a text), :mod:`.weights` (where and how a text names them).
"""
