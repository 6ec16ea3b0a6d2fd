"""Documents longer than the parser takes at once: parsed in pieces, joined back into one ``Doc``.

spaCy refuses a text over ``nlp.max_length`` characters (error E088) because the parser's
memory grows with the text. A long document is cut at paragraph breaks (else line breaks, else
spaces) into pieces of at most :data:`PIECE` characters, the pieces are parsed as a stream, and
``Doc.from_docs`` joins them without adding anything, so the joined ``Doc`` has exactly the
document's text and every character offset stays that of the file. Extraction then reads one
document, as for any other.

>>> pieces("one\\n\\ntwo three\\n\\nfour", 12)
['one\\n\\n', 'two three\\n\\n', 'four']
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Characters per piece: well under spaCy's default limit, so that parsing one takes a bounded memory.
PIECE = 100_000

#: Where a piece may end, best first: after a blank line, a line break, a space.
_BREAKS = ("\n\n", "\n", " ")


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters; ``"".join`` gives it back.

    Each cut falls after the last paragraph break inside the window, else the last line break,
    else the last space; a window with none of them (one enormous word) is cut at ``size``.
    """
    if size < 1:
        raise ValueError(f"piece size must be positive, not {size}")
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((i + len(b) for b in _BREAKS if (i := window.rfind(b)) > 0), size)
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(nlp: Language, text: str, *, size: int = PIECE, batch_size: int = 4) -> Doc:
    """One ``Doc`` of ``text``, however long, parsed piece by piece when it exceeds ``nlp.max_length``."""
    from spacy.tokens import Doc

    if len(text) <= nlp.max_length:
        return nlp(text)
    parts = list(nlp.pipe(pieces(text, min(size, nlp.max_length)), batch_size=batch_size))
    return Doc.from_docs(parts, ensure_whitespace=False)
