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
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
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


@dataclass(frozen=True)
class When:
    """A date or range as ISO strings: ``start`` / ``end`` are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    start: str
    end: str | None
    char_start: int
    char_end: int


_DAY = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
_RANGE = re.compile(
    _MONTH.replace("month", "m1") + r"\s+" + _DAY
    + r"(?:\s*(?:–|—|-|to|through|until|and)\s*(?:" + _MONTH.replace("month", "m2") + r"\s+)?"
    + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?"
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:on|last|this past)\s+(?P<day>" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH_YEAR = re.compile(r"\b(?:in\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_whens(text: str, published: str | None = None) -> list[When]:
    """Dates and day ranges as the genre writes them, with the year inferred when omitted.

    "Oct. 20 to 22", "January 22 – 25, 2024", "December 5, 2024", "on Tuesday": a missing year is
    the publication year (or the year before, when the month is after the publication month), a
    weekday the last such day on or before publication; with no publication date a yearless date
    is skipped rather than guessed.

    >>> [(w.start, w.end) for w in find_whens("From January 22 – 25, 2024, and Oct. 20 to 22.", "2024-11-02")]
    [('2024-01-22', '2024-01-25'), ('2024-10-20', '2024-10-22')]
    """
    pub = date.fromisoformat(published) if published else None
    out: list[When] = []
    for m in _RANGE.finditer(text):
        m1 = MONTHS[m.group("m1").lower()]
        m2 = MONTHS[m.group("m2").lower()] if m.group("m2") else m1
        if m.group("year"):
            year = int(m.group("year"))
        elif pub is not None:
            year = pub.year if m1 <= pub.month else pub.year - 1
        else:
            continue
        start = _iso(year, m1, int(m.group("d1")))
        end = _iso(year + (1 if m2 < m1 else 0), m2, int(m.group("d2"))) if m.group("d2") else None
        if start:
            out.append(When(start, end if end and end > start else None, m.start(), m.end()))
    taken = [(w.char_start, w.char_end) for w in out]
    for m in _WEEKDAY.finditer(text):
        if pub is not None and not any(s <= m.start() < e for s, e in taken):
            back = (pub.weekday() - WEEKDAYS.index(m.group("day").lower())) % 7
            day = date.fromordinal(pub.toordinal() - back)
            out.append(When(day.isoformat(), None, m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            out.append(When(f"{m.group('year')}-{MONTHS[m.group('month').lower()]:02d}", None, m.start(), m.end()))
    return sorted(out, key=lambda w: w.char_start)
