"""Writing stored events out: GDELT 2.0 event table, PLOVER JSON lines, JSONL, CSV, Parquet.

Every writer takes an iterable of *event rows* (plain dicts with the keys of `EVENT_FIELDS`,
as the store yields them) and an open file object, writes one event at a time (Parquet: one
record batch of `batch_size` rows at a time) and returns the number of events written. No
writer ever holds more than one batch of rows, so an export of millions of events runs in
constant memory. `export()` opens the output file in the right mode and dispatches on a format
name from `EXPORT_FORMATS`.

GDELT export, and where it differs from GDELT itself
----------------------------------------------------
* Columns are the 61 of the GDELT 2.0 event table (`GDELT_COLUMNS`), tab-separated, "\\n" line
  ends, no header unless asked for. Columns tidings has no value for are empty strings
  (AvgTone, the religion/ethnic codes, ADM2 codes, feature ids).
* GlobalEventID is derived from the tidings event id: the integer value of the first 15 hex
  digits of its SHA-1 (60 bits, fits a signed 64-bit column, stable across runs).
* FractionDate is year + day_of_year / 365 with four decimals. (GDELT's codebook describes a
  30-day-month approximation, so GDELT's own values can differ by up to a few hundredths.)
* Actor codes drop CAMEO's unknown-country placeholder: "---REB" becomes "REB", "---" becomes
  "". ActorName is the actor's text as found in the article, upper-cased; GDELT writes its
  dictionary name instead.
* ActorCountryCode is the actor's country only when the code starts with it: an organisation's
  home country ("IGOWSTNAT" with country "BEL") is not its CAMEO country, as in GDELT.
* ActorKnownGroupCode: for IGO/NGO/IMG codes, the last three-letter block after the prefix that
  is neither a CAMEO region code ("WST", "AFR") nor a role code ("GOV", "HRI"), so "IGOWSTNAT"
  gives "NAT" (NATO, as in GDELT), "IGOUNO" gives "UNO", "NGOHRIAMN" gives "AMN", and a code
  with only a region or role ("IGOAFR", "IGOEURGOV") gives "". Groups coded under a country
  get no group code.
* ActorType1..3Code: the IGO/NGO/IMG prefix where there is one, then the role blocks of the code
  after its country ("GOV", "MIL", "REB"), then the row's agent if not already listed.
* ActionGeo_Type: 1 for a country, 4 for a city ("world city"), 5 for an admin region ("world
  state"); GDELT's US-specific types 2 and 3 are never written.
* The *Geo_CountryCode columns hold FIPS 10-4 codes ("IR"), as the codebook says, from the
  geonames country table (`enrich.places.fips_country`); Actor*CountryCode keep the CAMEO
  (ISO 3166-1 alpha-3) codes the codebook asks for there. *Geo_ADM1Code is the FIPS country
  code for a country, and that code followed by the geonames admin1 code of the city for a city
  (`enrich.places.adm1_code`; FIPS 10-4 division codes for most countries, US states as "USTX").
* ActorGeo: the event's place when it is a city or region in the actor's country, else the
  actor's country (type 1, without coordinates); empty for actors without a country.
* IsRootEvent is 1 when the event's representative mention is in the lead paragraph of its
  article, 0 otherwise (`store.facts`: the text up to the first line break, or the first
  sentence of an article without line breaks). It needs the store (`export(..., store=...)`);
  without it the column is empty. DATEADDED is first_seen in UTC as YYYYMMDDHHMMSS (a naive
  datetime is taken to be UTC already).

The GDELT mentions table (`write_gdelt_mentions`) takes *mention rows* (`MENTION_FIELDS`); with
the store it also fills EventTimeDate (the event's DATEADDED), MentionDocLen (characters of the
article text) and Confidence. GDELT defines Confidence as its percent confidence in the
extraction of the event from the article, an integer 0-100: it is the mention's calibrated
confidence (``mentions.confidence``, 0..1) times 100, rounded. A mention the coder gave no
confidence (one stored before it did) keeps the older stand-in: the percentage of the event's
mentions coded with the same CAMEO code as this one (100 when all agree), an agreement count,
not a probability.

JSONL writes an event's ``counts`` (the JSON detail of its counts: per kind the figure, its
bound, range top, side, and each report's figure) as a JSON array, not as text; CSV and
Parquet keep it as the JSON text the database holds. The per-kind columns (``dead``,
``dead_bound``, ...) and ``confidence`` are plain columns: integers, text and a float, empty
(CSV) or null (JSONL, Parquet) for an event without them.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tidings.store.facts import (
    EventFacts,
    MentionFacts,
    batched,
    executor,
    mention_facts,
    with_event_facts,
)
from tidings.store.plover import write_plover
from tidings.store.schema import DAILY, EVENTS, EVIDENCE, events_parquet_schema

if TYPE_CHECKING:  # pyarrow is imported when Parquet is written, so other formats work without it
    import pyarrow as pa

log = logging.getLogger(__name__)

Row = Mapping[str, Any]

# The rows the store yields, in this order (the CSV header, the JSON keys, the Parquet
# schema): the columns of schema.EVENTS, of the mentions with their articles, and of the
# one-a-day view.
EVENT_FIELDS: tuple[str, ...] = EVENTS.names
MENTION_FIELDS: tuple[str, ...] = EVIDENCE.names
DAILY_FIELDS: tuple[str, ...] = DAILY.names

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)

GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)
assert len(GDELT_COLUMNS) == 61, len(GDELT_COLUMNS)

GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)

# CAMEO prefixes of organisation codes whose last block names the organisation.
_GROUP_PREFIXES = frozenset({"IGO", "NGO", "IMG"})
# CAMEO region codes: blocks of an organisation code that locate it rather than name it.
_REGION_CODES = frozenset({
    "AFR", "ASA", "BLK", "BAL", "CAF", "CAS", "CAU", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN", "WAF", "WEU", "WST",
})
# CAMEO role (agent/sector) codes: blocks of an organisation code that say what kind it is.
_ROLE_CODES = frozenset({
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "INS",
    "JUD", "LAB", "LEG", "MED", "MIL", "MOD", "OPP", "PTY", "RAD", "REB", "REF", "SEP", "SPY",
    "UAF",
})
_UNKNOWN = "---"
_GEO_TYPES = {"country": "1", "city": "4", "admin": "5"}
_CONTROL = re.compile(r"[\t\r\n]+")


# --------------------------------------------------------------------------------------------
# GDELT


def gdelt_event_id(event_id: str) -> int:
    """A stable 60-bit integer for a tidings event id: the first 15 hex digits of its SHA-1."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _text(value: Any) -> str:
    """A value as a GDELT field: "" for None, tabs and line breaks folded to spaces."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        return _CONTROL.sub(" ", text)
    return text


def _number(value: Any, digits: int | None = None) -> str:
    """A float without a spurious ".0" ("-2", "3.4"); None as ""."""
    if value is None:
        return ""
    x = float(value)
    if digits is not None:
        x = round(x, digits)
    return str(int(x)) if x.is_integer() else repr(x)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment


_NO_ACTOR = [""] * len(_ACTOR_FIELDS)
_NO_GEO = [""] * len(_GEO_FIELDS)


def _actor_fields(code: str | None, country: str | None, agent: str | None,
                  text: str | None) -> list[str]:
    """The ten GDELT actor columns (Code .. Type3Code) for one actor."""
    if not code:
        return _NO_ACTOR
    if code.startswith(_UNKNOWN):
        code = code[len(_UNKNOWN):]
        cc = ""
        known_layout = True  # what follows "---" is roles only
    else:
        cc = country if country and code.startswith(country) else ""
        # Without its country as a prefix, the code's first block may be a country or not:
        # rely on the agent alone for the types (organisation prefixes are still recognised).
        known_layout = bool(cc)
    rest = code[len(cc):]
    blocks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    group = ""
    types: list[str] = []
    if blocks and blocks[0] in _GROUP_PREFIXES:
        types.append(blocks[0])
        types.extend(b for b in blocks[1:] if b in _ROLE_CODES)
        named = [b for b in blocks[1:]
                 if b not in _REGION_CODES and b not in _ROLE_CODES and b != agent]
        group = named[-1] if named else ""
    elif known_layout:
        types.extend(b for b in blocks if len(b) == 3)  # roles: "GOV", "MIL", "REB"
    if agent and agent not in types:
        types.append(agent)
    types += ["", "", ""]
    name = _text(text).upper() if code else ""
    return [code, name, cc, group, "", "", "", types[0], types[1], types[2]]


def _country_geo(country: str | None) -> list[str]:
    """The eight geography columns of a country (no coordinates)."""
    from tidings.enrich.places import fips_country

    fips = fips_country(country)
    if fips is None:
        return _NO_GEO
    return ["1", _text(fips[1]), fips[0], fips[0], "", "", "", ""]


def _place_geo(row: Row) -> list[str]:
    """The eight ActionGeo columns of the event's place."""
    from tidings.enrich.places import adm1_code, fips_country

    get = row.get
    if not (get("place_name") or get("place_country")):
        return _NO_GEO
    fips = fips_country(get("place_country"))
    adm1 = fips[0] if fips else ""
    if get("place_feature") == "city":
        adm1 = adm1_code(get("place_name"), get("place_country"), get("place_lat"),
                         get("place_lon")) or adm1
    return [
        _GEO_TYPES.get(get("place_feature") or "", ""), _text(get("place_name")),
        fips[0] if fips else "", adm1, "",
        _number(get("place_lat"), 4), _number(get("place_lon"), 4), "",
    ]


