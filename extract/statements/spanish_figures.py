"""Figures as Spanish writes them (issue 15, item 3), recorded as the English ones are: a value, a unit (``USD``,
``MXN``, ``EUR``, ``percent`` or the counted noun) and the words written.

- money: "5 mil millones de dólares", "600 millones de dólares", "US$1.8 millones", "MXN 40 millones",
  "$1,500 millones de pesos" (a bare "$" is the peso sign), "un millón de dólares", "500 mdd";
- percentages: "10 por ciento", "10%";
- counts: "15 empresas", "20 mil empleos", "1.2 millones de empleos".

Spanish scales are not English ones ("mil millones" is 10^9, a "billón" 10^12), and a number may be written
either way round: a separator before exactly three digits groups thousands ("1,500", "1.500"), any other is the
decimal mark ("1.8", "1,8"). The words are those of ``data/spanish_statements.yaml``.

>>> [(f.value, f.unit) for f in find_spanish_figures("superó los 800 mil millones de dólares y creció 6 por ciento")]
[(800000000000.0, 'USD'), (6.0, 'percent')]
>>> spanish_number("1,5"), spanish_number("1.500"), spanish_number("2.125,5")
(1.5, 1500.0, 2125.5)
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extract.reference.spanish_words import spanish_words
from extract.statements.figures import Figure
from extract.statements.spanish_data import statement_words

RULE = "figures.es_pattern"
_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_LETTER = r"[^\W\d_]"
_MAX_SUBJECT_WORDS = 8
_MAX_PHRASE_WORDS = 5
_DETERMINERS = frozenset({"el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "su", "sus", "este", "esta",
                          "estos", "estas", "ese", "esa", "dicho", "dicha", "que"})
_PAST = re.compile(r"(?:[^\W\d_]{2}ó|aron|ieron)$")  # a verb in the past ("exportó", "recibieron") ends a noun phrase


def spanish_number(written: str) -> float:
    """The value of a number written with Spanish or English separators ("1.500" and "1,500" are 1500,
    "1,5" and "1.5" one and a half)."""
    marks = [c for c in written if c in ".,"]
    if not marks:
        return float(written)
    last = max(written.rfind("."), written.rfind(","))
    whole, tail = written[:last], written[last + 1:]
    grouped = len(set(marks)) == 1 and (len(marks) > 1 or (len(tail) == 3 and whole != "0"))
    if grouped:
        return float(re.sub(r"[.,]", "", written))
    return float(re.sub(r"[.,]", "", whole) + "." + tail)


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The money, percentage and count patterns, built once from the data file."""
    words = statement_words()
    signs = [k for k in words.currencies if not any(c.islower() for c in k)]  # "US$", "MXN", "$", "€"
    names = [k for k in words.currencies if k not in signs]
    number = rf"(?P<num>{_NUM}|\b(?:{_alternatives(words.number_words)})\b)"
    scales = _alternatives(words.scales)
    money = re.compile(
        rf"(?<![\w$])(?:(?P<sign>{_alternatives(signs)})\s?)?(?:{number}(?:\s(?P<scale>{scales}))?|\b(?P<lone>{scales}))"
        rf"(?:\s(?P<abbr>{_alternatives(words.abbreviations)})\b|\s(?:de\s)?(?P<word>{_alternatives(names)})\b)?",
        re.I)
    percent = re.compile(rf"(?<![\w$.,]){number}\s?(?:{_alternatives(words.percent)})(?!\w)", re.I)
    count = re.compile(rf"(?<![\w$.,/-])(?P<num>{_NUM})(?:\s(?P<scale>{_alternatives(words.scales)})(?:\sde)?)?"
                       rf"\s(?P<noun>{_LETTER}{{3,}}s)\b")
    return money, percent, count


def _value(match: re.Match[str]) -> float:
    """The number of a match times its scale (a scale alone counts one: "mil millones" is 10^9)."""
    words = statement_words()
    num = match.group("num")
    base = 1.0 if num is None else words.number_words.get(num.lower()) or spanish_number(num)
    groups = match.groupdict()
    scale = groups.get("scale") or groups.get("lone")
    return base * (words.scales[scale.lower()] if scale else 1.0)


