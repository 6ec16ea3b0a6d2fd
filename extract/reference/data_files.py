"""Reading the project's data files (word lists, patterns, reference lists): one checked reader.

>>> from extract.reference.lexicon import DATA
>>> sorted(read_yaml(DATA / "places.yaml"))[:2]
['mexican_cities', 'mexican_states']
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from extract.errors import DataError

T = TypeVar("T")


#: PyYAML's safe loader on libyaml when PyYAML was built with it (the same objects, parsed ~9x faster: the
#: data files took 0.5 s to load at start-up), else the pure-Python one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, *, what: str = "YAML") -> Any:
    """The parsed YAML of ``path``, or a ``DataError`` naming the file and what is wrong with it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader: plain data only
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot be read as {what} ({exc})") from None


def read_checked(path: Path, check: Callable[[Any], T]) -> T:
    """``check`` applied to the parsed YAML of ``path``: its result, or a ``DataError`` that names the file
    first and then what ``check`` found wrong (the entry at fault), so a loader's checks need not repeat it.

    >>> def positive(raw):
    ...     if raw["n"] < 1:
    ...         raise DataError("n must be 1 or more")
    ...     return raw["n"]
    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "n.yaml"
    >>> _ = bad.write_text("n: 0")
    >>> read_checked(bad, positive)
    Traceback (most recent call last):
    extract.errors.DataError: .../n.yaml: n must be 1 or more
    """
    try:
        return check(read_yaml(path))
    except DataError as exc:
        if str(exc).startswith(str(path)):
            raise
        raise DataError(f"{path}: {exc}") from None
