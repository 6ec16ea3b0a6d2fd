"""The curated institution list (``data/institutions.yaml`` and ``data/companies.yaml``): load, check,
look up, make patterns. Both files share one entry format and one id space.

>>> inst = load_institutions()
>>> inst.lookup("Mexico's Ministry of the Economy").name
'Ministry of Economy'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy

from extract import DATA_DIR
from extract.errors import DataError
from extract.reference.countries import load_countries
from extract.reference.data_files import read_yaml
from extract.reference.spanish_words import spanish_variants
from extract.slug import fold, strip_accents

DATA = DATA_DIR / "institutions.yaml"
COMPANIES = DATA_DIR / "companies.yaml"
_KEYS = frozenset({"id", "name", "country", "kind", "spanish", "acronyms", "aliases", "parent", "wikidata",
                   "case_sensitive", "ambiguous"})
KINDS = frozenset({"government", "legislature", "business_association", "company", "think_tank",
                   "international", "ngo", "academic", "media", "political_party", "judiciary", "other"})
_COUNTRY_QUALIFIERS = load_countries().qualifiers()  # "mexican" -> "MX" (data/countries.yaml)
_SOFT_WORDS = ("the ",)


@dataclass(frozen=True)
class Institution:
    """One entry of the list; ``id`` is its stable slug."""

    id: str
    name: str
    country: str
    kind: str
    spanish: str | None = None
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    wikidata: str | None = None
    case_sensitive: bool = False  # its names match only as written ("Intel", not "intel")
    ambiguous: tuple[str, ...] = ()  # common-word short forms ("Target"): named, never matched alone

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form except acronyms."""
        return tuple(f for f in (self.name, self.spanish, *self.aliases) if f)


def _key(text: str) -> str:
    key = fold(text)
    key = key.replace("united states", "us").replace("secretariat", "ministry")
    return key


