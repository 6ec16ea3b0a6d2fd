"""Whether a person named in a sentence took part in the encounter it reports: the grammatical forms the genre
uses for participants, from both sides ("X met with Y", "led by X", "X was joined by Y", "the delegation was
comprised of X, Y and Z", "X and Y were also in attendance", "Panelists were X; Y", "X held a meeting with Y")."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.events.words import encounter_words
from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.text.document import span_text


def root_dep(tok: Token) -> Token:
    """Climb conjunctions and appositions to the token whose role in the clause matters; a name in
    apposition to a title's portfolio ("the undersecretary of Foreign Trade, X") is the title's."""
    named = False
    while True:
        if tok.dep_ == "compound" and tok.head.lower_ == "co" and tok.head.i == tok.i + 1:
            tok = tok.head  # "X co-chaired": the parser splits "co" off the verb and hangs the name on it
        elif tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i and tok.head.pos_ in {"PROPN", "NOUN"}:
            named, tok = named or tok.dep_ == "appos", tok.head
        elif named and tok.dep_ == "pobj" and tok.head.lower_ in {"of", "for"} and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in {"of", "for"} and tok.head.head.pos_ == "PROPN" \
                and tok.head.head.is_title and tok.head.head.i < tok.i:
            tok = tok.head.head  # "Director of International Business X": the name ends its title
        else:
            return tok


def _takes_part(verb: Token, lex: Lexicon) -> bool:
    """A participation verb ("attended", "met", "headed"), or "took part"."""
    lemma = verb.lemma_.lower()
    return lemma in lex.participation_verbs or lemma == "take" and any(c.lower_ == "part" for c in verb.children)


def attends(doc: Doc, m: Mention, conference: bool, lex: Lexicon) -> bool:
    """Whether a person mention takes part in the encounter its sentence reports."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = root_dep(span.root)
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.tag_ == "POS" or tok.dep_ == "compound":
        return False  # "President Obama's tenure", "the Biden administration"
    participate = lex.participation_verbs
    if any(c.dep_ == "relcl" and _takes_part(c, lex) for c in span.root.children):
        return True  # "X, who led the Mexican delegation, said …"
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in participate:
        return True  # "… included Roberto Velasco, …, and Ernesto Acevedo"
    sent_text = span_text(tok.sent).lower()
    head = _split_head(doc, tok.head, tok)
    while head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:  # "Also participating were X"
        head = head.head
    if tok.dep_ in {"nsubj", "nsubjpass"} and _holds_encounter(head, lex):
        return True  # "X held a meeting with Y", "X concluded a working visit"
    if tok.dep_ in {"nsubj", "nsubjpass"} and (lex.is_speech(head.text) or _takes_part(head, lex)):
        return conference or _takes_part(head, lex) and "interview" not in sent_text
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return conference  # "According to X, …" at a conference
    if tok.dep_ == "pobj" and head.lower_ == "between":  # "talks between X and Y", not "a call between …"
        return head.head.lower_ in lex.report_nouns
    if tok.dep_ == "pobj" and head.lower_ in {"by", "with", "from", "including", "and"}:
        governor = head.head
        if governor.lower_ in {"along", "together"} and head.lower_ == "with":
            governor = governor.head  # "co-chaired the meeting along with X"
        if head.lower_ == "including" and governor.dep_ == "pobj" and governor.head.lower_ in {"with", "by"}:
            governor = governor.head.head  # "met with business owners, including X"
        words = {governor.lemma_.lower(), governor.lower_, governor.lower_.removesuffix("d"),
                 governor.lower_.removesuffix("ed")}  # "Moderated by X" at the start of a line, tagged a noun
        return bool(words & (participate | lex.participation_nouns)) or conference and "follow" in words \
            or head.lower_ == "with" and _holds_encounter(governor, lex)
    if tok.dep_ == "pobj" and head.lower_ == "of":  # "was comprised of X", "the participation of X"
        return head.head.lemma_.lower() in encounter_words().participants_of
    if tok.dep_ in {"nsubj", "attr"} and head.lemma_ in {"be", "serve", "act"} and _present(head, tok):
        return True  # "X was also in attendance", "Panelists were X; Y", "X and Y serve as co-chairs"
    if tok.dep_ in {"dobj", "attr", "nsubj"} and (head.lemma_.lower() in participate
                                                  or head.lemma_ == "be" and any(t.lemma_.lower() in participate
                                                                                for t in head.children)):
        return "interview" not in sent_text
    return False


def _split_head(doc: Doc, head: Token, tok: Token) -> Token:
    """Mend two ways the parser splits the genre's words: "X co-chaired" read as "co" "-" "chaired" (the verb is
    the head), and "joined by Under Secretary X" read with "Under" as a preposition (the name is "by"'s)."""
    if head.lower_ == "co" and head.i + 2 < len(doc) and doc[head.i + 1].text == "-":
        return doc[head.i + 2]
    if tok.dep_ == "pobj" and head.text == "Under" and head.i > 0 and doc[head.i - 1].lower_ in {"by", "with"}:
        return doc[head.i - 1]
    return head


def _holds_encounter(verb: Token, lex: Lexicon) -> bool:
    """ "held a meeting", "had talks", "conducted meetings": a holding verb whose object is an encounter."""
    return verb.lemma_.lower() in encounter_words().holding_verbs and verb.tag_ in {"VBD", "VBN", "VBZ", "VBP"} \
        and any(c.dep_ == "dobj" and c.lower_ in lex.report_nouns for c in verb.children)


def _present(be: Token, person: Token) -> bool:
    """The subject of "be" is there as a participant: "in attendance", "among the speakers", or the attribute
    of a subject that names participants ("Panelists were X")."""
    presence = encounter_words().presence_nouns
    if person.dep_ == "attr":
        return any(c.dep_ == "nsubj" and c.lower_ in presence for c in be.children)
    return any(c.dep_ == "prep" and c.lower_ in {"in", "among", "as"}
               and any(g.dep_ == "pobj" and g.lower_ in presence for g in c.children) for c in be.children)


def org_takes_part(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """A body named among those who took part: "were joined by executives from companies including X, Y and Z",
    "met with representatives of X" (the people's words climb to the verb or noun of taking part)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = root_dep(span.root)
    for _ in range(4):
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"including", "from", "of", "by", "with"}:
            return False
        governor = tok.head.head
        if governor.lemma_.lower() in lex.participation_verbs or governor.lower_ in lex.participation_nouns:
            return tok.head.lower_ in {"by", "with"}  # the body itself met, or those from it did
        if tok.head.lower_ in {"by", "with"} or governor.pos_ not in {"NOUN", "PROPN"}:
            return False
        tok = root_dep(governor)  # "executives from companies including X": climb to "executives"
        if tok.dep_ == "pobj" and tok.head.lower_ in {"by", "with"} and _verb_takes_part(tok.head.head, lex):
            return True
    return False


def _verb_takes_part(tok: Token, lex: Lexicon) -> bool:
    return tok.lemma_.lower() in lex.participation_verbs or tok.lower_ in lex.participation_nouns
