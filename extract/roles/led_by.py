"""Posts stated by a verb of leading: "The council is co-chaired by A and B", "A and B serve as
co-chairs of the council", "X, who chairs the Subcommittee, …". The verbs and the titles they give
are data (``data/leadership.yaml``), read by lemma.

Both forms are read from the dependency parse: the passive verb's subject is the body and the people
after its "by" (with their conjuncts) hold the post; "serve as <title> of/for <body>" gives its subject
(and conjuncts) the post in the body the phrase names.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract import DATA_DIR
from extract.errors import DataError
from extract.mentions import Mention
from extract.reference.data_files import read_yaml
from extract.reference.lexicon import Lexicon
from extract.roles.titles import RoleFinding
from extract.text.document import token_lemmas
from extract.text.sentence_view import SentenceView

DATA = DATA_DIR / "leadership.yaml"


@dataclass(frozen=True)
class Leadership:
    verbs: dict[str, str]  # lemma -> title
    served: frozenset[str]
    ties: frozenset[str]  # lemmas of verbs that tie a person to bodies without a post ("supports")


@lru_cache(maxsize=1)
def load_leadership(path: Path = DATA) -> Leadership:
    """The verbs of leading and the titles one serves as, checked once."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("leading_verbs"), dict) or not raw.get("served_titles") \
            or not raw.get("tie_verbs"):
        raise DataError(f"{path}: needs leading_verbs (verb: title), served_titles and tie_verbs")
    return Leadership({str(k).lower(): str(v) for k, v in raw["leading_verbs"].items()},
                      frozenset(str(t).lower() for t in raw["served_titles"]),
                      frozenset(str(t).lower() for t in raw["tie_verbs"]))


def leads(tok: Token) -> bool:
    """Whether ``tok`` is a verb of leading ("chairs", "led", "presides")."""
    return tok.lemma_.lower() in load_leadership().verbs and tok.tag_.startswith("VB")


def ties(tok: Token) -> bool:
    """Whether ``tok`` is a verb that ties a person to bodies without a post ("supports", "represented")."""
    return tok.lemma_.lower() in load_leadership().ties and tok.tag_.startswith("VB")


def who_leads(sent: SentenceView, person: Mention, verb: int, orgs: list, lex: Lexicon) -> list[RoleFinding]:
    """ "X, who chairs the Subcommittee on Trade, …": a post named by its verb (past tense: a former post).
    ``orgs`` are the bodies (token ranges ``.start``/``.end``) the clause names after the verb."""
    doc = sent.doc
    if any(c.dep_ == "dobj" and c.lower_ in lex.report_nouns for c in doc[verb].children):
        return []  # "who led the Mexican delegation": a delegation is no body to hold a post in
    if not orgs or orgs[0].start > verb + 3:
        return []
    org = orgs[0]
    return [RoleFinding((person.start, person.end), load_leadership().verbs[doc[verb].lemma_.lower()],
                        doc[verb].tag_ == "VBD", sent.sent.start_char, sent.sent.end_char, "roles.who_heads",
                        org=(doc[org.start].idx, doc[org.end - 1].idx + len(doc[org.end - 1].text)))]


def led_by_roles(doc: Doc, mentions: list[Mention]) -> list[RoleFinding]:
    """Posts read from the verbs of leading in ``doc``."""
    words = load_leadership()
    out: list[RoleFinding] = []
    lemmas = [lemma.lower() for lemma in token_lemmas(doc)]
    for sent in doc.sents:
        if not any(lemma in words.verbs or lemma == "serve" for lemma in lemmas[sent.start:sent.end]):
            continue  # no verb of leading, nor "serve": nothing to read in this sentence
        view = SentenceView(doc, sent, [m for m in mentions if sent.start_char <= m.start < sent.end_char])
        cochairs = "co-chair" in sent.text.lower() or "cochair" in sent.text.lower()
        for tok in sent:
            title = words.verbs.get(tok.lemma_.lower())
            if title and tok.tag_ == "VBN":  # "is led by", "co-chaired by"
                body = _org_at(view, [c for h in _verb_group(tok) for c in h.children  # a parse may hang the
                                      if c.dep_ in {"nsubjpass", "nsubj"}])  # subject on "is" or "co-"
                people = [p for a in tok.children if a.dep_ == "agent" for p in _people(view, a)]
                out += _findings(sent, people, body, "Co-chair" if cochairs else title)
            elif tok.lemma_ == "serve":
                served = [p for a in tok.children if a.dep_ == "prep" and a.lower_ == "as"
                          for p in a.children if p.dep_ == "pobj" and p.lower_ in words.served]
                if not served:
                    continue
                body = _org_at(view, [t for t in sent if t.i > served[0].i])  # "… of the Council"
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                people = [m for s in subjects for m in _with_conjuncts(view, s)]
                out += _findings(sent, people, body, _served_title(served[0]))
    return out


def _verb_group(verb: Token) -> list[Token]:
    """The verb with its auxiliaries, and theirs ("is" ← "co" ← "chaired")."""
    group, todo = [verb], [verb]
    while todo:
        for child in todo.pop().children:
            if child.dep_ in {"aux", "auxpass"}:
                group.append(child)
                todo.append(child)
    return group


def _findings(sent: Span, people: list[Mention], body: Mention | None, title: str) -> list[RoleFinding]:
    if body is None:
        return []
    return [RoleFinding((p.start, p.end), title, False, sent.start_char, sent.end_char, "roles.led_by",
                        org=(body.start, body.end)) for p in people]


def _served_title(tok: Token) -> str:
    """ "co-chairs" -> "Co-chair": the post as one person holds it."""
    doc = tok.doc
    word = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "co":
        word = f"co-{word}"
    return word[:1].upper() + word[1:]


def _people(view: SentenceView, agent: Token) -> list[Mention]:
    return [m for p in agent.children if p.dep_ == "pobj" for m in _with_conjuncts(view, p)]


def _with_conjuncts(view: SentenceView, tok: Token) -> list[Mention]:
    """The person mentions at ``tok`` and at its conjuncts ("A, …, and B")."""
    found = []
    for t in (tok, *tok.conjuncts):
        m = view.mention_at(t.i)
        if m is not None and m.kind == "person" and m not in found:
            found.append(m)
    return found


def _org_at(view: SentenceView, tokens: list[Token]) -> Mention | None:
    """The first organization mention among ``tokens`` (each with its subtree)."""
    for tok in tokens:
        for t in sorted(tok.subtree, key=lambda x: x.i):
            m = view.mention_at(t.i)
            if m is not None and m.kind == "org":
                return m
    return None
