"""Calendar dates as the genre writes them, normalised to ISO.

>>> [d.iso for d in find_dates("On Feb. 21, 2024 and 09/17/2025 and 2023-01-05.")]
['2024-02-21', '2025-09-17', '2023-01-05']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
]


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with its character span."""

    value: date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.value.isoformat()


def _to_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mnum"])
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every full calendar date (day, month and year) in ``text``, in text order."""
    found: dict[int, FoundDate] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            value = _to_date(m)
            if value and not any(f.start <= m.start() < f.end for f in found.values()):
                found[m.start()] = FoundDate(value, m.start(), m.end())
    return [found[k] for k in sorted(found)]
