"""The coder as a spaCy pipeline component.

``tidings_coder`` runs after spaCy's own components (tagger, parser, NER) and puts the coded
events on the document: ``doc._.events`` (every event, flagged ``negated``/``hypothetical``/
``future``), ``doc._.sentences`` (tidings' sentences with their offsets) and
``doc._.place_names`` (the place phrases of each sentence with events, for the enrich stage).
The article's publication date, which decides dated offices and "last week", is read from
``doc._.published`` when set::

    import spacy  # (with tidings installed, spaCy finds the factory by its entry point)
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("tidings_coder")
    for doc in nlp.pipe(texts):
        print([(e.source.code, e.target_code, e.code) for e in doc._.events])

The component is registered with spaCy's factory registry by ``coder/factory.py`` (also a
``spacy_factories`` entry point), so a pipeline saved with ``nlp.to_disk`` loads back with
``spacy.load``. Its config names only the imported lexicons and the extra data directories;
the knowledge is compiled from them on creation, from tidings' cache when it holds that
content (``coder/compiled.py``).
"""

from __future__ import annotations

import functools
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tidings.coder import compiled
from tidings.coder.actors import ActorResolver
from tidings.coder.context import UNKNOWN, ArticleContext
from tidings.coder.counts.attach import attach_counts
from tidings.coder.counts.finder import CountFinder, Found
from tidings.coder.events.extractor import EventExtractor
from tidings.coder.events.mass_killings import mass_killings
from tidings.coder.events.scope import CoderKnowledge, Matches
from tidings.coder.repairs import RepairWords, repair_parse
from tidings.config import DATA_DIR, lexicon_dirs
from tidings.knowledge.bundle import Knowledge, load_knowledge
from tidings.knowledge.gazetteer import load_gazetteer
from tidings.records import Event, Sentence

