"""The institution ruler: spaCy's EntityRuler with its exact-token patterns matched by a PhraseMatcher.

The institution list gives two kinds of pattern (:meth:`extract.reference.institutions.Institutions.ruler_patterns`):
names as phrases, matched ignoring case, and acronyms and case-sensitive names as exact token sequences
(``[{"TEXT": "CNH"}]``). spaCy's EntityRuler runs the second kind through its token ``Matcher``, which tries
every pattern at every token: with some 400 of them that cost more than the statistical NER's own tagging
of a document. An exact token sequence is a phrase on ``ORTH``, so this ruler matches them with a second
``PhraseMatcher`` (a hash lookup per token) and otherwise behaves as the EntityRuler does: the same labels and
entity IDs, the same choice among overlapping matches (longest, then earliest), the same entities.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("tg_institution_ruler", config={"phrase_matcher_attr": "LOWER"})
>>> ruler.add_patterns([{"label": "ORG", "pattern": "Banco Ficticio", "id": "x-bank"},
...                     {"label": "ORG", "pattern": [{"TEXT": "BF"}], "id": "x-bank"}])
>>> [(e.text, e.ent_id_) for e in nlp("BF, or the banco ficticio, said bf.").ents]
[('BF', 'x-bank'), ('banco ficticio', 'x-bank')]
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

#: The token attributes that name a token's exact text in a Matcher pattern.
_EXACT_KEYS = frozenset({"ORTH", "TEXT", "orth", "text"})

Match = tuple[int, int, int]
#: Phrase-matching attributes the tokenizer alone sets (no component changes them).
_LEXICAL = frozenset({None, "ORTH", "TEXT", "LOWER"})


def exact_words(pattern: object) -> list[str] | None:
    """The words of a token pattern that only asks for exact texts (``[{"TEXT": "CN"}, {"ORTH": "Rail"}]``),
    or ``None`` for any other pattern (a phrase, an operator, another attribute).

    >>> exact_words([{"TEXT": "CN"}, {"ORTH": "Rail"}]), exact_words([{"LOWER": "cn"}]), exact_words("CN")
    (['CN', 'Rail'], None, None)
    """
    if not isinstance(pattern, list) or not pattern:
        return None
    words = []
    for token in pattern:
        if not isinstance(token, dict) or len(token) != 1:
            return None
        ((key, value),) = token.items()
        if key not in _EXACT_KEYS or not isinstance(value, str):
            return None
        words.append(value)
    return words


class InstitutionRuler(EntityRuler):
    """An EntityRuler that matches exact-token patterns with a PhraseMatcher on ``ORTH`` (see the module)."""

    def __init__(self, nlp: Language, name: str = "tg_institution_ruler", **config: Any) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._other_token_patterns = 0  # token patterns that are not exact texts: left to the Matcher
        super().__init__(nlp, name, **config)

    def add_patterns(self, patterns: Sequence[dict[str, Any]]) -> None:
        """Add patterns as the EntityRuler does; exact token sequences are also put in the ORTH PhraseMatcher,
        which matches them in place of the token Matcher."""
        exact = [(p, words) for p in patterns if (words := exact_words(p["pattern"])) is not None]
        # The EntityRuler turns phrases into Docs with the pipeline's components before it (tok2vec, tagger: a
        # second of a pipeline's load for ~2,800 phrases); matched on a tokenizer's attribute, they need only
        # the tokenizer, so those components are off meanwhile.
        lexical = self.phrase_matcher_attr in _LEXICAL
        before = [n for n in self.nlp.pipe_names if n != self.name] if lexical else []
        with self.nlp.select_pipes(disable=before):
            super().add_patterns(list(patterns))  # every token pattern also goes to the Matcher, as before
        self._other_token_patterns += sum(isinstance(p["pattern"], list) for p in patterns) - len(exact)
        for pattern, words in exact:
            label = pattern["label"]
            key = self._create_label(label, pattern["id"]) if "id" in pattern else label
            self.exact.add(key, [Doc(self.nlp.vocab, words=words)])

    def clear(self) -> None:
        """Remove every pattern, the exact ones too."""
        super().clear()
        self.exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._other_token_patterns = 0

    def match(self, doc: Doc) -> list[Match]:
        """The EntityRuler's matches, longest first then earliest. The token Matcher (which holds every token
        pattern) runs only when some token pattern is not an exact text; otherwise the ORTH PhraseMatcher
        finds the same matches."""
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            token_matches = list(self.matcher(doc)) if self._other_token_patterns else list(self.exact(doc))
            matches = token_matches + list(self.phrase_matcher(doc))
        final = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory("tg_institution_ruler", default_config={"phrase_matcher_attr": None, "overwrite_ents": False})
def make_institution_ruler(nlp: Language, name: str, phrase_matcher_attr: str | None,
                           overwrite_ents: bool) -> InstitutionRuler:
    """The ``tg_institution_ruler`` factory (see :class:`InstitutionRuler`)."""
    return InstitutionRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)
