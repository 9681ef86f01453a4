"""The coder's knowledge compiled once and cached on disk.

Compiling the knowledge files (reading and checking the YAML, tokenizing tens of thousands
of dictionary phrases with the pipeline's tokenizer) takes seconds; loading the result back
takes a fraction of one. The cache is keyed by the content of everything the result depends
on: every data file of every data directory, the schemas, the code that compiles them, and
the spaCy version and pipeline (whose tokenizer split the phrases). Change any of them and it
is compiled again. The cache folder (``~/.cache/tidings/compiled``, or under
``$TIDINGS_CACHE``; ``TIDINGS_CACHE=`` turns caching off) keeps the eight most recently used
compilations and can be deleted at any time."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from tidings import __version__
from tidings.coder import confidence, dictionary, patterns, phrases, rules
from tidings.coder.confidence import ConfidenceModel
from tidings.coder.counts import lexicon
from tidings.coder.counts.lexicon import CountWords
from tidings.coder.dictionary import ActorDictionary
from tidings.coder.patterns import PatternSet
from tidings.coder.rules import Rules
from tidings.knowledge import bundle, datafiles, ontology, pickling
from tidings.knowledge.bundle import Knowledge
from tidings.knowledge.datafiles import SCHEMA_DIR, cache_dir, prune_cache
from tidings.knowledge.ontology import Ontology

# The modules whose code shapes the compiled objects: a change to any of them is a new key.
_COMPILERS = (dictionary, patterns, phrases, rules, lexicon, confidence, bundle, datafiles,
              ontology, pickling)
_FORMAT = b"tidings-compiled-1"
KEEP = 8  # compilations kept in the cache folder (one per set of data directories in use)


@dataclass(frozen=True, slots=True)
class Compiled:
    """The knowledge files of some data directories, compiled for one pipeline."""

    ontology: Ontology
    patterns: PatternSet
    rules: Rules
    dictionary: ActorDictionary
    counts: CountWords
    confidence: ConfidenceModel


def fingerprint(nlp: Language, knowledge: Knowledge) -> str:
    """A hash of everything the compiled knowledge depends on."""
    h = hashlib.sha256(_FORMAT)
    meta = nlp.meta
    for part in (__version__, spacy.__version__, sys.version.split()[0],
                 str(meta.get("lang")), str(meta.get("name")), str(meta.get("version"))):
        h.update(part.encode() + b"\0")
    for module in _COMPILERS:
        h.update(Path(module.__file__ or "").read_bytes() + b"\0")
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(knowledge.fingerprint().encode())
    return h.hexdigest()


def build(nlp: Language, knowledge: Knowledge) -> Compiled:
    """Compile the knowledge bundle (checks every file against its schema)."""
    onto = knowledge.ontology
    return Compiled(onto, PatternSet(onto, knowledge), Rules.from_knowledge(knowledge),
                    ActorDictionary.build(nlp, knowledge), CountWords.from_knowledge(knowledge),
                    ConfidenceModel.from_knowledge(knowledge))


def load(nlp: Language, knowledge: Knowledge) -> Compiled:
    """The compiled knowledge, from the cache when it holds this exact content."""
    folder = cache_dir("compiled")
    if folder is None:
        return build(nlp, knowledge)
    path = folder / f"{fingerprint(nlp, knowledge)}.pickle"
    try:
        with open(path, "rb") as fh:
            found = _unpickle(fh.read())
        if isinstance(found, Compiled):
            os.utime(path)  # (recently used: kept when the folder is pruned)
            return found
    except Exception:  # noqa: BLE001 - missing, partial or stale: compile again
        pass
    compiled = build(nlp, knowledge)
    _store(path, compiled)
    return compiled


def _unpickle(data: bytes) -> object:
    """``pickle.loads`` without the garbage collector, which would otherwise walk the tens of
    thousands of objects being made several times over (a third of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, compiled: Compiled) -> None:
    """Write atomically (a reader never sees half a file); a read-only cache is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        prune_cache(path.parent, KEEP)
    except OSError:
        return
