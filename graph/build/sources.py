"""Find document files on disk and read them: the I/O edge of extraction.

Every file a build is given, or finds in a folder, is accounted for: it is either read or
skipped with one line naming it and saying why (unsupported kind, broken link, not a regular
file, too large, empty, undecodable…). Only regular files are opened, and without blocking, so a
named pipe or a device among the documents can never hang a build.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError
from extract.slug import slugify
from extract.text.document import SUPPORTED_SUFFIXES, Document
from graph.build import pages_read
from graph.errors import BuildError

#: Files larger than this are not read: a document this long would take the parser hours.
MAX_BYTES = 10_000_000

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


@dataclass(frozen=True)
class Skipped:
    """A file that is not read, and why; prints as the build's one line about it."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Inventory:
    """The files a build reads, in order, and those it skips."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "neither a file nor a folder")
    return f"not a regular file ({kind}); only regular files are read"


def _unsupported(path: Path) -> str:
    return (f"unsupported kind of file {path.suffix.lower() or '(no extension)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")


def _examine(path: Path, found: Inventory) -> None:
    """Sort one file (named directly or met in a folder) into the files to read or the skipped."""
    try:
        mode = path.stat().st_mode  # follows a link to its target
    except FileNotFoundError:
        target = os.readlink(path) if path.is_symlink() else "?"
        found.skipped.append(Skipped(path, f"broken link (to {target}, which does not exist)"))
        return
    except OSError as exc:
        found.skipped.append(Skipped(path, f"cannot be read ({exc.strerror})"))
        return
    if not stat.S_ISREG(mode):
        found.skipped.append(Skipped(path, _not_regular(mode)))
    elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
        found.skipped.append(Skipped(path, _unsupported(path)))
    else:
        found.files.append(path)


def _walk(folder: Path, found: Inventory, companions: frozenset[str], seen: set[Path]) -> None:
    """Every file under ``folder``, sorted; links to folders are followed once (a loop is not)."""
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        found.skipped.append(Skipped(folder, f"folder cannot be listed ({exc.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.stem.lower() == "readme" or entry.name in companions:
            continue  # hidden files, the folder's description and its judgements are not documents
        if entry.is_dir():
            _walk(entry, found, companions, seen)
        else:
            _examine(entry, found)


def collect(paths: Iterable[Path], *, companions: Iterable[str] = ()) -> Inventory:
    """The document files named directly or found (recursively) in folders, and the files skipped.

    In folders, hidden files, ``README`` files (which describe the folder) and ``companions`` (file
    names such as the judgements file that accompany documents) are not documents and are passed over;
    every other file is either read or skipped with its reason. Both lists are sorted within a folder
    and free of duplicates.

    Raises:
        TradegraphError: a path that does not exist (a broken link is skipped instead), or nothing at all found.
    """
    paths = list(paths)
    found = Inventory()
    seen: set[Path] = set()
    names = frozenset(companions)
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise BuildError(f"{path}: no such file or folder")
        if path.is_dir():
            _walk(path, found, names, seen)
        else:
            _examine(path, found)
    found.files = list(dict.fromkeys(found.files))
    found.skipped = list(dict.fromkeys(found.skipped))
    if not found.files and not found.skipped:
        shown = ", ".join(str(p) for p in paths)
        raise BuildError(f"no documents found in {shown} (looked for {', '.join(SUPPORTED_SUFFIXES)} files)")
    return found


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


def read_bytes(path: Path, *, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, opened without blocking and checked after opening (it may have changed).

    Raises:
        InputError: the file is gone, not a regular file, larger than ``limit`` bytes or unreadable.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: {_not_regular(info.st_mode)}")
        if info.st_size > limit:
            raise InputError(f"{path}: too large ({info.st_size / 1e6:.1f} MB; documents over "
                             f"{limit / 1e6:g} MB are not read, split it into smaller files)")
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"{path}: too large (it grew past {limit / 1e6:g} MB while being read)")
    return data


def read_document(path: Path, key: str, *, cache: Path | None = None) -> Document:
    """Read one file as a :class:`Document`; raises :class:`InputError` naming the file. With ``cache`` (the
    extraction cache's folder) a web page read before is taken from it (:mod:`graph.build.pages_read`)."""
    data = read_bytes(path)
    try:
        return pages_read.read(cache, path.name, data, key=key)
    except InputError as exc:
        raise InputError(str(exc).replace(path.name, str(path), 1)) from None
