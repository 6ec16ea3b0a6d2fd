"""The graph package's errors: kinds of :class:`extract.errors.TradegraphError` a user can fix.

The CLI prints each as one line; messages name the bad value and what would be valid.
"""
from __future__ import annotations

from extract.errors import TradegraphError

__all__ = ["QueryError", "StoreError"]


class QueryError(TradegraphError):
    """A query that cannot be found, parsed, parameterised or run."""


class StoreError(TradegraphError):
    """A built graph's query store that is missing or cannot be opened or written."""
