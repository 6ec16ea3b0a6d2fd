"""Names the NER missed that a title reveals: "Senior Vice President for the Western Hemisphere Neil
Herrington", "Secretary of Homeland Security Ana Ruiz" (the portfolio a listed body), "Laredo Mayor Luis
Soto", "- Ana Ruiz Cortés, Undersecretary of Foreign Trade, …"."""
from __future__ import annotations

from collections.abc import Iterator

from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.roles.titles import cap, split_title
from extract.text.document import token_caps, token_lowers
from extract.text.sentence_view import SentenceView

NAME_PARTICLES = {"de", "la", "del", "van", "von", "der", "y", "da", "dos"}


def _uncovered_runs(sent: SentenceView, joiners: set[str]) -> Iterator[tuple[int, int]]:
    """Token ranges of capitalised words (and ``joiners``) that no mention covers (words read from the Doc's
    lists: :func:`extract.text.document.token_caps`, the same test as ``cap``)."""
    i, stop = sent.sent.start, sent.sent.end
    caps, lowers = token_caps(sent.doc), token_lowers(sent.doc)
    while i < stop:
        if sent.mention_at(i) is not None or not caps[i]:
            i += 1
            continue
        end = i
        while end < stop and sent.mention_at(end) is None and (caps[end] or lowers[end] in joiners):
            end += 1
        yield i, end
        i = max(end, i + 1)


def _person(sent: SentenceView, start: int, end: int) -> Mention:
    doc = sent.doc
    return Mention("person", doc[start:end].text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                   sent.sent.start_char, sent.sent.end_char, titled=True, source="role")


def _not_a_name(tokens: list, lex: Lexicon) -> bool:
    """Whether a word of ``tokens`` is a body's head, a portfolio or event word, a title, a nationality or a
    place (the union is built once: :attr:`Lexicon.not_name_words`)."""
    words = lex.not_name_words
    return any(t.lower_ in words for t in tokens)


def people_after_titles(sent: SentenceView, lex: Lexicon) -> list[Mention]:
    """Names NER missed right after a title: "Senior Vice President for the Western Hemisphere Neil Herrington"."""
    doc, out = sent.doc, []
    for start, end in _uncovered_runs(sent, {"for", "of", "the", "and"}):
        tokens = list(doc[start:end])
        t_start, t_end, _ = split_title(tokens, lex)
        for k in range(1, min(3, len(tokens))):  # "Laredo Mayor Ana Ruiz": a place's office before the name
            if t_end == t_start and " ".join(t.text for t in tokens[:k]).lower() in lex.places:
                t_start, t_end, _ = split_title(tokens[k:], lex)
                t_start, t_end = t_start + k, t_end + k
        name = tokens[t_end:] if t_end > t_start else []
        before = sent.mention_at(start - 1) if start > sent.sent.start else None
        if not name and before is not None and before.kind == "org" and (
                lex.role_of(before.text.split()[-1]) or title_of_before(sent, before, lex)):
            # "Deputy U.S. Trade Representative Caroline Meyers": the title ends in a body's name;
            # "Secretary of Homeland Security Ana Ruiz": the title's portfolio is a body's name
            name = tokens
        if not name and _after_titled_body(sent, start, lex):
            # "Assistant U.S. Trade Representative for the [Western Hemisphere Marcus Delaney]": the end of the
            # title's portfolio, then the name
            k = 0
            while k < len(tokens) and tokens[k].lower_ in lex.portfolio_words:
                k += 1
            name = tokens[k:] if k else []
        while len(name) > 2 and name[-1].pos_ != "PROPN":
            name = name[:-1]
        if 2 <= len(name) <= 4 and all(cap(t) or t.lower_ in NAME_PARTICLES for t in name) \
                and not _not_a_name(name, lex):
            out.append(_person(sent, name[0].i, name[-1].i + 1))
    return out


def _after_titled_body(sent: SentenceView, start: int, lex: Lexicon) -> bool:
    """Whether the run at ``start`` follows "for [the]" after a title or a body named by its title."""
    doc = sent.doc
    k = start - 1
    if k > sent.sent.start and doc[k].lower_ == "the":
        k -= 1
    if k <= sent.sent.start or doc[k].lower_ not in {"for", "of"}:
        return False
    m = sent.mention_at(k - 1)
    return m is not None and m.kind == "org" and lex.role_of(m.text.split()[-1]) is not None \
        or doc[k - 1].lower_ in lex.titles


def title_of_before(sent: SentenceView, org: Mention, lex: Lexicon) -> bool:
    """Whether "Title of [the]" stands right before an organization mention."""
    doc = sent.doc
    k = sent.tok_span(org)[0] - 1
    if k > sent.sent.start and doc[k].lower_ == "the":
        k -= 1
    if k <= sent.sent.start or doc[k].lower_ != "of":
        return False
    return any(doc[j:k].text.lower() in lex.titles for j in range(max(sent.sent.start, k - lex.max_title_words), k))


def people_before_titles(sent: SentenceView, lex: Lexicon) -> list[Mention]:
    """Names NER missed right before ", Title": "- Ana Ruiz Cortés, Undersecretary of Foreign Trade, …"."""
    doc, out = sent.doc, []
    for start, end in _uncovered_runs(sent, NAME_PARTICLES):
        while start < end and doc[start].text.lower() in lex.honorifics:  # "H.E. Ana Ruiz, Ambassador …"
            start += 1
        if not (end < sent.sent.end and doc[end].text == ","):  # no ", Title" follows
            continue
        name = list(doc[start:end])
        after = list(doc[end + 1:min(sent.sent.end, end + 1 + lex.max_title_words + 2)])
        t_start, t_end, _ = split_title(after, lex)
        if t_end > t_start and 2 <= len(name) <= 4 \
                and all(t.pos_ == "PROPN" or t.lower_ in NAME_PARTICLES for t in name) and not _not_a_name(name, lex):
            out.append(_person(sent, start, end))
    return out
