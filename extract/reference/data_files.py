"""Reading the project's data files (word lists, patterns, reference lists): one checked reader.

>>> from extract.reference.lexicon import DATA
>>> sorted(read_yaml(DATA / "places.yaml"))[:2]
['mexican_cities', 'mexican_states']
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from extract.errors import DataError


def read_yaml(path: Path, *, what: str = "YAML") -> Any:
    """The parsed YAML of ``path``, or a ``DataError`` naming the file and what is wrong with it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot be read as {what} ({exc})") from None
