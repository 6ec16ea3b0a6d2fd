"""Page clutter: find the parts of a text that are not the document's own content.

Teasers for other stories, share buttons and photo credits yield no actors.
The rules are data (``data/clutter.yaml``); this module only applies them and
returns character spans, so offsets into the original text stay valid.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract import DATA_DIR
from extract.reference.data_files import read_yaml

DATA = DATA_DIR / "clutter.yaml"
_BULLETS = " \t•·*-–—>|"


@dataclass(frozen=True)
class ClutterRules:
    end_markers: frozenset[str]
    skip_lines: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def load_rules(path: Path = DATA) -> ClutterRules:
    """Load the clutter rules from YAML."""
    raw = read_yaml(path)
    return ClutterRules(
        end_markers=frozenset(m.lower() for m in raw["end_markers"]),
        skip_lines=tuple(re.compile(p, re.I) for p in raw["skip_lines"]),
    )


def clutter_spans(text: str, rules: ClutterRules | None = None) -> list[tuple[int, int]]:
    """Character spans of ``text`` that are clutter, in order and non-overlapping.

    >>> text = "Story text.\\nShare it!\\nMore text.\\nSimilar Stories\\nOther story"
    >>> [text[s:e] for s, e in clutter_spans(text)]
    ['Share it!', 'Similar Stories\\nOther story']
    """
    rules = rules or load_rules()
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        key = body.strip(_BULLETS).strip().rstrip(":").lower()
        if key and key in rules.end_markers and offset > len(text) // 5:
            spans.append((offset, len(text)))
            return spans
        if key and any(p.match(key) for p in rules.skip_lines):
            spans.append((offset, offset + len(body)))
        offset += len(line)
    return spans


def in_spans(start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character ``start`` falls inside one of ``spans``."""
    return any(s <= start < e for s, e in spans)
