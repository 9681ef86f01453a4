"""A large, realistic event database for the dashboard's tests, made without the coder.

``build(db)`` stores about 3,000 generated articles (over 16,000 distinct events) with
``tidings.pipeline.store_coded``: coded articles as the coder and the enrich stage would have
made them (``CodedArticle`` with sentences, actors with spans, CAMEO codes from the ontology
with their Goldstein scores, quad classes and PLOVER types, dates over 2019-2024 and places
from capitals and countries). The mix is what a news corpus looks like: a few busy dyads
(RUS-UKR, ISR-PSE, USA-CHN...), governments and militaries more than anyone else,
international organisations and NGOs (IGOUNO, IGOWSTNAT, NGOHRW...) as actors of their own,
some unknown actors (``---``, ``---REB``), a few long action phrases, and two dyads that test
sparse series: NOR-CHL (two events twelve years apart) and NZL-FJI (months with gaps).
Everything comes from one seeded random generator, so every run makes the same database.

    .venv/bin/python -m tests.bigdb /tmp/big.duckdb       # for trying the dashboard by hand
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator

from tidings.knowledge.bundle import load_knowledge
from tidings.pipeline import IngestSummary, store_coded
from tidings.records import Actor, Article, CodedArticle, Event, Place, Sentence
from tidings.store.database import open_store

SEED = 13
ARTICLES = 3000

# country: (name, demonym-ish subject, capital, lat, lon, weight)
COUNTRIES: dict[str, tuple[str, str, float, float, int]] = {
    "USA": ("the United States", "Washington", 38.9, -77.04, 30),
    "RUS": ("Russia", "Moscow", 55.75, 37.62, 28),
    "UKR": ("Ukraine", "Kyiv", 50.45, 30.52, 26),
    "CHN": ("China", "Beijing", 39.9, 116.4, 20),
    "IRN": ("Iran", "Tehran", 35.69, 51.39, 16),
    "ISR": ("Israel", "Jerusalem", 31.77, 35.21, 18),
    "PSE": ("the Palestinians", "Ramallah", 31.9, 35.2, 14),
    "SYR": ("Syria", "Damascus", 33.51, 36.29, 10),
    "TUR": ("Turkey", "Ankara", 39.93, 32.86, 9),
    "GBR": ("Britain", "London", 51.51, -0.13, 9),
    "FRA": ("France", "Paris", 48.86, 2.35, 8),
    "DEU": ("Germany", "Berlin", 52.52, 13.4, 8),
    "IND": ("India", "New Delhi", 28.61, 77.21, 8),
    "PAK": ("Pakistan", "Islamabad", 33.69, 73.05, 7),
    "AFG": ("Afghanistan", "Kabul", 34.53, 69.17, 6),
    "IRQ": ("Iraq", "Baghdad", 33.31, 44.36, 6),
    "SAU": ("Saudi Arabia", "Riyadh", 24.71, 46.68, 6),
    "YEM": ("Yemen", "Sanaa", 15.37, 44.19, 5),
    "LBN": ("Lebanon", "Beirut", 33.89, 35.5, 5),
    "EGY": ("Egypt", "Cairo", 30.04, 31.24, 5),
    "JPN": ("Japan", "Tokyo", 35.68, 139.69, 5),
    "KOR": ("South Korea", "Seoul", 37.57, 126.98, 4),
    "PRK": ("North Korea", "Pyongyang", 39.04, 125.76, 4),
    "TWN": ("Taiwan", "Taipei", 25.03, 121.57, 4),
    "BRA": ("Brazil", "Brasilia", -15.79, -47.88, 3),
    "VEN": ("Venezuela", "Caracas", 10.48, -66.9, 3),
    "MEX": ("Mexico", "Mexico City", 19.43, -99.13, 3),
    "NGA": ("Nigeria", "Abuja", 9.08, 7.4, 3),
    "ETH": ("Ethiopia", "Addis Ababa", 9.03, 38.74, 3),
    "SDN": ("Sudan", "Khartoum", 15.5, 32.56, 3),
    "SOM": ("Somalia", "Mogadishu", 2.05, 45.32, 3),
    "ZAF": ("South Africa", "Pretoria", -25.75, 28.19, 2),
    "COD": ("Congo", "Kinshasa", -4.32, 15.31, 2),
    "MLI": ("Mali", "Bamako", 12.64, -8.0, 2),
    "LBY": ("Libya", "Tripoli", 32.89, 13.19, 2),
    "AZE": ("Azerbaijan", "Baku", 40.41, 49.87, 2),
    "ARM": ("Armenia", "Yerevan", 40.18, 44.51, 2),
    "POL": ("Poland", "Warsaw", 52.23, 21.01, 3),
    "QAT": ("Qatar", "Doha", 25.29, 51.53, 3),
    "BLR": ("Belarus", "Minsk", 53.9, 27.56, 2),
}
ORGANIZATIONS = {  # code: (name, weight)
    "IGOUNO": ("the United Nations", 10), "IGOWSTNAT": ("NATO", 7),
    "IGOEUREEC": ("the European Union", 8), "IGOUNOIAE": ("the IAEA", 3),
    "IGOAFRAFU": ("the African Union", 2), "IGOBUSIMF": ("the IMF", 2),
    "IGOUNOHCR": ("the UNHCR", 2), "NGOHRW": ("Human Rights Watch", 2),
    "NGOAMN": ("Amnesty International", 2), "NGOMSF": ("Doctors Without Borders", 1),
}
AGENTS = {"": ("", 10), "GOV": ("the government of", 14), "MIL": ("the army of", 6),
          "COP": ("police in", 2), "REB": ("rebels in", 2), "OPP": ("the opposition in", 2),
          "LEG": ("lawmakers in", 2), "CVL": ("civilians in", 2), "MED": ("media in", 1),
          "JUD": ("a court in", 1), "BUS": ("companies in", 1)}
UNKNOWN = {"---": "someone", "---REB": "rebels", "---CVL": "residents", "---UAF": "gunmen"}
# the busy pairs of a news year, each with its tone (mean quad class leaning)
HOT = [("RUS", "UKR", 4, 40), ("UKR", "RUS", 4, 30), ("ISR", "PSE", 4, 25), ("PSE", "ISR", 4, 18),
       ("USA", "CHN", 3, 18), ("CHN", "USA", 3, 14), ("USA", "IRN", 3, 12), ("IRN", "USA", 3, 10),
       ("USA", "UKR", 2, 14), ("IGOUNO", "SYR", 1, 8), ("IGOWSTNAT", "RUS", 3, 8),
       ("IGOEUREEC", "UKR", 2, 8), ("CHN", "TWN", 3, 8), ("IND", "PAK", 3, 7),
       ("ISR", "LBN", 4, 7), ("SAU", "YEM", 4, 6), ("IRN", "ISR", 3, 6), ("TUR", "SYR", 4, 5),
       ("USA", "RUS", 3, 9), ("PRK", "KOR", 3, 4), ("AZE", "ARM", 4, 4), ("IGOUNOIAE", "IRN", 1, 4)]
VERBS = {"01": "said of", "02": "appealed to", "03": "pledged to cooperate with", "04": "met",
         "05": "praised", "06": "signed a deal with", "07": "sent aid to", "08": "yielded to",
         "09": "investigated", "10": "demanded that", "11": "accused", "12": "rejected",
         "13": "threatened", "14": "protested against", "15": "mobilised troops near",
         "16": "cut ties with", "17": "arrested", "18": "attacked", "19": "shelled",
         "20": "massacred"}
LONG_ACTION = ("announced sweeping new restrictions on imports of steel, aluminium, "
               "semiconductors and agricultural machinery from")
OUTLETS = ["Wire A", "Wire B", "Daily C", "Gazette D", "Observer E", "Herald F"]
FIRST, LAST = dt.date(2019, 1, 1), dt.date(2024, 12, 31)


def _weighted(rng: random.Random, table: dict, index: int) -> str:
    keys = list(table)
    return rng.choices(keys, weights=[table[k][index] for k in keys])[0]


class _Maker:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        onto = load_knowledge().ontology
        self.ontology = onto
        self.by_quad: dict[int, list] = {1: [], 2: [], 3: [], 4: []}
        for c in onto.codes.values():
            if c.quad_class in self.by_quad:
                self.by_quad[c.quad_class].append(c)
        for quad in self.by_quad:
            # the general codes of a root ("042", "190") are the commonest in news
            self.by_quad[quad].sort(key=lambda c: c.code)

    def actor_code(self, base: str | None = None) -> tuple[str, str]:
        rng = self.rng
        roll = rng.random()
        if base is None:
            if roll < 0.05:
                code = rng.choice(list(UNKNOWN))
                return code, UNKNOWN[code]
            if roll < 0.15:
                code = _weighted(rng, ORGANIZATIONS, 1)
                return code, ORGANIZATIONS[code][0]
            base = _weighted(rng, COUNTRIES, 4)
        if base in ORGANIZATIONS:
            return base, ORGANIZATIONS[base][0]
        agent = _weighted(rng, AGENTS, 1)
        name = COUNTRIES[base][0]
        return base + agent, f"{AGENTS[agent][0]} {name}".strip()

    def code(self, tone: int | None) -> object:
        rng = self.rng
        quad = tone if tone and rng.random() < 0.55 else rng.choices([1, 2, 3, 4],
                                                                     weights=[45, 15, 22, 18])[0]
        codes = self.by_quad[quad]
        # a root's general code half the time, otherwise any code of that quad class
        general = [c for c in codes if len(c.code) == 3 and c.code.endswith("0")]
        return rng.choice(general if general and rng.random() < 0.5 else codes)

    def place(self, src: str, tgt: str) -> Place | None:
        rng = self.rng
        roll = rng.random()
        countries = [c[:3] for c in (tgt, src) if c[:3] in COUNTRIES]
        if roll < 0.2 or not countries:
            return None
        country = countries[0]
        name, capital, lat, lon, _ = COUNTRIES[country]
        if roll < 0.4:
            return Place(name.removeprefix("the "), country, lat, lon, "country",
                         "actor:" + country)
        return Place(capital, country, round(lat + rng.uniform(-0.02, 0.02), 4),
                     round(lon + rng.uniform(-0.02, 0.02), 4), "city", "sentence:" + capital)

    def day(self) -> dt.date:
        # more news in recent years, a burst in 2022
        span = (LAST - FIRST).days
        while True:
            d = FIRST + dt.timedelta(days=int(span * self.rng.random() ** 0.8))
            if d.year != 2022 or self.rng.random() < 0.9:
                return d

    def article(self, i: int) -> CodedArticle:
        rng = self.rng
        published = self.day()
        n = rng.randint(4, 7)
        sentences, events, places, parts, offset = [], [], {}, [], 0
        for s in range(n):
            if rng.random() < 0.55:
                a, b, tone, _ = rng.choices(HOT, weights=[h[3] for h in HOT])[0]
                src, src_text = self.actor_code(a)
                tgt, tgt_text = self.actor_code(b)
            else:
                tone = None
                src, src_text = self.actor_code()
                tgt, tgt_text = self.actor_code()
                while tgt == src:
                    tgt, tgt_text = self.actor_code()
            events_and_text = self._sentence(offset, s, src, src_text, tgt, tgt_text, tone,
                                             published)
            event, text = events_and_text
            if event.place is not None:
                places[s] = [event.place.name]
            sentences.append(Sentence(s, offset, offset + len(text), text))
            events.append(event)
            parts.append(text)
            offset += len(text) + 1
        text = " ".join(parts)
        article = Article(id=f"big-{i:05d}", text=text, date=published,
                          url=f"https://news.example.org/{published:%Y/%m}/{i}",
                          source=OUTLETS[i % len(OUTLETS)], title=parts[0][:80],
                          origin=f"bigdb:{i}")
        return CodedArticle(article, sentences, events, places)

    def _sentence(self, offset: int, index: int, src: str, src_text: str, tgt: str,
                  tgt_text: str, tone: int | None, published: dt.date) -> tuple[Event, str]:
        rng = self.rng
        cameo = self.code(tone)
        verb = LONG_ACTION if rng.random() < 0.02 else VERBS.get(cameo.code[:2], "addressed")
        place = self.place(src, tgt)
        subject = src_text[0].upper() + src_text[1:]
        where = f" in {place.name}" if place is not None else ""
        text = f"{subject} {verb} {tgt_text}{where}."
        s0 = offset
        v0 = s0 + len(subject) + 1
        t0 = v0 + len(verb) + 1
        ago = rng.choice([0, 0, 0, 1, 1, 2])
        day = max(FIRST, published - dt.timedelta(days=ago))
        event = Event(
            source=Actor(src, src_text, s0, s0 + len(subject), f"generated:{src}",
                         country=src[:3] if src[:3] in COUNTRIES else None,
                         agent=src[3:] or None),
            target=Actor(tgt, tgt_text, t0, t0 + len(tgt_text), f"generated:{tgt}",
                         country=tgt[:3] if tgt[:3] in COUNTRIES else None,
                         agent=tgt[3:] or None),
            code=cameo.code, root=cameo.code[:2], quad_class=cameo.quad_class,
            goldstein=cameo.goldstein, plover=cameo.plover, action_text=verb,
            action_start=v0, action_end=v0 + len(verb), sentence=index,
            rule=f"generated:{cameo.code}", date=day,
            date_source="published" if not ago else "text:yesterday", place=place)
        return event, text


def _special(maker: _Maker) -> list[CodedArticle]:
    """The sparse dyads: NOR-CHL twice, twelve years apart; NZL-FJI in scattered months."""
    out = []
    dates = [dt.date(2012, 3, 5), dt.date(2024, 6, 10)]
    dates += [dt.date(2021, m, 14) for m in (1, 2, 3, 7, 8, 12)] + [dt.date(2022, 5, 3)]
    pairs = [("NOR", "Norway", "CHL", "Chile")] * 2 + [("NZL", "New Zealand", "FJI", "Fiji")] * 7
    for k, (day, (a, an, b, bn)) in enumerate(zip(dates, pairs, strict=True)):
        cameo = maker.ontology.codes["042" if k % 3 else "111"]
        text = f"{an} met {bn}."
        event = Event(source=Actor(a, an, 0, len(an), "generated", country=a),
                      target=Actor(b, bn, len(an) + 5, len(an) + 5 + len(bn), "generated",
                                   country=b),
                      code=cameo.code, root=cameo.code[:2], quad_class=cameo.quad_class,
                      goldstein=cameo.goldstein, plover=cameo.plover, action_text="met",
                      action_start=len(an) + 1, action_end=len(an) + 4, sentence=0,
                      rule="generated", date=day, date_source="published")
        article = Article(id=f"sparse-{k}", text=text, date=day, source="Wire A",
                          url=f"https://news.example.org/sparse/{k}")
        out.append(CodedArticle(article, [Sentence(0, 0, len(text), text)], [event]))
    return out


def coded_articles(n: int = ARTICLES, seed: int = SEED) -> Iterator[CodedArticle]:
    maker = _Maker(seed)
    for i in range(n):
        yield maker.article(i)
    yield from _special(maker)


def build(db: str, n: int = ARTICLES, seed: int = SEED) -> IngestSummary:
    """Store the generated articles in ``db`` (a DuckDB path or PostgreSQL URL)."""
    store = open_store(db)
    try:
        return store_coded(coded_articles(n, seed), store, batch_size=500)
    finally:
        store.close()


if __name__ == "__main__":
    import time

    t0 = time.perf_counter()
    summary = build(sys.argv[1] if len(sys.argv) > 1 else "big.duckdb")
    print(*summary.lines(), f"{time.perf_counter() - t0:.1f} s", sep="\n")
