"""Verb and noun patterns (data/patterns/*.yaml) compiled into lookup tables.

A pattern is a short phrase of lemmas: its first word is the verb (or noun) that carries the
event, the other words must occur among that word's dependents, and ``{target}`` / ``{source}``
/ ``{actors}`` mark where the actors are: after a preposition, its object; directly after the
verb or a particle, the direct object. See docs/patterns.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Token

from tidings.knowledge.bundle import Knowledge
from tidings.knowledge.datafiles import DataFileError
from tidings.knowledge.ontology import Ontology
from tidings.knowledge.pickling import fast_pickle

PREPOSITIONS = frozenset(
    "with to on against at for from in into of over between among toward towards by upon "
    "about across through within near under onto inside outside around behind".split()
)
SLOTS = ("{target}", "{source}", "{actors}")
_PAST = (("ied", "y"), ("ed", "e"), ("ed", ""), ("pt", "p"))
_INFLECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "VBD": _PAST, "VBN": _PAST,
    "VBZ": (("ies", "y"), ("es", ""), ("s", "")),
    "VBG": (("ing", "e"), ("ing", "")),
}


@fast_pickle
@dataclass(frozen=True, slots=True)
class WordClass:
    """A named set of words a pattern names with ``&name`` (data/patterns/classes.yaml)."""

    name: str
    words: frozenset[str]  # one-word members
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # last word -> the words before it
    # Every word a token of this class can be (the last word of each member): set once, it
    # is read for every candidate pattern of every verb.
    heads: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "heads", self.words | frozenset(self.phrases))

    def matches(self, tok: Token) -> bool:
        """``tok`` is a member: its word or lemma is a one-word member, or the last word of
        a member phrase whose other words stand right before it (hyphens skipped). A number
        that counts the noun after it with no currency sign is none: that noun says what
        the thing is ("two million vaccine doses" are doses; "a $5 billion deposit" is
        money)."""
        if tok.dep_ == "nummod" and not any(c.tag_ == "$" for c in tok.children):
            return False
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.tag_ == "NNS" and low.endswith("s") and lemma not in self.heads:
            lemma = low[:-1]  # (the lemmatizer makes "doses" "dos": the noun is "dose")
        if low in self.words or lemma in self.words:
            return True
        befores = self.phrases.get(low) or self.phrases.get(lemma)
        if not befores:
            return False
        doc = tok.doc
        for before in befores:
            i = tok.i - 1
            for word in reversed(before):
                while i >= 0 and doc[i].lower_ == "-":
                    i -= 1
                if i < 0 or word not in (doc[i].lower_, doc[i].lemma_.lower()):
                    break
                i -= 1
            else:
                return True
        return False


def compile_classes(doc: dict) -> dict[str, WordClass]:
    """The ``classes`` of a (merged) classes.yaml document."""
    out: dict[str, WordClass] = {}
    for name, members in (doc.get("classes") or {}).items():
        words: set[str] = set()
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for member in members:
            parts = member.replace("-", " ").split()
            if len(parts) == 1:
                words.add(parts[0])
            else:
                phrases.setdefault(parts[-1], []).append(tuple(parts[:-1]))
        out[name] = WordClass(name, frozenset(words),
                              {k: tuple(v) for k, v in phrases.items()})
    return out


@fast_pickle
@dataclass(frozen=True, slots=True)
class Slot:
    kind: str  # "obj" (direct/indirect object) or "prep"
    prep: str | None = None
    after: str | None = None  # the pattern word just before the slot


@fast_pickle
@dataclass(frozen=True, slots=True)
class Pattern:
    id: str  # "verbs:042:travel to {target}" - shown as the event's rule
    code: str
    head: str  # lemma of the verb / noun
    words: tuple[str, ...]  # other lemmas (or "&class" names) that must be present
    target: Slot | None
    source: Slot | None
    actors: Slot | None  # "between {actors}": both roles from one coordinated phrase
    symmetric: bool
    reverse: str | None
    speech: bool
    answer: bool = False  # with no target, aimed at whom the act answers (sentence rule)
    doer: str | None = None  # a word class the verb's subject must be a member of
    predicate: bool = False  # the last word is the object's predicate ("called X a crime")
    wanted: bool = False  # only as an act wanted, planned or asked for, never as one done
    first: bool = False  # from a file of precedence "first" (tried before all others)
    # The pattern's plain words and the names of its word classes, set once from ``words``
    # (read for every candidate pattern of every verb).
    plain_words: frozenset[str] = field(init=False)
    class_words: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plain_words",
                           frozenset(w for w in self.words if not w.startswith("&")))
        object.__setattr__(self, "class_words",
                           tuple(w[1:] for w in self.words if w.startswith("&")))

    @property
    def specificity(self) -> int:
        return 1 + len(self.words) + (1 if self.target else 0) + (1 if self.source else 0) + (
            1 if self.doer else 0)  # ("deploy" done by police is more than any "deploy")

    @property
    def rank(self) -> tuple[int, int, int]:
        """Where the pattern is tried among those of its head word: a file of precedence
        "first" before all others, then tidings' own before imported lexicons', each most
        specific first."""
        return (0 if self.first else 1, 1 if self.imported else 0, -self.specificity)

    @property
    def imported(self) -> bool:
        """From an imported lexicon ("petrarch2/verbs:...") rather than tidings' own files."""
        return "/" in self.id.split(":", 1)[0]


