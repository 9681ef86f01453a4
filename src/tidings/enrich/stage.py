"""The dates/places stage: when and where each coded event happened.

Dates come from the sentence, read against the article's publication date
(:mod:`tidings.enrich.dates`); places from place phrases in the sentence, looked up in an
offline gazetteer, or else from the actors' country (:mod:`tidings.enrich.places`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from tidings.enrich.dates import event_date
from tidings.enrich.places import Gazetteer, country_codes, load_gazetteer, place_of
from tidings.knowledge.bundle import Knowledge, load_knowledge
from tidings.records import CodedArticle, Event, Place

__all__ = ["Gazetteer", "enrich", "enrich_coded", "event_date", "load_gazetteer", "place_of"]


def enrich(events: list[Event], sentences: list[str], places: dict[int, list[str]],
           published: dt.date | None, gazetteer: Gazetteer,
           knowledge: Knowledge | None = None) -> list[Event]:
    """The events with ``date``, ``date_source`` and ``place`` filled in.

    ``sentences`` are the article's sentence texts indexed by ``Event.sentence``; ``places``
    maps a sentence index to the place phrases found in it, most preferred first.
    """
    # A sentence without a date of its own continues the story of the last one that had one
    # ("...met in Doha on Sunday. The two ministers discussed shipping.").
    dates: list[tuple[dt.date | None, str]] = []
    last = max((e.sentence for e in events), default=-1)
    for text in sentences[: last + 1]:
        found = event_date(text, published)
        if found[1] == "published" or found[1] == "unknown":
            prev = next((d for d in reversed(dates) if d[1].startswith(("text:", "context:"))),
                        None)
            if prev is not None:
                found = (prev[0], "context:" + prev[1].split(":", 1)[1])
        dates.append(found)
    knowledge = knowledge or load_knowledge()
    out: list[Event] = []
    story_place: Place | None = None  # the last place a sentence named itself
    for event in sorted(events, key=lambda e: e.sentence):
        i = event.sentence
        date, date_source = dates[i] if 0 <= i < len(dates) else (published, "published")
        actors = [c for c in (event.source.country,
                              event.target.country if event.target else None) if c]
        place = place_of(places.get(i, []), [], gazetteer, prefer=country_codes(actors))
        if place is not None:
            story_place = place
        elif story_place is not None and story_place.country in actors:
            # Later sentences of the same story happen where it happened, as long as the
            # place fits the actors ("The two ministers discussed shipping.").
            place = replace(story_place, source="context:" + story_place.source.split(":", 1)[1])
        else:
            place = _visit_place(event, gazetteer, knowledge) or \
                place_of([], actors, gazetteer)
        out.append(replace(event, date=date, date_source=date_source, place=place))
    return out


@functools.lru_cache(maxsize=4)
def _visit_codes(knowledge: Knowledge) -> tuple[str, str]:
    """The CAMEO codes of a visit and of hosting one (``venue`` in rules.yaml, read as the
    coder reads it)."""
    from tidings.coder.rules import Rules

    rules = Rules.from_knowledge(knowledge)
    return rules.visitor_code, rules.host_code


def _visit_place(event: Event, gazetteer: Gazetteer, knowledge: Knowledge) -> Place | None:
    """A visit happens at the host's: "the envoy visited Tehran" in Tehran, "Qatar hosted the
    minister" in Qatar. The host is the target of a visit and the source of hosting one. An
    act aimed at a place the text names ("shelled Kyiv") happens at that place."""
    visitor, host_code = _visit_codes(knowledge)
    if event.code == visitor:
        host = event.target
    elif event.code == host_code:
        host = event.source
    elif event.target is not None and event.target.rule.startswith("place:"):
        # ... and an attack on a named place ("shelled Kyiv") happens there.
        host = event.target
    else:
        return None
    if host is None or not host.country:
        return None
    named = gazetteer.lookup(host.text, prefer=(host.country,))
    if named is not None and named.country == host.country and named.feature != "country":
        return replace(named, source=f"host:{host.text}")
    place = gazetteer.country(host.country)
    return replace(place, source=f"host:{host.country}") if place is not None else None


def enrich_coded(coded: CodedArticle, gazetteer: Gazetteer | None = None,
                 knowledge: Knowledge | None = None) -> CodedArticle:
    """The coded article with its events dated and placed (``enrich`` on its own sentences,
    with the gazetteer of ``knowledge``, the bundled data by default, unless one is given)."""
    events = enrich(coded.events, [s.text for s in coded.sentences], coded.places,
                    coded.article.date, gazetteer or load_gazetteer(knowledge), knowledge)
    return replace(coded, events=events)