def _actor_geo(row: Row, side: str, action_geo: list[str]) -> list[str]:
    """An actor's geography: the event's place when it is a city or region of the actor's
    country, else the actor's country."""
    country = row.get(f"{side}_country")
    if not country or not row.get(side):
        return _NO_GEO
    if row.get("place_country") == country and row.get("place_feature") in ("city", "admin"):
        return action_geo
    return _country_geo(country)


def gdelt_row(row: Row, facts: EventFacts | None = None) -> list[str]:
    """One event row as the 61 string fields of a GDELT 2.0 event record (`GDELT_COLUMNS`).

    `facts` (from `store.facts`) gives IsRootEvent; without them it is empty.
    """
    get = row.get
    day = get("date")
    if day is not None:
        ym = f"{day.year:04d}{day.month:02d}"
        dates = [ym + f"{day.day:02d}", ym, ym[:4],
                 f"{day.year + day.timetuple().tm_yday / 365:.4f}"]
    else:
        dates = ["", "", "", ""]
    code = _text(get("code"))
    action_geo = _place_geo(row)
    first_seen = get("first_seen")
    return [
        str(gdelt_event_id(str(row["event_id"]))),
        *dates,
        *_actor_fields(get("source"), get("source_country"), get("source_agent"),
                       get("source_text")),
        *_actor_fields(get("target"), get("target_country"), get("target_agent"),
                       get("target_text")),
        "" if facts is None else ("1" if facts.in_lead else "0"),  # IsRootEvent
        code,
        code[:3],
        _text(get("root")) or code[:2],
        _text(get("quad_class")),
        _number(get("goldstein")),
        _text(get("num_mentions")),
        _text(get("num_sources")),
        _text(get("num_articles")),
        "",  # AvgTone
        *_actor_geo(row, "source", action_geo),
        *_actor_geo(row, "target", action_geo),
        *action_geo,
        _utc(first_seen).strftime("%Y%m%d%H%M%S") if first_seen is not None else "",
        _text(get("source_url")),
    ]


