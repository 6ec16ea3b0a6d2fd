"""The actors and places a parsed document mentions, cleaned of the genre's usual junk.

One module per concept: :mod:`~extract.mentions.model` (the :class:`Mention` type),
:mod:`~extract.mentions.find` (mentions from the NER and the institution ruler),
:mod:`~extract.mentions.trim` (a mention's edges), :mod:`~extract.mentions.person_names` (a person's name),
:mod:`~extract.mentions.person_context` (the words that tell a person from a body),
:mod:`~extract.mentions.headings`, :mod:`~extract.mentions.acronyms`, :mod:`~extract.mentions.governments`
("the U.S. and Mexican governments"), :mod:`~extract.mentions.bare_bodies` ("the Senate"),
:mod:`~extract.mentions.referred` ("la Cámara de Comercio de ese país") and :mod:`~extract.mentions.spanish`
(the recognisers' mistakes on Spanish words). Their word
lists are in ``data/mentions.yaml`` (:mod:`~extract.mentions.words`). This package re-exports the names
the rest of the code imports.
"""
from __future__ import annotations

from extract.mentions.acronyms import listed_by_acronym, with_acronyms
from extract.mentions.bare_bodies import qualify_bare_bodies
from extract.mentions.find import find_mentions
from extract.mentions.governments import government_mentions
from extract.mentions.headings import heading_spans
from extract.mentions.model import Mention
from extract.organizations.spans import in_title

__all__ = ["Mention", "find_mentions", "government_mentions", "heading_spans", "in_title", "listed_by_acronym",
           "qualify_bare_bodies", "with_acronyms"]
