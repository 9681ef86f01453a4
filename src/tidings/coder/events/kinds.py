"""Which kind of act a verb's event is, from who did it to whom: a bombing when done with
a bomb, unconventional violence when an armed group hits people who are not fighting, a
business deal, an arrest when people are seized, an expulsion of an organisation, assistance,
a riot when protesters do violence, repression when a state's forces do it to protesters, an
assassination when an office holder is killed. The words and codes are rules.yaml's."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from tidings.coder.actor_codes import localised
from tidings.coder.context import UNKNOWN
from tidings.coder.events.arguments import used_weapon, weapon_of
from tidings.coder.events.matching import occurs_as
from tidings.coder.events.roles import (
    group_lemmas,
    head_lemma,
    head_of,
    names_people,
    office_holder,
)
from tidings.coder.events.scope import CoderKnowledge
from tidings.coder.events.venues import assistance
from tidings.coder.patterns import Pattern
from tidings.records import Actor


class Draft(Protocol):
    """What the kinds of act read of a verb's event being built (events/verbs.py)."""

    verb: Token
    p: Pattern
    sources: list[Actor]
    targets: list[Actor]

    def recode(self, code: str, rule: str, **changes: object) -> None: ...


def organisation(a: Actor) -> bool:
    """``a`` is an international or non-governmental body, or a mission of one."""
    return a.code.startswith(("IGO", "NGO")) or a.agent in ("NGO", "IGO", "PKO")


def _expulsion_code(k: CoderKnowledge, target: Actor) -> str:
    for key, code in k.rules.expulsion_by_target.items():
        if target.agent == key or target.code.startswith(key) or target.code.endswith(key):
            return code
    return k.rules.expulsion_code or "166"


def _expelled(k: CoderKnowledge, code: str, targets: list[Actor]) -> bool:
    """An expulsion of organisations or forces, or an order or ban that shuts missions or aid
    agencies out (rules.yaml expulsions)."""
    if code in k.rules.expulsion_codes:
        return all(organisation(t) or t.agent in k.rules.expulsion_by_target for t in targets)
    return code in k.rules.expulsion_mission_codes and all(
        _expulsion_code(k, t) != k.rules.expulsion_code for t in targets)


