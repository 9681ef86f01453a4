"""What kind of meeting a meeting was: "spoke by telephone with" is a phone call (041), "met
in Geneva" between a Serbian and a Croatian leader a meeting at a third place (044)
(sentence rule ``meeting_kinds``; rules.yaml ``meeting_kinds``)."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.coder.events.building import recoded
from tidings.coder.events.scope import CoderKnowledge, SentenceState
from tidings.coder.events.venues import prep_place


def meeting_kinds(k: CoderKnowledge, s: SentenceState) -> None:
    """A meeting (``meeting_kinds.codes``) held by a means of the word class
    ``meeting_kinds.phone`` ("by phone", "over a video link") is a call (``phone_code``);
    one placed in a country that is neither side's ("met in Geneva") is a meeting at a third
    place (``third_place_code``)."""
    rules = k.rules
    if not rules.meeting_codes:
        return
    doc = s.tokens[0].doc
    for i, evs in list(s.by_verb.items()):
        if not any(e.code in rules.meeting_codes for e in evs):
            continue
        verb = doc[i]
        phoned = _by_phone(k, verb)
        # (the verb's own phrase of place, not one inside what was discussed: "discussing
        # the war in Ukraine")
        place = None if phoned else prep_place(
            k, [c for c in verb.children if c.dep_ == "prep"], ("in", "at"), s.matches)
        out = []
        for e in evs:
            if e.code in rules.meeting_codes and not e.negated:
                sides = {e.source.country, e.target.country if e.target else None}
                if phoned and rules.phone_code:
                    e = recoded(k, e, rules.phone_code, f"phone:{e.rule}")
                elif place is not None and None not in sides and place[0] not in sides and \
                        rules.third_place_code and e.code in rules.third_place_codes:
                    e = recoded(k, e, rules.third_place_code, f"third place:{e.rule}")
            out.append(e)
        s.by_verb[i] = out


def _by_phone(k: CoderKnowledge, verb: Token) -> bool:
    """``verb`` has a phrase of its means that is a word of the class ``meeting_kinds.phone``
    ("by telephone", "over the phone", "via video link")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "over", "via", "on"):
            for g in c.children:
                if g.dep_ == "pobj" and k.patterns.word_matches(g, "&" + k.rules.phone_class):
                    return True
    return False
