"""The graph package's errors: kinds of :class:`extract.errors.TradegraphError` a user can fix.

Every error a user can cause is a ``TradegraphError``; the CLI prints each as one line, without a traceback.
Messages name the bad value and what would be valid, in the library's words (option names as the Python
API spells them, never a command-line flag: the CLI adds its own hints).

>>> issubclass(ViewError, TradegraphError) and issubclass(BuildError, TradegraphError)
True
"""
from __future__ import annotations

from extract.errors import TradegraphError

__all__ = ["BuildError", "QueryError", "ServeError", "StoreError", "TradegraphError", "ViewError"]


class BuildError(TradegraphError):
    """Documents that cannot be built: no documents found, none extracted, or an output folder that cannot be used."""


class QueryError(TradegraphError):
    """A query that cannot be found, parsed, parameterised or run."""


class StoreError(TradegraphError):
    """A built graph's query store that is missing or cannot be opened or written."""


class ViewError(TradegraphError):
    """A view, picture or export that cannot be made with the options given (unknown actor, kind, format…)."""


class ServeError(TradegraphError):
    """Endpoint settings that cannot be used (a SERVICE target that is no host, a CORS origin that is no origin…)."""
