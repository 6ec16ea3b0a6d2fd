r"""Hand-built spaCy ``Doc``s for grammar tests: words with their tags, parse and entities, no model loaded.

A rule reads tokens (``tag_``, ``pos_``, ``dep_``, ``head``, ``lemma_``, sentence starts) and entity spans;
:func:`handmade` builds exactly the analysis a test states, so a test fails when the rule breaks, not when
the statistical model changes its mind. The annotations are space-separated strings aligned with the words
(``-`` leaves one unset); ``heads`` are absolute token indices (a root is its own head). A line break in
the text is a token of its own, as spaCy's tokenizer makes it.

>>> doc = handmade("Ana Ruiz met Luis Soto .", pos="PROPN PROPN VERB PROPN PROPN PUNCT",
...                tags="NNP NNP VBD NNP NNP .", deps="compound nsubj ROOT compound dobj punct",
...                heads=[1, 2, 2, 4, 2, 2], lemmas={2: "meet"}, ents=[("PERSON", 0, 2), ("PERSON", 3, 5)])
>>> doc.text, doc[1].head.text, doc[2].lemma_, [e.text for e in doc.ents]
('Ana Ruiz met Luis Soto.', 'met', 'meet', ['Ana Ruiz', 'Luis Soto'])
>>> parsed('''
...     Ana   PROPN NNP compound 1
...     Ruiz  PROPN NNP nsubj    2
...     spoke VERB  VBD ROOT     2  speak
...     .     PUNCT .   punct    2
... ''').text
'Ana Ruiz spoke.'
>>> handmade("Speakers :\n- Ana Ruiz").text
'Speakers:\n- Ana Ruiz'
>>> m = person(doc, 3, 5)
>>> m.kind, m.text, m.start, m.end, m.sent_start, m.sent_end
('person', 'Luis Soto', 13, 22, 0, 23)
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extract.mentions import Mention
from extract.reading import Reading
from extract.text.document import Document

_VOCAB: Vocab = spacy.blank("en").vocab
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "?", "!", "’s", "'s", "’", "%"}
_NO_SPACE_AFTER = {"(", "“", "$"}


def _column(values: str | None, words: list[str], name: str) -> list[str] | None:
    """One annotation per word from a space-separated string, ``-`` for "not set" (spaCy's default)."""
    if values is None:
        return None
    items = values.split()
    if len(items) != len(words):
        raise ValueError(f"{name}: {len(items)} values for {len(words)} words ({words})")
    return ["" if v == "-" else v for v in items]


def _spaces(words: list[str]) -> list[bool]:
    """Whether each word is followed by a space, as English is written: none before a comma, a stop, a closing
    bracket, a possessive or a line break, none after an opening bracket, a quote or a line break, and none
    after the last word."""
    return [k + 1 < len(words) and words[k + 1] not in _NO_SPACE_BEFORE | {"\n"}
            and word not in _NO_SPACE_AFTER | {"\n"} for k, word in enumerate(words)]


def handmade(text: str, *, pos: str | None = None, tags: str | None = None, deps: str | None = None,
             heads: Sequence[int] | None = None, lemmas: dict[int, str] | None = None,
             sent_starts: Sequence[int] = (0,), ents: Sequence[tuple[str, int, int]] = ()) -> Doc:
    """A ``Doc`` of the words of ``text`` (split at spaces and line breaks; write "Chamber ’s" for a possessive,
    "Note :" for a colon) with the given annotations. ``lemmas`` maps a token index to its lemma (every other
    lemma is the lowercase word); ``sent_starts`` are the indices that open a sentence when no parse is given
    (with ``heads`` the parse decides); ``ents`` are ``(label, start, end)`` token ranges."""
    words = re.findall(r"\n|[^\s]+", text)
    if heads is not None and len(heads) != len(words):
        raise ValueError(f"heads: {len(heads)} values for {len(words)} words ({words})")
    if heads is not None and deps is None:
        raise ValueError("heads need deps")
    starts: list[bool | int | None] | None = None  # with a parse, the parse decides
    if heads is None:
        starts = [k in sent_starts for k in range(len(words))]
    doc = Doc(_VOCAB, words=words, spaces=_spaces(words), pos=_column(pos, words, "pos"),
              tags=_column(tags, words, "tags"), deps=_column(deps, words, "deps"),
              heads=list(heads) if heads is not None else None, sent_starts=starts,
              lemmas=[(lemmas or {}).get(k, w.lower()) for k, w in enumerate(words)])
    doc.ents = [Span(doc, start, end, label=label) for label, start, end in ents]
    return doc


def parsed(table: str, *, ents: Sequence[tuple[str, int, int]] = ()) -> Doc:
    """A ``Doc`` from a table with one token a row, ``word POS TAG DEP HEAD [LEMMA]`` (HEAD the absolute index
    of the head token, counting rows from 0): the easiest way to read and write a parse in a test."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    for row in rows:
        if len(row) not in (5, 6) or not row[4].isdigit():
            raise ValueError(f"a row is 'word POS TAG DEP HEAD [LEMMA]', not {' '.join(row)!r}")
    column = lambda k: " ".join(row[k] for row in rows)  # noqa: E731
    return handmade(column(0), pos=column(1), tags=column(2), deps=column(3), heads=[int(row[4]) for row in rows],
                    lemmas={k: row[5] for k, row in enumerate(rows) if len(row) == 6}, ents=ents)


def mention(doc: Doc, kind: str, start: int, end: int, **fields: object) -> Mention:
    """The :class:`Mention` of tokens ``start:end`` of ``doc`` (character offsets and sentence filled in);
    ``fields`` sets the others (``institution="..."``, ``titled=True``)."""
    span = doc[start:end]
    sent = span.sent
    return Mention(kind, span.text, span.start_char, span.end_char, sent.start_char, sent.end_char,
                   **fields)  # type: ignore[arg-type]


def person(doc: Doc, start: int, end: int, **fields: object) -> Mention:
    """A person mention of tokens ``start:end`` (see :func:`mention`)."""
    return mention(doc, "person", start, end, **fields)


def org(doc: Doc, start: int, end: int, **fields: object) -> Mention:
    """An organization mention of tokens ``start:end`` (see :func:`mention`)."""
    return mention(doc, "org", start, end, **fields)



def reading_of(doc: Doc) -> Reading:
    """The :class:`~extract.reading.Reading` of a hand-built ``doc`` (a made-up document of its text, the default
    lexicon and institution list), for the stages whose grammar lives in their entry point (founders,
    hierarchy)."""
    return Reading.of(doc, Document("handmade.txt", "handmade", doc.text))
