"""Events named by a noun ("the visit", "an attack on ...")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.context import ArticleContext
from tidings.coder.events.arguments import (
    actors_of,
    claimed,
    first_actors,
    speaker_of,
    subject_of,
    target_candidates,
    used_weapon,
)
from tidings.coder.events.building import own_country, pairs
from tidings.coder.events.matching import (
    clause_of,
    occurs,
    occurs_as,
    slot_names_actor,
    try_pattern,
)
from tidings.coder.events.modality import governed_as, modality_of
from tidings.coder.events.mutual import both_sides, fights_itself
from tidings.coder.events.roles import in_topic
from tidings.coder.events.scope import ASSERTED, CoderKnowledge, Match, Matches, Modality
from tidings.coder.events.venues import localised, places_attacked, sole_country, venue_actor
from tidings.coder.patterns import Pattern
from tidings.coder.syntax import governed_by, infinitive, noun_infinitive, verb_of
from tidings.records import Actor, Event


def noun_events(k: CoderKnowledge, noun: Token, cands: list[Pattern], index: int, matches: Matches,
                ctx: ArticleContext, coded_verbs: set[int],
                speech: dict[int, Token] | None = None) -> list[Event]:
    """The events a noun names, with whom it names as their source and target."""
    if _statistic(k, noun):
        return []
    clause, also = _noun_clause(k, noun)
    m, via_verb = _match_noun(k, noun, cands, clause, also, matches, ctx, coded_verbs)
    if m is None:
        return []
    p = m.pattern
    # "the rebels said they would step up attacks on ...": the noun's verb is reported
    # speech, whose pronouns are the speaker's and whose "would" is a stated intention
    speaker = speaker_of(k, noun.head, speech) if speech and noun.head.pos_ in (
        "VERB", "AUX") else None
    sources = _noun_sources(k, noun, clause, matches, ctx, coded_verbs, speaker)
    sources, targets = _noun_roles(k, noun, m, via_verb, sources, matches, ctx)
    if not sources:
        return []
    sources, targets = _placed(k, noun, matches, sources, targets)
    if not targets and p.code[:2] in k.rules.own_country_noun_roots:
        targets = own_country(k, p.code, sources)  # ("in protest at the pension plan")
    flags = _noun_modality(k, noun, p.code, speaker)
    tokens = [*m.tokens, noun.head] if via_verb else m.tokens
    if p.code in k.rules.generic_attack_codes and (w := used_weapon(k, noun)) and \
            (armed := k.rules.phrase_weapons.get(w)) and \
            armed[:2] == p.code[:2]:
        p = replace(p, id=f"armed:{w}>{p.id}", code=armed)  # ("air strikes on bridges")
    return pairs(k, p.code, sources, targets, tokens, index, p, flags, None)


def _placed(k: CoderKnowledge, noun: Token, matches: Matches, sources: list[Actor],
            targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """"the shooting of an imam by soldiers" in a sentence naming Thailand alone: agents of no
    country are of the only country the sentence names, except governments and businesses
    (rules.yaml nameless_sources: "President X gave a warm welcome to South Africa's
    leader" says nothing of X's country)."""
    def placeable(a: Actor) -> bool:
        return a.country is None and bool(a.agent) and \
            f"---{a.agent}" not in k.rules.nameless_sources

    if not any(placeable(a) for a in (*sources, *targets)):
        return sources, targets
    sole = sole_country(noun.sent, matches)
    if sole is None:
        return sources, targets
    return ([localised(a, sole) if placeable(a) else a for a in sources],
            [localised(a, sole) if placeable(a) else a for a in targets])


def _statistic(k: CoderKnowledge, noun: Token) -> bool:
    """"Trade between China and Russia reached $240 billion": the noun is measured, not done
    (rules.yaml statistic_verbs, with a figure in the verb's phrase)."""
    verb = noun.head
    return noun.dep_ == "nsubj" and verb.lemma_.lower() in k.rules.statistic_verbs and any(
        t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
        for c in verb.children if c.i > verb.i for t in c.subtree)


def _noun_clause(k: CoderKnowledge, noun: Token) -> tuple[list[Token], tuple[Token, ...]]:
    """Which tokens the noun's patterns may use: its clause, and its verb's if it is the subject."""
    clause = clause_of(noun, max_depth=3)
    also: tuple[Token, ...] = ()
    if noun.dep_ == "nsubj" and occurs(k, noun.head):
        # "fighting broke out between A and B", "clashes erupted in X": what the verb
        # says of where and between whom is said of the event.
        also = (noun.head,)
        clause = sorted({*clause, *(t for t in clause_of(noun.head, max_depth=3)
                                    if t.i != noun.i and not governed_by(t, noun))},
                        key=lambda t: t.i)
    return clause, also


def _match_noun(k: CoderKnowledge, noun: Token, cands: list[Pattern], clause: list[Token],
                also: tuple[Token, ...], matches: Matches, ctx: ArticleContext,
                coded_verbs: set[int]) -> tuple[Match | None, bool]:
    """Which candidate pattern the noun matches first, and whether its target is the verb's."""
    # The object of a verb with no pattern of its own ("gave Tanzania a grant", "staged a
    # protest in Beijing"): the verb's arguments are the noun's.
    light = noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") and \
        noun.head.i not in coded_verbs
    m = None
    via_verb = False
    for p in cands:
        m = try_pattern(k, p, noun, clause, also)
        if m is not None and not slot_names_actor(k, m, matches, ctx) and \
                not _names_place(k, m, matches):
            m = None  # "fighting with machine guns" is not "fighting with {target}"
        if m is None and light and p.target and p.target.kind == "prep":
            bare = replace(p, target=None,
                           words=tuple(w for w in p.words if w != p.target.prep))
            m = try_pattern(k, bare, noun, clause)
            via_verb = m is not None
        if m is not None:
            break
    return m, via_verb


def _names_place(k: CoderKnowledge, m: Match, matches: Matches) -> bool:
    """The target slot of an attack names a known place ("air strikes on Aleppo")."""
    return m.pattern.code[:2] in k.rules.place_target_roots and any(
        k.resolver.location_country(h, matches) is not None for h in m.target_heads)


def _noun_sources(k: CoderKnowledge, noun: Token, clause: list[Token], matches: Matches,
                  ctx: ArticleContext, coded_verbs: set[int],
                  speaker: Token | None = None) -> list[Actor]:
    """Who does the event a noun names, from the first of its clues that names someone."""
    # Source: a possessive or adjective on the noun, a "by" phrase, or the subject of the
    # verb the noun is the object of ("launched an attack on ...").
    sources = _by_phrase_sources(k, clause, matches, ctx)
    if not sources and _done_by_unknown(noun):
        return []  # ("rallies by the Sawa group": theirs, whoever they are)
    if not sources:
        sources = _modifier_sources(k, noun, matches, ctx)
    if not sources:
        sources = _responsible_sources(k, noun, matches, ctx)
    if not sources:
        sources = _visit_sources(k, noun, matches, ctx)
    if not sources:
        sources = _response_sources(k, noun, matches, ctx)
    if not sources:
        sources = _manner_sources(k, noun, matches, ctx)
    if not sources:
        sources = _light_verb_sources(k, noun, matches, ctx, coded_verbs, speaker)
    return sources


def _by_phrase_sources(k: CoderKnowledge, clause: list[Token], matches: Matches,
                       ctx: ArticleContext) -> list[Actor]:
    """Who the first "by" phrase of the noun's clause that names an actor names."""
    sources: list[Actor] = []
    for c in clause:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            sources = actors_of(k, objs, matches, ctx, None, {})
            if sources:
                break
    return sources


def _done_by_unknown(noun: Token) -> bool:
    """The noun's own "by" phrase names its doer ("rallies by a new movement"), though no
    actor the coder knows: no one else is taken for the doer."""
    return any(c.dep_ in ("prep", "agent") and c.lower_ == "by" and any(
        g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") and not g.like_num
        for g in c.children) for c in noun.children)


def _modifier_sources(k: CoderKnowledge, noun: Token, matches: Matches,
                      ctx: ArticleContext) -> list[Actor]:
    """Who the first possessive, adjective or compound on the noun that names an actor names."""
    mods = [c for c in noun.lefts if c.dep_ in ("poss", "amod", "compound", "nmod")]
    for c in mods:
        if c.pos_ == "PRON" and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in (
                "VERB", "AUX"):
            # "the AU repeated its demand": "its" is the subject's.
            subj, passive = subject_of(k, noun.head)
            if subj is not None and subj.pos_ != "PRON" and not passive:
                got = actors_of(k, [subj], matches, ctx, None, {})
                if got:
                    return got
        # A sector word as adjective ("military aid") names no one.
        got = [a for a in k.resolver.resolve(c, matches, ctx)
               if not a.code.startswith("---")]
        if got:
            return got
    return []


def _responsible_sources(k: CoderKnowledge, noun: Token, matches: Matches,
                         ctx: ArticleContext) -> list[Actor]:
    """Who is said to be responsible for the event the noun names, or claims it."""
    claimer = claimed(k, noun)
    if claimer is not None:
        # "the Pakistani Taliban claimed responsibility for a bomb attack": theirs.
        return _doers(k, claimer, matches, ctx)
    if noun.dep_ == "pobj" and noun.head.lower_ in k.rules.responsible_preps and \
            noun.head.head.lemma_.lower() in k.rules.responsible_words and \
            noun.head.head.dep_ == "acomp":
        # "the government is responsible for mass killings": who is responsible did it.
        return _doers(k, noun.head.head.head, matches, ctx)
    return []


def _doers(k: CoderKnowledge, verb: Token, matches: Matches, ctx: ArticleContext,
           speaker: Token | None = None) -> list[Actor]:
    """Whom the active subject of ``verb`` names (no one for a passive verb)."""
    subj, passive = subject_of(k, verb)
    if subj is None or passive:
        return []
    return actors_of(k, [subj], matches, ctx, speaker, {})


def _response_sources(k: CoderKnowledge, noun: Token, matches: Matches,
                      ctx: ArticleContext) -> list[Actor]:
    """"Israel responded with air strikes on Gaza": who answered with the act."""
    verb = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and verb.pos_ == "VERB" and \
            verb.lemma_.lower() in k.rules.response_verbs:
        return _doers(k, verb, matches, ctx)
    return []


def _visit_sources(k: CoderKnowledge, noun: Token, matches: Matches,
                   ctx: ArticleContext) -> list[Actor]:
    """Who is "on" or "during" the event the noun names."""
    if noun.dep_ == "pobj" and (noun.head.lower_ in k.rules.visit_preps or (
            noun.head.lower_ in k.rules.consultation_preps
            and noun.lemma_.lower() in k.rules.consultation_nouns)):
        # "Wang Yi, on a visit to Tehran, signed ...", "said during a visit to Kyiv": the
        # one on the visit.
        anchor = noun.head.head
        if anchor.lemma_.lower() in k.patterns.speech_lemmas and _violent_noun(k, noun):
            return []  # ("..., during an assault on Nekemte, the UN said": not the UN's)
        if anchor.pos_ in ("NOUN", "PROPN"):
            return actors_of(k, [anchor], matches, ctx, None, {})
        if anchor.pos_ in ("VERB", "AUX"):
            subj, passive = subject_of(k, anchor)
            if subj is not None and subj.pos_ == "PRON" and anchor.dep_ == "ccomp":
                # "Jalili said he was optimistic after talks with Ashton": the one who said
                # it, whom "he" stands for
                subj, passive = subject_of(k, anchor.head)
            if subj is not None and not passive:
                return actors_of(k, [subj], matches, ctx, None, {})
    return []


def _manner_sources(k: CoderKnowledge, noun: Token, matches: Matches,
                    ctx: ArticleContext) -> list[Actor]:
    """"dockers stayed off the job in protest at the reform", "sailed past the island in a show of
    force": the act is the manner of the verb's subject's act, and theirs."""
    verb = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and verb.pos_ in ("VERB", "AUX") and \
            noun.lemma_.lower() in k.rules.manner_nouns:
        return _doers(k, verb, matches, ctx)
    return []


def _violent_noun(k: CoderKnowledge, noun: Token) -> bool:
    """The noun names a violent act (its patterns are of rules.yaml violent roots)."""
    return any(p.code[:2] in k.rules.violent_roots
               for p in k.patterns.nouns.get(noun.lemma_.lower()) or ())


def _light_verb_sources(k: CoderKnowledge, noun: Token, matches: Matches, ctx: ArticleContext,
                        coded_verbs: set[int], speaker: Token | None = None) -> list[Actor]:
    """Who is the active subject of the uncoded verb the noun is the object of, or of the verb
    of enactment that names it ("ordered the reimposition of sanctions")."""
    enacting = enacted_by(k, noun)
    if enacting is not None:
        return _doers(k, enacting, matches, ctx, speaker)
    verb = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and verb.pos_ in (
            "VERB", "AUX") and verb.i not in coded_verbs and not _purpose(verb) and \
            verb.lemma_.lower() not in k.rules.onlooker_verbs:
        # (not "journalists covering a protest", "Pakistan suffered a wave of attacks")
        return _doers(k, verb, matches, ctx, speaker)
    return []


def enacted_by(k: CoderKnowledge, noun: Token) -> Token | None:
    """The verb of enactment (rules.yaml enactment) whose object names the act ``noun`` names:
    "announced the severing of ties", "ordered the reimposition of sanctions"."""
    t = noun
    if t.dep_ == "pobj" and t.head.lower_ == "of" and \
            t.head.head.lemma_.lower() in k.rules.enactment_nouns:
        t = t.head.head
    verb = t.head
    if t.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and \
            verb.lemma_.lower() in k.rules.enactment_verbs:
        return verb
    return None


def _purpose(verb: Token) -> bool:
    """``verb`` is an infinitive of purpose after another verb's object ("sent observers to
    monitor a ceasefire", "deployed troops to oversee the truce"): what it is done to is an
    aim, not an act of the doer's."""
    return verb.dep_ == "advcl" and infinitive(verb) or noun_infinitive(verb)


def _noun_roles(k: CoderKnowledge, noun: Token, m: Match, via_verb: bool, sources: list[Actor],
                matches: Matches, ctx: ArticleContext) -> tuple[list[Actor], list[Actor]]:
    """Who the source and the target of the event are, given the pattern's slots."""
    p = m.pattern
    if p.actors:
        pair = actors_of(k, m.pair_heads, matches, ctx, None, {})
        if p.symmetric and fights_itself(k, p.code, m.pair_heads, pair):
            return pair, [both_sides(pair[0])]  # ("clashes between rival communities")
        if not sources or p.symmetric and len(pair) > 1:
            # ("put its army on alert during fighting between Malian troops and rebels":
            # the two named fight each other, whoever the clause's subject is)
            return pair, []
        return sources, pair
    if via_verb:
        # ("British and Chinese negotiators resumed talks over Hong Kong": with each other,
        # about Hong Kong)
        mutual = len(sources) > 1 and p.code[:2] == k.rules.meeting_root
        targets = first_actors(k, target_candidates(k, noun.head, [noun]), matches,
                               ctx, None, {}, skip=lambda a: mutual and in_topic(k, a, noun.head))
        if not targets and p.code[:2] in k.rules.venue_target_roots:
            targets = venue_actor(k, noun.head, matches)
        return sources, targets
    targets = actors_of(k, m.target_heads, matches, ctx, None, {})
    if p.code[:2] in k.rules.place_target_roots:
        targets = places_attacked(targets)
    if not targets and p.code[:2] in k.rules.place_target_roots:
        # "Russian air strikes on Aleppo": an attack on a place is aimed at its country.
        for head in m.target_heads:
            found = k.resolver.location_country(head, matches)
            if found is not None:
                code, text = found
                start = head.doc.text.find(text, head.left_edge.idx)
                start = start if start >= 0 else head.idx
                targets = [Actor(code, text, start, start + len(text), f"place:{text}",
                                 code, None)]
                break
    if not targets and p.target is None and not p.actors and \
            p.code[:2] in k.rules.named_target_roots:
        # "the expulsion of three Kenyan diplomats": with no slot, whom the pattern's own
        # words name is aimed at (as a verb's object is: "expelled three Kenyan diplomats")
        # (the word itself, not what is joined to it: "a blockade of roads and universities")
        own = {s.code for s in sources}
        targets = [a for t in m.tokens if t.i != noun.i and t.pos_ in ("NOUN", "PROPN")
                   for a in actors_of(k, [t], matches, ctx, None, {})
                   if a.start <= t.idx < a.end and a.code not in own]
    return sources, targets


def _unreal(k: CoderKnowledge, noun: Token) -> bool:
    """The noun is named after "of" by a noun of fearing, foreseeing or remembering
    (rules.yaml unreal_nouns): "the threat of a Russian attack", "the anniversary of the
    invasion"."""
    t = noun
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
        t = t.head.head
        if t.lemma_.lower() in k.rules.unreal_nouns:
            return True
    return False


def _noun_modality(k: CoderKnowledge, noun: Token, code: str,
                   speaker: Token | None = None) -> Modality:
    """Whether the event is asserted, negated, future or hypothetical, from the noun's verb
    (and not asserted at all when the verb cancels it, or ends a fight)."""
    flags = modality_of(k, noun.head, speaker) if noun.head.pos_ == "VERB" else ASSERTED
    if noun.head.pos_ != "VERB" and (v := verb_of(noun)) >= 0 and not infinitive(noun.doc[v]):
        # ("denied that its troops killed civilians during an operation against bandits":
        # what the phrase's verb does not assert, the phrase does not either; an infinitive's
        # phrase is often the clause's: "urged Pakistan to pull back after talks with ...")
        around = modality_of(k, noun.doc[v], speaker)
        flags = flags._replace(negated=around.negated, hypothetical=around.hypothetical)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        # "a visit by the minister is expected next month": what its own verb makes of it
        kind = governed_as(k, noun.head)
        flags = flags._replace(future=flags.future or kind == "future",
                               hypothetical=flags.hypothetical or kind == "hypothetical")
    if _unreal(k, noun) or noun.dep_ == "dobj" and \
            noun.head.lemma_.lower() in k.rules.reason_verbs | k.rules.unreal_verbs:
        # "fears of an Iranian attack"; "citing abuses": a reason given, not an act reported;
        # "risk another clash": what is risked
        flags = flags._replace(hypothetical=True)
    # ("to end more than a year of fighting": what measures the act stands for it)
    obj = noun
    while obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ == "dobj":
        obj = obj.head.head
    ending = k.rules.ending_verbs if code[:2] in k.rules.ended_roots else ()
    if obj.dep_ in ("dobj", "nsubjpass") and \
            occurs_as(k, obj.head, (*k.rules.cancelling_verbs, *ending)):
        flags = flags._replace(negated=True)  # "postponed the demonstration", "headed off"
    return flags
