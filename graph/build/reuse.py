"""A rebuild with nothing changed: the previous build's output is kept as it is, not made again.

A build is a pure function of its inputs: each document as read (its cache key covers its text, name,
encoding and publication date, the pipelines that read it, the options and a fingerprint of the extraction
code), the analyst's judgements file, the code and data of ``graph/`` (merge, writers, pages), the pages
asked for, and the versions of the libraries that write and draw it. :func:`build_key` hashes all of them.
The build writes the key into its folder as ``build.json``, with what it reports (the documents, the counts,
the lines it said, the files by kind); a later build whose key is the same finds every file of ``out/`` as
it would write them again, so it leaves ``out/`` untouched and reports what the manifest says. Any
difference (a byte of one document, a document added or removed, another judgement, another version of
tradegraph or of those libraries, a file of ``out/`` missing) is another key, and the build runs in full.

Only builds with the extraction cache do this: ``--no-cache`` always builds afresh.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> record = Manifest(build_key(["k1", "k2"], None, ["html"]), ["a.txt", "b.txt"], {"documents": 2}, [], {})
>>> write(out, record)
>>> reusable(out, build_key(["k1", "k2"], None, ["html"])) == record
True
>>> reusable(out, build_key(["k1", "k3"], None, ["html"])) is None
True
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from graph.build.cache import code_fingerprint
from graph.build.outdir import atomic_write

__all__ = ["MANIFEST", "Manifest", "build_key", "reusable", "write"]

MANIFEST = "build.json"
_WRITERS = ("pyoxigraph", "rdflib", "networkx", "pyvis", "jinja2")
FORMAT = 1  # bump when the manifest's layout changes
_GRAPH = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Manifest:
    """What a build wrote and reported: its key, the documents built (in order), the dataset's counts, the
    lines it said on the way (rule errors, pipeline notes) and its files by kind (names inside ``out/``)."""

    key: str
    documents: list[str]
    summary: dict[str, int]
    said: list[str]
    files: dict[str, str]


def build_key(document_keys: Iterable[str], judgements: Path | None, pages: Iterable[str]) -> str:
    """The key of a build: its documents' cache keys in order, the judgements file's bytes (or its absence),
    the code and data of ``graph/``, and the kinds of pages it writes."""
    try:
        rulings = hashlib.sha256(judgements.read_bytes()).hexdigest() if judgements else None
    except OSError:
        rulings = None
    text = json.dumps([FORMAT, code_fingerprint(_GRAPH), _versions(), list(document_keys), rulings, sorted(pages)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _versions() -> list[str]:
    """The versions of the libraries that merge, write, store and draw the dataset (another version may
    write other bytes)."""
    found = []
    for name in _WRITERS:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} absent")
    return found


def write(folder: Path, manifest: Manifest) -> None:
    """Write ``manifest`` as ``folder/build.json`` (the last file of a build, before the swap)."""
    atomic_write(folder / MANIFEST, json.dumps(asdict(manifest), ensure_ascii=False, indent=1).encode("utf-8"))


def reusable(out: Path, key: str) -> Manifest | None:
    """The manifest of the build in ``out`` when its key is ``key`` and every file it lists is still there;
    None otherwise (no build, another key, a damaged manifest, a file gone)."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError):
        return None
    if manifest.key != key or not all((out / name).exists() for name in manifest.files.values()):
        return None
    return manifest
