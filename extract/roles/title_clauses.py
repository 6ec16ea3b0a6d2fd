"""Posts written before a name in a clause ("The Undersecretary of Industry of Mexico's Ministry of the Economy,
Dr. Luis Gutiérrez, …", "The U.S. ambassador to Mexico, X, …", "the president of the Chamber, Y"), and the
offices a state or city holds ("Nuevo León Governor Z", "Laredo City Manager W")."""
from __future__ import annotations

from spacy.tokens import Token

from extract.mentions import Mention
from extract.reference.known_people import office_of
from extract.reference.lexicon import Lexicon
from extract.roles.appositions import CONNECT
from extract.roles.titles import (
    GOVERNMENTS,
    STATE_POSTS,
    RoleFinding,
    cap,
    clean_title,
    nationality,
    office_for,
    split_title,
)
from extract.text.sentence_view import SentenceView


def state_before(before: list[Token], title: str, lex: Lexicon) -> tuple[int, int] | None:
    """A state named right before an executive post's title ("Nuevo León Governor X", "Coahuila Secretary of
    Economy Y"), or a city before a city's ("Laredo Mayor Z"): its government holds the post. A legislator
    named by their state ("Texas Senator X") sits in the national legislature, not the state's."""
    while before and before[0].lower_.rstrip("-") in {"and", ",", "&", "or", "with", "by", "-"} | lex.former_markers:
        before = before[1:]  # "X and Sonora Governor Y", "then-Laredo Mayor Z"
    city = title.lower() in lex.city_titles  # "Laredo Mayor X", "Laredo City Manager Y": the city's government
    if not city and lex.role_of(title) not in STATE_POSTS or not before:
        return None
    name = " ".join(t.text for t in before).lower()
    if name not in (lex.cities if city else lex.states) \
            and not (city and all(t.ent_type_ == "GPE" for t in before) and name not in lex.states):
        return None
    return before[0].idx, before[-1].idx + len(before[-1].text)


GOVERNMENT_ROLES = {"head-of-state", "vice-president", "minister", "deputy-minister", "ambassador", "legislator"}


def before_honorifics(sent: SentenceView, start: int, lex: Lexicon) -> int:
    """The token index before the forms of address that precede a name ("Lic.", "Dr.")."""
    while start - 1 > sent.sent.start and sent.doc[start - 1].text.lower() in lex.honorifics:
        start -= 1
    return start


def sentence_side(sent: SentenceView, lex: Lexicon) -> str | None:
    """The side a sentence's opening gives everyone it names: "On the Mexican side, …", "For Mexico, …",
    "On behalf of the U.S. government, …"."""
    words = [t.lower_ for t in sent.sent[:8]]
    opening = " ".join(words)
    for lead in ("on the ", "for the ", "on behalf of the ", "for ", "on behalf of "):
        if opening.startswith(lead):
            rest = [w for w in words[len(lead.split()):] if w not in {",", "-"}]
            for size in (2, 1):
                code = lex.nationalities.get(" ".join(rest[:size]))
                if code and (len(rest) > size and rest[size] in {"side", "delegation", "government", "part"}
                             or lead.startswith("for ") and sent.sent[len(lead.split()) + size].text == ","):
                    return code
    return None


