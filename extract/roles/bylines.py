"""Posts in an author box: a line with only the name, then "Title, Unit, Organization" on the next line
(``roles.byline``)."""
from __future__ import annotations

from spacy.tokens import Doc

from extract.mentions import Mention
from extract.reference.lexicon import Lexicon
from extract.roles.titles import RoleFinding, split_title
from extract.text.document import doc_text


def byline_roles(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[RoleFinding]:
    """An author box: a line with only the name, then "Title, Unit, Organization" on the next line."""
    out = []
    orgs = [m for m in mentions if m.kind == "org"]
    for m in (m for m in mentions if m.kind == "person"):
        line_start = doc_text(doc).rfind("\n", 0, m.start) + 1
        line_end = doc_text(doc).find("\n", m.end)
        line_end = len(doc_text(doc)) if line_end < 0 else line_end
        line = doc_text(doc)[line_start:line_end].strip()
        if line not in {m.text, f"{m.text} {m.text}"}:
            continue
        nxt_start = line_end
        while nxt_start < len(doc_text(doc)) and doc_text(doc)[nxt_start] in "\n \t":
            nxt_start += 1
        nxt_end = doc_text(doc).find("\n", nxt_start)
        nxt_end = len(doc_text(doc)) if nxt_end < 0 else nxt_end
        in_line = [o for o in orgs if nxt_start <= o.start < nxt_end]
        span = doc.char_span(nxt_start, nxt_end, alignment_mode="contract")
        if not in_line or span is None:
            continue
        t_start, t_end, former = split_title(list(span), lex)
        org = in_line[-1]
        title = doc_text(doc)[nxt_start:org.start].strip(" ,")
        if t_end > t_start and t_start == 0 and title:
            out.append(RoleFinding((m.start, m.end), title, former, nxt_start, nxt_end, "roles.byline",
                                   org=(org.start, org.end)))
    return out
