"""The extraction cache: each document's named graph (as N-Triples) and its rule-error lines, by content.

An entry's key is a SHA-256 of everything the extraction of one document depends on: the decoded
document (name, key, text, publication date, encoding), the pipeline that reads it (its name, version and
language, and spaCy's version), the options (the requested model and language, the detected language)
and a fingerprint of the extraction code and data (every ``extract/**/*.py`` and ``extract/data/*``
file). Any change to one of them is a new key, so an entry is never stale; it is only unused.

Where: by default beside the build folder, not inside it: ``.out-cache/`` for ``out/`` (a name apart from
the ``.out.*`` files of :mod:`graph.build.outdir`). ``out/`` is swapped in whole; a cache beside it needs no
carrying over, is never half-moved, and a failed or interrupted build still keeps the entries it wrote.
``--cache DIR`` puts it elsewhere (several output folders may share one).

Safety: an entry is written to a temporary file in the same folder and renamed into place, so two
builds writing the same entry at once, or a build killed mid-write, leave either no entry or a whole
one. A reader checks what it reads (JSON, its own key, the field types) and treats anything else as
a miss, so a corrupt entry is ignored and rewritten. The folder holds a ``.gitignore`` (ignore all) and a
``CACHEDIR.TAG`` (backup tools skip it); ``clear``
removes only a folder that has it, so a mistyped ``--cache`` cannot delete anything else.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.build.outdir import atomic_write
from graph.errors import BuildError

__all__ = ["Cache", "Entry", "clear", "code_fingerprint", "default_dir", "fingerprint", "mark"]

FORMAT = 2  # bump when the entry layout or the graph's text form changes
TAG = "CACHEDIR.TAG"
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This folder is tradegraph's extraction cache; `tradegraph cache clear` removes it.\n")
_EXTRACT = Path(__file__).resolve().parent.parent.parent / "extract"


@dataclass(frozen=True)
class Entry:
    """One document's cached extraction: its graph as N-Triples, the rule-error lines it gave and the language
    it was read as."""

    nt: str
    rule_errors: tuple[str, ...]
    language: str = "en"


def default_dir(out: Path) -> Path:
    """The cache of builds into ``out``: ``.out-cache`` beside it (``out``'s target when it is a symlink)."""
    out = Path(os.path.abspath(out))
    if out.is_symlink():
        out = out.resolve()
    return out.with_name(f".{out.name}-cache")


def fingerprint() -> str:
    """A hash of the extraction code and data files (their paths and bytes), computed once per process."""
    return code_fingerprint(_EXTRACT)


@lru_cache(maxsize=4)
def code_fingerprint(package: Path) -> str:
    """A hash of a package's code and data files (every ``*.py`` under it and every file under its
    ``data/`` folders: their paths and bytes), computed once per process."""
    digest = hashlib.sha256()
    files = sorted([*package.rglob("*.py"), *(p for p in package.rglob("*") if p.is_file() and "data" in
                                               p.relative_to(package).parts[:-1] and "__pycache__" not in p.parts)])
    for path in dict.fromkeys(files):
        digest.update(str(path.relative_to(package)).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key_of(parts: list[object]) -> str:
    """The entry key of one document: a hash of the cache format, the code's fingerprint and ``parts``."""
    text = json.dumps([FORMAT, fingerprint(), *parts], ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """The entries in ``folder``: :meth:`get` a document's extraction by key, :meth:`put` a new one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Entry | None:
        """The entry under ``key``, or None when there is none or it is not whole (then it is rewritten)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        if not (isinstance(data, dict) and data.get("key") == key and isinstance(data.get("nt"), str)
                and isinstance(data.get("errors"), list) and all(isinstance(e, str) for e in data["errors"])
                and isinstance(data.get("language"), str)):
            return None
        return Entry(data["nt"], tuple(data["errors"]), data["language"])

    def put(self, key: str, entry: Entry) -> bool:
        """Store ``entry`` under ``key`` atomically (temporary file, then rename); False when it could not be
        written (a full disk, a read-only folder, the cache cleared meanwhile): the cache only saves time."""
        try:
            mark(self.folder)
            record = {"key": key, "errors": list(entry.rule_errors), "language": entry.language, "nt": entry.nt}
            atomic_write(self._path(key), json.dumps(record, ensure_ascii=False).encode("utf-8"))
        except OSError:
            return False
        return True


def mark(folder: Path) -> None:
    """Make ``folder`` a cache folder, if it is not yet: a ``.gitignore`` (ignore all) and ``CACHEDIR.TAG``.
    Raises OSError when it cannot be written."""
    if not (folder / TAG).exists():
        atomic_write(folder / ".gitignore", b"# tradegraph's extraction cache\n*\n")
        atomic_write(folder / TAG, _TAG_TEXT.encode("ascii"))


def clear(folder: Path) -> int:
    """Remove the cache ``folder``; returns how many entries it held (0 when there is no folder).

    Raises:
        BuildError: ``folder`` exists but is not a tradegraph cache (it has no ``CACHEDIR.TAG``).
    """
    if not folder.exists():
        return 0
    if not (folder / TAG).is_file():
        raise BuildError(f"{folder}: not a tradegraph cache (it has no {TAG}); nothing was removed")
    count = sum(1 for _ in folder.glob("*/*.json"))
    shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():  # a build wrote into it meanwhile: once more
        shutil.rmtree(folder, ignore_errors=True)
    return count
