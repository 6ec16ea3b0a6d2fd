"""A token-level view of one sentence with the mentions that fall in it, for the role rules."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.mentions import Mention


class SentenceView:
    """Token-level view of one sentence with the mentions that fall in it."""

    def __init__(self, doc: Doc, sent: Span, mentions: list[Mention]) -> None:
        self.doc, self.sent = doc, sent
        self.owner: dict[int, Mention] = {}
        self.spans: dict[tuple[int, int], tuple[int, int]] = {}
        self.mentions: list[Mention] = []  # those wholly inside the sentence, the only ones rules may read
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and sent.start <= span.start and span.end <= sent.end:
                self.spans[(m.start, m.end)] = (span.start, span.end)
                self.mentions.append(m)
                for i in range(span.start, span.end):
                    self.owner[i] = m

    def mention_at(self, i: int) -> Mention | None:
        """The mention that token ``i`` belongs to, if any."""
        return self.owner.get(i)

    def kind_at(self, i: int) -> str | None:
        """The kind (``"person"``, ``"org"``, …) of the mention that token ``i`` belongs to, or None."""
        m = self.owner.get(i)
        return m.kind if m is not None else None

    def tok_span(self, m: Mention) -> tuple[int, int]:
        return self.spans[(m.start, m.end)]
