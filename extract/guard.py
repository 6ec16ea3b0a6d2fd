"""The per-stage error guard: a rule that fails loses only what it would have found.

With a listener (``on_error``) the failure is told in one line and the rest of the document is read;
without one the error is raised, so tests see every failure.

>>> said = []
>>> guard = Guard("t.txt", said.append)
>>> guard("post", lambda: 1 // 0, fallback=[])
[]
>>> said[0][:60]
't.txt: the post rules failed (ZeroDivisionError: integer div'
>>> said[0][-40:]
'; what they would have found is left out'

"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class Guard:
    """Runs one stage of one document, turning its failure into ``fallback`` and a line for ``on_error``."""

    def __init__(self, document_name: str, on_error: Callable[[str], None] | None = None) -> None:
        self.document_name = document_name
        self.on_error = on_error

    def __call__(self, stage: str, rule: Callable[..., T], *args: Any, fallback: Any, **kwargs: Any) -> T:
        """``rule(*args, **kwargs)``, or ``fallback`` (what the rule finds when it finds nothing: ``[]``,
        ``None``) when it fails and a listener hears of it."""
        try:
            return rule(*args, **kwargs)
        except Exception as exc:  # a rule's bug must not cost the document
            if self.on_error is None:
                raise
            self.on_error(f"{self.document_name}: the {stage} rules failed ({type(exc).__name__}: {exc}); "
                          "what they would have found is left out")
            return fallback


__all__ = ["Guard"]
