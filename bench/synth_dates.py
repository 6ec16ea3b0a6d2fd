"""Dates of a template document, found once and written again shifted by whole weeks (so "on Monday" and
"este martes" still fit the date beside them), in the form the template wrote them.

Forms: "May 14, 2025", "Jan. 22 – 25, 2024", "Oct. 20" (no year), "May 2025", "12 de mayo de 2026",
"del 3 al 5 de junio", "mayo de 2026", "12 mar" (a wire's dateline), "2025-02-12", "09/17/2025" and a bare
year ("in 2026"), shifted by the whole years the shift amounts to. English months are
:mod:`extract.text.dates`', Spanish ones ``extract/data/spanish.yaml``'s.

>>> [s.render(-7) for s in find_slots("On May 14, 2025 (14 de mayo de 2025), 2025-05-14, in 2025.")]
['May 7, 2025', '7 de mayo de 2025', '2025-05-07', '2025']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from extract.reference.spanish_words import spanish_words
from extract.text.dates import MONTH_NAMES, MONTHS

NO_YEAR = 2024  # the year a date written without one is computed in (a leap year: 29 February exists)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_END = r"(?P<end>\d{1,2})"


@dataclass(frozen=True)
class DateSlot:
    """One date of a template: where it is, its value (and a range's last day), and how it is written."""

    start: int
    end: int
    form: str  # english | english-month | spanish | spanish-month | spanish-short | iso | numeric | year
    value: date
    last: date | None = None
    written: str = ""  # the month as written (case and abbreviation are kept), or the range's separator
    sep: str = ""
    has_year: bool = True

    def render(self, days: int, years: int | None = None) -> str:
        """The date moved by ``days``, written as the template wrote it; a bare year moves by ``years``
        (default: the whole years in ``days``; :func:`year_shift` gives the document's)."""
        new, last = self.value + timedelta(days=days), self.last and self.last + timedelta(days=days)
        if self.form == "year":
            return str(self.value.year + (round(days / 365.2425) if years is None else years))
        if self.form == "iso":
            return new.isoformat()
        if self.form == "numeric":
            month = f"{new.month:02d}" if len(self.written) == 2 else str(new.month)
            return f"{month}/{new.day:02d}/{new.year}" if self.sep == "0" else f"{month}/{new.day}/{new.year}"
        month = _month(self.written, new.month, self.form.startswith("spanish"))
        if self.form == "spanish-short":
            return f"{new.day} {month[:3]}"
        if self.form == "english-month":
            return f"{month} {new.year}"
        if self.form == "spanish-month":
            return f"{month} de {new.year}"
        if self.form == "english":
            text = f"{month} {new.day}"
            if last is not None:
                text += self.sep + (str(last.day) if last.month == new.month else
                                    f"{_month(self.written, last.month, False)} {last.day}")
            return text + (f", {(last or new).year}" if self.has_year else "")
        text = f"{new.day}"
        if last is not None:
            text += (f" de {month}{self.sep}{last.day} de {_month(self.written, last.month, True)}"
                     if last.month != new.month else f"{self.sep}{last.day} de {month}")
        else:
            text += f" de {month}"
        return text + (f" de {(last or new).year}" if self.has_year else "")


def _month(written: str, month: int, spanish: bool) -> str:
    """Month ``month`` in the style of ``written``: Spanish or English, full or abbreviated, its case."""
    if spanish:
        name = spanish_months()[month - 1]
        return name.capitalize() if written[:1].isupper() else name
    name = MONTH_NAMES[month - 1]
    short = written.rstrip(".").lower() != MONTH_NAMES[MONTHS[written.rstrip(".").lower()] - 1].lower()
    if short and len(name) > 4:
        return ("Sept" if month == 9 and written.lower().startswith("sept") else name[:3]) + "."
    return name


@lru_cache(maxsize=1)
def spanish_months() -> tuple[str, ...]:
    """The twelve Spanish months, January first, from ``extract/data/spanish.yaml``."""
    return spanish_words().months


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    english = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    spanish = "|".join(spanish_months())
    en_month, es_month = rf"(?P<month>(?:{english})\.?)", rf"(?P<month>(?i:{spanish}))"
    short = "|".join(m[:3] for m in spanish_months())  # a wire's dateline: "12 mar (EFE)"
    return [
        ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)")),
        ("numeric", re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/" + _YEAR + r"\b")),
        ("english", re.compile(rf"\b{en_month}\s+{_DAY}(?:(?P<sep>\s*[–-]\s*|\s+(?:to|through|and)\s+){_END})?"
                               rf"(?!\d)(?:,?\s+{_YEAR}\b)?")),
        ("english-month", re.compile(rf"\b{en_month}\s+{_YEAR}\b")),
        ("spanish", re.compile(rf"\b{_DAY}(?:(?P<sep>\s+al\s+|\s+y\s+|\s*[–-]\s*){_END})?\s+de\s+{es_month}"
                               rf"(?:\s+(?:de|del)\s+{_YEAR}\b)?")),
        ("spanish-month", re.compile(rf"\b{es_month}\s+(?:de|del)\s+{_YEAR}\b")),
        ("spanish-short", re.compile(rf"\b{_DAY}\s+(?P<month>(?i:{short}))\.?(?!\w)")),
        ("year", re.compile(r"(?<![\d,.$/-])\b(?P<year>19[89]\d|20[0-3]\d)\b(?![\d/-]|,\d)")),
    ]


def _slot(form: str, m: re.Match[str]) -> DateSlot | None:
    parts = m.groupdict()
    year = int(parts["year"]) if parts.get("year") else NO_YEAR
    written = parts.get("month") or parts.get("mnum") or ""
    if form.startswith("spanish"):
        month = [m[:len(written)] for m in spanish_months()].index(written.lower()) + 1
    elif form.startswith("english"):
        month = MONTHS[written.rstrip(".").lower()]
    else:
        month = int(parts["mnum"]) if parts.get("mnum") else 1
    day = int(parts["day"]) if parts.get("day") else (15 if form.endswith("month") else 1)
    try:
        value = date(year, month, day)
        last = date(year, month, int(parts["end"])) if parts.get("end") else None
    except ValueError:
        return None
    if last is not None and last < value:
        return None
    sep = parts.get("sep") or ("0" if form == "numeric" and len(parts["day"]) == 2 else "")
    return DateSlot(m.start(), m.end(), form, value, last, written, sep, has_year=bool(parts.get("year")))


def year_shift(slots: list[DateSlot] | tuple[DateSlot, ...], days: int) -> int:
    """How many years a document's bare years move: as many as its first full date's year does, so that
    "© 2025" under a byline of March 14, 2025 follows the byline's new year."""
    first = next((s for s in slots if s.form != "year" and s.has_year), None)
    return round(days / 365.2425) if first is None else (first.value + timedelta(days=days)).year - first.value.year


def find_slots(text: str) -> list[DateSlot]:
    """Every date of ``text`` that a shift rewrites, in text order; the first form to claim a span keeps it."""
    taken: list[DateSlot] = []
    for form, pattern in _patterns():
        for m in pattern.finditer(text):
            if any(s.start < m.end() and m.start() < s.end for s in taken):
                continue
            slot = _slot(form, m)
            if slot is not None:
                taken.append(slot)
    return sorted(taken, key=lambda s: s.start)
