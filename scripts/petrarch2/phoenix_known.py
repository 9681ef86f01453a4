"""What tidings' own actor files already name, which the imported PETRARCH-2 actors never
override, and the English words that make a one-word organisation name too ambiguous. Part
of the converter ``scripts/petrarch2/actors.py``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "src" / "tidings" / "data"
_INITIAL = re.compile(r"^(?:[^\W\d_]\.?|(?:[^\W\d_]\.){2,})$")


def _norm(phrase: str) -> str:
    return " ".join(str(phrase).lower().split())


@dataclass
class Bundled:
    """What tidings' own actor files already name: the imported layer never overrides it."""

    people: set[str] = field(default_factory=set)  # names, aliases, listed surnames
    organizations: set[str] = field(default_factory=set)
    organization_codes: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)  # countries, demonyms, cities, regions ...
    agent_words: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # codes
    regions: set[str] = field(default_factory=set)  # codes
    agent_names: dict[str, str] = field(default_factory=dict)  # GOV -> Government
    given_names: set[str] = field(default_factory=set)  # first words of people's names

    @classmethod
    def load(cls, data_dir: Path = BUNDLED) -> Bundled:
        def read(name: str) -> dict[str, Any]:
            path = Path(data_dir) / "actors" / f"{name}.yaml"
            if not path.is_file():
                return {}
            with open(path, encoding="utf-8") as fh:
                return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}

        self = cls()
        people = read("people")
        for p in people.get("people") or []:
            self.people.update(_norm(a) for a in [p["name"], *p.get("aliases", [])])
            first = _norm(p["name"]).split()[0]
            if not _INITIAL.match(first):
                self.given_names.add(first)
        self.people.update(_norm(s) for s in people.get("ambiguous_surnames") or {})
        for o in read("organizations").get("organizations") or []:
            self.organization_codes.add(o["code"])
            self.organizations.update(_norm(n) for n in [*o.get("names", [])])
            if o.get("name"):
                self.organizations.add(_norm(o["name"]))
        countries = read("countries")
        for c in countries.get("countries") or []:
            self.countries.add(c["code"])
            for key in ("names", "demonyms", "capitals", "cities", "places", "shared_places"):
                self.places.update(_norm(n) for n in c.get(key) or [])
            self.places.add(_norm(c.get("name", "")))
            self.places.update(_norm(n) for n in (c.get("metonyms") or {}))
            for d in c.get("dated_names") or []:
                self.places.update(_norm(n) for n in [*d.get("names", []), *d.get("demonyms", [])])
        for r in countries.get("regions") or []:
            self.regions.add(r["code"])
            self.places.update(_norm(n) for n in [*r.get("names", []), *r.get("demonyms", [])])
        for a in read("agents").get("agents") or []:
            self.agent_words.update(_norm(w) for w in a.get("words", []))
            if a.get("name"):
                self.agent_names.setdefault(a["code"], a["name"])
        self.places.discard("")
        return self

    @functools.cached_property
    def titles(self) -> frozenset[str]:
        """What may stand before a person's name: agent words, places, demonyms, organisation
        names ("UN Secretary-General", "Moscow party chief")."""
        return frozenset(self.agent_words | self.places | self.organizations)

    @functools.cached_property
    def actors(self) -> frozenset[str]:
        """Countries, places, demonyms and organisation names."""
        return frozenset(self.places | self.organizations)

    @functools.cached_property
    def not_for_people(self) -> frozenset[str]:
        return frozenset(self.places | self.organizations | self.agent_words)

    @functools.cached_property
    def not_for_organizations(self) -> frozenset[str]:
        return frozenset(self.places | self.people | self.agent_words)


def english_words(nlp: Any = None) -> frozenset[str]:
    """English words: the lemmas and irregular forms in the lemmatizer tables of tidings'
    spaCy pipeline (WordNet-derived) and spaCy's stop words."""
    if nlp is None:
        from tidings.coder.nlp import load_pipeline

        nlp = load_pipeline()
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        for name in ("lemma_index", "lemma_exc"):
            if lookups.has_table(name):
                for entries in lookups.get_table(name).values():
                    words.update(entries)  # (index: lists of lemmas; exc: form -> lemmas)
    return frozenset(w.lower().replace("_", " ") for w in words if isinstance(w, str))


def is_english_word(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("'s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2 and \
                word[: -len(suffix)] + repl in words:
            return True
    return False
