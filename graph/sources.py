"""Find document files on disk and read them: the I/O edge of extraction."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from extract.document import SUPPORTED_SUFFIXES, Document, decode
from extract.errors import InputError, TradegraphError
from extract.slug import slugify


def collect(paths: Iterable[Path]) -> list[Path]:
    """Document files named directly or found (recursively) in folders, sorted, without duplicates.

    A file named directly is kept whatever its kind, so that reading it can say what is wrong.
    In folders, ``README`` files (which describe the folder) and hidden files are skipped.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if not path.exists():
            raise TradegraphError(f"{path}: no such file or folder")
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith(".") \
                        and f.stem.lower() != "readme":
                    found[f] = None
        else:
            found[path] = None
    if not found:
        shown = ", ".join(str(p) for p in paths)
        raise TradegraphError(f"no documents found in {shown} (looked for {', '.join(SUPPORTED_SUFFIXES)} files)")
    return list(found)


def unique_keys(files: list[Path]) -> dict[Path, str]:
    """A distinct, readable IRI key per file: its name's slug, numbered when two files share it."""
    keys: dict[Path, str] = {}
    used: set[str] = set()
    for f in files:
        base = slugify(f.stem)
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        keys[f] = key
    return keys


def read_document(path: Path, key: str) -> Document:
    """Read one file as a :class:`Document`; raises :class:`InputError` naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return decode(path.name, data, key=key)
    except InputError as exc:
        raise InputError(str(exc).replace(path.name, str(path), 1)) from None
