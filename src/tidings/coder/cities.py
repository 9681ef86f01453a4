"""Cities the actor dictionary does not list, looked up in the offline gazetteer where a place
is expected: "M23 rebels shelled Bunia", "attacked an army base near Diffa" name a place in a
country, as "Goma" or "Kharkiv" in the dictionary do."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.coder.dictionary import Entry
from tidings.knowledge.gazetteer import Gazetteer

__all__ = ["city_country"]

# Dictionary entries whose code is a country's (what a sentence names as a country).
_PLACED_KINDS = frozenset({"country", "demonym", "capital", "city", "region", "metonym"})
# How small, against the most populous city of the name, a city of a country the sentence
# names may be and still be the one meant.
_MIN_SHARE = 0.05


def city_country(head: Token, matches: dict[int, tuple[Span, list[Entry]]],
                 gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The country (code, name as written) of the city a proper name names ("Bunia",
    "Finote Selam": the name with the proper nouns compounded before it, whatever the tagger
    took it for); None when the gazetteer knows no such city (its countries and regions are
    the dictionary's business) or a word of the name is matched by the dictionary."""
    if head.pos_ != "PROPN" or head.i in matches:
        return None
    span = _name_of(head)
    if any(t.i in matches for t in span):
        return None
    # (a name several countries' cities share is the one in a country the sentence names, if
    # it is not a far smaller place than the best known: "the western city of Nara" beside
    # "Japanese" is in Japan, "Valencia" beside "Spain's" in Spain)
    # (the head's sentence only: the matches are the whole article's)
    sent = head.sent
    named = {e.code[:3] for i in range(sent.start, sent.end) if (hit := matches.get(i))
             for e in hit[1] if e.kind in _PLACED_KINDS and len(e.code) >= 3}
    place = gazetteer.lookup(span.text, prefer=named, min_share=_MIN_SHARE)
    # (a region is the dictionary's, but for the gazetteer's own: the states of the US)
    return (place.country, span.text) if place is not None and place.feature in (
        "city", "admin") else None


def _name_of(head: Token) -> Span:
    """The proper noun ``head`` with the proper nouns compounded before it."""
    doc, start = head.doc, head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i == head.i:
        start -= 1
    return doc[start:head.i + 1]
