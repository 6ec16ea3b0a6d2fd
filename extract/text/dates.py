"""Calendar dates as the genre writes them, normalised to ISO.

>>> [d.iso for d in find_dates("On Feb. 21, 2024 and 09/17/2025 and 2023-01-05.")]
['2024-02-21', '2025-09-17', '2023-01-05']
"""
from __future__ import annotations

import calendar
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
# Day-first dates ("3-5 March 2025", "on 4 June"): the month capitalized, so "5 may" is not a date
_CAP_MONTH = r"(?P<m1>" + "|".join(sorted((n.capitalize() for n in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY_FIRST = re.compile(
    r"\b" + _DAY + r"(?:\s*(?:–|—|-|to|and)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?" + _CAP_MONTH
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b")
_MONTH_ONLY = re.compile(r"\b(?i:in|during|since)\s+(?i:early\s+|mid-|late\s+)?" + _CAP_MONTH + r"(?![\w.]|\s+\d)")
_RELATIVE = re.compile(r"\b(?:earlier\s+|later\s+)?(?P<rel>this week|last week|next week|this month|last month|"
                       r"next month|yesterday|today|tonight|last night|this morning|this afternoon)\b(?!['’]s)", re.I)
# "on Wednesday, March 12": the weekday names the date that follows it
_WEEKDAY_THEN_DATE = re.compile(r"\s*[,(]?\s*$")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_of(month: int, pub: date | None) -> int | None:
    """A yearless month's year: the publication year, or the year before for a month still to come."""
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _span_of(first: date, last: date) -> str | None:
    """The finest ISO prefix certain to hold a whole span of days: its month, its year, or nothing."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}-{first.month:02d}"
    return str(first.year) if first.year == last.year else None


def _relative(rel: str, pub: date) -> str | None:
    """ "this week", "last month", "yesterday" … from the publication date, as precisely as is certain."""
    rel = rel.lower()
    if rel in {"today", "yesterday", "tonight", "last night", "this morning", "this afternoon"}:
        return date.fromordinal(pub.toordinal() - (rel in {"yesterday", "last night"})).isoformat()
    if rel.endswith("week"):
        monday = pub.toordinal() - pub.weekday() + {"this": 0, "last": -7, "next": 7}[rel.split()[0]]
        return _span_of(date.fromordinal(monday), date.fromordinal(monday + 6))
    month = pub.year * 12 + pub.month - 1 + {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
    return f"{month // 12}-{month % 12 + 1:02d}"


def find_whens(text: str, published: str | None = None) -> list[When]:
    """Dates and day ranges as the genre writes them, with the year inferred when omitted.

    "Oct. 20 to 22", "January 22 – 25, 2024", "3-5 March 2025", "December 5, 2024", "in March",
    "on Tuesday", "this week": a missing year is the publication year (or the year before, when
    the month is after the publication month), a weekday the last such day on or before
    publication, and "this week" or "last month" the month (or year) that holds it for certain;
    with no publication date a yearless or relative date is skipped rather than guessed.

    >>> [(w.start, w.end) for w in find_whens("From January 22 – 25, 2024, and Oct. 20 to 22.", "2024-11-02")]
    [('2024-01-22', '2024-01-25'), ('2024-10-20', '2024-10-22')]
    >>> [w.start for w in find_whens("They met this week, on 4 June and on Monday, June 9.", "2025-06-12")]
    ['2025-06', '2025-06-04', '2025-06-09']
    """
    pub = date.fromisoformat(published) if published else None
    out: list[When] = []

    def add(start: str | None, end: str | None, m: re.Match[str]) -> None:
        if start and not any(w.char_start <= m.start() < w.char_end or m.start() <= w.char_start < m.end()
                             for w in out):
            out.append(When(start, end if end and end > start else None, m.start(), m.end()))

    for m in _RANGE.finditer(text):
        m1 = MONTHS[m.group("m1").lower()]
        m2 = MONTHS[m.group("m2").lower()] if m.group("m2") else m1
        year = int(m.group("year")) if m.group("year") else _year_of(m1, pub)
        if year is not None:
            end = _iso(year + (1 if m2 < m1 else 0), m2, int(m.group("d2"))) if m.group("d2") else None
            add(_iso(year, m1, int(m.group("d1"))), end, m)
    for m in _DAY_FIRST.finditer(text):
        month = MONTHS[m.group("m1").lower()]
        year = int(m.group("year")) if m.group("year") else _year_of(month, pub)
        if year is not None:
            add(_iso(year, month, int(m.group("d1"))), m.group("d2") and _iso(year, month, int(m.group("d2"))), m)
    for m in _ISO.finditer(text):
        add(_iso(int(m.group("year")), int(m.group("mnum")), int(m.group("day"))), None, m)
    for m in _MONTH_YEAR.finditer(text):
        add(f"{m.group('year')}-{MONTHS[m.group('month').lower()]:02d}", None, m)
    for m in _MONTH_ONLY.finditer(text):
        month = MONTHS[m.group("m1").lower()]
        year = _year_of(month, pub)
        if year is not None:
            add(f"{year}-{month:02d}", None, m)
    if pub is not None:
        for m in _WEEKDAY.finditer(text):
            if any(w.char_start >= m.end() and _WEEKDAY_THEN_DATE.match(text[m.end():w.char_start]) for w in out):
                continue
            back = (pub.weekday() - WEEKDAYS.index(m.group("day").lower())) % 7
            add(date.fromordinal(pub.toordinal() - back).isoformat(), None, m)
        for m in _RELATIVE.finditer(text):
            add(_relative(m.group("rel"), pub), None, m)
    return sorted(out, key=lambda w: w.char_start)


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def days_of(value: str) -> tuple[str, str] | None:
    """The first and last day an ISO date, month or year (or a date-time) covers; ``None`` when it is none.

    >>> days_of("2024-02"), days_of("2023"), days_of("2024-03-05T10:00:00"), days_of("1998-13"), days_of("soon")
    (('2024-02-01', '2024-02-29'), ('2023-01-01', '2023-12-31'), ('2024-03-05', '2024-03-05'), None, None)
    """
    found = _PARTIAL_DATE.fullmatch(value.strip()[:10]) if value else None
    if found is None:
        return None
    year, month, day = found.groups()
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        return None
    last = calendar.monthrange(int(year), int(month))[1]
    if day is None:
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return (f"{year}-{month}-{day}",) * 2 if 1 <= int(day) <= last else None