def parse_pattern(text: str, code: str, origin: str, options: dict | None = None,
                  classes: dict[str, WordClass] | None = None) -> Pattern:
    """``text`` ("deliver &weapon to {target}") as a pattern for ``code``; ``origin`` names
    where it comes from ("verbs", "petrarch2/verbs") and starts its id. A word class it names
    must be in ``classes`` when they are given."""
    options = options or {}
    tokens = text.lower().split()
    if not tokens or tokens[0] in SLOTS:
        raise DataFileError(f"{origin}: pattern {text!r} must start with a word")
    head, words = tokens[0], []
    if head.startswith("&") and classes is not None and head[1:] not in classes:
        raise DataFileError(f"{origin}: pattern {text!r}: no word class {head[1:]!r} "
                            "in classes.yaml")
    slots: dict[str, Slot] = {}
    prev = head
    for tok in tokens[1:]:
        if tok in SLOTS:
            name = tok[1:-1]
            if name in slots:
                raise DataFileError(f"{origin}: pattern {text!r} has {tok} twice")
            if prev in PREPOSITIONS and prev != head:
                slots[name] = Slot("prep", prep=prev, after=prev)
            else:
                slots[name] = Slot("obj", after=prev)
        elif tok.startswith("{"):
            raise DataFileError(f"{origin}: pattern {text!r}: unknown slot {tok}")
        elif tok.startswith("&") and classes is not None and tok[1:] not in classes:
            raise DataFileError(f"{origin}: pattern {text!r}: no word class {tok[1:]!r} "
                                "in classes.yaml")
        else:
            words.append(tok)
            prev = tok
    return Pattern(
        id=f"{origin}:{code}:{text}",
        code=code,
        head=head,
        words=tuple(words),
        target=slots.get("target"),
        source=slots.get("source"),
        actors=slots.get("actors"),
        symmetric=bool(options.get("symmetric")),
        reverse=options.get("reverse"),
        speech=bool(options.get("speech")),
        answer=bool(options.get("answer")),
        doer=options.get("doer"),
        predicate=bool(options.get("predicate")),
        wanted=bool(options.get("wanted")),
    )


def _by_head(p: Pattern, classes: dict[str, WordClass], noun: bool = False) -> list[Pattern]:
    """``p`` for each verb or noun it is about: itself, or when its head is a word class
    ("&p2v_cancel talk"), one pattern per member ("cancel talk", "call off talk": a verb
    member's later words are words of the pattern; a noun member's head is its last word,
    "live-fire exercise" is "exercise" with "live" and "fire"). Each keeps the id of the
    pattern as written."""
    if not p.head.startswith("&"):
        return [p]
    wc = classes[p.head[1:]]
    members = [(w,) for w in sorted(wc.words)] + [
        (*before, last) for last, befores in sorted(wc.phrases.items()) for before in befores]
    if noun:  # (its modifiers nearest the head first, each reached through the one before)
        return [replace(p, head=m[-1], words=(*reversed(m[:-1]), *p.words)) for m in members]
    return [replace(p, head=m[0], words=(*m[1:], *p.words)) for m in members]