def find_spanish_figures(text: str, offset: int = 0) -> list[Figure]:
    """Every money amount, percentage and count in Spanish ``text`` (offsets shifted by ``offset``), in order."""
    words = statement_words()
    money, percent, count = _patterns()
    found: list[Figure] = []

    def add(m: re.Match[str], value: float, unit: str) -> None:
        if not any(f.start - offset < m.end() and m.start() < f.end - offset for f in found):
            found.append(Figure(m.group(0).strip(), value, unit, offset + m.start(), offset + m.end()))

    for m in money.finditer(text):
        sign, abbr, word = m.group("sign"), m.group("abbr"), m.group("word")
        if abbr:
            factor, unit = words.abbreviations[abbr.lower()]
            add(m, _value(m) * factor, unit)
        elif word or sign:  # the currency word after the number says more than a sign before it ("$ … de dólares")
            unit = words.currencies.get((word or "").lower()) or words.currencies[(sign or "").upper()]
            add(m, _value(m), unit)
    for m in percent.finditer(text):
        add(m, _value(m), "percent")
    for m in count.finditer(text):
        value = _value(m)
        noun = m.group("noun")
        if noun.lower() in words.not_counted or (1900 <= value <= 2100 and not m.group("scale")):
            continue
        add(m, value, noun)
    return sorted(found, key=lambda f: f.start)


def _strip_end(text: str, phrases: tuple[str, ...]) -> str:
    """``text`` without the approximators and articles that end it ("superó los más de" -> "superó")."""
    stripped = True
    while stripped:
        stripped = False
        for phrase in phrases:
            if text.lower().endswith(" " + phrase) or text.lower() == phrase:
                text, stripped = text[:len(text) - len(phrase)].rstrip(), True
                break
    return text


def _phrase(words: list[str], limit: int) -> str | None:
    """The noun phrase ending ``words``: the words after the last determiner, comma, "que", verb in the past
    ("México exportó acero" -> "acero") or word that opens a sentence ("Anunció": capitalised, one of
    ``data/spanish.yaml``'s openers), ``limit`` at most."""
    stops, openers = _DETERMINERS | statement_words().measure_verbs, spanish_words().openers
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in stops or (word[:1].isupper() and word.lower() in openers) or _PAST.search(word) \
                or word.endswith((",", ";", ":")) or len(kept) == limit:
            break
        kept.insert(0, word)
    return " ".join(kept).strip("«»“”\"()") or None


def spanish_measures(text: str, figure: Figure, sentence_start: int) -> str | None:
    """What a figure measures, when its sentence says it: the subject of a verb of quantity before it ("el
    comercio bilateral creció 6 por ciento" -> "comercio bilateral"), the noun a preposition joins to it ("un
    arancel de 25%" -> "arancel", "inversiones por 5 mil millones de dólares" -> "inversiones"), else, for a
    percentage, the noun after it ("el 80 por ciento de las exportaciones" -> "exportaciones")."""
    words = statement_words()
    before = _strip_end(text[sentence_start:figure.start].rstrip(), words.approximators)
    tokens = before.split()
    if tokens and tokens[-1].lower() in {"a", "en"}:
        tokens = tokens[:-1]
    if tokens and tokens[-1].lower() in words.measure_verbs:
        return _phrase(tokens[:-1], _MAX_SUBJECT_WORDS)
    for link in words.measure_links:
        if before.lower().endswith(" " + link):
            return _phrase(before[:len(before) - len(link)].split(), _MAX_PHRASE_WORDS)
    if figure.unit == "percent":
        after = re.match(rf"\s+del?\s+(?:(?:las|los|la|el|sus|su)\s+)?(?P<what>{_LETTER}+(?:\s+{_LETTER}+)?)",
                         text[figure.end:])
        if after:
            what = after.group("what").split()
            return " ".join(what if what[-1].lower() not in _DETERMINERS | {"de", "del", "en", "a", "con", "por",
                                                                           "para"} else what[:1])
    return None


__all__ = ["RULE", "find_spanish_figures", "spanish_measures", "spanish_number"]
