"""Find the actors a parsed document mentions, cleaned of the genre's usual junk.

Input is a spaCy ``Doc`` that went through the institution ruler and the
statistical NER; output is a list of :class:`Mention`. Each repair is a small
function named for what it fixes, so a rule's effect can be traced and tested.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from extract.dates import MONTH_NAMES, WEEKDAYS
from extract.document import doc_text
from extract.clutter import in_spans
from extract.institutions import InstitutionList
from extract.known_people import known_holder
from extract.lexicon import Lexicon
from extract.org_context import org_context
from extract.org_names import load_org_words
from extract.org_spans import (after_title, before_possessive, in_title, is_possessive, org_ok, possessive_tail,
                               split_org)

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_JUNK_EDGE = set("•·*-–—>|“”\"'‘’()[]{}:;,.!?/#") | {"the", "The", "THE", "’s", "'s", "s", "and", "of"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&\-]*[A-Z][A-Za-z&]*$")
_WORD_IN_PARENS = re.compile(r"\s*\((\w+)\)")


@dataclass(frozen=True)
class Mention:
    """One mention of an actor or place: ``kind`` is person, org or place."""

    kind: str
    text: str
    start: int  # character offsets in the document text
    end: int
    sent_start: int
    sent_end: int
    institution: str | None = None  # id in the institution list
    acronym: str | None = None  # an acronym the text defines for this mention
    titled: bool = False  # a title, honorific or speech verb stands next to it
    source: str = "ner"

    @property
    def tokens(self) -> list[str]:
        return self.text.split()


def _is_heading(line: str) -> bool:
    """Short title-case lines without final punctuation: headlines and section headings (not list items)."""
    if line.lstrip().startswith(("-", "•", "*", "·")) and not line.lstrip().startswith("**"):
        return False
    words = [w for w in re.findall(r"(?<!\w)[A-Za-zÀ-ÿ][\w’'&.-]*", line)]
    if not words or len(words) > 14 or line.rstrip().endswith((".", "?", "!", ":", ",", ";")):
        return False
    small = {"a", "an", "and", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from", "vs", "&"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps == len(words)


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of heading-like lines (headline, section titles)."""
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        if _is_heading(line.strip(" \t#")):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans


