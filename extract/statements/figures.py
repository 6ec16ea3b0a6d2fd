"""Figures that matter to the trade story: money, percentages and counts, with their unit and what they measure.

>>> [(f.value, f.unit) for f in find_figures("a 10% baseline tariff and US$1.8 million per minute")]
[(10.0, 'percent'), (1800000.0, 'USD')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from extract.text.document import doc_text, noun_chunks_in

RULE = "figures.pattern"

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
          "k": 1e3, "m": 1e6, "b": 1e9}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(r"(?P<cur>US\\?\$|\\?\$|USD\s?|MXN\s?|€)\s?(?P<num>" + _NUM + r")"
                    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)\b|(?P<suffix>[KMB])\b)?"
                    r"|(?P<num2>" + _NUM + r")\s?(?P<scale2>thousand|million|billion|trillion)?"
                    r"\s(?P<cur2>dollars|pesos)\b", re.I)
_PERCENT = re.compile(r"(?P<num>" + _NUM + r")\s?(?:%|percent\b|per cent\b)", re.I)
_COUNT = re.compile(r"(?<![\w$.,/-])(?P<num>" + _NUM + r")(?:\s(?P<scale>thousand|million|billion|trillion))?"
                    r"(?:\s(?:to|-|–)\s(?:" + _NUM + r")(?:\s(?:thousand|million|billion))?)?"
                    r"\s(?P<noun>(?:[a-z]+\s)?[a-z]{3,}s)\b")
_NOT_UNITS = {"years", "days", "months", "weeks", "hours", "minutes", "seconds", "decades", "times", "percent"}


@dataclass(frozen=True)
class Figure:
    """A number as written (``text``), its value, unit (USD, MXN, EUR, percent, or the counted noun)."""

    text: str
    value: float
    unit: str
    start: int
    end: int
    measures: str | None = None


def _number(num: str, scale: str | None) -> float:
    return float(num.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every money amount, percentage and count in ``text`` (offsets shifted by ``offset``), in order."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: float, unit: str) -> None:
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
            taken.append((m.start(), m.end()))
            found.append(Figure(m.group(0).strip(), value, unit, offset + m.start(), offset + m.end()))

    for m in _MONEY.finditer(text):
        if m.group("num"):
            cur = m.group("cur").replace("\\", "").strip().upper()
            unit = {"US$": "USD", "$": "USD", "USD": "USD", "MXN": "MXN", "€": "EUR"}.get(cur, "USD")
            add(m, _number(m.group("num"), m.group("scale") or m.group("suffix")), unit)
        else:
            currency = "USD" if m.group("cur2").lower() == "dollars" else "MXN"
            add(m, _number(m.group("num2"), m.group("scale2")), currency)
    for m in _PERCENT.finditer(text):
        add(m, _number(m.group("num"), None), "percent")
    for m in _COUNT.finditer(text):
        noun = m.group("noun")
        value = _number(m.group("num"), m.group("scale"))
        if noun.split()[-1] in _NOT_UNITS or (1900 <= value <= 2100 and not m.group("scale")):
            continue
        add(m, value, noun)
    return sorted(found, key=lambda f: f.start)


def what_it_measures(doc: Doc, figure: Figure) -> str | None:
    """The phrase a figure quantifies, when the sentence says it: "a 10% baseline tariff" -> "baseline tariff",
    "China (125%)" -> "China", "a trade relationship valued at US$1.8 million" -> "trade relationship"."""
    before = doc_text(doc)[max(0, figure.start - 40):figure.start]
    paren = re.search(r"([A-Z][\w .&-]{1,30})\s\($", before)
    if paren:
        return paren.group(1).strip()
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None:
        return None
    chunks = noun_chunks_in(span.sent)  # the sentence's chunks, from the Doc's found once
    for chunk in chunks:
        if chunk.start <= span.start < chunk.end and chunk.end > span.end:
            words = [t.text for t in chunk[span.end - chunk.start:] if not t.is_punct]
            return " ".join(words) or None
    head = span.root.head
    while head.pos_ in {"VERB", "ADP"} and head.head.i != head.i:
        head = head.head
    if head.pos_ in {"NOUN", "PROPN"}:
        around = next((c for c in chunks if c.start <= head.i < c.end), None)
        return " ".join(t.text for t in around if t.pos_ not in {"DET", "PRON"}) if around is not None else head.text
    return None