def title_clause_before(sent: SentenceView, person: Mention, lex: Lexicon) -> list[RoleFinding]:
    """ "Undersecretary of International Trade of Mexico's Ministry of the Economy, Luis Rosendo Gutiérrez, …"."""
    doc = sent.doc
    p_start = before_honorifics(sent, sent.tok_span(person)[0], lex)
    i = p_start - 2
    while i >= sent.sent.start and sent.kind_at(i) != "person" \
            and (cap(doc[i]) or doc[i].lower_ in CONNECT | {"’s", "'s", "(", ")", "to"} | lex.portfolio_words
                 or doc[i].lower_.rstrip("-") in lex.former_markers
                                    or doc[i].lower_ in lex.titles  # "the president of X, Name" (press style)
                                    or sent.kind_at(i) not in {None, "person"}):
        i -= 1
    run = list(doc[i + 1:p_start - 1])
    markers = lex.former_markers | lex.current_markers
    # the post starts the run, or follows its last coordination ("… Officials and U.S. Ambassador to Mexico, X")
    for cut in [0] + [k + 1 for k in range(len(run) - 1, -1, -1) if run[k].lower_ in {"and", ","}]:
        part = run[cut:]
        while part and part[0].lower_ in {"the", "and", "or"}:  # "… and the president of X, Name"
            part = part[1:]
        t_start, t_end, former = split_title(part, lex)
        for k in range(1, min(4, len(part))):  # a side before the title: "The U.S. ambassador to Mexico, X"
            if t_end == t_start and nationality([t for t in part[:k] if t.lower_.rstrip("-") not in markers], lex):
                t_start, t_end, former = split_title(part[k:], lex)
                t_start, t_end = t_start + k, t_end + k
                former = former or any(t.lower_.rstrip("-") in lex.former_markers for t in part[:k])
        if t_end > t_start:
            run = part
            break
    orgs = [m for t in run[t_start + 1:] if (m := sent.mention_at(t.i)) is not None and m.kind == "org"]
    marked = [t for t in run[:t_start] if t.lower_.rstrip("-") not in markers]
    side = nationality(marked, lex) if marked else None  # "The U.S. ambassador to Mexico, X"
    poss = next((k for k, t in enumerate(run) if t.text in {"’s", "'s"}), 0)
    owner = run[:poss]
    while owner and owner[0].lower_ in {"the", "and", "or", ","}:  # "… and Nuevo Laredo's director …"
        owner = owner[1:]
    place = " ".join(t.text for t in owner).lower()
    if owner and (place in lex.cities or place in lex.states):  # "Nuevo Laredo's director of economic development, X"
        title, former = clean_title(run[poss + 1:], lex)
        if title and lex.role_of(title):
            return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                                "roles.title_before_name", org=(owner[0].idx, owner[-1].idx + len(owner[-1].text)))]
    if t_end == t_start or marked and side is None:
        return []
    words = run[t_start:t_end]
    inside = next((k for k, t in enumerate(words)
                   if k and (at := sent.mention_at(t.i)) is not None and at.kind == "org" and at.start == t.idx), None)
    if inside is not None:  # "president of the National Chamber …": the title stops at the body's name
        words = words[:inside]
    while words and (words[-1].lower_ in {"of", "’s", "'s", "the"} or words[-1].text.lower() in lex.nationalities
                     and not (len(words) > 1 and words[-2].lower_ == "to")):  # not "Ambassador to Mexico"
        words = words[:-1]
    title = " ".join(t.text for t in words)
    if title[:1].islower():  # "the president of X, Name": the post's name, as it is written before a name
        title = " ".join(w if w in {"of", "the", "for", "and", "to"} or not w.islower() else w.capitalize()
                         for w in title.split())
    if not orgs and i >= sent.sent.start and doc[i].lower_ == "whose":  # "the Council (CNA), whose president, X,"
        orgs = [m for m in sent.mentions if m.kind == "org" and m.end <= doc[i].idx][-1:]
    if orgs:
        return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                            "roles.title_before_name", org=(orgs[-1].start, orgs[-1].end))]
    phrase = run[t_start:]  # "The Governor of Chihuahua, X, said": the state's government
    of = next((k for k, t in enumerate(phrase) if t.lower_ == "of"), None)
    head = " ".join(t.text for t in phrase[:of]) if of else ""
    state = state_before(phrase[of + 1:], head, lex) if of else None
    if state is not None:
        return [RoleFinding((person.start, person.end), head, former, sent.sent.start_char, sent.sent.end_char,
                            "roles.title_before_name", org=state)]
    held, known = office_of(person.text, title=title)  # "The Secretary of Economy, X, said"
    institution, country = office_for(title, side or known or sentence_side(sent, lex))
    institution = institution or held
    if institution is None and country in GOVERNMENTS and lex.role_of(title) in GOVERNMENT_ROLES:
        institution = GOVERNMENTS[country]  # "The U.S. ambassador to Mexico, X": an office of the government
    if institution is None:
        return []
    return [RoleFinding((person.start, person.end), title, former, sent.sent.start_char, sent.sent.end_char,
                        "roles.title_before_name", institution=institution, country=country)]
