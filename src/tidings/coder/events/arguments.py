"""Arguments: who did it and to whom. Subjects, agents and speakers, the candidates for a
verb's target, and the actors their head words name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from tidings.coder.context import ArticleContext
from tidings.coder.events.matching import clause_of
from tidings.coder.events.scope import CoderKnowledge, Matches
from tidings.coder.events.venues import place_of
from tidings.coder.syntax import act_doers, agent_of, infinitive, prep_objects, through_prep
from tidings.records import Actor


def subject_of(k: CoderKnowledge, verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` (following coordination and control) and passive voice."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    t = verb
    for _ in range(6):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if c.lower_ in k.rules.relative_pronouns and t.dep_ == "relcl":
                    return t.head, passive
                return c, passive
        if t.dep_ == "relcl" and t.head.dep_ == "attr" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            # "Modi became the first Asian leader to visit Kyiv": who became it visited
            t = t.head.head
            continue
        if t.dep_ == "relcl":
            return t.head, passive
        if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and t.head.dep_ == "ROOT" and \
                t.head.pos_ in ("NOUN", "PROPN"):
            # "Nigeria's unions threatened to strike" parsed as a noun phrase: the noun
            # with no verb of its own is the subject.
            return t.head, passive
        if infinitive(t) and t.head.lemma_.lower() in k.rules.prompting_verbs and (
                obj := next((c for c in t.head.children if c.dep_ == "dobj"), None)):
            return obj, passive  # "prompting the Taliban to vow retaliation": they vowed
        if t.dep_ in ("conj", "acomp") or infinitive(t) or (
                t.dep_ in ("advcl", "acl") and t.tag_ == "VBG"):
            if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                # "issued a statement demanding ...", "passed a law banning ...": whoever
                # issued the statement or enacted the law.
                if (t.head.lemma_.lower() in k.rules.statement_nouns
                        or t.head.lemma_.lower() in k.rules.instruments) and \
                        t.head.head.pos_ in ("VERB", "AUX"):
                    t = t.head.head
                    continue
                return t.head, passive
            if t.dep_ == "advcl" and t.head.lemma_.lower() in k.rules.accident_verbs:
                return None, passive  # "a helicopter crashed, killing 25 people on board"
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and (
                t.head.lower_ in k.rules.means_preps or t.head.lower_ in k.rules.sequence_preps
        ) and t.head.head.pos_ in ("VERB", "AUX"):
            # "Beijing responded by suspending imports", "retaliated by expelling ...",
            # "killed hundreds after overrunning the town": the doer of the verb the act is
            # the means of, or was done before or after
            t = t.head.head
            continue
        break
    return None, passive

def speaker_of(k: CoderKnowledge, verb: Token, speech: dict[int, Token]) -> Token | None:
    """The speech verb whose reported clause contains ``verb``."""
    t = verb
    for _ in range(8):
        if t.head.i == t.i:
            return None
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in k.rules.adverbial_marks
                                     for c in t.children):
            # "..., saying Islamabad had made sacrifices, after Trump accused it": the
            # time clause is the reporter's, not part of what was said
            return None
        if t.head.i in speech and t.dep_ not in ("nsubj", "dobj"):
            # An attribution after the fact ("..., a newspaper reported") is a source of
            # information, not the speaker the clause's pronouns refer to.
            return t.head if t.i > t.head.i else None
        t = t.head
    return None

def target_candidates(k: CoderKnowledge, verb: Token, used: list[Token]) -> Iterator[list[Token]]:
    """Where the target of a verb may be, most likely first: the indirect or direct object,
    the object of a "with/to/against/on..." phrase, the same on an event noun used as
    object ("signed an agreement with the EU"), then inside an infinitive complement."""
    yield from _act_doers(k, verb, used)
    yield from _object_candidates(verb, used)
    preps = _verb_preps(verb)
    yield from _prep_candidates(k, verb, preps)
    yield from _inside_object_candidates(k, verb)
    for c in verb.children:
        if infinitive(c):
            yield from target_candidates(k, c, used)
    yield from _deep_candidates(k, verb, preps)
    yield from _complement_subject_candidates(k, verb)
    yield from _cause_candidates(k, verb, preps)


def setting_candidates(k: CoderKnowledge, verb: Token) -> Iterator[list[Token]]:
    """Whom the talks an act was done in were held with ("apologised in a phone call with
    Zelenskiy", "pledged support during talks with Modi"; rules.yaml consultation_setting):
    the party of the talks, for an act that names none."""
    for prep in _verb_preps(verb):
        if prep.lower_ not in k.rules.consultation_preps:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() in k.rules.setting_nouns:
                yield from prep_objects([g for g in noun.children if g.dep_ == "prep"],
                                        tuple(k.rules.setting_party_preps))


def _cause_candidates(k: CoderKnowledge, verb: Token, preps: list[Token]
                      ) -> Iterator[list[Token]]:
    """Whose act the act answers, named in its cause (rules.yaml: cause_preps): "recalled
    its ambassador over Israel's offensive", "... for consultations over the strikes by
    X": the owner of the act named, or its "by" phrase."""
    if not k.rules.cause_preps:
        return
    for prep in _phrase_preps(verb, preps):
        if prep.lower_ not in k.rules.cause_preps:
            continue
        for act in (c for c in prep.children if c.dep_ == "pobj"):
            owners = [c for c in act.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
            if owners:
                yield owners
            yield from prep_objects([g for g in act.children if g.dep_ == "prep"], ("by",))
            # ("voiced displeasure over American complaints", "over Israeli strikes")
            named = [c for c in act.children if c.dep_ in ("amod", "compound") and c.i < act.i
                     and c.ent_type_ in ("NORP", "GPE")]
            if named:
                yield named

def _phrase_preps(verb: Token, preps: list[Token]) -> list[Token]:
    """The verb's prepositions, then those inside its object and prepositional phrases, down
    to three phrases deep ("recalled its ambassador for consultations over ..."), in order."""
    out, frontier = list(preps), [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in preps for o in p.children if o.dep_ == "pobj"]
    for _ in range(3):
        found = [g for n in frontier for g in n.children if g.dep_ == "prep"]
        out += found
        frontier = [o for p in found for o in p.children if o.dep_ == "pobj"]
    return out


def _object_candidates(verb: Token, used: list[Token]) -> Iterator[list[Token]]:
    """The verb's indirect objects, then its direct objects, each kind as one group."""
    for dep in ("dative", "dobj"):
        found = [through_prep(c) for c in verb.children if c.dep_ == dep and c not in used]
        objs = [o for o in found if o is not None]
        if objs:
            yield objs

def _act_doers(k: CoderKnowledge, verb: Token, used: list[Token]) -> Iterator[list[Token]]:
    """Who did the act the verb's object names, when a "by" phrase says it: "condemned an
    attack by Somali troops in Uganda" is aimed at the troops, not at where the attack was.
    (An act is a word some noun pattern is headed by.)"""
    for c in verb.children:
        if c.dep_ == "dobj" and c not in used and c.lemma_.lower() in k.patterns.nouns:
            yield from prep_objects([p for p in c.children if p.dep_ in ("prep", "agent")],
                                    ("by",))
            yield act_doers([c])  # ("condemned the killings committed by security forces")


def _verb_preps(verb: Token) -> list[Token]:
    """The prepositions on the verb, then those on its particle."""
    # Prepositions on the verb, or on its particle ("kidnapped up to 16 advisers").
    preps = [c for c in verb.children if c.dep_ == "prep"]
    # (and on an adverb right after the verb that the parser took for no particle: "walked
    # away from talks with the government", "pulled back from the border with Lebanon")
    preps += [g for c in verb.children if c.dep_ == "prt" or (
                  c.dep_ == "advmod" and c.pos_ == "ADV" and c.i == verb.i + 1)
              for g in c.children if g.dep_ == "prep"]
    # (and on a particle right after the verb parsed as a preposition with no object:
    # "walked out of talks with the government"; not "according to")
    preps += [g for c in list(preps) if c.i == verb.i + 1 and not any(
        o.dep_ == "pobj" for o in c.children) for g in c.children if g.dep_ == "prep"]
    return preps

def _prep_candidates(k: CoderKnowledge, verb: Token, preps: list[Token]) -> Iterator[list[Token]]:
    """Whom the verb's prepositions name: target ones, "by" after an object, "in defiance of"."""
    yield from prep_objects(preps, k.rules.target_preps)
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and any(
            c.dep_ == "dobj" for c in verb.children):
        # "condemned the nuclear test by North Korea" ("by" parsed on the verb).
        yield from prep_objects(preps, ("by",))
    # "blocked roads in defiance of the authorities", "in protest at the government's
    # plan": whom the act answers or defies.
    objs_preps = [g for c in verb.children if c.dep_ == "dobj" for g in c.children
                  if g.dep_ == "prep"]
    for prep in [*preps, *objs_preps]:
        if prep.lower_ == "in":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in k.rules.target_phrases:
                    yield from prep_objects(
                        [g for g in pobj.children if g.dep_ == "prep"],
                        k.rules.answer_preps)

def mediated(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` is one of mediating ("brokered", "mediated"): its doer is a go-between."""
    return bool(k.rules.mediation_code) and any(
        p.code == k.rules.mediation_code and not p.words
        for p in k.patterns.verbs.get(verb.lemma_.lower(), ()))


def _inside_object_candidates(k: CoderKnowledge, verb: Token) -> Iterator[list[Token]]:
    """Who a direct object names: its agent, owner, modifier, prepositions, clause subject."""
    for c in verb.children:
        # (and what the object is called: "called the seizure an Iranian act of terrorism")
        if c.dep_ in ("dobj", "oprd"):
            if c.lemma_.lower() in k.patterns.nouns:
                # "accepted a ceasefire with Russia proposed by Washington": the party an
                # act names comes before whoever proposed it
                # (a party, not a thing: "tighten the blockade of Serbia with Albania's help")
                yield from ([o for o in objs if o.lemma_.lower() not in
                             k.resolver.non_actor_heads] for objs in prep_objects(
                    [p for p in c.children if p.dep_ == "prep"], ("with", "between")))
            # "condemned the sanctions imposed by the EU": who did what is condemned (not a
            # go-between: "accepted a ceasefire brokered by Washington").
            for acl in c.children:
                if acl.dep_ == "acl" and not mediated(k, acl):
                    agent = agent_of(acl)
                    if agent is not None:
                        yield [agent]
                    elif acl.tag_ == "VBN":
                        # "lifted sanctions imposed on India": whom what it names was aimed at
                        yield from prep_objects([p for p in acl.children if p.dep_ == "prep"],
                                                ("on", "against"))
                    # "attacked a convoy carrying soldiers": the people it carries
                    if acl.lemma_.lower() in k.rules.carrier_verbs:
                        yield [g for g in acl.children if g.dep_ == "dobj"]
            # "rejected North Korea's demand", "welcomed Germany's statement", "vetoed a
            # UN resolution": whose it is.
            for poss in c.children:
                if poss.dep_ == "poss" and poss.pos_ in ("PROPN", "NOUN") and not any(
                        m.tag_ in ("JJS", "RBS") for m in c.children if m.i < c.i):
                    # (not "seized Europe's largest nuclear plant": the best of a place is
                    # not its owner's)
                    yield [poss]
            for mod in c.children:
                # "rejected a Western-drafted peace deal": who drafted it (not a go-between:
                # "a Norwegian-brokered truce")
                if mod.dep_ == "amod" and mod.tag_ == "VBN" and not mediated(k, mod):
                    yield [g for g in mod.children if g.i < mod.i and g.dep_ in (
                        "amod", "npadvmod", "compound", "nmod") and (
                        g.pos_ in ("PROPN", "ADJ") or g.ent_type_ in ("NORP", "GPE", "ORG"))]
            for mod in c.children:
                if mod.dep_ in ("compound", "amod", "nmod") and mod.i < c.i and (
                        mod.pos_ == "PROPN" or mod.ent_type_ in ("NORP", "GPE", "ORG")
                        # "rejected opposition calls", "defied a government ban"
                        or mod.dep_ == "compound" and mod.pos_ == "NOUN"
                        and mod.lemma_.lower() in k.resolver.dictionary.agent_words):
                    yield [mod]
            # "rejected calls by Belarus for aid", "investigated crimes by militias
            # against civilians": who did what the verb reacts to comes first; then
            # "demanded the withdrawal of Serbian forces from Bosnia": who is to act (or
            # be acted on) comes before where.
            yield from prep_objects([p for p in c.children if p.dep_ in ("prep", "agent")],
                                     ("by", "of", *k.rules.target_preps))
            # "repeated its demand that Sudan release ...": who is to act.
            for cl in c.children:
                if cl.dep_ in ("acl", "ccomp") and cl.i > c.i:
                    subj = [g for g in cl.children if g.dep_ == "nsubj"]
                    if subj:
                        yield subj

def _deep_candidates(k: CoderKnowledge, verb: Token, preps: list[Token]) -> Iterator[list[Token]]:
    """Who is named deeper in the verb's object or prepositional object (clause, prepositions)."""
    # Deeper in the object: "suspended part of a military aid program for Bosnia", or in
    # the object of the verb's preposition: "reneged on its commitment to the people".
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for p in preps if p.lower_ in k.rules.object_preps
                for g in p.children if g.dep_ == "pobj"]
    # (and an act asked for: "called for talks with Washington")
    objects += [g for p in preps if p.lower_ == "for" for g in p.children
                if g.dep_ == "pobj" and g.lemma_.lower() in k.patterns.nouns]
    for c in objects:
        if c.dep_ == "pobj":
            # "insisted on its demand that Burundi's government grant ...": who is to act.
            for cl in c.children:
                if cl.dep_ in ("acl", "ccomp") and cl.i > c.i:
                    subj = [g for g in cl.children if g.dep_ == "nsubj"]
                    if subj:
                        yield subj
        if c.dep_ in ("dobj", "pobj"):
            for t in clause_of(c, max_depth=4):
                if t.dep_ == "prep" and t.lower_ in k.rules.deep_target_preps:
                    objs = [g for g in t.children if g.dep_ == "pobj"]
                    if objs:
                        yield objs

def _complement_subject_candidates(k: CoderKnowledge, verb: Token) -> Iterator[list[Token]]:
    """The subject of a clausal complement that comes after the verb."""
    # "demanded that the US cancel ...": the subject of the clausal complement.
    for c in verb.children:
        if c.dep_ == "ccomp":
            subj, _ = subject_of(k, c)
            if subj is not None and subj.i > verb.i:
                yield [subj]

def first_actors(k: CoderKnowledge, groups: Iterable[list[Token]], matches: Matches,
                 ctx: ArticleContext, speaker: Token | None,
                 speech: dict[int, Token], avoid: list[Actor] | None = None,
                 skip: Callable[[Actor], bool] | None = None) -> list[Actor]:
    """The actors of the first group of candidate heads that names any; with ``avoid``
    (the sources), a group naming only the sources themselves or what they own ("to show
    their disapproval of ...") is passed over."""
    codes = {a.code for a in avoid or ()}
    countries = {a.country for a in avoid or () if a.country}
    # (the countries whose state the sources are: "ended the American embargo on Vietnam")
    states = {a.country for a in avoid or () if a.country and (
        a.agent is None and a.code == a.country or a.agent in k.rules.state_self_agents)}
    for group in groups:
        if all(t.ent_type_ in ("DATE", "TIME") for t in group):
            continue
        got = actors_of(k, group, matches, ctx, speaker, speech, remember=False)
        if got and skip is not None and all(skip(a) for a in got):
            continue
        if got and all(a.code in states for a in got) and not any(
                t.pos_ == "PROPN" and t.i not in matches for t in group):
            continue  # (but a body named after it is: "the Kenya Anti-Corruption Commission")
        if got and avoid and all(a.code in codes or (
                a.rule.startswith("owner:") or len(avoid) > 1) and a.country in countries
                for a in got):
            # (nor, for coordinated doers, a part of one of them: "China and Pakistan
            # pledged to speed up the corridor, a flagship of Beijing's initiative")
            continue
        if got:
            # Only the phrase chosen enters the article's memory for coreference.
            return actors_of(k, group, matches, ctx, speaker, speech)
    return []

def actors_of(k: CoderKnowledge, heads: list[Token], matches: Matches, ctx: ArticleContext,
              speaker: Token | None, speech: dict[int, Token],
              remember: bool = True) -> list[Actor]:
    out: list[Actor] = []
    for h in heads:
        if (h.pos_ == "PRON" and speaker is not None and
                h.lower_ in k.rules.speaker_pronouns):
            subj, _ = subject_of(k, speaker)
            if subj is not None and subj.pos_ != "PRON":
                spk = k.resolver.resolve(subj, matches, ctx, remember=False)
                out.extend(
                    Actor(a.code, h.text, h.idx, h.idx + len(h.text), f"speaker:{a.text}",
                          a.country, a.agent) for a in spk)
                continue
        claimer = claimed(k, h) if weapon_of(k, h) else None
        got = claimed_by(k, claimer, h, matches, ctx) if claimer is not None else []
        got = got or k.resolver.resolve(h, matches, ctx, remember=remember)
        if not got:
            got = owned(k, h, matches, ctx, speaker)
        if not got:
            got = authored(k, h, matches, ctx)
        out.extend(got)
    return out

def weapon_of(k: CoderKnowledge, head: Token, table: dict[str, str | None] | None = None
              ) -> str | None:
    """The weapon ``head`` names (rules.yaml: weapons.codes, or ``table``), by the word before
    it and its lemma ("suicide bomber") or its lemma alone ("bomber")."""
    table = k.rules.weapons if table is None else table
    lemma = head.lemma_.lower()
    if head.i > 0 and (pair := f"{head.doc[head.i - 1].lower_} {lemma}") in table:
        return pair
    return lemma if lemma in table else None

def used_weapon(k: CoderKnowledge, word: Token) -> str | None:
    """The weapon an attack's verb or noun names in its own phrases (rules.yaml weapons): the
    noun itself ("air strikes"), its object ("exchanged heavy artillery fire"), or a phrase of
    ``weapons.preps`` ("in a firefight", "with machine guns", "in a hail of gunfire")."""
    table = k.rules.phrase_weapons
    if word.pos_ == "NOUN" and (w := weapon_of(k, word)):
        return w
    for c in word.children:
        if c.dep_ == "dobj" and (w := weapon_of(k, c, table)):
            return w
        if c.dep_ == "prep" and c.lower_ in k.rules.weapon_preps:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                of = [x for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                      for x in p.children if x.dep_ == "pobj"]
                for x in (g, *of):
                    if w := weapon_of(k, x, table):
                        return w
    return None


def claimed(k: CoderKnowledge, noun: Token) -> Token | None:
    """The verb by which someone claims the event ``noun`` names ("claimed responsibility
    for the attack", "claimed the bombing"), if any."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in k.rules.claim_verbs:
        return noun.head
    owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if owner is not None and owner.lemma_.lower() in k.rules.responsibility_nouns and \
            owner.dep_ == "dobj" and owner.head.pos_ in ("VERB", "AUX"):
        return owner.head
    return None

def claimed_by(k: CoderKnowledge, claimer: Token, head: Token, matches: Matches,
               ctx: ArticleContext) -> list[Actor]:
    """Who used the weapon or did the attack ``head`` names: the subject of the verb that
    claims it."""
    subj, passive = subject_of(k, claimer)
    got = [] if subj is None or passive else k.resolver.resolve(subj, matches, ctx,
                                                                 remember=False)
    weapon = weapon_of(k, head)
    return [replace(a, rule=f"weapon:{weapon}>{a.rule}") for a in got] if weapon else got


def authored(k: CoderKnowledge, head: Token, matches: Matches, ctx: ArticleContext) -> list[Actor]:
    """A document stands for who issued it: "a report by Amnesty", "a statement from the
    ministry", "a report released in the Rwandan capital" (the state where it was); a
    weapon for who used it: "a car bomb set off by Taliban militants killed ..."."""
    weapon = weapon_of(k, head)
    if head.lemma_.lower() not in k.rules.documents and not weapon:
        # "an attack by Boko Haram fighters killed 20 villagers": an attack named as the
        # doer of an act is done by whom its own "by" names
        return [a for c in head.children if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj"
                for a in k.resolver.resolve(g, matches, ctx, remember=False)] if (
            head.dep_ == "nsubj" and any(p.code[:2] in k.rules.attack_doer_roots
                                         for p in k.patterns.nouns.get(head.lemma_.lower(), ()))
        ) else []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in k.rules.issuer_preps:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    got = k.resolver.resolve(pobj, matches, ctx, remember=False)
                    if got:
                        return got
    for acl in head.children:
        if acl.dep_ != "acl":
            continue
        agent = agent_of(acl)
        if agent is not None:
            got = k.resolver.resolve(agent, matches, ctx, remember=False)
            if got and weapon:
                # (the rule says which weapon: a bombing is coded as one)
                return [replace(a, rule=f"weapon:{weapon}>{a.rule}") for a in got]
            if got:
                return got
        place = None if weapon else place_of(k, acl, matches, preps=k.rules.document_place_preps)
        if place is not None:
            code, g = place
            return [Actor(code, g.text, g.idx, g.idx + len(g.text), f"place:{g.text}", code,
                          None)]
    claimer = claimed(k, head) if weapon else None
    if claimer is not None and (got := claimed_by(k, claimer, head, matches, ctx)):
        return got  # ("claimed responsibility for a bomb attack that killed ...")
    if weapon and head.dep_ == "nsubj":
        # "a car bomb exploded in a market, killing 14": an attack whose doer the text
        # does not name is still an attack, by an unknown actor
        phrase = head.doc[head.left_edge.i: head.i + 1]
        return [Actor("---", phrase.text, phrase.start_char, phrase.end_char,
                      f"weapon:{weapon}>unknown", None, None)]
    return []

def owned(k: CoderKnowledge, head: Token, matches: Matches, ctx: ArticleContext,
          speaker: Token | None) -> list[Actor]:
    """Things owned by an actor named by a pronoun stand for that actor: "attacked its
    nuclear facilities" (in reported speech, "its" is the speaker's)."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"
                 and c.lower_ in k.rules.owner_pronouns), None)
    if poss is None or head.lemma_.lower() in k.rules.relational_nouns:
        # "its neighbours", "their allies" are others, not the owner.
        return []
    owners: list[Actor] = []
    if speaker is not None:
        subj, _ = subject_of(k, speaker)
        if subj is not None and subj.pos_ != "PRON":
            owners = k.resolver.resolve(subj, matches, ctx, remember=False)
    if not owners:
        owners = k.resolver.resolve(poss, matches, ctx, remember=False)
    phrase = head.doc[head.left_edge.i : head.i + 1]
    s, e, text = phrase.start_char, phrase.end_char, phrase.text
    return [Actor(o.country or o.code, text, s, e, f"owner:{o.text}", o.country, None)
            for o in owners[:1]]

def speech_target(k: CoderKnowledge, verb: Token, used: list[Token], matches: Matches,
                  ctx: ArticleContext) -> list[Token]:
    """Who a statement is addressed to or about: "told Iran", "said NATO would ...".
    A statement with neither is not an event between two actors, and neither is an
    attribution after the fact ("..., officials said")."""
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if comps and all(c.i < verb.i for c in comps):
        return []
    for group in target_candidates(k, verb, used):
        if group and group[0].head.dep_ == "prep" and group[0].head.lower_ == "on" and \
                group[0].head.head.i == verb.i:
            continue  # "said on television / on TikTok": where, not to whom
        heads = [t for t in group if t.pos_ in ("PROPN", "NOUN")]
        if any(k.resolver.resolve(t, matches, ctx, remember=False) for t in heads):
            return heads
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis"):
            subj, _ = subject_of(k, c)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return [subj]
    return []

def subject_matter(k: CoderKnowledge, verb: Token, used: list[Token]) -> Iterator[list[Token]]:
    """Who the matter of an investigation or trial names, most telling first: the doer
    ("committed by X"), the owner ("X's crackdown"), who is involved ("involving X"), the
    doer of the act it reports ("allegations that X tortured ..."), then any name in it."""
    matter = [g for t in [verb, *used] for p in t.children if p.dep_ == "prep"
              and p.lower_ in k.rules.subject_matter_preps for g in p.children
              if g.dep_ == "pobj"]
    matter += [c for c in verb.children if c.dep_ == "dobj" and c not in used]
    tokens = [t for m in matter for t in m.subtree]
    yield from ([g for g in t.children if g.dep_ == "pobj"] for t in tokens
                if t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "by")
    yield from ([t] for t in tokens if t.dep_ == "poss" and t.pos_ != "PRON")
    yield from ([g for g in t.children if g.dep_ == "dobj"] for t in tokens
                if t.lemma_.lower() in k.rules.involvement_verbs)
    # (the doer of the act it reports: "into allegations that marines tortured detainees")
    yield from ([t] for t in tokens if t.dep_ == "nsubj" and t.head.pos_ == "VERB"
                and t.pos_ in ("NOUN", "PROPN"))
    yield from ([t] for t in tokens if t.pos_ == "PROPN")
