"""Who said what in Spanish (issue 15, item 3): quotations and reported speech, attributed to their speaker.

- ``statements.es_quote``: a quotation in «», “ ” or "…" with its speaker after it ("«…», dijo Ruiz", "«…»
  —afirmó la secretaria de Economía, Ana Ruiz—") or before it ("Ruiz aseguró: «…»", "según Ruiz, «…»");
- ``statements.es_reported``: "Ruiz señaló que …", "Por su parte, Ruiz destacó que …";
- ``statements.es_source``: "Según Ruiz, …", "…, de acuerdo con la secretaria Ana Ruiz."

Spanish drops the subject: "«…», agregó." and "Asimismo, indicó que …" are the last speaker's (in the same or the
previous paragraph), else the last person named before. A quotation with no attribution of its own, in the
paragraph of an earlier one, is that one's speaker's. A speaker is one of the document's people, named right
after the verb or "según" (only titles, articles, bodies and names between: "dijo el presidente del Consejo
Coordinador Empresarial (CCE), Luis Soto"), or right before the verb (an apposition set off by commas and the
words of ``speaker_gap`` between: "Soto, presidente de la Canacintra, afirmó que"). These rules read words and
mentions only, so they read the same with either pipeline. The words are ``data/spanish_statements.yaml``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.mentions import Mention
from extract.reference.spanish_words import spanish_words
from extract.statements.model import Statement
from extract.statements.spanish_data import statement_words
from extract.statements.spanish_names import Named, named_people
from extract.statements.spanish_text import Sentence, paragraph_starts, quotations, sentences

if TYPE_CHECKING:
    from extract.reading import Reading

QUOTE, REPORTED, SOURCE = "statements.es_quote", "statements.es_reported", "statements.es_source"
MIN_QUOTE_WORDS = 5  # a short phrase in quotes ("nearshoring") is a name, not a statement
MIN_CLAUSE_WORDS = 4
MAX_OTHER_WORDS = 2  # lowercase words that are no title or article between a verb and its speaker ("dijo el
#                      funcionario estadounidense Robert Hallman")
_WORD = re.compile(r"[^\W\d_]+")
_VERB = re.compile(r"(?:[aei]r(?:se)?|[^\W\d_]{2}ó|aron|ieron)$")  # "dijo tras reunirse con X": X is no speaker


@dataclass
class _Document:
    """What the rules of one document share: its text, where it names its people, its paragraphs and the last
    speaker."""

    text: str
    names: list[Named]
    paragraphs: list[int]
    last: tuple[int, Mention] | None = None  # (paragraph, speaker) of the last statement

    def paragraph(self, at: int) -> int:
        return bisect_right(self.paragraphs, at)

    def said(self, speaker: Mention, at: int) -> Mention:
        self.last = (self.paragraph(at), speaker)
        return speaker

    def within(self, start: int, end: int) -> list[Named]:
        return [n for n in self.names if start <= n.start and n.end <= end]

    def unnamed(self, at: int) -> Mention | None:
        """Who a verb with no subject at ``at`` means: the last speaker of this or the previous paragraph, else
        the last person named before it in them."""
        here = self.paragraph(at)
        if self.last is not None and here - self.last[0] <= 1:
            return self.last[1]
        before = self.within(self.paragraphs[here - 2] if here >= 2 else 0, at)
        return before[-1].person if before else None

    def named_after(self, start: int, end: int) -> Mention | None:
        """The first person named in ``start:end`` with only titles, articles and names before them."""
        first = next(iter(self.within(start, end)), None)
        return first.person if first is not None and _title_gap(self.text[start:first.start]) else None

    def subject_before(self, start: int, verb: int) -> Mention | None:
        """The last person named in ``start:verb`` who is the verb's subject (only an apposition and the words of
        ``speaker_gap`` between)."""
        before = self.within(start, verb)
        return before[-1].person if before and _subject_gap(self.text[before[-1].end:verb]) else None


def _title_gap(gap: str) -> bool:
    """Whether only titles, articles, prepositions, capitalised names, acronyms, commas and a few other words (no
    verb) stand in ``gap`` (between a verb or "según" and the speaker's name)."""
    if re.search(r"[;:«»“”\"]", gap) or ("," in gap and gap.rsplit(",", 1)[1].strip()):
        return False  # after a comma comes the name ("el presidente del CCE, Luis Soto"), not a clause
    es, words = spanish_words(), statement_words()
    known = es.function_words | es.title_words | words.speech_verbs
    others = [w for w in _WORD.findall(gap) if not w[0].isupper() and w.lower() not in known]
    return len(others) <= MAX_OTHER_WORDS and not any(_VERB.search(w) for w in others)


def _subject_gap(gap: str) -> bool:
    """Whether ``gap`` (between a name and a verb) is an apposition and words of ``speaker_gap`` at most."""
    if re.search(r"[;:«»“”\"]", gap):
        return False
    gap = re.sub(r"^\s*,[^,]{1,150},", " ", gap, count=1)
    return all(w.lower() in statement_words().speaker_gap for w in _WORD.findall(gap))


def _null_subject(before: str) -> bool:
    """Whether the words before a verb leave its subject unsaid: nothing, or an opener set off by a comma with no
    name in it ("Asimismo,", "Por su parte,", "En su intervención,")."""
    return re.fullmatch(r"\s*(?:[^,«»“”\"]{0,40},\s*)?", before) is not None and not any(
        c.isupper() for c in before.strip()[1:])


def _verb_after(doc: _Document, sent: Sentence, end: int) -> tuple[int, int] | None:
    """The speech verb that opens the words after a quotation ("», dijo", "» —afirmó"): its span, or None."""
    hit = re.match(r"[\s,.]*[—–-]?\s*(?P<verb>[^\W\d_]+)\b", doc.text[end:sent.end])
    if hit is None or hit.group("verb").lower() not in statement_words().speech_verbs:
        return None
    if re.match(r"\s+que\b", doc.text[end + hit.end():]):
        return None  # "», afirmó que …": a new clause, not this quotation's attribution
    return end + hit.start("verb"), end + hit.end("verb")


def _source(doc: _Document, start: int, end: int) -> tuple[int, int, Mention] | None:
    """A source phrase in ``start:end`` naming a person ("según Ruiz", "de acuerdo con la secretaria Ana Ruiz"):
    its span (through the person and an apposition after them) and the person."""
    words = statement_words()
    pattern = r"\b(?:" + "|".join(re.escape(s) for s in words.sources) + r")\s"
    for hit in re.finditer(pattern, doc.text[start:end], re.I):
        at = start + hit.end()
        person = doc.named_after(at, min(end, at + 120))
        if person is None:
            continue
        tail = re.match(r",\s*(?:" + "|".join(map(re.escape, spanish_words().title_words)) + r")\b[^,.;]*(?=,)",
                        doc.text[person.end:end], re.I)
        return start + hit.start(), person.end + (tail.end() if tail else 0), person
    return None


def _attribute(doc: _Document, sent: Sentence, quote: tuple[int, int]) -> Mention | None:
    """The speaker of the quotation at ``quote`` (its text's span) in ``sent``."""
    start, end = quote
    verb = _verb_after(doc, sent, end + 1)
    if verb is not None:
        named = doc.named_after(verb[1], sent.end)
        if named is not None:
            return named
        titled = re.match(r"\s+(?:el|la)\s+(?P<title>[^\W\d_]+)", doc.text[verb[1]:sent.end])
        if titled and titled.group("title").lower() in spanish_words().title_words:
            return None  # "», dijo el secretario.": a title naming no one the document names
        return doc.unnamed(start)  # "», agregó.", "», dijo tras reunirse con X": the subject left unsaid
    source = _source(doc, end + 1, sent.end)
    if source is not None and re.fullmatch(r"[\s,.—–-]*", doc.text[end + 1:source[0]]):
        return source[2]
    before = doc.text[sent.start:start - 1]
    source = _source(doc, sent.start, start - 1)
    if source is not None and re.fullmatch(r"[\s,:]*", doc.text[source[1]:start - 1]):
        return source[2]
    hit = re.search(r"(?P<verb>[^\W\d_]+)(?:\s+que)?\s*[:,]?\s*$", before)
    if hit and hit.group("verb").lower() in statement_words().speech_verbs:
        verb_at = sent.start + hit.start("verb")
        if _null_subject(doc.text[sent.start:verb_at]):
            return doc.unnamed(verb_at)
        return doc.subject_before(sent.start, verb_at)
    return None


def _quotes(doc: _Document, sent: Sentence, spans: list[tuple[int, int]]) -> list[Statement]:
    """The quotations of ``sent`` (the spans of their text, inside the marks) that have a speaker."""
    out = []
    for within, end in spans:
        raw = doc.text[within:end]
        start = within + len(raw) - len(raw.lstrip())
        body = raw.strip().rstrip(",")
        if len(body.split()) < MIN_QUOTE_WORDS:
            continue
        speaker = _attribute(doc, sent, (within, end))
        if speaker is None and doc.last is not None and doc.last[0] == doc.paragraph(start):
            speaker = doc.last[1]  # a further quotation of the same paragraph
        if speaker is not None:
            doc.said(speaker, start)
            out.append(Statement(speaker, body, start, start + len(body), sent.start, max(sent.end, end + 1), QUOTE))
    return out


def _reported(doc: _Document, sent: Sentence) -> Statement | None:
    """ "Ruiz señaló que …": the first speech verb of the sentence followed by "que", with its speaker."""
    words = statement_words()
    for hit in re.finditer(r"(?P<verb>[^\W\d_]+)\s+" + re.escape(words.reported_link) + r"\s+",
                           doc.text[sent.start:sent.end]):
        if hit.group("verb").lower() not in words.speech_verbs:
            continue
        verb_at = sent.start + hit.start("verb")
        speaker = doc.subject_before(sent.start, verb_at)
        if speaker is None and _null_subject(doc.text[sent.start:verb_at]) and not doc.within(sent.start, verb_at):
            speaker = doc.unnamed(verb_at)
        clause = doc.text[sent.start + hit.end():sent.end].rstrip().rstrip(".")
        if speaker is None or len(clause.split()) < MIN_CLAUSE_WORDS:
            return None
        start = sent.start + hit.end()
        return Statement(doc.said(speaker, verb_at), clause, start, start + len(clause), sent.start, sent.end,
                         REPORTED)
    return None


def _according(doc: _Document, sent: Sentence) -> Statement | None:
    """ "Según Ruiz, …" (the claim after the source) or "…, de acuerdo con Ruiz." (the claim before it)."""
    found = _source(doc, sent.start, sent.end)
    if found is None:
        return None
    start, end, person = found
    text = doc.text
    if not text[sent.start:start].strip():
        claim = (end + len(text[end:sent.end]) - len(text[end:sent.end].lstrip(" ,")), sent.end)
    elif not text[end:sent.end].strip(" .\n"):
        claim = (sent.start, sent.start + len(text[sent.start:start].rstrip(" ,")))
    else:
        return None  # a source inside the claim: which part is the claim is not clear
    body = text[claim[0]:claim[1]].rstrip().rstrip(".")
    if len(body.split()) < MIN_CLAUSE_WORDS:
        return None
    return Statement(doc.said(person, start), body, claim[0], claim[0] + len(body), sent.start, sent.end, SOURCE)


def spanish_statements(reading: Reading, *, people: list[Mention]) -> list[Statement]:
    """Quotations, reported speech and claims with a named source in a Spanish document, with their speakers
    (among the person mentions of ``people``), in text order."""
    text, clutter = reading.text, reading.clutter
    doc = _Document(text, named_people(text, people), paragraph_starts(text))
    quotes = quotations(text, statement_words().quotes)
    out: list[Statement] = []
    for sent in sentences(text, quotes):
        if any(s <= sent.start < e for s, e in clutter):
            continue
        inside = [q for q in quotes if sent.start <= q[0] and q[1] <= sent.end]
        quoted = _quotes(doc, sent, inside) if inside else []
        out += quoted
        if inside and quoted:
            continue
        found = _reported(doc, sent) or (None if inside else _according(doc, sent))  # "X afirmó que … «…»"
        if found is not None:
            out.append(found)
    return out


__all__ = ["QUOTE", "REPORTED", "SOURCE", "spanish_statements"]
