"""Other names of places for the ``place`` filter: the gazetteer the enrich stage places
events with (geonames cities with their alternate names, and countries) says which name the
store holds for a place asked for by another ("Kiev" is stored as "Kyiv")."""

from __future__ import annotations

import functools

from tidings.knowledge.bundle import Knowledge


@functools.lru_cache(maxsize=1024)
def _stored_name(knowledge: Knowledge, key: str) -> str | None:
    from tidings.enrich.places import load_gazetteer

    place = load_gazetteer(knowledge).lookup(key)
    return place.name if place is not None else None


def other_names(knowledge: Knowledge, text: str) -> tuple[str, ...]:
    """The name the gazetteer gives the place ``text`` names, when it differs from ``text``
    (none for a name it does not know, or for text that is only part of a name)."""
    key = " ".join(text.split()).lower()
    if not key:
        return ()
    name = _stored_name(knowledge, key)
    return (name,) if name and name.lower() != key else ()