for _name, _default in (("events", None), ("sentences", None), ("place_names", None),
                        ("published", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class TidingsCoder:
    """Actor matching and event coding over a parsed document (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "tidings_coder",
                 data_dirs: list[str] | None = None, lexicons: str = "default") -> None:
        self.name = name
        self.data_dirs = [str(d) for d in data_dirs or []]
        chosen = lexicon_dirs(None if lexicons == "default" else lexicons)
        self.knowledge: Knowledge = load_knowledge(
            (DATA_DIR, *chosen, *(Path(d) for d in self.data_dirs)))
        known = compiled.load(nlp, self.knowledge)
        self.ontology, self.patterns, self.rules = known.ontology, known.patterns, known.rules
        self.dictionary = known.dictionary
        self.resolver = ActorResolver(
            self.dictionary, self.rules,
            frozenset(self.patterns.nouns) | self.rules.non_actor_heads,
            functools.partial(load_gazetteer, self.knowledge))
        self.extractor = EventExtractor(
            CoderKnowledge(self.ontology, self.patterns, self.resolver, self.rules))
        self.count_words = known.counts
        self.confidence = known.confidence
        self.counts = CountFinder(known.counts, self._agent_of)
        # (the words the parse repairs read, repairs.py: verbs that take an infinitive, those
        # of rules.yaml that govern one and those with a pattern "VERB to ..."; verbs with a
        # pattern on what they say their object is; a number's one-word bounds, which the
        # parser may make prepositions)
        self.repair_words = RepairWords(
            time_words=self.rules.bare_time_words,
            bound_words=frozenset(w[0] for w in known.counts.bounds if len(w) == 1) | {
                "between"},
            aside_nouns=self.rules.anaphora_generic,
            infinitive_verbs=self.rules.governing_verbs | frozenset(
                lemma for lemma, pats in self.patterns.verbs.items()
                if any(p.words and p.words[0] == "to" for p in pats)),
            measure_nouns=self.rules.measure_nouns,
            attributive_participles=self.rules.attributive_participles,
            naming_verbs=self.rules.naming_verbs,
            predicate_verbs=frozenset(lemma for lemma, pats in self.patterns.verbs.items()
                                      if any(p.predicate for p in pats)),
            speech_verbs=frozenset(lemma for lemma, pats in self.patterns.verbs.items()
                                   if any(p.speech and not p.words for p in pats)))

    def __call__(self, doc: Doc) -> Doc:
        repair_parse(doc, self.repair_words)
        ctx = ArticleContext(date=doc._.published, agent_words=self.dictionary.agent_words)
        doc._.sentences, doc._.events, doc._.place_names = self._code_doc(doc, ctx)
        return doc

    # (the knowledge is rebuilt from the config's data directories on load: nothing to save)
    def to_disk(self, path: Path, *, exclude: tuple[str, ...] = ()) -> None:
        return None

    def from_disk(self, path: Path, *, exclude: tuple[str, ...] = ()) -> TidingsCoder:
        return self

    def _code_doc(self, doc: Doc, ctx: ArticleContext
                  ) -> tuple[list[Sentence], list[Event], dict[int, list[str]]]:
        """The document's sentences, its events, and the place names of each sentence with
        events."""
        sentences: list[Sentence] = []
        events: list[Event] = []
        places: dict[int, list[str]] = {}
        matches = self.resolver.index_matches(doc, ctx.date)
        # (Span.ents walks all of the document's entities: look them up once)
        place_ents = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        doc_text = doc.text  # (Doc.text joins every token: once per document)
        counts: list[Found] = []
        for sent in doc.sents:
            raw = doc_text[sent.start_char : sent.end_char]
            # (spaCy's sentence may carry the line break or spaces that follow it)
            text = raw.strip()
            if not text:
                continue
            index = len(sentences)
            start = sent.start_char + raw.index(text[0])
            sentences.append(Sentence(index, start, start + len(text), text))
            self._learn_names(sent, matches, ctx)
            found = self.extractor.sentence_events(sent, index, matches, ctx)
            ctx.next_sentence(found)
            events.extend(found)
            if events:  # (a count goes on an event of its sentence or of one before)
                counts += self.counts.sentence_counts(sent, index, ctx.date)
            if found:
                places[index] = _place_names(
                    sent, [e for e in place_ents if sent.start <= e.start < sent.end],
                    self.rules.where_preps)
        events = attach_counts(doc, events, counts, self.count_words.roots)
        events = mass_killings(self.extractor.k, doc, events)
        return sentences, self.confidence.score(events, sentences), places

    def _learn_names(self, sent: Span, matches: Matches, ctx: ArticleContext) -> None:
        """Remember who the people the sentence describes are, in an event or not ("Russian
        journalist Dmitry Muratov won the prize. The Kremlin congratulated Muratov."): each
        person's name that resolves to a known actor, for later mentions by name alone, in
        this sentence too ("Dmitry Muratov of Russia won ..., and the Kremlin congratulated
        Muratov")."""
        for tok in sent:
            if tok.ent_type_ != "PERSON" or tok.pos_ != "PROPN" or tok.lower_ in ctx.names or \
                    tok.dep_ in ("compound", "flat"):
                continue
            got = self.resolver.resolve(tok, matches, ctx, remember=False)
            # (of a coordination, the one whose words hold the name)
            own = [a for a in got if (len(got) == 1 or a.start <= tok.idx < a.end)
                   and not a.code.startswith(UNKNOWN)]
            if own:
                ctx.learn_name(own[0], tok)

    def _agent_of(self, tok: Token) -> str | None:
        """The CAMEO sector a people noun names ("soldiers" MIL), from the agent words."""
        # (the agent words list plurals, and not always the singular: "peacekeeper")
        for key in (tok.lower_, tok.lemma_.lower(), tok.lemma_.lower() + "s"):
            for entry in self.dictionary.entries.get(key, ()):
                if entry.kind == "agent":
                    return entry.code
        return None




def _place_names(sent: Span, ents: list[Span], preps: frozenset[str]) -> list[str]:
    """Where the sentence says something happened: place names introduced by "in/at/near"
    on a verb or on one of its main arguments ("met X in Tehran", "police in Istanbul
    arrested..."), not places merely mentioned ("the crisis in Gaza", "accused Washington").
    ``ents`` are the sentence's place entities (GPE, LOC, FAC); ``preps`` the prepositions
    that say where (rules.yaml: grammar.where_preps)."""
    out = []
    for ent in ents:
        if _says_where(ent.root, preps):
            out.append(ent.text.removeprefix("the ").removeprefix("The "))
    # The small English model does not know every place name ("in Kyiv", "near Kursk"): a
    # proper noun it tags as something else, or not at all, is still a candidate that the
    # gazetteer may know.
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PLACES and _says_where(tok, preps):
            first = tok
            while first.i > sent.start and first.nbor(-1).dep_ == "compound" and \
                    first.nbor(-1).head.i == tok.i:
                first = first.nbor(-1)
            out.append(sent.doc[first.i : tok.i + 1].text)
    return out


_NOT_PLACES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                         "ORDINAL", "QUANTITY", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"})


def _says_where(tok: Token, preps: frozenset[str]) -> bool:
    """``tok`` is the object of "in/at/near..." on a verb or on one of its main arguments."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ not in preps:
        return False
    anchor = prep.head
    return anchor.pos_ in ("VERB", "AUX") or anchor.dep_ in ("nsubj", "nsubjpass", "dobj")