def recode_by_actors(k: CoderKnowledge, d: Draft) -> None:
    """What the doer used (a bomb, warplanes) and whom it hit (an office holder shot dead)
    say which kind of attack it was."""
    verb, sources, targets = d.verb, d.sources, d.targets
    code = d.p.code
    weapon = code in k.rules.generic_attack_codes and (next(
        (a.rule[7:].split(">")[0] for a in sources if a.rule.startswith("weapon:")), None)
        or next((w for a in sources if (h := head_of(a, verb.doc)) is not None
                 and (w := weapon_of(k, h))), None))  # ("Israeli warplanes struck ...")
    if weapon and (bombing := k.rules.weapons[weapon]):
        # "a car bomb set off by militants killed 40": a bombing
        d.recode(bombing, f"weapon:{weapon}>{d.p.id}", symmetric=False, reverse=None)
    elif code in k.rules.generic_attack_codes and (
            used := _same_root_weapon(k, verb, code)) and (
                armed := k.rules.phrase_weapons.get(used)):
        # "exchanged artillery fire", "killed three rebels in a firefight": the weapon the
        # act's phrases name (its doer is no weapon: "armed:", not "weapon:")
        d.recode(armed, f"armed:{used}>{d.p.id}", symmetric=False, reverse=None)
    if k.rules.verbal_attack_code and _verbal_attack(k, d):
        d.recode(k.rules.verbal_attack_code, f"verbal:{d.p.id}", symmetric=False, reverse=None)
    if d.p.code in k.rules.unconventional_codes and _unconventional(k, sources, targets):
        # "gunmen shot dead five health workers": an armed group's violence against people
        # who are not fighting
        d.recode(k.rules.unconventional_code or d.p.code, f"unconventional:{d.p.id}",
                 symmetric=False, reverse=None)
    if (denial := k.rules.denial_code) and code[:2] in k.rules.denial_roots and (any(
            c.dep_ == "dobj" and c.lemma_.lower() in k.rules.denial_nouns
            for c in verb.children) or verb.dep_ == "relcl" and
            verb.head.lemma_.lower() in k.rules.denial_nouns):
        # "dismissed British charges that ...", "an allegation Kyiv dismissed": a denial
        d.recode(denial, f"denial:{d.p.id}", symmetric=False, reverse=None)
    if d.p.code in k.rules.business_deal_codes and k.rules.business_deal_code and any(
            _sector(a) in k.rules.business_sectors for a in [*sources, *targets]):
        # "Eni and Sonatrach signed a contract": a business deal
        d.recode(k.rules.business_deal_code, f"business:{d.p.id}")
    if code in k.rules.seizure_codes and targets and all(
            names_people(k, t, verb.doc) for t in targets):
        # "commandos seized the rebel leader": people seized are arrested or abducted
        # (a state named whole is the state: "Israel captured two fishermen")
        state = all(a.agent in k.rules.seizure_state_agents or a.agent is None
                    and a.code == a.country for a in sources)
        new = k.rules.seizure_state_code if state else k.rules.seizure_armed_code
        if new:
            d.recode(new, f"seized:{d.p.id}", symmetric=False, reverse=None)
    if k.rules.expulsion_code and targets and _expelled(k, code, targets):
        # "ordered the U.N. mission to leave", "ordered French troops out": an organisation
        # or a force expelled, not people deported
        d.recode(_expulsion_code(k, targets[0]), f"expulsion:{d.p.id}", symmetric=False,
                 reverse=None)
    if _recode_orders(k, d, code):
        return
    if k.rules.assistance_code and code in k.rules.assistance_codes and \
            assistance(k, verb, sources, targets):
        # "deployed police officers to Haiti to lead a security mission": aid
        d.recode(k.rules.assistance_code, f"assistance:{d.p.id}", symmetric=False,
                 reverse=None)
    if k.rules.riot_code and d.p.code.startswith(k.rules.riot_roots) and sources and all(
            group_lemmas(a, verb.doc) & k.rules.riot_doers for a in sources):
        # "protesters stormed the parliament", "thousands of protesters stormed ...": a riot
        d.recode(k.rules.riot_code, f"riot:{d.p.id}", symmetric=False, reverse=None)
    if k.rules.repression_code and d.p.code.startswith(k.rules.repression_roots) and \
            targets and sources and all(_repressed(k, t, sources, verb) for t in targets):
        # "police opened fire on the crowd": violent repression (and a fight both ways, a
        # riot by the crowd: "riot police clashed with demonstrators")
        d.recode(k.rules.repression_code, f"repression:{d.p.id}", symmetric=False,
                 reverse=k.rules.riot_code if d.p.symmetric else None)
    elif k.rules.repression_code and d.p.code.startswith(k.rules.repression_roots):
        _protest_place_stormed(k, d)
    if not targets or d.p.code[:2] not in k.rules.violent_roots or \
            not all(office_holder(k, t, verb.doc) for t in targets):
        return
    if k.rules.assassination_code and occurs_as(k, verb, k.rules.assassination_verbs, deep=True):
        # "gunmen shot dead President Moise": killing one who holds an office
        d.recode(k.rules.assassination_code, f"assassination:{d.p.id}", symmetric=False,
                 reverse=None)
    elif k.rules.attempt_code and occurs_as(k, verb, k.rules.attempt_verbs, deep=True):
        # "a gunman shot Prime Minister Fico", "stabbed the mayor": an attempt on the life
        # of one who holds an office, who was not killed
        d.recode(k.rules.attempt_code, f"attempt:{d.p.id}", symmetric=False, reverse=None)


def _verbal_attack(k: CoderKnowledge, d: Draft) -> bool:
    """An attack by bodies that bear no arms, said with a verb that may be said of words
    (rules.yaml verbal_attack): "lawmakers attacked the plan", "came under fire from
    lawmakers"."""
    return d.p.code in k.rules.verbal_attack_codes and bool(d.sources) and \
        d.verb.lemma_.lower() in k.rules.verbal_attack_verbs and \
        all(_sector(a) in k.rules.verbal_attack_doers for a in d.sources)


def _sector(a: Actor) -> str:
    """The actor's sector: its agent, or the three letters after the country in its code
    (a named group's: "SOMREBSHB" is REB)."""
    return a.agent or a.code[3:6]


def _unconventional(k: CoderKnowledge, sources: list[Actor], targets: list[Actor]) -> bool:
    """Armed groups that are no state's force (rules.yaml unconventional) all doing violence
    to people who are not fighting."""
    r = k.rules
    return bool(sources and targets) and all(
        _sector(a) in r.unconventional_doers or a.code.startswith(r.unconventional_doer_codes)
        for a in sources) and all(_sector(t) in r.unconventional_victims for t in targets)


def _protest_place_stormed(k: CoderKnowledge, d: Draft) -> None:
    """"Security forces stormed two protest camps in Cairo": the state's forces (or militias)
    attacking a place of protest (its object a noun described by a word of
    rules.yaml repression.protesting) repress the protesters, of the place's or their own
    country."""
    verb, sources = d.verb, d.sources
    place = next((c for c in verb.children if c.dep_ == "dobj" and any(
        g.dep_ in ("compound", "amod") and g.lemma_.lower() in k.rules.repression_protesting
        for g in c.children)), None)
    if place is None or not sources or not all(
            _sector(a) in k.rules.repression_doers for a in sources):
        return
    country = next((t.country for t in d.targets if t.country), None) or sources[0].country
    if not country or not k.rules.repression_code:
        return
    agent = min(k.rules.repression_target_agents)  # (the protesters' sector: OPP)
    d.recode(k.rules.repression_code, f"repression:{d.p.id}", symmetric=False, reverse=None)
    d.targets = [localised(Actor(UNKNOWN + agent, place.text, place.idx,
                                 place.idx + len(place.text), f"protest:{place.text}", None,
                                 agent), country)]