class PatternSet:
    """Verb and noun patterns indexed by their head lemma, most specific first."""

    def __init__(self, ontology: Ontology, knowledge: Knowledge) -> None:
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        self.classes = compile_classes(knowledge.merged("patterns/classes.yaml"))
        for kind, table in (("verbs", self.verbs), ("nouns", self.nouns)):
            # (each directory's file adds its patterns; errors name the file)
            for path, data in knowledge.documents(f"patterns/{kind}.yaml"):
                self._load(path, data, kind, table, ontology, self.classes)
        for table in (self.verbs, self.nouns):
            for lst in table.values():
                # (tidings' own patterns are tried before imported ones, each most specific
                # first: an imported pattern codes only what tidings' own leave uncoded; a
                # file of precedence "first" goes before both)
                lst.sort(key=lambda p: p.rank)
        self.speech_lemmas = frozenset(
            lemma for lemma, pats in self.verbs.items() if any(p.speech for p in pats)
        )
        self.answer_ids = frozenset(
            p.id for table in (self.verbs, self.nouns) for pats in table.values()
            for p in pats if p.answer)

    def verb_patterns(self, tok: Token) -> list[Pattern] | None:
        """Patterns for a verb token, by lemma; when the lemmatizer has mangled a verb form
        ("staged" -> "stag", "leapt" left as it is) and the lemma has none, by the usual
        English inflections; a verb done again ("re-imposed", "re-established") as the verb
        itself."""
        lemma, low = tok.lemma_.lower(), tok.lower_
        if low.startswith("re-") and lemma.startswith("re-"):
            lemma, low = lemma[3:], low[3:]
        found = self.verbs.get(lemma)
        if found is not None:
            return found
        suffixes = _INFLECTIONS.get(tok.tag_, ())
        if lemma == low and suffixes is not _PAST:
            # (a past form the tagger took for a present one and left as it is: "leapt")
            suffixes = (*suffixes, *_PAST)
        for suffix, repl in suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                found = self.verbs.get(low[: len(low) - len(suffix)] + repl)
                if found is not None:
                    return found
        return None

    def word_matches(self, tok: Token, word: str) -> bool:
        """``tok`` is the pattern word ``word``: the same word or lemma, or for ``&name`` a
        member of that word class."""
        if word.startswith("&"):
            return self.classes[word[1:]].matches(tok)
        return tok.lower_ == word or tok.lemma_.lower() == word

    def may_match(self, p: Pattern, words: set[str]) -> bool:
        """A quick test: every word ``p`` needs is among ``words`` (the words and lemmas of a
        clause), each word class by one of its members' last words."""
        return words.issuperset(p.plain_words) and all(
            not words.isdisjoint(self.classes[c].heads) for c in p.class_words)

    @staticmethod
    def _load(path: Path, data: dict, kind: str, table: dict[str, list[Pattern]],
              ontology: Ontology, classes: dict[str, WordClass]) -> None:
        origin = f"{data['origin']}/{kind}" if data.get("origin") else kind
        first = data.get("precedence") == "first"
        for code, items in (data.get("patterns") or {}).items():
            if code not in ontology:
                raise DataFileError(f"{path}: {code!r} is not a CAMEO code")
            for item in items:
                text, options = (item, {}) if isinstance(item, str) else (item["pattern"], item)
                rev = options.get("reverse")
                if rev and rev not in ontology:
                    raise DataFileError(f"{path}: pattern {text!r}: reverse {rev!r} unknown")
                pattern = parse_pattern(text, code, origin, options, classes)
                if first:
                    pattern = replace(pattern, first=True)
                if pattern.doer and pattern.doer not in classes:
                    raise DataFileError(f"{path}: pattern {text!r}: doer {pattern.doer!r} is no "
                                        "word class in classes.yaml")
                for one in _by_head(pattern, classes, noun=kind == "nouns"):
                    table.setdefault(one.head, []).append(one)