def write_gdelt(rows: Iterable[Row], fh: IO[str], *, header: bool = False,
                store: Any | None = None) -> int:
    """GDELT 2.0 event records, tab-separated, one line per event; returns the number written.

    GDELT's own files have no header line; `header=True` adds one with `GDELT_COLUMNS`.
    `store` (a Store or its Reader) is asked for the facts IsRootEvent needs.
    """
    if header:
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for row, facts in with_event_facts(rows, store):
        fh.write("\t".join(gdelt_row(row, facts)) + "\n")
        n += 1
    return n


def _write_tsv(rows: Iterable[Row], fh: IO[str], fields: Callable[[Row], list[str]],
               header: Sequence[str] | None) -> int:
    if header:
        fh.write("\t".join(header) + "\n")
    n = 0
    for row in rows:
        fh.write("\t".join(fields(row)) + "\n")
        n += 1
    return n


def _offset(value: Any) -> str:
    return "-1" if value is None else str(int(value))


def _stamp(moment: Any) -> str:
    if moment is None:
        return ""
    if not isinstance(moment, dt.datetime):
        return moment.strftime("%Y%m%d000000")
    return _utc(moment).strftime("%Y%m%d%H%M%S")


def _percent(confidence: Any, agreement: int | None) -> int | None:
    """GDELT's Confidence: the mention's confidence as a whole percentage 0-100, or the
    agreement of the event's mentions when it has none."""
    if confidence is None:
        return agreement
    return max(0, min(100, round(100 * float(confidence))))


