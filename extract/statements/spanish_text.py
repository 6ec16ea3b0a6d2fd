"""Sentences, paragraphs and quotations of a Spanish text, found from its characters alone, so that the statement
rules read the same units whichever pipeline parsed the document (the English parser splits "EE.UU." and
quotations; a blank Spanish pipeline splits at every stop).

A sentence ends at a line break, or at a stop, "?" or "!" after a word of three letters or more (not one of the
abbreviations of ``data/spanish_statements.yaml``: "Lic.", "Ing."), a number or a closing quotation mark, when
what follows opens a sentence; a sentence never ends inside a quotation.

>>> text = "El Lic. Ruiz habló con EE.UU. ayer. «Hay acuerdo. Falta firmar», dijo.\\nOtra línea"
>>> [text[s.start:s.end] for s in sentences(text, quotations(text, (("«", "»"),)))]
['El Lic. Ruiz habló con EE.UU. ayer.', '«Hay acuerdo. Falta firmar», dijo.', 'Otra línea']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.statements.spanish_data import statement_words

_END = re.compile(r"(?<=[.!?])[»”\"]?[ \t]+(?=\S)|\n+")
_OPENS = "¿¡«“\"—–-"  # besides a capital letter, what may open a sentence
_LONGEST_QUOTE = 2000  # characters: a mark left open does not swallow the rest of the document


@dataclass(frozen=True)
class Sentence:
    """The character span of one sentence."""

    start: int
    end: int


def quotations(text: str, marks: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    """The spans of the quoted text (inside the marks) of ``text``, in order; a quotation inside another (“…”
    within «…») is part of the outer one."""
    found: list[tuple[int, int]] = []
    for opening, closing in marks:
        inside = "[^" + re.escape(closing) + "\n]"
        for m in re.finditer(re.escape(opening) + f"({inside}{{1,{_LONGEST_QUOTE}}}?)" + re.escape(closing), text):
            found.append((m.start(1), m.end(1)))
    found.sort()
    outer: list[tuple[int, int]] = []
    for start, end in found:
        if not outer or start > outer[-1][1]:
            outer.append((start, end))
    return outer


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the mark at ``stop`` ends a sentence: it follows a number, a closing mark, or a word of three
    letters or more that is no abbreviation."""
    word = re.search(r"[^\W_]+$", text[max(0, stop - 30):stop])
    if word is None:
        return text[stop - 1:stop] in {"»", "”", '"', ")"}
    w = word.group(0)
    return w.isdigit() or (len(w) >= 3 and w.lower() not in statement_words().abbreviations_in_sentence
                           and "." not in text[stop - len(w) - 1:stop - len(w)])


def sentences(text: str, quotes: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences of ``text``; none ends inside one of ``quotes``."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0).startswith("\n"):
            cut = True
        else:
            stop, after = m.start() - 1, text[m.end()]
            inside = any(s <= stop < e - 1 for s, e in quotes)  # a stop right before the closing mark ends
            cut = not inside and (after.isupper() or after in _OPENS) and _ends_sentence(text, stop)
        if cut:
            end = m.start() + len(m.group(0).rstrip())
            if text[start:end].strip():
                out.append(Sentence(start, end))
            start = m.end()
    if text[start:].strip():
        out.append(Sentence(start, len(text.rstrip())))
    return out


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph after the first starts (a paragraph ends at a blank line)."""
    return [m.end() for m in re.finditer(r"\n[ \t]*\n\s*", text)]


__all__ = ["Sentence", "paragraph_starts", "quotations", "sentences"]
