"""Bytes to text: UTF-8 first, then a byte-order mark, then the Western European code pages.

Documents arrive as UTF-8 mostly, but also as UTF-16 saved by Windows editors (with a
byte-order mark) and as Latin-1/cp1252 exported by older systems. Refusing those would lose
documents for no good reason; guessing silently would hide a wrong guess. So the detector
(charset-normalizer, restricted to the candidates in ``data/encodings.yaml``) decodes them
and :func:`decode_text` says which encoding it used, for the build to report.

>>> decode_text("Año".encode("cp1252"))
('Año', 'cp1252')
>>> decode_text("Año".encode("utf-16"))
('Año', 'UTF-16')
"""
from __future__ import annotations

import codecs
from functools import lru_cache

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.data_files import read_yaml

DATA = DATA_DIR / "encodings.yaml"
UTF8 = "utf-8"

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF8, "utf-8-sig", UTF8),
         (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))


class UndecodableText(ValueError):
    """Bytes that are no text in any encoding tradegraph reads; the message says why, without a file name."""


@lru_cache(maxsize=1)
def fallback_encodings() -> tuple[str, ...]:
    """The code pages tried for text that is neither UTF-8 nor marked, checked to be known codecs."""
    names = (read_yaml(DATA) or {}).get("fallback")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise DataError(f"{DATA}: 'fallback' must be a non-empty list of encoding names")
    for name in names:
        try:
            codecs.lookup(name)
        except LookupError:
            raise DataError(f"{DATA}: unknown encoding {name!r}") from None
    return tuple(names)


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in (``"utf-8"`` for UTF-8, with or without a mark).

    Raises:
        UndecodableText: NUL bytes without a byte-order mark (a binary file), a marked file whose
            bytes do not follow its mark, or bytes no candidate code page reads plausibly.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"not valid {label} although it starts with a {label} byte-order mark "
                                      f"(byte {exc.start})") from None
    if b"\x00" in data[:8192]:  # unmarked text has no NUL bytes, in UTF-8 or a code page
        raise UndecodableText("the file looks binary (it contains NUL bytes), not text")
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(fallback_encodings())).best()
    if best is None:
        raise UndecodableText(f"not text in a known encoding (neither UTF-8, nor marked UTF-16/UTF-32, "
                              f"nor {', '.join(fallback_encodings())})")
    return str(best), best.encoding