def gdelt_mention_row(row: Row, facts: MentionFacts | None = None) -> list[str]:
    """One mention row as the 16 fields of a GDELT 2.0 mentions record.

    MentionType is 1 (web), SentenceID is 1-based, a missing char offset is -1 as in GDELT.
    MentionTimeDate is the publication date at 00:00:00. EventTimeDate, Confidence and
    MentionDocLen come from `facts` (see the module docstring), empty without them; the tone
    and translation fields stay empty. Confidence is the mention's confidence in percent
    (from `facts`), else the agreement of the event's mentions.
    """
    facts = facts or MentionFacts(None, None, None)
    published = row.get("published")
    sentence_index = row.get("sentence_index")
    return [
        str(gdelt_event_id(str(row["event_id"]))),
        _stamp(facts.date_added),
        published.strftime("%Y%m%d000000") if published is not None else "",
        "1",
        _text(row.get("source_name")),
        _text(row.get("url")),
        "" if sentence_index is None else str(int(sentence_index) + 1),
        _offset(row.get("source_start")),
        _offset(row.get("target_start")),
        _offset(row.get("action_start")),
        "1",
        _text(_percent(facts.confidence, facts.agreement)),
        _text(facts.doc_len),
        "", "", "",
    ]


def write_gdelt_mentions(rows: Iterable[Row], fh: IO[str], *, header: bool = False,
                         store: Any | None = None) -> int:
    """GDELT 2.0 mentions records for mention rows, tab-separated; returns the number written.

    `store` (a Store or its Reader) is asked for EventTimeDate, MentionDocLen and Confidence.
    """
    if store is None:
        return _write_tsv(rows, fh, gdelt_mention_row,
                          GDELT_MENTION_COLUMNS if header else None)
    if header:
        fh.write("\t".join(GDELT_MENTION_COLUMNS) + "\n")
    execute = executor(store)
    n = 0
    for batch in batched(rows):
        facts = mention_facts(execute, [str(r["event_id"]) for r in batch])
        for row in batch:
            fh.write("\t".join(gdelt_mention_row(row, facts.of(row))) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------------------------
# JSONL and CSV


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def write_jsonl(rows: Iterable[Row], fh: IO[str],
                fields: Sequence[str] = EVENT_FIELDS) -> int:
    """Rows as JSON objects, one a line, keys in `fields` order, dates in ISO 8601, an event's
    `counts` as a JSON array.

    Returns the number written. Keys outside `fields` are dropped, missing ones are null.
    """
    n = 0
    for row in rows:
        record = {key: _iso(row.get(key)) for key in fields}
        if isinstance(record.get("counts"), str):  # the JSON text of the events table
            record["counts"] = json.loads(record["counts"])
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[Row], fh: IO[str], fields: Sequence[str] = EVENT_FIELDS) -> int:
    """Rows as CSV with a `fields` header, dates in ISO 8601, None as "".

    Lines end in "\\n"; open the file with newline="". Returns the number of rows written.
    """
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(fields)
    n = 0
    for row in rows:
        writer.writerow(["" if (v := row.get(key)) is None else _iso(v) for key in fields])
        n += 1
    return n


# --------------------------------------------------------------------------------------------
# Parquet

def parquet_schema() -> pa.Schema:
    """The Parquet schema of event rows: `EVENT_FIELDS` in order, all nullable.

    date is date32; first_seen/last_seen are UTC microsecond timestamps; quad_class is int8;
    the counts int64; goldstein and the coordinates float64; everything else a string (the
    kinds of schema.EVENTS).
    """
    return events_parquet_schema()


