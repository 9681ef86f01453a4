"""Coreference for the actor resolver: what a phrase that names no one itself ("the
country", "the group", "both sides", a name seen earlier) refers to, in its sentence or in
the article's memory."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from tidings.coder.context import ArticleContext
from tidings.coder.dictionary import Entry
from tidings.coder.rules import Rules
from tidings.coder.syntax import clause_subject_span
from tidings.records import Actor

Matches = dict[int, tuple[Span, list[Entry]]]  # a sentence's dictionary matches, by token
Found = list[tuple[Actor, bool]]  # what a rule finds: (actor, is a person)
Make = Callable[[str, str | None, str | None, str], Actor]  # (code, country, agent, rule)


def coreferent_actors(head: Token, region: tuple[str, str, Span] | None,
                      agent_code: str | None, make: Make, ctx: ArticleContext, r: Rules,
                      matches: Matches | None = None) -> Found | None:
    """With no country named: the state last named, the region, or an earlier mention."""
    if head.lemma_.lower() in r.state_nouns and head.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in r.definite_determiners
            for c in head.children) and not any(
            c.dep_ in ("poss", "prep") for c in head.children):
        # "the country", "the Central American country": the state last named.
        prev = ctx.last_country(subject=head.dep_ in ("nsubj", "nsubjpass"),
                                skip=clause_subject_span(head))
        if prev is not None and prev.country is not None:  # (last_country has a country)
            return [(make(prev.country, prev.country, None, f"coref:{prev.text}"), False)]
    if region is not None:
        code, name, span = region
        doc = span.doc
        if agent_code and span.start >= 2 and doc[span.start - 1].text == "-" and \
                doc[span.start - 2].lower_ in r.stance_prefixes:
            # "pro-European protesters", "anti-Western militants": a stance, not where they
            # are from; a sector of no state, placed by where the sentence says it acted
            return [(make("---" + agent_code, None, agent_code, f"region:{name}"), False)]
        return [(make(code + (agent_code or ""), code, agent_code, f"region:{name}"), False)]
    # Nothing in the dictionaries: coreference with earlier mentions.
    low = head.lower_
    if head.pos_ == "PROPN" and low in ctx.names:
        prev = ctx.names[low]
        return [(make(prev.code, prev.country, prev.agent, f"coref:{prev.text}"), True)]
    if head.pos_ == "NOUN" and agent_code and _definite_plural(head, r):
        if armed := _armed_group(agent_code, ctx, r, org_named_before(head, matches)
                                 if matches is not None else None):
            code, name, country = armed
            return [(make(code, country, None, f"coref:{name}"), False)]
        if same := next((a.country for a, _ in reversed(ctx.recent) if a.agent == agent_code
                         and a.country and not a.code.startswith("---")), None):
            # "Russian troops shelled Kharkiv. The soldiers also attacked ...": Russia's
            return [(make(same + agent_code, same, agent_code, f"coref:{same}"), False)]
    if head.pos_ == "NOUN":
        lemma = head.lemma_.lower()
        if lemma in r.pair_words and _is_pair(head, r):
            pair = ctx.last_pair(by_country=lemma in r.country_pair_words,
                                 skip=clause_subject_span(head), before=head.idx)
            if pair:
                return [(make(a.code, a.country, a.agent, f"coref:{a.text}"), False)
                        for a in pair]
        det = {c.lower_ for c in head.children if c.dep_ == "det"}
        if det & r.anaphoric_determiners and lemma in ctx.by_agent_word:
            prev = ctx.by_agent_word[lemma]
            return [(make(prev.code, prev.country, prev.agent, f"coref:{prev.text}"), False)]
    return None


def verb_phrase(prep: Token) -> bool:
    """A preposition whose object is a verb: "accusing the agency of mishandling ...", where
    "of mishandling" belongs to "accusing", misattached to the noun."""
    return prep.dep_ == "prep" and any(c.dep_ == "pcomp" for c in prep.children)


def org_named_before(head: Token, matches: Matches, nonstate: bool = False
                     ) -> tuple[str, str, str | None] | None:
    """The organisation the dictionary matched last before ``head`` in its sentence (with
    ``nonstate``, no intergovernmental body): its code, name and home country."""
    for i in range(head.i - 1, head.sent.start - 1, -1):
        hit = matches.get(i)
        org = next((e for e in hit[1] if e.kind == "org" and not (
            nonstate and e.code.startswith("IGO"))), None) if hit else None
        if org is not None:
            return org.code, org.name, org.country
    return None


def _armed_group(agent_code: str, ctx: ArticleContext, r: Rules,
                 here: tuple[str, str, str | None] | None
                 ) -> tuple[str, str, str | None] | None:
    """"Hamas fired rockets at Sderot, and the militants ...": "the" and a plural word of an
    armed sector (rules.yaml armed_anaphora.agents) and nothing else is the armed group named
    last before it, ``here`` in its sentence or in an earlier one (code, name, home country)."""
    if agent_code not in r.armed_anaphora_agents:
        return None

    def armed(code: str) -> bool:
        return code[3:6] in r.armed_anaphora_agents or code.startswith(
            r.unconventional_doer_codes)

    if here is not None and armed(here[0]):
        return here
    prev = ctx.last_org()
    if prev is not None and armed(prev.code):
        return prev.code, prev.text, prev.country
    return None


def _definite_plural(head: Token, r: Rules) -> bool:
    """``head`` is a plural noun with "the" and nothing else before it ("the militants")."""
    return head.tag_ == "NNS" and not any(
        c.dep_ != "det" for c in head.children if c.i < head.i) and any(
        c.dep_ == "det" and c.lower_ in r.definite_determiners for c in head.children)


def _is_pair(head: Token, r: Rules) -> bool:
    mods = {c.lower_ for c in head.children}
    return bool(mods & r.pair_quantifiers) and head.tag_ in ("NNS", "NNPS")

