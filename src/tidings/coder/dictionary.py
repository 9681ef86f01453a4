"""The actor dictionaries: countries, organisations, sector agents and dated office holders
(data/actors/*.yaml) compiled into entries and one phrase table to find them in text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.coder.phrases import PhraseTable
from tidings.knowledge.bundle import FILES, Knowledge
from tidings.knowledge.datafiles import DataFileError, load_yaml


class Role(NamedTuple):
    """An office a person held, with its CAMEO code, from ``start`` to ``end``."""

    code: str
    start: dt.date | None
    end: dt.date | None
    title: str = ""

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Entry(NamedTuple):
    """One dictionary entry a phrase can point to. (A named tuple: the compiled dictionary
    holds thousands and is loaded from the cache at every start, which tuples make cheap.)"""

    kind: str  # country | demonym | capital | metonym | city | region | org | agent | person
    code: str  # country/org/region code, agent code, or the person's name for kind=person
    name: str  # the entry's display name (for `rule`)
    agent: str | None = None  # metonym agent (GOV for "White House")
    country: str | None = None  # an organisation's home country
    roles: tuple[Role, ...] = ()
    since: dt.date | None = None  # a state's independence: before it, its places were ...
    before: str | None = None  # ... the state coded here ("Juba" in 1990 is Sudan)
    period: tuple[dt.date, dt.date] | None = None  # a name that meant this state only then
    shared: bool = False  # a place name another country's better-known place also has


def _shown(name: str, row: dict) -> str:
    """An entry's name as an event's actor rule shows it: with the source of an imported
    entry ("origin: petrarch2:Phoenix.Countries.actors.txt:105" -> "Name [petrarch2]")."""
    origin = row.get("origin")
    return f"{name} [{origin.split(':', 1)[0]}]" if origin else name


def parse_day(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class ActorDictionary:
    """All actor knowledge files compiled into one case-insensitive phrase table: phrase ->
    the dictionary entries it can name. Plain data, so it pickles (see coder/compiled.py)."""

    FILES = ("countries", "organizations", "agents", "people")

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = {}
        self.agent_words: frozenset[str] = frozenset()
        self.table = PhraseTable()
        # Words of rules.yaml's grammar section: lowercase words inside a proper name ("bin",
        # "von"), and articles, which do not count in a match's length.
        self.name_particles: frozenset[str] = frozenset()
        self.articles: frozenset[str] = frozenset()
        # Words that make a sector word after them a part of a place: "the west bank of".
        self.side_words: frozenset[str] = frozenset()
        # Words that make a name hyphenated to them a period or manner: "Soviet-era".
        self.manner_suffixes: frozenset[str] = frozenset()
        # Words whose "of" makes a country's name a sea's: "the Gulf of Oman".
        self.water_words: frozenset[str] = frozenset()
        # Phrases that name an actor only when written exactly so, in capitals: "WHO", "IS".
        self.capitals: dict[str, str] = {}

    @classmethod
    def build(cls, nlp: Language, knowledge: Knowledge) -> ActorDictionary:
        """Load the actor files of every data directory (each adds its entries) and build
        the phrase table with the pipeline's tokenizer."""
        self = cls()
        grammar = knowledge.merged("patterns/rules.yaml").get("grammar") or {}
        self.name_particles = frozenset(grammar.get("name_particles") or ())
        self.articles = frozenset(grammar.get("articles") or ())
        self.side_words = frozenset(grammar.get("side_words") or ())
        self.manner_suffixes = frozenset(grammar.get("manner_suffixes") or ())
        self.water_words = frozenset(grammar.get("water_words") or ())
        for data_dir in knowledge.data_dirs:
            for stem in self.FILES:
                # (directory by directory, as the entries were always added; errors name
                # the file)
                name = f"actors/{stem}.yaml"
                path = Path(data_dir) / name
                if path.is_file():
                    getattr(self, f"_load_{stem}")(load_yaml(path, FILES[name]), path)
        self.table = PhraseTable.build(self.entries, nlp.make_doc)
        return self

    # -- loading ---------------------------------------------------------------------------
    def _add(self, phrase: str, entry: Entry) -> None:
        phrase = " ".join(phrase.lower().split())
        if not phrase:
            return
        bucket = self.entries.setdefault(phrase, [])
        if entry not in bucket:
            bucket.append(entry)

    def _load_countries(self, data: dict, path: Path) -> None:
        for row in data.get("countries", []):
            code = row["code"]
            name = row.get("name", code)
            dated = {"since": parse_day(row.get("since")), "before": row.get("before")}
            for n in [name, *row.get("names", [])]:
                self._add(n, Entry("country", code, name, **dated))
            for n in row.get("demonyms", []):
                self._add(n, Entry("demonym", code, name, **dated))
            for n in row.get("capitals", []):
                self._add(n, Entry("capital", code, n, **dated))
            for n, agent in (row.get("metonyms") or {}).items():
                self._add(n, Entry("metonym", code, n, agent=agent, **dated))
            for d in row.get("dated_names") or ():
                # "Congo" meant the Republic of the Congo while its neighbour was Zaire.
                period = cast(tuple[dt.date, dt.date],
                              (parse_day(d["start"]), parse_day(d["end"])))
                for n in d.get("names", []):
                    self._add(n, Entry("country", code, name, period=period))
                for n in d.get("demonyms", []):
                    self._add(n, Entry("demonym", code, name, period=period))
                for n in d.get("capitals", []):
                    self._add(n, Entry("capital", code, n, period=period))
                for n, agent in (d.get("metonyms") or {}).items():
                    self._add(n, Entry("metonym", code, n, agent=agent, period=period))
            for n in [*row.get("cities", []), *row.get("places", [])]:
                self._add(n, Entry("city", code, n, **dated))
            for n in row.get("shared_places", []):
                # "Tripoli" is Libya's capital, and a Lebanese port: Lebanese when the text
                # names Lebanon.
                self._add(n, Entry("city", code, n, shared=True, **dated))
        for row in data.get("regions", []):
            for n in [*row.get("names", []), *row.get("demonyms", [])]:
                self._add(n, Entry("region", row["code"], row.get("name", n)))

    def _load_organizations(self, data: dict, path: Path) -> None:
        for row in data.get("organizations", []):
            names = row.get("names", [])
            display = _shown(row.get("name") or (names[0] if names else row["code"]), row)
            entry = Entry("org", row["code"], display, country=row.get("country"))
            for n in names:
                self._add(n, entry)
            for n in row.get("capitals", []):
                # ("WHO", "IS": common words in lower case, names only in capitals)
                self._add(n, entry)
                self.capitals[" ".join(n.lower().split())] = n

    def _load_agents(self, data: dict, path: Path) -> None:
        words = set(self.agent_words)
        for row in data.get("agents", []):
            for w in row.get("words", []):
                self._add(w, Entry("agent", row["code"], w))
                words.add(w.lower().split()[-1])
        self.agent_words = frozenset(words)

    def _load_people(self, data: dict, path: Path) -> None:
        by_name: dict[str, Entry] = {}
        for row in data.get("people", []):
            try:
                roles = tuple(
                    Role(r["code"], parse_day(r.get("start")), parse_day(r.get("end")),
                         r.get("title", ""))
                    for r in row.get("roles", [])
                )
            except ValueError as exc:
                raise DataFileError(f"{path}: person {row.get('name')!r}: {exc}") from None
            entry = Entry("person", row["name"], _shown(row["name"], row), roles=roles)
            by_name[row["name"]] = entry
            for alias in [row["name"], *row.get("aliases", [])]:
                self._add(alias, entry)
        for surname, names in (data.get("ambiguous_surnames") or {}).items():
            for n in names:
                if n in by_name:
                    self._add(surname, by_name[n])

    # -- matching --------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[Span, list[Entry]]]:
        """Longest non-overlapping dictionary matches in ``doc``."""
        spans = []
        for key, start, end in self.table.matches(doc):
            span = Span(doc, start, end)
            entries = self.entries[key]
            exact = self.capitals.get(key)
            if exact is not None and span.text != exact:
                continue  # "who", "Who", "is": the common word
            if self._plausible(span, entries):
                spans.append((span, entries))
        return _longest(spans, self.articles)

    def _plausible(self, span: Span, entries: list[Entry]) -> bool:
        text = span.text
        # Short abbreviations ("US", "UN", "EU") only in capitals: "us" is a pronoun.
        if len(text) <= 3 and text.islower():
            return False
        # A name of several words written all in lowercase is a description, not the name:
        # "the west bank of the Dnipro" is no West Bank (sector words excepted: "foreign
        # minister").
        if len(span) > 1 and all(t.is_lower for t in span if t.is_alpha) and \
                all(e.kind in ("country", "region", "org", "person", "city", "capital")
                    for e in entries):
            return False
        # A sector word after a word of side and before "of" is part of a place: "the west
        # bank of the Dnipro", "the left bank of the river" (no business).
        doc = span.doc
        if all(e.kind == "agent" for e in entries) and span.start > 0 and \
                doc[span.start - 1].lower_ in self.side_words and span.end < len(doc) and \
                doc[span.end].lower_ == "of":
            return False
        # ... and the word of side itself, in lowercase before a noun, is no actor ("the
        # west bank", "on the east coast": not the West).
        if span[-1].is_lower and span[-1].lower_ in self.side_words and \
                span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN"):
            return False
        # "Soviet-era debt", "a Russian-style law": a period or a manner, no actor.
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and \
                doc[span.end + 1].lower_ in self.manner_suffixes:
            return False
        # "Jordan Ellis, a tennis player": a given name, the first of a person's name.
        if len(span) == 1 and span[0].ent_type_ == "PERSON" and span[0].ent_iob_ == "B" and \
                span.end < len(doc) and doc[span.end].ent_iob_ == "I" and \
                doc[span.end].pos_ == "PROPN" and doc[span.end].lower_ not in self.agent_words \
                and all(e.kind in ("country", "capital", "city") for e in entries):
            return False
        # "the Gulf of Oman", "the Sea of Japan": the name of the waters, not the country.
        if span.start >= 2 and doc[span.start - 1].lower_ == "of" and \
                doc[span.start - 2].lower_ in self.water_words and \
                all(e.kind in ("country", "capital", "city") for e in entries):
            return False
        # Names of organisations and people are proper names: "Russia today" is not the
        # broadcaster "Russia Today".
        # A person's name inside the name of a place or body ("Khan Sheikhoun", "Kennedy
        # Airport", "the Ben Gurion University") is not that person.
        doc = span.doc
        if all(e.kind == "person" for e in entries) and span[0].ent_type_ in (
                "GPE", "LOC", "FAC", "ORG") and (span[0].ent_iob_ == "I" or (
                span.end < len(doc) and doc[span.end].ent_iob_ == "I")):
            return False
        # ... and a lone name that is only the first part of another proper name ("Khan
        # Younis", "Khan Sheikhoun") is that other name's.
        last = span[-1]
        if all(e.kind == "person" for e in entries) and last.dep_ == "compound" and \
                last.head.pos_ == "PROPN" and last.head.i > last.i and last.head.i == span.end:
            return False
        # ... and a lone surname after another given name is someone else's ("Karim Khan" is
        # none of the Khans listed; "President Khan", "Prime Minister Khan" still are).
        if len(span) == 1 and all(e.kind == "person" for e in entries) and span.start > 0:
            before = doc[span.start - 1]
            if before.pos_ == "PROPN" and before.is_title and \
                    before.lower_ not in self.agent_words and \
                    not any(before.lower_ in e.name.lower().split() for e in entries):
                return False
        # (the second half of a hyphenated name may be lowercase: "Kim Dae-jung"; so may a
        # sector word after a name, "Wagner mercenaries")
        if len(span) > 1 and all(e.kind in ("org", "person") for e in entries) and any(
                t.is_lower and t.is_alpha and t.lower_ not in self.name_particles
                and not (t.i > span.start and t.nbor(-1).text == "-")
                and not (t.i > span.start and t.lower_ in self.agent_words) for t in span):
            return False
        return True


def _longest(spans: list[tuple[Span, list[Entry]]],
             articles: frozenset[str]) -> list[tuple[Span, list[Entry]]]:
    """The longest non-overlapping spans, earliest first on a tie (as spaCy's
    ``filter_spans``), where a leading article does not count: "the West Bank" is the West
    Bank, not "the West"."""
    def size(span: Span) -> int:
        return len(span) - (span[0].lower_ in articles)

    def rank(hit: tuple[Span, list[Entry]]) -> tuple[int, int, int]:
        span = hit[0]
        return size(span), len(span), -span.start

    taken: set[int] = set()
    out = []
    for hit in sorted(spans, key=rank, reverse=True):
        span = hit[0]
        if not taken.intersection(range(span.start, span.end)):
            out.append(hit)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda h: h[0].start)