def _batches(rows: Iterable[Row], size: int,
             fields: Sequence[str] = EVENT_FIELDS) -> Iterator[dict[str, list[Any]]]:
    """Rows gathered column-wise, `size` rows at a time."""
    columns: dict[str, list[Any]] = {key: [] for key in fields}
    n = 0
    for row in rows:
        for key, values in columns.items():
            values.append(row.get(key))
        n += 1
        if n == size:
            yield columns
            columns = {key: [] for key in fields}
            n = 0
    if n:
        yield columns


def write_parquet(rows: Iterable[Row], path_or_fh: str | Path | IO[bytes],
                  batch_size: int = 10_000, fields: Sequence[str] = EVENT_FIELDS) -> int:
    """Event rows as Parquet (`parquet_schema()`), one row group per `batch_size` rows.

    Times are stored as UTC timestamps (a naive datetime is taken to be UTC). An empty input
    still gives a valid file with the schema. Returns the number of events written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    sink = str(path_or_fh) if isinstance(path_or_fh, Path) else path_or_fh
    if tuple(fields) != EVENT_FIELDS:
        return _write_parquet_inferred(rows, sink, batch_size, fields)
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(sink, schema) as writer:
        for columns in _batches(rows, batch_size):
            arrays = [pa.array(columns[f.name], type=f.type) for f in schema]
            batch = pa.RecordBatch.from_arrays(arrays, schema=schema)
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def _write_parquet_inferred(rows: Iterable[Row], sink: Any, batch_size: int,
                            fields: Sequence[str]) -> int:
    """Parquet for rows other than events: column types taken from the first batch."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    try:
        for columns in _batches(rows, batch_size, fields):
            arrays = {k: pa.array(v) for k, v in columns.items()}
            # A column with no value yet in the first batch is typed as text.
            table = pa.table({k: a.cast(pa.string()) if pa.types.is_null(a.type) else a
                              for k, a in arrays.items()})
            if writer is None:
                writer = pq.ParquetWriter(sink, table.schema)
            writer.write_table(table.cast(writer.schema))
            n += table.num_rows
        if writer is None:
            pq.write_table(pa.table({k: pa.array([], pa.string()) for k in fields}), sink)
    finally:
        if writer is not None:
            writer.close()
    return n


# --------------------------------------------------------------------------------------------
# Dispatch

Writer = Callable[..., int]

EXPORT_FORMATS: dict[str, Writer] = {
    "gdelt": write_gdelt,
    "plover": write_plover,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}
_BINARY_FORMATS = frozenset({"parquet"})


TABLE_FIELDS = {"events": EVENT_FIELDS, "mentions": MENTION_FIELDS, "daily": DAILY_FIELDS}


def export(rows: Iterable[Row], fmt: str, out: str | Path, table: str = "events", *,
           store: Any | None = None) -> int:
    """Write rows of `table` (events, mentions or daily) to the file `out` in format `fmt`;
    returns the number written. GDELT is for events and mentions, PLOVER for events only.

    Text formats are written as UTF-8 with "\\n" line ends; Parquet is written to the path.
    `store` (the Store the rows come from, or its Reader) lets the GDELT and PLOVER writers
    look up what the rows do not hold (`store.facts`); without it those fields are empty.
    """
    writer = EXPORT_FORMATS.get(fmt)
    if writer is None:
        known = ", ".join(EXPORT_FORMATS)
        raise ValueError(f"unknown export format {fmt!r} (known: {known})")
    fields = TABLE_FIELDS.get(table)
    if fields is None:
        raise ValueError(f"unknown table {table!r} (known: {', '.join(TABLE_FIELDS)})")
    if table != "events" and fmt == "plover" or table == "daily" and fmt == "gdelt":
        raise ValueError(f"the {fmt} format has no layout for {table} rows")
    if fmt in _BINARY_FORMATS:
        return write_parquet(rows, Path(out), fields=fields)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        if fmt == "gdelt" and table == "mentions":
            return write_gdelt_mentions(rows, fh, store=store)
        if fmt in ("jsonl", "csv"):
            return writer(rows, fh, fields=fields)
        return writer(rows, fh, store=store)
