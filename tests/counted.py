"""A database of hand-made events with counts (dead, injured, arrested, hostages) and
confidences, reported by several articles, for the tests of everything downstream of the
records: store filters and sums, the API, the exports and the dashboard.

The events, as the events table holds them once merged:

* KHARKIV: RUSMIL -> UKRMIL 190 in Kharkiv (UKR), 2024-05-03; three reports: "at least 8
  soldiers" (MIL, confidence 0.82), "12 killed" (0.64), "at least 8" again: dead 12 exact
  (one report gave it), injured 20; confidence 0.82.
* GUSAU: ---REB -> NGACVL 180 in Gusau (NGA), 2024-06-10; two reports of "at least 30
  villagers" (CVL) and 5 hostages: dead 30 lower (2 reports); confidence 0.9.
* ISTANBUL: TURCOP -> TUREDU 173 in Istanbul (TUR), 2024-05-20: arrested 40; 0.55.
* DOHA: IRNGOV -> QATGOV 042 in Doha, 2024-05-03: no counts, no confidence.
* SUDAN: ---REB -> SDNMIL 190, no place, 2024-06-01: dead 3 (the target's country), 0.4.
* UNDATED: USAMIL -> AFG 190, no place, no date: dead 2 range 2-4, 0.7.
"""

from __future__ import annotations

import datetime as dt

from tidings.knowledge.bundle import load_knowledge
from tidings.records import Actor, Article, Count, Event, Place, Sentence
from tidings.store.database import event_key, open_store

KHARKIV_PLACE = Place("Kharkiv", "UKR", 49.98, 36.25, "city", "sentence:Kharkiv")
GUSAU_PLACE = Place("Gusau", "NGA", 12.17, 6.66, "city", "sentence:Gusau")
ISTANBUL_PLACE = Place("Istanbul", "TUR", 41.01, 28.95, "city", "sentence:Istanbul")
DOHA_PLACE = Place("Doha", "QAT", 25.29, 51.53, "city", "sentence:Doha")

MAY3, MAY20, JUN1, JUN10 = (dt.date(2024, 5, 3), dt.date(2024, 5, 20), dt.date(2024, 6, 1),
                            dt.date(2024, 6, 10))

_CODES = {"190": (4, -10.0, "ASSAULT"), "180": (4, -9.0, "ASSAULT"),
          "173": (4, -5.0, "COERCE"), "042": (1, 1.9, "CONSULT")}


def _actor(code: str | None, start: int) -> Actor | None:
    if code is None:
        return None
    country = None if code.startswith("---") else code[:3]
    return Actor(code, code.title(), start, start + 6, "rule", country, code[3:] or None)


def event(source: str, target: str | None, code: str, day: dt.date | None,
          place: Place | None, counts: tuple[Count, ...] = (),
          confidence: float | None = None) -> Event:
    quad, goldstein, plover = _CODES[code]
    src = _actor(source, 0)
    assert src is not None
    return Event(src, _actor(target, 20), code, code[:2], quad, goldstein, plover, "killed",
                 10, 16, 0, "rule-1", date=day, date_source="published" if day else None,
                 place=place, counts=counts, confidence=confidence)


def _dead(n: int, bound: str = "exact", side: str | None = None, high: int | None = None,
          text: str = "") -> Count:
    return Count("dead", n, bound, high, side, text=text or f"{n} killed", start=30, end=40)


# (article id, date, outlet, sentence, events)
REPORTS: list[tuple[str, dt.date | None, str, str, list[Event]]] = [
    ("k1", MAY3, "Wire A", "Russian forces shelled Kharkiv, killing at least 8 soldiers.",
     [event("RUSMIL", "UKRMIL", "190", MAY3, KHARKIV_PLACE,
            (_dead(8, "lower", "MIL", text="at least 8 soldiers"),
             Count("injured", 20, text="20 wounded")), 0.82)]),
    ("k2", MAY3, "Wire B", "Russian shelling of Kharkiv killed 12 people, officials said.",
     [event("RUSMIL", "UKRMIL", "190", MAY3, KHARKIV_PLACE, (_dead(12),), 0.64)]),
    ("k3", MAY3, "Wire C", "At least 8 died when Russian forces shelled Kharkiv.",
     [event("RUSMIL", "UKRMIL", "190", MAY3, KHARKIV_PLACE, (_dead(8, "lower"),), 0.5),
      event("IRNGOV", "QATGOV", "042", MAY3, DOHA_PLACE)]),
    ("g1", JUN10, "Wire A", "Gunmen killed at least 30 villagers near Gusau and took 5 "
     "hostages.",
     [event("---REB", "NGACVL", "180", JUN10, GUSAU_PLACE,
            (_dead(30, "lower", "CVL"), Count("hostages", 5, side="CVL")), 0.9)]),
    ("g2", JUN10, "Wire B", "At least 30 villagers were killed by gunmen in Gusau.",
     [event("---REB", "NGACVL", "180", JUN10, GUSAU_PLACE,
            (_dead(30, "lower", "CVL"),), 0.7)]),
    ("t1", MAY20, "Wire A", "Police in Istanbul arrested 40 students.",
     [event("TURCOP", "TUREDU", "173", MAY20, ISTANBUL_PLACE,
            (Count("arrested", 40, side="EDU"),), 0.55)]),
    ("s1", JUN1, "Wire C", "Rebels killed three Sudanese soldiers.",
     [event("---REB", "SDNMIL", "190", JUN1, None, (_dead(3, side="MIL"),), 0.4)]),
    ("u1", None, "Wire C", "American strikes killed two to four Afghans.",
     [event("USAMIL", "AFG", "190", None, None, (_dead(2, "range", high=4),), 0.7)]),
]

KHARKIV = event_key(REPORTS[0][4][0])
DOHA = event_key(REPORTS[2][4][1])
GUSAU = event_key(REPORTS[3][4][0])
ISTANBUL = event_key(REPORTS[5][4][0])
SUDAN = event_key(REPORTS[6][4][0])
UNDATED = event_key(REPORTS[7][4][0])


def fill(db: str) -> None:
    """Store the reports in the database ``db`` (made if need be)."""
    store = open_store(db)
    try:
        onto = load_knowledge().ontology
        for aid, day, outlet, text, events in REPORTS:
            store.save_article(Article(aid, text, day, f"https://news.example/{aid}", outlet,
                                       f"Report {aid}"),
                               [Sentence(0, 0, len(text), text)], events, onto)
    finally:
        store.close()
