"""Across documents: which person nodes are one person, by their names and what else is known.

Four passes, strongest first, each recorded with its reason (:class:`graph.build.groups.Groups`):

1. the same Wikidata item (``owl:sameAs``);
2. the same name once case, accents, titles in front, middle initials and nicknames are set aside,
   comparing every name a node is known by ("Marcelo Ebrard" is an alternate name of "Marcelo
   Ebrard Casaubon");
3. a longer form of the name ("Ana Ruiz" / "Ana Ruiz Solís", "Ana María Ruiz");
4. the surname(s) alone ("Ruiz", "López Obrador") against a full name.

Passes 3 and 4 merge only when the shorter form fits one group in the whole build, or exactly one
that shares an organization with it, and nothing speaks against it (another side, another Wikidata
item, both named apart in one document). Different posts years apart do not block a merge. Every
pass looks candidates up in indexes keyed by name words, never by scanning all pairs.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from rdflib import URIRef

from graph.build.groups import Groups
from graph.build.name_variants import Words, is_longer_form, is_surname_of, name_words


class NameIndex:
    """Where a form's longer forms and the full names it is the surname of can be: lists keyed by name
    words (given name and a later word; each later word), so a lookup reads one short list, never every name.
    Each lookup returns the candidate nodes sorted and once each; :func:`link_people` keeps them per form."""

    def __init__(self, forms: Mapping[URIRef, list[Words]]) -> None:
        self.forms = forms
        self.full: dict[tuple[str, str], list[tuple[Words, URIRef]]] = defaultdict(list)
        self.by_surname: dict[str, list[tuple[Words, URIRef]]] = defaultdict(list)
        self.first_words: set[str] = set()
        self.later_words: set[str] = set()
        for n, node_forms in forms.items():
            for words in node_forms:
                if len(words) < 2:
                    continue
                self.first_words.add(words[0])
                self.later_words.update(words[1:])
                for w in words[1:]:
                    self.full[(words[0], w)].append((words, n))
                    self.by_surname[w].append((words, n))

    def longer(self, words: Words) -> list[URIRef]:
        """The nodes known by a longer form of ``words`` ("ana ruiz" -> "ana ruiz solis")."""
        return sorted({m for long, m in self.full.get((words[0], words[-1]), ()) if is_longer_form(words, long)})

    def surnamed(self, words: Words) -> list[URIRef]:
        """The nodes whose full name has ``words`` as its surname(s) ("ruiz" -> "ana ruiz solis")."""
        return sorted({m for full, m in self.by_surname.get(words[0], ())
                       if len(full) > len(words) and is_surname_of(words, full)})


def link_people(names: Mapping[URIRef, Iterable[str]], display: dict[URIRef, str], groups: Groups, *,
                index: Callable[[Mapping[URIRef, list[Words]]], NameIndex] = NameIndex) -> None:
    """Merge person nodes (``names``: every name each node is known by) into ``groups``.

    ``index`` finds the candidates of a form (tests pass one that scans every name, to check the blocking).
    """
    people = sorted(names)
    forms = {n: sorted({w for w in (name_words(x) for x in names[n]) if w}) for n in people}
    main = {n: name_words(display[n]) for n in people}
    _same_item(people, groups)
    _same_words(people, forms, groups)
    found = index(forms)
    longer: dict[Words, list[URIRef]] = {}  # each distinct form's candidates, found once
    for n in people:
        for words in forms[n]:
            if len(words) >= 2:
                if words not in longer:
                    longer[words] = found.longer(words)
                _link_unique(n, longer[words], groups, f"{' '.join(words)!r} is a shorter form of the name")
    surnamed: dict[Words, list[URIRef]] = {}
    for n in people:
        words = main[n]
        # a first word only ever seen first in a name is a given name: "Marcelo Ebrard" is no surname pair
        if not words or len(words) > 2 or words[0] in found.first_words and words[0] not in found.later_words:
            continue
        if words not in surnamed:
            surnamed[words] = found.surnamed(words)
        _link_unique(n, surnamed[words], groups, f"{' '.join(words)!r} is the surname of a full name")


def _same_item(people: list[URIRef], groups: Groups) -> None:
    by_item: dict[URIRef, list[URIRef]] = defaultdict(list)
    for n in people:
        for item in sorted(groups.of(n).items):
            by_item[item].append(n)
    for item, nodes in sorted(by_item.items()):
        for other in nodes[1:]:
            groups.link(nodes[0], other, f"same Wikidata item ({item.rsplit('/', 1)[-1]})")


def _same_words(people: list[URIRef], forms: dict[URIRef, list[Words]], groups: Groups) -> None:
    by_key: dict[Words, list[URIRef]] = defaultdict(list)
    for n in people:
        for words in forms[n]:
            if len(words) >= 2:
                by_key[words].append(n)
    for key, nodes in sorted(by_key.items()):
        for other in nodes[1:]:
            if groups.conflict(nodes[0], other) == "different Wikidata items":
                continue
            groups.link(nodes[0], other, "same name once titles, middle initials, accents and nicknames are set "
                                         f"aside ({' '.join(key)!r})")


def _link_unique(node: URIRef, candidates: list[URIRef], groups: Groups, reason: str) -> None:
    """Merge ``node`` with the one group among ``candidates`` (sorted) it can be, if there is exactly one.

    A name that also fits ``node``'s own group is explained already, and stays there.
    """
    by_group: dict[URIRef, URIRef] = {}
    for m in candidates:  # sorted
        by_group.setdefault(groups.find(m), m)
    own = groups.find(node)
    if own in by_group:
        return
    others = sorted(by_group.values())
    fitting = [m for m in others if groups.conflict(node, m) is None]
    if len(fitting) > 1:  # several people fit the name: only one sharing an organization may take it
        fitting = [m for m in fitting if groups.of(node).orgs & groups.of(m).orgs]
    if len(fitting) == 1:
        groups.link(fitting[0], node, f"{reason}, the only one in the build that fits "
                                      f"({groups.support(node, fitting[0])})")
