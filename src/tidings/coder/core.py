"""The coder: articles in, coded articles (sentences and events) out.

It wires the stages together: nlp (spaCy) → actors (dictionaries, coreference) → events
(patterns). Everything it knows comes from the data directories in its settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from tidings.coder import compiled
from tidings.coder.actors import ActorResolver
from tidings.coder.context import ArticleContext
from tidings.coder.events.extractor import EventExtractor
from tidings.coder.events.scope import CoderKnowledge
from tidings.coder.nlp import load_pipeline
from tidings.config import Settings
from tidings.knowledge.bundle import load_knowledge
from tidings.records import Article, CodedArticle, Event, Sentence


class Coder:
    """Codes articles into events. Build it once per process; it is not cheap to load."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = load_pipeline(self.settings.model)
        self.knowledge = load_knowledge(self.settings.data_dirs)
        known = compiled.load(self.nlp, self.knowledge)
        self.ontology, self.patterns, self.rules = known.ontology, known.patterns, known.rules
        self.dictionary = known.dictionary
        self.resolver = ActorResolver(
            self.dictionary, frozenset(self.patterns.nouns) | self.rules.non_actor_heads)
        self.extractor = EventExtractor(
            CoderKnowledge(self.ontology, self.patterns, self.resolver, self.rules))

    # -- public ----------------------------------------------------------------------------
    def code_text(self, text: str, date: object = None, *,
                  include_all: bool = False) -> list[Event]:
        """Code one text (an article or a sentence) and return its events."""
        from tidings.sources.files import parse_date

        article = Article(id="text", text=text, date=parse_date(date) if date else None)
        return next(self.code_articles([article], include_all=include_all)).events

    def code_articles(self, articles: Iterable[Article], *,
                      include_all: bool = False) -> Iterator[CodedArticle]:
        """Code articles in order; spaCy parses them in batches."""
        for doc, article in self.nlp.pipe(
            ((a.text, a) for a in articles), as_tuples=True, batch_size=self.settings.batch_size
        ):
            ctx = ArticleContext(date=article.date, agent_words=self.dictionary.agent_words)
            sentences: list[Sentence] = []
            events: list[Event] = []
            places: dict[int, list[str]] = {}
            self._code_doc(doc, ctx, sentences, events, places)
            if not include_all:
                events = [e for e in events if e.asserted]
            yield CodedArticle(article, sentences, events, places)

    # -- internals -------------------------------------------------------------------------
    def _code_doc(self, doc: Doc, ctx: ArticleContext, sentences: list[Sentence],
                  events: list[Event], places: dict[int, list[str]]) -> None:
        matches = self.resolver.index_matches(doc, ctx.date)
        # (Span.ents walks all of the document's entities: look them up once)
        place_ents = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        doc_text = doc.text  # (Doc.text joins every token: once per document)
        for sent in doc.sents:
            raw = doc_text[sent.start_char : sent.end_char]
            # (spaCy's sentence may carry the line break or spaces that follow it)
            text = raw.strip()
            if not text:
                continue
            index = len(sentences)
            start = sent.start_char + raw.index(text[0])
            sentences.append(Sentence(index, start, start + len(text), text))
            found = self.extractor.sentence_events(sent, index, matches, ctx)
            ctx.next_sentence(found)
            events.extend(found)
            if found:
                places[index] = _place_names(
                    sent, [e for e in place_ents if sent.start <= e.start < sent.end])


def _place_names(sent: Span, ents: list[Span]) -> list[str]:
    """Where the sentence says something happened: place names introduced by "in/at/near"
    on a verb or on one of its main arguments ("met X in Tehran", "police in Istanbul
    arrested..."), not places merely mentioned ("the crisis in Gaza", "accused Washington").
    ``ents`` are the sentence's place entities (GPE, LOC, FAC)."""
    out = []
    for ent in ents:
        if _says_where(ent.root):
            out.append(ent.text.removeprefix("the ").removeprefix("The "))
    # The small English model does not know every place name ("in Kyiv", "near Kursk"): a
    # proper noun it tags as something else, or not at all, is still a candidate that the
    # gazetteer may know.
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PLACES and _says_where(tok):
            first = tok
            while first.i > sent.start and first.nbor(-1).dep_ == "compound" and \
                    first.nbor(-1).head.i == tok.i:
                first = first.nbor(-1)
            out.append(sent.doc[first.i : tok.i + 1].text)
    return out


_NOT_PLACES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
                         "ORDINAL", "QUANTITY", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE"})


def _says_where(tok: Token) -> bool:
    """``tok`` is the object of "in/at/near..." on a verb or on one of its main arguments."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ not in ("in", "at", "near", "outside", "inside", "through", "across"):
        return False
    anchor = prep.head
    return anchor.pos_ in ("VERB", "AUX") or anchor.dep_ in ("nsubj", "nsubjpass", "dobj")