def _repressed(k: CoderKnowledge, target: Actor, sources: list[Actor], verb: Token) -> bool:
    """The violence done by ``sources`` to ``target`` is repression (rules.yaml repression):
    the state's forces against protesters, or its police against its own people."""
    head = head_of(target, verb.doc)
    if all(a.agent in k.rules.repression_doers for a in sources) and (
            head_lemma(k, target, verb.doc) in k.rules.repression_targets
            or target.agent in k.rules.repression_target_agents or head is not None and any(
                c.dep_ == "acl" and c.lemma_.lower() in k.rules.repression_protesting
                for c in head.children)):
        return True
    return all(a.agent in k.rules.repression_police and a.country == target.country
               for a in sources) and target.agent in k.rules.repression_people


def _withdrawn_mission(k: CoderKnowledge, d: Draft, expelled: bool) -> None:
    """"The last U.N. peacekeepers pulled out of Somalia", "the OSCE pulled its verifiers out
    of Kosovo", "expelled the members of the inspection team": a withdrawal or an expulsion
    of a mission's people (the withdrawing doer's head word, or the object's or the group's
    it is a member of, in a word class of rules.yaml expulsions.withdrawn) ends the mission
    (166x)."""
    verb = d.verb
    people = d.targets if expelled else d.sources
    words = [h for a in people if (h := head_of(a, verb.doc)) is not None]
    words += [c for c in verb.children if c.dep_ == "dobj"]
    words += [g for w in list(words) for c in w.children if c.dep_ == "prep" and
              c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for name, code in k.rules.withdrawn_classes.items():
        if any(k.patterns.word_matches(w, "&" + name) for w in words):
            d.recode(code, f"mission:{d.p.id}", symmetric=False, reverse=None)
            return


def _same_root_weapon(k: CoderKnowledge, word: Token, code: str) -> str | None:
    """The weapon the act's own phrases name (``used_weapon``), when the kind of attack it
    makes is of the act's root: "killed three rebels in a firefight" is a fight with small
    arms (193), but a bomb named beside a killing does not make it a bombing."""
    w = used_weapon(k, word)
    armed = (k.rules.phrase_weapons.get(w) or "") if w else ""
    return w if armed[:2] == code[:2] else None


def _or_else(k: CoderKnowledge, verb: Token) -> bool:
    """The act ``verb`` orders or demands is given with what follows if it is not done: a
    verb of ``ultimatum.words`` joined by "or" to a clause the verb governs ("to leave Iraq or
    face an attack", "that the junta step down or face sanctions")."""
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp", "advcl") or clause.i < verb.i:
            continue
        for c in clause.children:
            # (the verb of consequence at times tagged as a noun's modifier: "or face/NN
            # arrest")
            words = [c, *(g for g in c.children if g.dep_ == "compound")]
            if c.dep_ == "conj" and any(w.lemma_.lower() in k.rules.ultimatum_words
                                        for w in words) and any(
                    g.dep_ == "cc" and g.lower_ == "or" and g.i < c.i
                    for g in clause.children):
                return True
    return False


def _recode_orders(k: CoderKnowledge, d: Draft, code: str) -> bool:
    """Sanctions on a state's own people, ultimatums, missions withdrawn or expelled; True
    when the act became an ultimatum (nothing else then applies)."""
    sources, targets = d.sources, d.targets
    if code in k.rules.domestic_sanction_codes and k.rules.domestic_sanction_code and targets \
            and sources and all(t.country and t.country == s.country and t.code != t.country
                                for t in targets for s in sources):
        # "slapped travel bans on ten pro-democracy activists": the state's own people
        d.recode(k.rules.domestic_sanction_code, f"domestic:{d.p.id}", symmetric=False,
                 reverse=None)
    if code in k.rules.ultimatum_codes and k.rules.ultimatum_code and _or_else(k, d.verb):
        # "gave Saddam 48 hours to leave Iraq or face an attack": an ultimatum
        d.recode(k.rules.ultimatum_code, f"ultimatum:{d.p.id}", symmetric=False, reverse=None)
        return True
    if code in k.rules.withdrawn_codes or code in k.rules.expulsion_codes:
        _withdrawn_mission(k, d, expelled=code in k.rules.expulsion_codes)
    return False