@dataclass
class InstitutionList:
    """The institutions by id, with a folded-name index."""

    by_id: dict[str, Institution]
    _index: dict[str, str] = field(default_factory=dict)
    _acronyms: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for inst in self.by_id.values():
            for form in (*inst.forms, *inst.ambiguous):
                self._index.setdefault(_key(form), inst.id)
            for acr in inst.acronyms:
                self._acronyms.setdefault(acr, inst.id)
                self._index.setdefault(_key(acr), inst.id)

    def __len__(self) -> int:
        return len(self.by_id)

    def lookup(self, text: str) -> Institution | None:
        """The institution a written name refers to, allowing a leading country qualifier."""
        if text.strip() in self._acronyms:
            return self.by_id[self._acronyms[text.strip()]]
        key = _key(text)
        found = self._index.get(key)
        if found is None:
            words = key.split()
            for size in (2, 1):
                qualifier = " ".join(words[:size])
                if qualifier in _COUNTRY_QUALIFIERS and len(words) > size:
                    candidate = self._index.get(" ".join(words[size:]))
                    if candidate and self.by_id[candidate].country == _COUNTRY_QUALIFIERS[qualifier]:
                        found = candidate
                        break
        return self.by_id.get(found) if found else None

    def ancestors(self, inst_id: str) -> list[Institution]:
        """Parents of an institution, nearest first."""
        out: list[Institution] = []
        current = self.by_id[inst_id].parent
        while current and current in self.by_id and all(i.id != current for i in out):
            out.append(self.by_id[current])
            current = self.by_id[current].parent
        return out

    def ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns: names as case-insensitive phrases, acronyms as exact tokens.

        The names of a ``case_sensitive`` entry become exact-token patterns; ``ambiguous`` forms none."""
        patterns: list[dict] = []
        seen: set[tuple[str, str]] = set()
        for inst in sorted(self.by_id.values(), key=lambda i: i.id):
            for form in inst.forms:
                for variant in _variants(form):
                    if (variant.lower(), inst.id) not in seen:
                        seen.add((variant.lower(), inst.id))
                        pattern = _exact_tokens(variant) if inst.case_sensitive else variant
                        patterns.append({"label": "ORG", "pattern": pattern, "id": inst.id})
            for acr in inst.acronyms:
                if len(acr) >= 2:
                    patterns.append({"label": "ORG", "pattern": [{"TEXT": acr}], "id": inst.id})
        return patterns


def _variants(form: str) -> set[str]:
    """Spellings the press uses for the same name: U.S./US, accents or not, dash kinds, and the Spanish press's
    forms of a country inside a Spanish name ("Cámara de Comercio de EE.UU.": ``data/spanish.yaml``)."""
    out = {form, strip_accents(form), *spanish_variants(form)}
    for text in list(out):
        out |= {text.replace("U.S.", "US"), text.replace("US ", "U.S. "), text.replace("–", "-"),
                text.replace("-", "–"), text.replace("U.S.", "United States")}
    for text in list(out):
        for soft in _SOFT_WORDS:
            if text.lower().startswith(soft) and len(text[len(soft):].split()) > 1:
                out.add(text[len(soft):])  # not "The Economist" -> "Economist", a title
    return {v for v in out if v.strip()}


def _exact_tokens(text: str) -> list[dict[str, str]]:
    """A token pattern matching ``text`` exactly as written, split as the English tokenizer splits it."""
    return [{"ORTH": tok.text} for tok in _tokenizer()(text)]


@lru_cache(maxsize=1)
def _tokenizer() -> spacy.tokenizer.Tokenizer:
    return spacy.blank("en").tokenizer


def _parse(raw: object, path: Path) -> dict[str, Institution]:
    if not isinstance(raw, list):
        raise DataError(f"{path}: expected a list of institutions")
    by_id: dict[str, Institution] = {}
    for n, entry in enumerate(raw, start=1):
        where = f"{path}: entry {n} ({entry.get('id', '?') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict) or not {"id", "name", "country", "kind"} <= entry.keys():
            raise DataError(f"{where}: needs id, name, country and kind")
        if not entry.keys() <= _KEYS:
            raise DataError(f"{where}: unknown keys {', '.join(sorted(entry.keys() - _KEYS))}")
        if not isinstance(entry.get("case_sensitive", False), bool):
            raise DataError(f"{where}: case_sensitive must be true or false")
        if entry["kind"] not in KINDS:
            raise DataError(f"{where}: kind {entry['kind']!r} is not one of {', '.join(sorted(KINDS))}")
        if entry["id"] in by_id:
            raise DataError(f"{where}: duplicate id")
        by_id[entry["id"]] = Institution(
            id=entry["id"], name=entry["name"], country=entry["country"], kind=entry["kind"],
            spanish=entry.get("spanish"), acronyms=tuple(entry.get("acronyms") or ()),
            aliases=tuple(entry.get("aliases") or ()), parent=entry.get("parent"),
            wikidata=entry.get("wikidata"), case_sensitive=entry.get("case_sensitive") is True,
            ambiguous=tuple(entry.get("ambiguous") or ()))
    return by_id


def _read(path: Path) -> dict[str, Institution]:
    raw = read_yaml(path)
    return _parse(raw, path)


def _check_union(by_id: dict[str, Institution], extra: dict[str, Institution], path: Path) -> None:
    """Ids are unique across the files, and a name of the second file names no entry of the first
    (nor another of its own): one written name must lead to one entry."""
    clash = sorted(by_id.keys() & extra.keys())
    if clash:
        raise DataError(f"{path}: ids also in another list: {', '.join(clash)}")
    owner = {_key(f): i.id for i in by_id.values() for f in (*i.forms, *i.ambiguous)}
    for inst in extra.values():
        for form in (*inst.forms, *inst.ambiguous):
            other = owner.setdefault(_key(form), inst.id)
            if other != inst.id:
                raise DataError(f"{path}: {inst.id}: the name {form!r} already names {other}")


@lru_cache(maxsize=4)
def load_institutions(path: Path = DATA, companies: Path | None = COMPANIES) -> InstitutionList:
    """Load and check the institution list, and the company list beside it (``companies=None``: none)."""
    by_id = _read(path)
    if companies is not None:
        extra = _read(companies)
        others = sorted(i.id for i in extra.values() if i.kind != "company")
        if others:
            raise DataError(f"{companies}: entries not of kind company: {', '.join(others)}")
        _check_union(by_id, extra, companies)
        by_id.update(extra)
    for inst in by_id.values():
        if inst.parent and inst.parent not in by_id:
            raise DataError(f"{path}, {companies}: {inst.id}: parent {inst.parent!r} is not an id in the lists")
    return InstitutionList(by_id)
