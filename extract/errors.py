"""The project's exceptions: one base, a few meaningful kinds.

The CLI prints any :class:`TradegraphError` as one line, without a traceback.
"""


class TradegraphError(Exception):
    """Base of every error a user can cause and fix."""


class InputError(TradegraphError):
    """A document file that cannot be read as a document (empty, binary, bad encoding, unsupported kind)."""


class ModelNotFound(TradegraphError):
    """No usable spaCy pipeline is installed."""


class DataError(TradegraphError):
    """A packaged or user-supplied data file (institution list, judgements, query) is malformed."""
