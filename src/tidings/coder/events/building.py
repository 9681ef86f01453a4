"""Building events: an event from a code and its actors, every pair of sources and targets,
and the suppression of events that another event of the sentence stands for."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tidings.coder.events.mutual import MUTUAL_RULE
from tidings.coder.events.scope import CoderKnowledge, Modality
from tidings.coder.patterns import Pattern
from tidings.coder.syntax import accusation_head, governed_by, infinitive, verb_of
from tidings.records import Actor, Event


def make(k: CoderKnowledge, code: str, src: Actor, tgt: Actor | None, tokens: list[Token],
         index: int, rule: str, flags: Modality) -> Event | None:
    if src.code in k.rules.nameless_sources:
        return None  # ("traders worried that ...": a business of no country)
    negated, hypothetical, future = flags
    intent_of = None
    if future and not negated:
        intent = k.ontology.intent_of(code)
        if intent and intent[:2] != code[:2]:
            intent_of, code = code, intent
    try:
        info = k.ontology.get(code)
    except KeyError:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    action = " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))
    return Event(
        source=src, target=tgt, code=code, root=code[:2], quad_class=info.quad_class,
        goldstein=info.goldstein, plover=k.ontology.plover_name(info.plover),
        action_text=action, action_start=start, action_end=end, sentence=index, rule=rule,
        negated=negated, hypothetical=hypothetical, future=future, intent_of=intent_of,
    )

def recoded(k: CoderKnowledge, ev: Event, code: str, rule: str) -> Event:
    """``ev`` coded ``code`` by ``rule`` instead, with the code's root, quad class,
    Goldstein score and PLOVER type."""
    info = k.ontology.get(code)
    return replace(ev, code=code, root=code[:2], quad_class=info.quad_class,
                   goldstein=info.goldstein, plover=k.ontology.plover_name(info.plover),
                   rule=rule)

def root_of(k: CoderKnowledge, code: str, flags: Modality) -> str:
    """The root an event will be coded in: a future act is coded as its intent."""
    if flags.future and not flags.negated:
        return (k.ontology.intent_of(code) or code)[:2]
    return code[:2]

def _venue_building(k: CoderKnowledge, actor: Actor, sent: Span) -> bool:
    """``actor`` is a building that stands for a government (a metonym: "the White
    House", "the Kremlin") named after a preposition of place: "... at the White House"."""
    if not actor.rule.startswith("metonym:"):
        return False
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or span.start <= sent.start:
        return False
    before = span[0].nbor(-1)
    if before.pos_ == "DET" and before.i > sent.start:
        before = before.nbor(-1)
    return before.lower_ in k.rules.venue_preps


def pairs(k: CoderKnowledge, code: str, sources: list[Actor], targets: list[Actor],
          tokens: list[Token], index: int, p: Pattern, flags: Modality,
          venue: str | None) -> list[Event]:
    out: list[Event] = []
    root = root_of(k, code, flags)
    reciprocal = p.symmetric or (root in k.rules.reciprocal_roots or
                                 code in k.rules.reciprocal_roots) and \
        not code.startswith(k.rules.one_way_codes)
    if reciprocal and len(sources) > 1 and targets:
        targets, venue = _no_third_party(k, sources, targets, tokens, venue)
    if not targets and len(sources) > 1 and root in k.rules.joint_roots and _joint(k, tokens):
        # ("Kenyan and Somali forces began a joint offensive": each side's, not on each other)
        return [ev for s in sources if (ev := make(k, code, s, None, tokens, index,
                                                   p.id + " (joint)", flags))]
    if not targets and len(sources) > 1 and reciprocal:
        return _each_pair(k, code, sources, tokens, index, p, flags, venue)
    if not targets:
        if (root not in k.rules.targetless_roots and code not in k.rules.targetless_codes
                and not p.answer and not (_criticism(k, code, p) and not flags.future)
                and not (root in k.rules.addressed_roots and tokens
                                          and _addressed(tokens[0]))) or p.speech:
            return []
        targets_or_none: list[Actor | None] = [None]
    else:
        targets_or_none = list(targets)
    for s in sources:
        for t in targets_or_none:
            if t is not None and (t.code == s.code and t.start == s.start) and \
                    not t.rule.startswith(MUTUAL_RULE):
                continue
            if t is not None and p.speech and s.country and t.code == s.country:
                continue  # "the minister said that Egypt would ...": about its own country
            if t is not None and t.code == s.code and (
                    s.code.startswith("---") or p.speech
                    or t.rule.startswith(("speaker:", "coref:"))
                    or s.rule.startswith(("speaker:", "coref:"))):
                continue
            if t is not None and t.rule.startswith("owner:") and t.country == s.country:
                continue  # "showed their disapproval": their own, not a target
            fwd, back = code, None
            if p.symmetric:
                back = code
            if p.reverse:
                back = p.reverse
            if (venue and t is not None and code in k.rules.venue_codes
                    and s.country and t.country and s.country != t.country):
                if venue == t.country:
                    fwd, back = k.rules.visitor_code, k.rules.host_code
                elif venue == s.country:
                    fwd, back = k.rules.host_code, k.rules.visitor_code
            if back is None and t is not None and k.rules.visits_both_ways and \
                    _between_countries(s, t):
                # "A visited B": B hosted A (and "B hosted A": A visited B)
                back = {k.rules.visitor_code: k.rules.host_code,
                        k.rules.host_code: k.rules.visitor_code}.get(fwd)
            if flags.future:  # one side's stated intention says nothing of the other's
                back = None
            if back and t is not None:
                fwd, back = _clash_code(k, fwd, s, t), _clash_code(k, back, t, s)
            ev = make(k, fwd, s, t, tokens, index, p.id, flags)
            if ev:
                out.append(ev)
            if back and t is not None:
                ev = make(k, back, t, s, tokens, index, p.id + " (reverse)", flags)
                if ev:
                    out.append(ev)
    return out

def _each_pair(k: CoderKnowledge, code: str, sources: list[Actor], tokens: list[Token],
               index: int, p: Pattern, flags: Modality, venue: str | None) -> list[Event]:
    """"A and B met", "A and B signed a treaty": every pair, both ways."""
    out: list[Event] = []
    for s in sources:
        for other in sources:
            if s.code != other.code:
                fwd = code
                if venue and code in k.rules.venue_codes and s.country and \
                        other.country and s.country != other.country:
                    # "Ukrainian and Polish ministers met in Kyiv": a visit to Ukraine
                    if venue == other.country:
                        fwd = k.rules.visitor_code
                    elif venue == s.country:
                        fwd = k.rules.host_code
                fwd = _clash_code(k, fwd, s, other)
                ev = make(k, fwd, s, other, tokens, index, p.id + " (coordinated)", flags)
                if ev:
                    out.append(ev)
    return out


def _clash_code(k: CoderKnowledge, code: str, s: Actor, t: Actor) -> str:
    """A fight both ways between a state's police and protesters or its own people ("clashes
    between police and protesters", "police clashed with demonstrators"): the police repress
    (rules.yaml repression), the crowd riots (riot)."""
    r = k.rules
    if not r.repression_code or not (code.startswith(r.repression_roots) or
                                     code == r.riot_code) or \
            s.country and t.country and s.country != t.country:
        return code
    crowd = r.repression_target_agents | r.repression_people
    if s.agent in r.repression_police and t.agent in crowd:
        return r.repression_code
    if s.agent in crowd and t.agent in r.repression_police and r.riot_code:
        return r.riot_code
    return code


def _criticism(k: CoderKnowledge, code: str, p: Pattern) -> bool:
    """An act of rules.yaml criticised_codes by a pattern with no target slot: with no target
    named, it may be aimed at whoever did the sentence's other act (sentence rule answers);
    the caller leaves out acts only intended, which become threats or intents of their own."""
    return p.target is None and code.startswith(k.rules.criticised_codes)


def _joint(k: CoderKnowledge, tokens: list[Token]) -> bool:
    """A word of the act's own (its verb or noun) is said to be joint ("a joint offensive",
    "attacked jointly"; rules.yaml joint_acts)."""
    return any(c.lower_ in k.rules.joint_words and c.dep_ in ("amod", "advmod")
               for t in tokens for c in t.children)


def _no_third_party(k: CoderKnowledge, sources: list[Actor], targets: list[Actor],
                    tokens: list[Token], venue: str | None
                    ) -> tuple[list[Actor], str | None]:
    """The targets of a reciprocal act of several parties named together, and its venue:
    none when they are only where it was done or people of no country named (the parties
    then acted with each other)."""
    if tokens and all(_venue_building(k, t, tokens[0].sent) or
                      t.rule.startswith(("in:place:", "at:place:")) for t in targets):
        # "Israeli and Palestinian negotiators met at the White House", "opened talks in
        # Nairobi": where, not with whom
        return [], venue or targets[0].country or targets[0].code[:3]
    if len({s.country for s in sources if s.country}) > 1 and all(
            t.code.startswith("---") for t in targets):
        # "India and China agreed to disengage troops along their border": troops of no
        # country named are theirs; the two states agreed with each other
        return [], venue
    return targets, venue


def _between_countries(a: Actor, b: Actor) -> bool:
    """Two actors of two different known countries (or organisations)."""
    return bool(a.country and b.country and a.country != b.country
                and not a.code.startswith("---") and not b.code.startswith("---"))


def aimed(k: CoderKnowledge, protest: Event, demand: Event) -> Event:
    """A protest takes what its demand says: whom it is aimed at, when it names no one
    but the place ("marched through Belgrade demanding the president's resignation"), and
    its aim, where the codebook has one ("demand for leadership change" 1041 makes a
    demonstration 141 one for leadership change, 1411). So does an attack the means it was
    done by ("attacked the campus, shooting students": the attack is the shooting, 193)."""
    if protest.root not in k.rules.subsumed or demand.root not in \
            k.rules.subsumed[protest.root]:
        return protest
    code = protest.code
    aim = k.rules.demand_aims.get(demand.code)
    if aim and len(code) == 3 and code + aim in k.ontology:
        code = code + aim
    elif demand.root == protest.root and code == protest.root + "0":
        # ("attacked the campus, shooting students": the attack was a shooting, 193)
        code = demand.code
    target = protest.target
    if demand.target is not None and (target is None or (
            target.rule.startswith("place:") or target.code == target.country)
            and not demand.target.code.startswith("---")
            # (not a state acted on by the doer's own: "eased sanctions on Cuba, lifting
            # restrictions on travel by Cuban-Americans")
            and not (target.country != protest.source.country
                     and demand.target.country == protest.source.country)):
        target = demand.target
    if code == protest.code and target is protest.target:
        return protest
    return recoded(k, replace(protest, target=target), code,
                   f"{protest.rule} (demanding: {demand.rule})")

def _in_rejected_object(k: CoderKnowledge, tok: Token, by_verb: dict[int, list[Event]]
                        ) -> bool:
    """``tok`` stands inside the object of the nearest verb above it, and that verb's event
    rejects (rules.yaml rejected_object_roots)."""
    # ("rejected the sanctions imposed by the EU": they were imposed; but "vetoed a resolution
    # that demanded a ceasefire": the text never passed)
    told = tok.tag_ in ("VBN", "VBD")
    t, path = tok, []
    while t.head.i != t.i and t.dep_ in ("acl", "xcomp", "relcl", "dobj", "pobj", "prep"):
        path.append(t.dep_)
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return path[-1] == "dobj" and t.i in by_verb and any(
                e.code in k.rules.vetoed_codes if told else
                e.root in k.rules.rejected_object_roots for e in by_verb[t.i])
    return False

def _governed_drop(k: CoderKnowledge, tok: Token, by_verb: dict[int, list[Event]],
                   speech: dict[int, Token], bare: set[int]) -> int | None:
    """Which of the events of ``tok`` and of the verb governing it (through infinitives) is
    dropped: the governing one when the act governed says more, else ``tok``'s."""
    i, doc = tok.i, tok.doc
    t = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        # An event noun is governed like the verb it is the object of: "promised to
        # continue military aid".
        v = verb_of(tok)
        if v >= 0 and v not in by_verb and by_verb[i] and not by_verb[i][0].negated and \
                not _visit_setting(k, tok, by_verb[i]):
            t = doc[v]
    while infinitive(t) and t.head.i != t.i:
        t = t.head
        if t.i in by_verb and t.i not in speech:
            if t.lemma_.lower() in k.rules.future_verbs and (t.i in bare or (
                    by_verb[i][0].quad_class >= 3 and by_verb[t.i][0].quad_class < 3)):
                # "agreed to lift embargoes", "vowed to fight": the act promised says more
                # than a bare promise; it is coded as its intent (03x, 13x).
                return t.i
            if by_verb[i] and by_verb[i][0].rule.startswith("refusal:") and \
                    t.lemma_.lower() in k.rules.refusal_verbs and (
                        by_verb[i][0].target is not None
                        or all(e.target is None for e in by_verb[t.i])):
                # "declined to resign": the act refused, recoded as its refusal (1231), says
                # more than the bare verb of refusing (120), unless only the latter found
                # whom it was aimed at.
                return t.i
            if tok.dep_ == "advcl" and t.i == tok.head.i and by_verb[i] and \
                    by_verb[i][0].root in k.rules.meeting_purpose_roots and any(
                    e.root == k.rules.meeting_root for e in by_verb[t.i]):
                # "telephoned Mandela to congratulate him", "met Scholz to sign the
                # accord": what a call or a meeting was for is done in it
                return None
            return i
    return None

def _visit_setting(k: CoderKnowledge, noun: Token, events: list[Event]) -> bool:
    """A visit or meeting named as the setting of the clause ("urged Chinese companies to
    invest while on a visit to China") is an event of its own, not what the clause's
    infinitive governs."""
    return noun.dep_ == "pobj" and noun.head.lower_ in k.rules.visit_preps and \
        bool(events) and events[0].root == k.rules.meeting_root


def _below(tok: Token, head: Token) -> Token:
    """The child of ``head`` on the path up from ``tok``, which ``head`` governs."""
    while tok.head.i != head.i and tok.head.i != tok.i:
        tok = tok.head
    return tok


def suppress(k: CoderKnowledge, by_verb: dict[int, list[Event]], sent: Span,
             speech: dict[int, Token], bare: set[int]) -> list[Event]:
    doc = sent.doc
    drop: set[int] = set()
    for i in by_verb:
        tok = doc[i]
        # A verb under an intention verb that has its own event ("agreed to withdraw",
        # "threatened to attack"): the governing verb's event stands for both.
        governed = _governed_drop(k, tok, by_verb, speech, bare)
        if governed is not None:
            drop.add(governed)
        # "marched through the capital demanding reforms": a demand made by protesting is
        # part of the protest (a participle or infinitive with no subject of its own).
        if tok.dep_ == "advcl" and tok.head.i in by_verb and by_verb[i] and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(
                by_verb[i][0].root in k.rules.subsumed.get(e.root, ())
                for e in by_verb[tok.head.i]):
            by_verb[tok.head.i] = [aimed(k, e, by_verb[i][0])
                                   for e in by_verb[tok.head.i]]
            drop.add(i)
            continue
        # "accused the US of violating ...", "criticized Iran for ignoring ...": what the
        # accusation says was done is alleged, not an event of its own.
        accuser = accusation_head(tok, k.rules.accusation_preps) or _listed_gerund(k, tok)
        if accuser is not None and accuser.i in by_verb and any(
                e.root in k.rules.accusation_roots for e in by_verb[accuser.i]):
            drop.add(i)
            continue
        # "turned down an offer to mediate", "rejected a plan to send troops": what the
        # rejected thing proposes is not done.
        if _in_rejected_object(k, tok, by_verb):
            drop.add(i)
            continue
        # A speech verb whose reported clause holds an event: the event is what counts (a
        # clause coordinated with the speech verb is no report of it: "sent a message of
        # condolence to Erdogan, and Beijing pledged relief").
        if i in speech:
            for j in by_verb:
                if j != i and j not in speech and governed_by(doc[j], tok) and \
                        _below(doc[j], tok).dep_ != "conj":
                    drop.add(i)
                    break
    out: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    # A side event whose doer's country is unknown ("the first Western delegation to visit
    # Bucharest", "... with guerrillas who overran it") beside events of known actors adds
    # nothing that can be placed; alone it is kept.
    known = any(not ev.source.code.startswith("---") for i in by_verb if i not in drop
                for ev in by_verb[i])
    for i in sorted(by_verb):
        if i in drop:
            continue
        for ev in by_verb[i]:
            if known and ev.source.code.startswith("---") and not _unknown_attacker(k, ev):
                continue
            key = (ev.source.code, ev.target_code, ev.code)
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
    # A bare root code between two parties beside a more exact one of the same root ("met in
    # Tehran and discussed ...": the visit and its hosting say it all) adds nothing.
    exact = {(e.source.code, e.target_code, e.root) for e in out if e.code != e.root + "0"}
    # The own country taken for a target no one named ("sentenced X ... and fined her")
    # beside the same act by the same doer at someone named is that act again.
    named = {(e.source.code, e.code) for e in out if e.target is not None
             and not e.target.rule.startswith("own-country:")}
    return [e for e in out if (e.code != e.root + "0" or e.target is None
                               or (e.source.code, e.target_code, e.root) not in exact)
            and not (e.target is not None and e.target.rule.startswith("own-country:")
                     and (e.source.code, e.code) in named)]


def governments_aimed(k: CoderKnowledge, events: list[Event]) -> list[Event]:
    """A protest aimed only at the country where it happened or at the protesters' own
    ("thousands rallied in Bangkok", "farmers blocked motorways": rules.yaml
    government_target_roots) is aimed at that country's government; a country a phrase
    names ("marched against Israel's construction") stays as named."""
    out: list[Event] = []
    seen: set[tuple] = set()
    for ev in events:
        t = ev.target
        if t is not None and ev.root in k.rules.government_target_roots and \
                _country_by_default(t) and ev.source.code != t.code + "GOV":
            ev = replace(ev, target=replace(t, code=t.code + "GOV", agent="GOV",
                                            rule=t.rule + "+government"))
        key = (ev.source.code, ev.target_code, ev.code, ev.action_start)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def _country_by_default(t: Actor) -> bool:
    """``t`` is a bare country no phrase named as a party: where the act happened
    ("place:", "in:place:" ...) or the doer's own ("own-country:")."""
    kind = t.rule.split(":", 1)[0]
    return t.agent is None and t.country is not None and t.code == t.country and \
        len(t.code) == 3 and (kind in ("place", "own-country") or
                              t.rule.startswith(f"{kind}:place:"))


def _unknown_attacker(k: CoderKnowledge, ev: Event) -> bool:
    """``ev`` is an attack by a weapon whose user the text does not name ("a bomb exploded
    in a market, killing six, and the police blamed ..."): an event of its own beside the
    sentence's others, not an unplaced side actor's."""
    return ev.source.code == "---" and ev.root in k.rules.attack_doer_roots and \
        ev.source.rule.startswith("weapon:")


def _addressed(verb: Token) -> bool:
    """``verb`` names whom it addresses, though no actor: "urged allies to ...", "asked the
    international community for ...", "appealed to their followers" (not what is sought:
    "seeking assurances")."""
    kids = list(verb.children)
    asked = any(c.dep_ == "xcomp" for c in kids) or any(
        c.dep_ == "prep" and c.lower_ == "for" for c in kids)
    return asked and any(c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")
                         for c in kids) or any(
        c.dep_ == "prep" and c.lower_ in ("to", "on") and any(
            g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children)
        for c in kids)


def own_country(k: CoderKnowledge, code: str, sources: list[Actor]) -> list[Actor]:
    """The target of an act of ``code`` that names none: for the codes a state or a part of a
    country does at home (rules.yaml own_country_codes), the source's own country ("the
    president eased the curfew", "the government enacted reforms", "rail workers stayed off
    the job in protest"); else no one."""
    if not any(code.startswith(c) for c in k.rules.own_country_codes) or \
            code in k.rules.targetless_codes or code in k.rules.own_country_except:
        return []
    return [Actor(a.country, a.text, a.start, a.end, f"own-country:{a.text}", a.country, None)
            for a in sources[:1]
            if a.country and len(a.country) == 3 and a.agent and a.code == a.country + a.agent]


def _listed_gerund(k: CoderKnowledge, tok: Token) -> Token | None:
    """The verb of accusing a gerund with no subject is listed on, after the first gerund of
    the accusation: "accused the army of burning villages and killing ..." (the second hung
    on the verb by coordination), "accused the US of violating human rights, ignoring
    international law and arming ..." (the rest hung on it as a clause of its own)."""
    if tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    first = tok
    while first.dep_ == "conj" and first.head.tag_ == "VBG" and first.head.dep_ != "pcomp":
        first = first.head
    verb = first.head
    if first.dep_ not in ("conj", "advcl") or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if first.dep_ == "conj":
        return verb
    listed = any(c.dep_ == "prep" and c.lower_ in k.rules.accusation_preps and any(
        g.dep_ == "pcomp" and g.i < first.i for g in c.children) for c in verb.children)
    return verb if listed else None