def _trim(tokens: list[Token], lex: Lexicon, person: bool) -> list[Token]:
    """Strip leading/trailing punctuation, 'the', possessives; for people also titles and honorifics."""
    while tokens and (tokens[0].text in _JUNK_EDGE or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _JUNK_EDGE or tokens[-1].is_space or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if person:
        inner = [i for i, t in enumerate(tokens[:-1]) if t.text.lower() in lex.honorifics
                 and len(t.text) > 2]  # "C." (ciudadano) only before a name: inside one it is an initial
        if inner:  # "Economy Dr. Ana Ruiz": what precedes an honorific is not the name
            tokens = tokens[inner[-1] + 1:]
        for i, t in enumerate(tokens[1:-1], start=1):  # "Chihuahua Governor Sofía": a place's office
            place = " ".join(x.text for x in tokens[:i]).lower()
            if t.text.lower() in lex.titles and (place in lex.places or place in lex.nationalities):
                tokens = tokens[i + 1:]
                break
        changed = True
        while changed and tokens:
            changed = False
            for size in range(min(lex.max_title_words, len(tokens) - 1), 0, -1):
                head = " ".join(t.text for t in tokens[:size]).lower()
                if head in lex.titles or head in lex.honorifics or head in lex.nationalities \
                        or head in lex.former_markers:
                    tokens, changed = tokens[size:], True
                    break
        tokens = _without_portfolio(tokens, lex)
    return tokens


def _without_portfolio(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """ "Secretary of the [Interior Ana Ruiz]", "… of Finance and Public [Credit Luis Soto]": the end of a
    title's portfolio run into the name after it. Stripped only when the word before the name belongs to
    the title too (a connector, a portfolio word or a title), so a name never loses its own first word."""
    if not tokens or tokens[0].i == 0:
        return tokens
    before = tokens[0].doc[tokens[0].i - 1]
    if before.lower_ not in {"of", "the", "for", "and", "&"} and before.lower_ not in lex.titles \
            and not (before.text[:1].isupper() and before.lower_ in lex.portfolio_words):
        return tokens
    k = 0
    while k < len(tokens) and tokens[k].text[:1].isupper() and tokens[k].lower_ in lex.portfolio_words:
        k += 1
    return tokens[k:] if k and 2 <= len(tokens) - k <= 4 else tokens


def _pieces(span: Span) -> list[list[Token]]:
    """Split a span at line breaks and bullets: an entity never crosses a line."""
    pieces: list[list[Token]] = [[]]
    for tok in span:
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in {"•", "·"}:
            if "\n" not in tok.text and tok.text not in {"•", "·"}:
                pieces[-1].append(tok)
            pieces.append([])
        else:
            pieces[-1].append(tok)
    return [p for p in pieces if p]


def _text(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _person_ok(tokens: list[Token], lex: Lexicon, inst: InstitutionList) -> bool:
    words = [t.text for t in tokens]
    if not words or len(words) > 6:
        return False
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    if any(w.lower() in lex.org_heads or w.lower() in lex.titles or w.lower() in lex.nationalities
           or w.lower() in lex.event_words or w.lower() in lex.agreement_heads for w in words if w[0].isupper()):
        return False
    if all(w.lower() in lex.portfolio_words for w in words) \
            or any(w.lower() in load_org_words().unit_heads | load_org_words().document_words for w in words):
        return False  # "… Intelligence Unit", "Joint Statement"
    if not all(w[0].isupper() or w.lower() in {"de", "la", "del", "van", "von", "der", "y", "da", "dos", "di", "le", "bin"}
               for w in words):
        return False
    text = _text(tokens)
    return inst.lookup(text) is None and text.lower() not in lex.not_actors and text.lower() not in lex.places


def _portfolio_then_name(tokens: list[Token], lex: Lexicon, inst: InstitutionList) -> list[Token] | None:
    """ "… Vice President for [the Americas Rita Vance]", "Ambassador to [Mexico Paul Reyes]": a title's
    portfolio or destination run into the next name."""
    doc, first = tokens[0].doc, tokens[0].i
    rest = [t for t in tokens if t.lower_ != "the"]
    k, titled = 0, False
    while k < len(rest) and (rest[k].text.lower() in lex.portfolio_words or rest[k].text.lower() in lex.nationalities
                             or rest[k].text.lower() in lex.titles):
        titled = titled or rest[k].text.lower() in lex.titles  # "Latin Business Manager Rosa Vidal"
        k += 1
    if not titled and (first < 2 or doc[first - 1].lower_ not in {"for", "of", "the", "to", "and"}):
        return None
    name = rest[k:]
    if k and 2 <= len(name) <= 4 and all(t.pos_ == "PROPN" for t in name) and _person_ok(name, lex, inst):
        return name
    return None


def _extend_given_names(tokens: list[Token], lex: Lexicon, *, allow_entities: bool = False) -> list[Token]:
    """ "Ana Trevino" tagged as just "Trevino": take in proper nouns right before a person's name."""
    doc = tokens[0].doc
    i = tokens[0].i
    while i > 0 and len(tokens) < 4:
        prev = doc[i - 1]
        word = prev.text.lower()
        if prev.pos_ != "PROPN" or not prev.is_title or prev.ent_type_ and not allow_entities or word in lex.titles \
                or word in lex.honorifics or word in lex.nationalities or word in lex.org_heads \
                or word in lex.portfolio_words \
                or any(doc[j:i].text.lower() in lex.titles for j in range(max(0, i - 3), i - 1)):  # "Attorney General"
            break
        tokens = [prev] + tokens
        i -= 1
    return tokens


_NOT_SURNAMES = {name.lower() for name in MONTH_NAMES} | set(WEEKDAYS)


def _extend_second_surname(tokens: list[Token], lex: Lexicon) -> list[Token]:
    """ "Julián Ortega Paredes" tagged as just "Julián Ortega", "Sofía Marín Luján" as "Sofía": the rest
    of a name, capitalized words right after it that no entity claims, before a lowercase word or a stop."""
    doc = tokens[0].doc
    end = tokens[-1].i + 1
    grown = list(tokens)
    while len(grown) < 4 and end < len(doc) and grown[-1].whitespace_ == " " and _surname_like(doc[end], lex):
        grown.append(doc[end])
        end += 1
    if len(grown) == len(tokens) or len(grown) < 2 \
            or end < len(doc) and (doc[end].is_title or doc[end].pos_ == "PROPN"):
        return tokens  # nothing to take, or a longer run of capitalized words: not a name's end
    return grown


def _surname_like(tok: Token, lex: Lexicon) -> bool:
    word = tok.text.lower()
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and word not in lex.titles \
        and word not in lex.honorifics and word not in lex.nationalities and word not in lex.org_heads \
        and word not in lex.portfolio_words and word not in lex.event_words and word not in _NOT_SURNAMES


def _employer_slot(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name stands where a post's body goes: right after "<title> of" or "<title> at" ("general
    director of X", "CEO at Y"), and is not itself followed by a title (", Secretary …")."""
    doc, first, end = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    if first < 2 or doc[first - 1].lower_ not in {"of", "at"} \
            or end < len(doc) and is_possessive(doc[end]):
        return False  # "a fellow at [Tom Vale]'s institute": the name is the owner's
    title = doc[max(0, first - 4):first - 1].text.lower()
    return any(title.endswith(t) for t in lex.titles) and not _titled_apposition(tokens, lex)


def _after_title_clause(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name stands after ", " that closes a title's clause and before the item's end ("the Director
    in Chief of the National Service (Senasica), Ana Ruiz Mena;"): the grammar of a person."""
    doc, first, end = tokens[0].doc, tokens[0].i, tokens[-1].i + 1
    if first < 2 or doc[first - 1].text != "," or not 2 <= len(tokens) <= 4 \
            or end < len(doc) and doc[end].text not in {";", ".", ","} and doc[end].lower_ != "and":
        return False
    start = first - 1
    while start > 0 and doc[start - 1].text not in {";", ":"} and not doc[start - 1].is_sent_start:
        start -= 1
    return any(t.lower_ in lex.titles for t in doc[start:first - 1])


def _titled_apposition(tokens: list[Token], lex: Lexicon) -> bool:
    """Whether a name is followed by ", [former] Title": the grammar of a person, not an organization."""
    doc, end = tokens[0].doc, tokens[-1].i + 1
    if end >= len(doc) or doc[end].text != "," or not 2 <= len(tokens) <= 4:
        return False
    nxt = [t.text.lower() for t in doc[end + 1:end + 1 + lex.max_title_words + 1]]
    if nxt and nxt[0] in lex.former_markers | lex.current_markers:
        nxt = nxt[1:]
    return any(" ".join(nxt[:k]) in lex.titles for k in range(1, len(nxt) + 1))


def _acronym_after(doc: Doc, end: int) -> str | None:
    """An acronym in parentheses right after a span: '... Council (CCE)'."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        cand = doc[end + 1].text
        if _ACRONYM.match(cand) and len(cand) <= 12:
            return cand
    return None


def _titled(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    before = " ".join(t.text for t in doc[max(0, start - 3):start]).lower()
    after = doc[end].lower_ if end < len(doc) else ""
    return any(before.endswith(t) for t in list(lex.titles) + list(lex.honorifics)) or lex.is_speech(after)


def find_mentions(doc: Doc, lex: Lexicon, inst: InstitutionList, clutter: list[tuple[int, int]]) -> list[Mention]:
    """Every cleaned person, organization and place mention in ``doc``, in text order."""
    headings = heading_spans(doc_text(doc))
    places = {e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}}
    out: list[Mention] = []
    for ent in doc.ents:
        kind = KINDS.get(ent.label_)
        if kind is None or in_spans(ent.start_char, clutter):
            continue
        inst_id = ent.ent_id_ or None
        sent = ent.sent if doc.has_annotation("SENT_START") else ent
        in_heading = in_spans(ent.start_char, headings)
        pieces = _pieces(possessive_tail(doc, ent))
        for piece in pieces:
            tokens = _trim(piece, lex, person=kind == "person")
            if not tokens:
                continue
            text = _text(tokens)
            piece_kind = kind
            if len(pieces) > 1 and text in places and not inst_id:
                piece_kind = kind = "place"  # "Monterrey\nHome > News": a place run into the next line
            if inst_id:
                found = [tokens]
            elif kind == "person":
                tokens = _extend_second_surname(_extend_given_names(tokens, lex), lex)
                if not _person_ok(tokens, lex, inst):
                    listed = inst.lookup(text)
                    if listed is not None:
                        piece_kind, inst_id = "org", listed.id
                    elif text.lower() in lex.places:
                        piece_kind = "place"  # "a trade mission to Monterrey" typed a person
                    else:
                        continue
                elif _employer_slot(tokens, lex):
                    piece_kind = "org"  # "X, general director of [Aceros Rivapalacio]" typed a person
                found = [tokens]
            elif kind == "org" and any(t.text.lower() in lex.honorifics for t in tokens[:-1]):
                named = _trim(tokens, lex, person=True)  # "H.E. Ana" typed ORG: the name runs on
                piece_kind, found = "person", [_extend_second_surname(named, lex) if named else named]
            elif kind == "org" and _portfolio_then_name(tokens, lex, inst):
                piece_kind, found = "person", [_portfolio_then_name(tokens, lex, inst)]
            elif kind == "org" and len(tokens) >= 2 and known_holder(text) is not None \
                    and _person_ok(tokens, lex, inst):
                piece_kind, found = "person", [tokens]  # an office-holder's name typed ORG
            elif kind == "org" and (_titled_apposition(tokens, lex) or _after_title_clause(tokens, lex)) \
                    and _person_ok(tokens, lex, inst):
                piece_kind = "person"  # "Ana Ruiz, former Deputy Secretary …", "the Director of X, Ana Ruiz;" typed ORG
                found = [_extend_given_names(tokens, lex, allow_entities=True)]
            elif kind == "org":
                found = [_trim(p, lex, person=False) for p in split_org(before_possessive(tokens, lex), lex)]
            else:
                listed = inst.lookup(text) if kind == "place" else None
                if listed is not None and listed.kind in {"government", "legislature"} and len(tokens) > 1:
                    piece_kind, inst_id = "org", listed.id
                elif kind == "place" and listed is None and _titled_apposition(tokens, lex) \
                        and _person_ok(tokens, lex, inst):
                    piece_kind = "person"  # "Héctor Valdivia, chief economist at …" typed a place
                found = [tokens]
            for part in found:
                if not part:
                    continue
                mention = _make(doc, part, piece_kind, sent, lex, inst, inst_id, in_heading)
                if mention is not None:
                    out.append(mention)
    return _dedupe(_surnames_are_people(out, lex))


def _surnames_are_people(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A "place" that is the surname of a person the document names is that person ("Valdivia argued")."""
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "person" and len(m.text.split()) >= 2}
    return [replace(m, kind="person") if m.kind == "place" and m.text in surnames and m.text.lower() not in lex.places
            and m.text.lower() not in lex.nationalities else m for m in mentions]


def _make(doc: Doc, tokens: list[Token], kind: str, sent: Span, lex: Lexicon, inst: InstitutionList,
          inst_id: str | None, in_heading: bool) -> Mention | None:
    text = _text(tokens)
    if not inst_id and kind == "org":
        listed = inst.lookup(text)
        inst_id = listed.id if listed else None
        if listed is None and text.lower() in lex.places:
            kind = "place"  # "Monterrey is our closest partner" typed an organization
    if inst_id and len(tokens) == 1 and text.islower() and not inst.by_id[inst_id].name.islower():
        return None  # "un", "proceso": a common word, not a listed body's acronym or name
    if not inst_id:
        if in_heading and kind == "org" and _line_of(doc_text(doc), tokens[0].idx).strip(" \t•*#-") != text:
            return None  # a fragment of a headline or section title
        if kind == "org" and (not org_ok(tokens, lex) or after_title(tokens, lex) or in_title(tokens, lex)):
            return None
        verdict = org_context(tokens, lex) if kind == "org" else None
        if verdict == "venue":
            kind = "place"
        elif verdict is not None:
            return None  # an event's edition or subject, an agreement's acronym, a plural common noun
    start, end = tokens[0].i, tokens[-1].i + 1
    if kind == "place":
        text = re.sub(r"\bD\.\s*C\.", "D.C.", text)  # "Washington D. C."
        if text.isupper() and len(text) > 4:
            text = text.title()  # a dateline's "MEXICO CITY"
    if kind == "person":
        words = text.split()
        half = len(words) // 2
        if len(words) >= 4 and len(words) % 2 == 0 and words[:half] == words[half:]:  # repeated byline
            text = " ".join(words[:half])
            end = start + half
    return Mention(kind=kind, text=text, start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
                   sent_start=sent.start_char, sent_end=sent.end_char, institution=inst_id,
                   acronym=_acronym_after(doc, end) if kind == "org" else None,
                   titled=_titled(doc, start, end, lex), source="list" if inst_id else "ner")


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        key = (m.start, m.end)
        if key not in seen or (m.institution and not seen[key].institution):
            seen[key] = m
    return sorted(seen.values(), key=lambda m: (m.start, m.end))


def government_mentions(doc: Doc, lex: Lexicon, inst: InstitutionList, clutter: list[tuple[int, int]]) -> list[Mention]:
    """ "the U.S. and Mexican governments": one mention of each national government named."""
    out = []
    codes = {"US": "us-government", "MX": "mx-government", "CA": "ca-government", "CN": "cn-government"}
    for match in _GOVERNMENTS.finditer(doc_text(doc)):
        if in_spans(match.start(), clutter):
            continue
        words = re.split(r"\s*(?:,|\band\b)\s*", match.group("sides"))
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        sent = span.sent if span is not None and doc.has_annotation("SENT_START") else span
        for word in (w.strip() for w in words if w.strip()):
            code = lex.nationalities.get(word.lower())
            inst_id = codes.get(code or "")
            if inst_id in inst.by_id and sent is not None:
                start = match.start("sides") + match.group("sides").index(word)
                out.append(Mention("org", word, start, start + len(word), sent.start_char, sent.end_char,
                                   institution=inst_id, source="governments"))
    return out


_GOVERNMENTS = re.compile(r"\b(?P<sides>(?:U\.S\.|US|American|Mexican|Canadian|Chinese)"
                          r"(?:\s*(?:,|and)\s*(?:U\.S\.|US|American|Mexican|Canadian|Chinese))+)\s+governments\b")
_BARE_BODIES = {"senate", "congress", "house", "chamber of deputies", "house of representatives"}


def qualify_bare_bodies(mentions: list[Mention], doc: Doc, lex: Lexicon, inst: InstitutionList) -> list[Mention]:
    """ "the US House of Representatives and Senate": a bare legislature takes the side of its neighbour
    or of its sentence (the whole sentence, however its lines are wrapped), when the institution list
    knows that side's body."""
    out = []
    for i, m in enumerate(mentions):
        if m.kind != "org" or m.institution or m.text.lower() not in _BARE_BODIES:
            out.append(m)
            continue
        sides: list[str] = []
        prev = mentions[i - 1] if i else None
        if prev is not None and prev.kind == "org" and prev.institution \
                and doc_text(doc)[prev.end:m.start].strip(" ,").lower() in {"and", "or", ""}:
            sides.append(inst.by_id[prev.institution].country)
        sentence = _whole_sentence(doc_text(doc), m.start, m.end)
        sides += [code for word, code in lex.nationalities.items()
                  if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])", sentence, re.I) and word[:1].isalpha()]
        for side in dict.fromkeys(sides):
            qualifier = {"US": "U.S.", "MX": "Mexican", "CA": "Canadian"}.get(side)
            listed = inst.lookup(f"{qualifier} {m.text}") if qualifier else None
            if listed is not None:
                m = replace(m, institution=listed.id, source="list")
                break
        out.append(m)
    return out


def _whole_sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, across the line breaks of hard-wrapped text ("… the United States
    should exempt Mexico …⏎… before its Congress approves …"): from the last full stop or blank line
    before it to the next after it."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0]
    return text[left:min(stops) if stops else len(text)]


def with_acronyms(mentions: list[Mention], doc: Doc, lex: Lexicon) -> list[Mention]:
    """Also read 'ACR, the Long Name' definitions (the acronym mention right before an organization), and
    names whose head follows their acronym ("… Efficiency (DOGE) Caucus")."""
    out = list(mentions)
    text = doc_text(doc)
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        between = text[m.end:nxt.start]
        if m.kind == nxt.kind == "org" and _ACRONYM.match(m.text) and between.strip().lower() in {", the", ","} \
                and not nxt.acronym:
            out[i + 1] = replace(nxt, acronym=m.text)
    return [_with_trailing_head(m, text, lex) for m in out]


def listed_by_acronym(mentions: list[Mention], inst: InstitutionList, text: str) -> list[Mention]:
    """A name the text defines by a listed acronym is that institution, when the names share most words:
    "National Chamber of Freight Transport (Canacar)" is the listed National Chamber of Freight Transportation.
    The acronym may be written as a word ("Canacar", "Coparmex"), if the list knows it."""
    out = []
    for m in mentions:
        after = _WORD_IN_PARENS.match(text, m.end)
        defined = m.acronym or (after.group(1) if after else None)
        listed = inst.lookup(defined) if m.kind == "org" and defined and not m.institution else None
        if listed is not None and defined not in listed.acronyms:
            listed = None
        if listed is not None:
            words = {w for w in re.findall(r"\w+", m.text.lower()) if len(w) > 3}
            known = {w for form in listed.forms for w in re.findall(r"\w+", form.lower())}
            if words and sum(any(k.startswith(w) or w.startswith(k) for k in known) for w in words) * 2 >= len(words):
                m = replace(m, institution=listed.id)
        out.append(m)
    return out


def _with_trailing_head(m: Mention, text: str, lex: Lexicon) -> Mention:
    """ "the Department of Government Efficiency (DOGE) Caucus": the head after the acronym ends the name."""
    if m.kind != "org" or not m.acronym or m.institution:
        return m
    after = re.match(r"\s*\(\s*" + re.escape(m.acronym) + r"\s*\)\s+([A-Z][a-z]+)\b", text[m.end:])
    if after is None or after.group(1).lower() not in lex.org_heads:
        return m
    head = after.group(1)
    return replace(m, text=f"{m.text} {head}", end=m.end + after.end(), acronym=f"{m.acronym} {head}")
