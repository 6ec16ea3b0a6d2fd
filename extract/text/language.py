"""The language of a document, detected from its text: ``"en"`` or ``"es"``.

The detector is ``py3langid`` (BSD-3-Clause, maintained fork of ``langid.py``): a naive-Bayes model over
byte n-grams that ships inside the package (about 4 MB, offline), gives the same answer for the same text
every time (no sampling, unlike ``langdetect``), and is light beside ``lingua-language-detector`` (whose
models weigh hundreds of MB). It is restricted to the languages tradegraph has pipelines for
(``extract/data/languages.yaml``), so a document is always read as one of them: a French page is read as
whichever of English and Spanish it resembles more, as it was read as English before.

>>> detect_language("El secretario de Economía se reunió con la representante comercial de Estados Unidos.")
'es'
>>> detect_language("The Secretary of Economy met the U.S. Trade Representative in Washington.")
'en'
>>> document_language("The Secretary met the Trade Representative.", "es")
'es'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract import DATA_DIR
from extract.errors import DataError, InputError
from extract.reference.data_files import read_yaml

LANGUAGES_FILE = DATA_DIR / "languages.yaml"
AUTO = "auto"


@dataclass(frozen=True)
class LanguageSettings:
    """``languages.yaml`` checked: the languages read (the first is the default) and their names, how much
    text the detector reads, the models of each language and how to install them, and the NER labels to
    rename per language."""

    languages: tuple[str, ...]
    names: dict[str, str]
    detect_chars: int
    models: dict[str, tuple[str, ...]]
    install: dict[str, str]
    entity_labels: dict[str, dict[str, str | None]]

    @property
    def default(self) -> str:
        """The language of the rules and the bundled model (English)."""
        return self.languages[0]


def _check(raw: Any) -> LanguageSettings:
    """The settings of ``languages.yaml``, or a ``DataError`` saying what is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("languages"), list) or not raw["languages"]:
        raise DataError(f"{LANGUAGES_FILE}: expected a mapping with a non-empty 'languages' list")
    languages = tuple(str(code) for code in raw["languages"])
    sections = {key: raw.get(key) or {} for key in ("names", "models", "install", "entity_labels")}
    for key, section in sections.items():
        if not isinstance(section, dict) or not set(section) <= set(languages):
            raise DataError(f"{LANGUAGES_FILE}: '{key}' must map some of {list(languages)} to values")
    chars = raw.get("detect_chars")
    if not isinstance(chars, int) or chars <= 0:
        raise DataError(f"{LANGUAGES_FILE}: 'detect_chars' must be a positive number")
    return LanguageSettings(
        languages=languages, detect_chars=chars, names={code: str(name) for code, name in sections["names"].items()},
        models={code: tuple(names) for code, names in sections["models"].items()},
        install={code: str(hint) for code, hint in sections["install"].items()},
        entity_labels={code: dict(labels) for code, labels in sections["entity_labels"].items()})


@lru_cache(maxsize=1)
def language_settings() -> LanguageSettings:
    """``languages.yaml``, read and checked once."""
    return _check(read_yaml(LANGUAGES_FILE))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model, restricted to the languages read (loaded once; it takes a fraction of a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(language_settings().languages))
    return identifier


def detect_language(text: str) -> str:
    """The language ``text`` is written in, among those read; the default one for a text with no letters."""
    settings = language_settings()
    head = text[:settings.detect_chars]
    if not any(c.isalpha() for c in head):
        return settings.default
    code, _score = _identifier().classify(head)
    return str(code)


def check_language(language: str | None) -> str | None:
    """``language`` as given to a build (a code read, or ``"auto"``/``None`` to detect), checked:
    ``None`` for detection, else the code; an ``InputError`` names the codes accepted."""
    if language is None or language == AUTO:
        return None
    if language not in language_settings().languages:
        accepted = ", ".join([*language_settings().languages, AUTO])
        raise InputError(f"unknown language {language!r}; expected one of {accepted}")
    return language


def document_language(text: str, language: str | None = None) -> str:
    """The language a document is read as: ``language`` when given (not ``"auto"``), else detected."""
    return check_language(language) or detect_language(text)


__all__ = ["AUTO", "LanguageSettings", "check_language", "detect_language", "document_language",
           "language_settings"]
