from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tidings.store.export import (
    EVENT_FIELDS,
    EXPORT_FORMATS,
    GDELT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    export,
    gdelt_event_id,
    gdelt_mention_row,
    gdelt_row,
    parquet_schema,
    write_csv,
    write_gdelt,
    write_jsonl,
    write_parquet,
    write_plover,
)

UTC = dt.UTC


def event(**fields: Any) -> dict[str, Any]:
    """An event row with every key of the store's schema, None where not given."""
    row = dict.fromkeys(EVENT_FIELDS)
    row.update(fields)
    assert set(row) == set(EVENT_FIELDS), set(row) - set(EVENT_FIELDS)
    return row


# Iran's government condemns Israel, in Tehran.
TEHRAN = event(
    event_id="ev-tehran-1", date=dt.date(2024, 3, 5), source="IRNGOV", target="ISR",
    source_country="IRN", source_agent="GOV", target_country="ISR", target_agent=None,
    source_text="Iran's foreign ministry", target_text="Israel", action_text="condemned",
    code="112", root="11", quad_class=3, goldstein=-2.0, plover="DISAPPROVE",
    plover_mode="accuse", place_name="Tehran", place_country="IRN", place_lat=35.6892,
    place_lon=51.389, place_feature="city", num_mentions=4, num_sources=2, num_articles=3,
    first_seen=dt.datetime(2024, 3, 5, 9, 30, 15, tzinfo=UTC),
    last_seen=dt.datetime(2024, 3, 6, 18, 0, tzinfo=UTC),
    source_url="https://news.example/iran-israel", rule="pattern:condemn",
    sentence="In Tehran, Iran's foreign ministry condemned Israel\tfor the strike.",
)
# NATO withdraws from Russia's border: no place, no agent.
NATO = event(
    event_id="ev-nato-2", date=dt.date(2023, 12, 31), source="IGOWSTNAT", target="RUS",
    source_country=None, source_agent=None, target_country="RUS", target_agent=None,
    source_text="NATO", target_text="Russia", action_text="pulled back troops",
    code="0874", root="08", quad_class=2, goldstein=10.0, plover="RETREAT", plover_mode=None,
    num_mentions=1, num_sources=1, num_articles=1,
    first_seen=dt.datetime(2024, 1, 1, 0, 5), last_seen=dt.datetime(2024, 1, 1, 0, 5),
    source_url=None, sentence="NATO pulled back troops from the Russian border.",
    rule="pattern:pull_back",
)
# Rebels of unknown country fight Nigeria's army, somewhere in Nigeria.
REBELS = event(
    event_id="ev-rebels-3", date=dt.date(2024, 7, 14), source="---REB", target="NGAMIL",
    source_country=None, source_agent="REB", target_country="NGA", target_agent="MIL",
    source_text="gunmen", target_text="Nigerian soldiers", action_text="clashed with",
    code="190", root="19", quad_class=4, goldstein=-10.0, plover="FIGHT", plover_mode=None,
    place_name="Nigeria", place_country="NGA", place_lat=9.0, place_lon=8.0,
    place_feature="country", num_mentions=2, num_sources=2, num_articles=2,
    first_seen=dt.datetime(2024, 7, 14, 23, 59, 59, tzinfo=UTC),
    last_seen=dt.datetime(2024, 7, 15, 1, 0, tzinfo=UTC),
    source_url="https://news.example/nigeria-clash",
    sentence="Gunmen clashed with Nigerian soldiers.", rule="pattern:clash",
)
# A statement: CAMEO 01 has no PLOVER type.
STATEMENT = event(
    event_id="ev-say-4", date=dt.date(2024, 2, 1), source="FRAGOV", target="---",
    source_country="FRA", source_agent="GOV", source_text="the French government",
    action_text="said", code="010", root="01", quad_class=1, goldstein=0.0, plover=None,
    num_mentions=1, num_sources=1, num_articles=1,
    first_seen=dt.datetime(2024, 2, 1, 12, 0, tzinfo=UTC),
    last_seen=dt.datetime(2024, 2, 1, 12, 0, tzinfo=UTC),
    sentence="The French government said it would wait.", rule="pattern:say",
)
ROWS = [TEHRAN, NATO, REBELS, STATEMENT]


def gdelt_lines(rows: list[dict[str, Any]], **kwargs: Any) -> list[list[str]]:
    buf = io.StringIO(newline="")
    assert write_gdelt(rows, buf, **kwargs) == len(rows)
    text = buf.getvalue()
    assert text.endswith("\n") and "\r" not in text
    return [line.split("\t") for line in text.split("\n")[:-1]]


def as_dict(fields: list[str]) -> dict[str, str]:
    assert len(fields) == len(GDELT_COLUMNS)
    return dict(zip(GDELT_COLUMNS, fields, strict=True))


# --- GDELT ----------------------------------------------------------------------------------


def test_gdelt_has_the_61_columns_in_order() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code")
    assert GDELT_COLUMNS[14:16] == ("Actor1Type3Code", "Actor2Code")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35] == "Actor1Geo_Type" and GDELT_COLUMNS[42] == "Actor1Geo_FeatureID"
    assert GDELT_COLUMNS[51:59] == (
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
        "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_every_line_has_61_fields() -> None:
    lines = gdelt_lines(ROWS)
    assert len(lines) == len(ROWS)
    assert all(len(fields) == 61 for fields in lines)


def test_gdelt_tehran_column_by_column() -> None:
    g = as_dict(gdelt_row(TEHRAN))
    expected = {
        "GlobalEventID": str(gdelt_event_id("ev-tehran-1")),
        "Day": "20240305", "MonthYear": "202403", "Year": "2024",
        "FractionDate": "2024.1781",  # 2024 + 65/365
        "Actor1Code": "IRNGOV", "Actor1Name": "IRAN'S FOREIGN MINISTRY",
        "Actor1CountryCode": "IRN", "Actor1KnownGroupCode": "", "Actor1Type1Code": "GOV",
        "Actor1Type2Code": "", "Actor1Type3Code": "",
        "Actor2Code": "ISR", "Actor2Name": "ISRAEL", "Actor2CountryCode": "ISR",
        "Actor2KnownGroupCode": "", "Actor2Type1Code": "",
        "IsRootEvent": "", "EventCode": "112", "EventBaseCode": "112", "EventRootCode": "11",
        "QuadClass": "3", "GoldsteinScale": "-2", "NumMentions": "4", "NumSources": "2",
        "NumArticles": "3", "AvgTone": "",
        "ActionGeo_Type": "4", "ActionGeo_FullName": "Tehran", "ActionGeo_CountryCode": "IR",
        "ActionGeo_ADM1Code": "IR26", "ActionGeo_Lat": "35.6892", "ActionGeo_Long": "51.389",
        "ActionGeo_FeatureID": "",
        "DATEADDED": "20240305093015", "SOURCEURL": "https://news.example/iran-israel",
    }
    assert {k: g[k] for k in expected} == expected
    # Everything tidings does not know is empty (IsRootEvent too, without the store).
    unknown = [c for c in GDELT_COLUMNS if "Religion" in c or "Ethnic" in c]
    assert all(g[c] == "" for c in unknown)
    # The actors' geography: Tehran for the Iranian actor, the country for Israel.
    assert [g[f"Actor1Geo_{f}"] for f in ("Type", "CountryCode", "ADM1Code")] == [
        "4", "IR", "IR26"]
    assert [g[f"Actor2Geo_{f}"] for f in ("Type", "FullName", "CountryCode", "Lat")] == [
        "1", "Israel", "IS", ""]


def test_gdelt_event_id_is_a_stable_60_bit_integer() -> None:
    a = gdelt_event_id("ev-tehran-1")
    assert a == gdelt_event_id("ev-tehran-1") != gdelt_event_id("ev-nato-2")
    assert 0 <= a < 2**60
    assert as_dict(gdelt_row(TEHRAN))["GlobalEventID"] == str(a)


def test_gdelt_igo_actor_and_no_place() -> None:
    g = as_dict(gdelt_row(NATO))
    assert (g["Day"], g["FractionDate"]) == ("20231231", "2024.0000")  # 2023 + 365/365
    assert g["Actor1Code"] == "IGOWSTNAT"
    assert g["Actor1CountryCode"] == ""
    assert g["Actor1KnownGroupCode"] == "NAT"  # the organisation, not the region WST
    assert g["Actor1Type1Code"] == "IGO"
    assert (g["Actor2Code"], g["Actor2CountryCode"]) == ("RUS", "RUS")
    assert (g["EventCode"], g["EventBaseCode"], g["EventRootCode"]) == ("0874", "087", "08")
    assert (g["QuadClass"], g["GoldsteinScale"]) == ("2", "10")
    assert all(g[c] == "" for c in GDELT_COLUMNS if c.startswith("ActionGeo_"))
    assert g["DATEADDED"] == "20240101000500"  # naive first_seen is taken as UTC
    assert g["SOURCEURL"] == ""


def test_gdelt_unknown_country_actor_and_country_place() -> None:
    g = as_dict(gdelt_row(REBELS))
    assert (g["Actor1Code"], g["Actor1Name"]) == ("REB", "GUNMEN")
    assert (g["Actor1CountryCode"], g["Actor1Type1Code"]) == ("", "REB")
    assert (g["Actor2Code"], g["Actor2CountryCode"], g["Actor2Type1Code"]) == (
        "NGAMIL", "NGA", "MIL")
    assert (g["EventCode"], g["EventBaseCode"], g["EventRootCode"]) == ("190", "190", "19")
    assert (g["ActionGeo_Type"], g["ActionGeo_FullName"], g["ActionGeo_CountryCode"]) == (
        "1", "Nigeria", "NI")  # FIPS 10-4
    assert g["ActionGeo_ADM1Code"] == "NI"
    assert (g["ActionGeo_Lat"], g["ActionGeo_Long"]) == ("9", "8")


def test_gdelt_no_target_leaves_actor2_empty() -> None:
    g = as_dict(gdelt_row(STATEMENT))
    assert g["Actor1Code"] == "FRAGOV"
    assert all(g[f"Actor2{f}"] == "" for f in ("Code", "Name", "CountryCode", "Type1Code"))
    assert g["GoldsteinScale"] == "0"


def test_gdelt_known_group_codes() -> None:
    def group(code: str, country: str | None = None, agent: str | None = None) -> list[str]:
        g = as_dict(gdelt_row(event(event_id="x", source=code, source_country=country,
                                    source_agent=agent, code="010")))
        return [g["Actor1KnownGroupCode"], g["Actor1Type1Code"], g["Actor1Type2Code"]]

    assert group("IGOUNO") == ["UNO", "IGO", ""]
    assert group("NGOHRIAMN") == ["AMN", "NGO", "HRI"]  # HRI: a human-rights sector
    assert group("IGOAFR") == ["", "IGO", ""]  # a region alone names no group
    assert group("IGOEURGOV", agent="GOV") == ["", "IGO", "GOV"]
    assert group("USAMILGOV", country="USA") == ["", "MIL", "GOV"]
    assert group("IRNGOV", country=None, agent="GOV") == ["", "GOV", ""]  # layout unknown


def test_gdelt_fields_never_break_the_line() -> None:
    row = dict(TEHRAN, source_text="Iran's\tforeign\nministry", place_name="Teh\rran")
    (fields,) = gdelt_lines([row])
    g = as_dict(fields)
    assert g["Actor1Name"] == "IRAN'S FOREIGN MINISTRY"
    assert g["ActionGeo_FullName"] == "Teh ran"


def test_gdelt_header_is_optional() -> None:
    assert gdelt_lines([TEHRAN])[0][0] != "GlobalEventID"
    lines = gdelt_lines([TEHRAN], header=True)
    assert tuple(lines[0]) == GDELT_COLUMNS and len(lines) == 2


def test_gdelt_mentions_row() -> None:
    mention = {
        "event_id": "ev-tehran-1", "article_id": "a1", "url": "https://news.example/a1",
        "source_name": "news.example", "published": dt.date(2024, 3, 5), "sentence_index": 0,
        "sentence": "In Tehran, ...", "source_start": 11, "source_end": 34,
        "target_start": 45, "target_end": 51, "action_start": 35, "action_end": 44,
        "rule": "pattern:condemn", "date_source": "published",
    }
    m = dict(zip(GDELT_MENTION_COLUMNS, gdelt_mention_row(mention), strict=True))
    assert m["GlobalEventID"] == str(gdelt_event_id("ev-tehran-1"))
    assert (m["MentionTimeDate"], m["MentionType"], m["SentenceID"]) == (
        "20240305000000", "1", "1")
    assert (m["Actor1CharOffset"], m["Actor2CharOffset"], m["ActionCharOffset"]) == (
        "11", "45", "35")
    no_target = dict(mention, target_start=None, target_end=None, published=None)
    m = dict(zip(GDELT_MENTION_COLUMNS, gdelt_mention_row(no_target), strict=True))
    assert (m["Actor2CharOffset"], m["MentionTimeDate"]) == ("-1", "")


# --- JSONL, CSV -----------------------------------------------------------------------------


def test_jsonl_round_trips() -> None:
    buf = io.StringIO()
    assert write_jsonl(iter(ROWS), buf) == len(ROWS)
    lines = buf.getvalue().splitlines()
    assert len(lines) == len(ROWS)
    for line, row in zip(lines, ROWS, strict=True):
        back = json.loads(line)
        assert list(back) == list(EVENT_FIELDS)
        back["date"] = dt.date.fromisoformat(back["date"])
        for key in ("first_seen", "last_seen"):
            back[key] = dt.datetime.fromisoformat(back[key])
        assert back == row


def test_csv_header_and_values() -> None:
    buf = io.StringIO(newline="")
    assert write_csv(ROWS, buf) == len(ROWS)
    records = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert tuple(records[0]) == EVENT_FIELDS
    assert len(records) == len(ROWS) + 1
    tehran = dict(zip(EVENT_FIELDS, records[1], strict=True))
    assert tehran["date"] == "2024-03-05"
    assert tehran["first_seen"] == "2024-03-05T09:30:15+00:00"
    assert (tehran["source"], tehran["code"], tehran["quad_class"]) == ("IRNGOV", "112", "3")
    assert (tehran["goldstein"], tehran["place_lat"]) == ("-2.0", "35.6892")
    assert tehran["target_agent"] == ""  # None
    assert tehran["sentence"] == TEHRAN["sentence"]  # the tab survives CSV quoting
    nato = dict(zip(EVENT_FIELDS, records[2], strict=True))
    assert (nato["code"], nato["place_name"]) == ("0874", "")  # leading zero kept


# --- Parquet --------------------------------------------------------------------------------


def test_parquet_reads_back_with_types(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(iter(ROWS), path, batch_size=3) == len(ROWS)
    table = pq.read_table(path)
    assert table.schema.equals(parquet_schema())
    assert table.num_rows == len(ROWS)
    assert pq.ParquetFile(path).metadata.num_row_groups == 2
    types = {f.name: f.type for f in table.schema}
    assert types["date"] == pa.date32()
    assert types["first_seen"] == pa.timestamp("us", tz="UTC")
    assert pa.types.is_integer(types["quad_class"]) and types["num_mentions"] == pa.int64()
    assert types["goldstein"] == pa.float64() and types["place_lat"] == pa.float64()
    assert types["code"] == pa.string() and types["plover"] == pa.string()
    back = table.to_pylist()
    assert back[0]["date"] == dt.date(2024, 3, 5)
    assert back[0]["first_seen"] == TEHRAN["first_seen"]
    assert back[1]["first_seen"] == NATO["first_seen"].replace(tzinfo=UTC)
    assert back[1]["place_lat"] is None and back[1]["code"] == "0874"
    for got, row in zip(back, ROWS, strict=True):
        skip = {"first_seen", "last_seen"}
        assert {k: v for k, v in got.items() if k not in skip} == {
            k: v for k, v in row.items() if k not in skip}


def test_parquet_to_a_file_object_and_empty_input() -> None:
    buf = io.BytesIO()
    assert write_parquet([], buf) == 0
    table = pq.read_table(io.BytesIO(buf.getvalue()))
    assert table.num_rows == 0 and table.schema.equals(parquet_schema())


# --- PLOVER ---------------------------------------------------------------------------------


def test_plover_skips_events_without_a_type() -> None:
    buf = io.StringIO()
    stats: dict[str, int] = {}
    assert write_plover(ROWS, buf, stats=stats) == 3
    assert stats == {"written": 3, "skipped": 1, "merged": 0}
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["ev-tehran-1", "ev-nato-2", "ev-rebels-3"]
    tehran, nato, rebels = records
    assert tehran["date"] == "2024-03-05"
    assert tehran["event"] == ["DISAPPROVE"] and tehran["quad_code"] == 3
    assert tehran["actor"] == [{"code": "IRN", "sector": "GOV",
                                "entity_text": TEHRAN["source_text"], "cameo_code": "IRNGOV"}]
    assert [(e["code"], e["sector"]) for e in tehran["recipient"]] == [("ISR", None)]
    assert tehran["event_loc"]["resolved_place"] == "Tehran"
    assert tehran["event_loc"]["country_code"] == "IRN"
    assert tehran["event_loc"]["resolution"] == 4
    assert (tehran["cameo_code"], tehran["num_mentions"]) == ("112", 4)
    assert tehran["cite_info"]["url"] == "https://news.example/iran-israel"
    assert tehran["event_text"] == [TEHRAN["sentence"]]
    assert tehran["text_info"] is None  # without the store
    assert [e["code"] for e in nato["actor"]] == ["IGOWSTNAT"]
    assert nato["event_loc"] is None
    assert [(e["code"], e["sector"]) for e in rebels["actor"]] == [(None, "REB")]
    assert [(e["code"], e["sector"]) for e in rebels["recipient"]] == [("NGA", "MIL")]


# --- export() -------------------------------------------------------------------------------


def test_export_formats() -> None:
    assert set(EXPORT_FORMATS) == {"gdelt", "plover", "jsonl", "csv", "parquet"}
    assert all(callable(w) for w in EXPORT_FORMATS.values())


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_writes_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    n = export(iter(ROWS), fmt, str(out) if fmt == "csv" else out)
    assert n == (3 if fmt == "plover" else len(ROWS))
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == n
        return
    data = out.read_bytes()
    assert b"\r" not in data
    text = data.decode("utf-8")
    lines = text.splitlines()
    assert len(lines) == n + (1 if fmt == "csv" else 0)


def test_export_rejects_an_unknown_format(tmp_path: Path) -> None:
    out = tmp_path / "events.xml"
    with pytest.raises(ValueError, match="unknown export format 'xml'") as err:
        export(iter(ROWS), "xml", out)
    assert "\n" not in str(err.value)
    assert not out.exists()


# --- streaming ------------------------------------------------------------------------------

MANY = 200_000
LIMIT = 50 * 1024 * 1024  # far below what 200,000 row dicts take (several hundred MB)
_STATM = Path("/proc/self/statm")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss() -> int | None:
    """The process's resident memory in bytes now (Linux), or None where unknown."""
    try:
        return int(_STATM.read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


class Feed:
    """`MANY` generated rows, made one at a time; counts them and samples resident memory."""

    def __init__(self) -> None:
        self.taken = 0
        self.start_rss = rss()
        self.peak_rss = self.start_rss

    def __iter__(self) -> Iterator[dict[str, Any]]:
        seen = dt.datetime(2024, 1, 1, tzinfo=UTC)
        for i in range(MANY):
            self.taken += 1
            if i % 5_000 == 0:
                self.sample()
            yield dict(TEHRAN, event_id=f"ev-{i}", num_mentions=i,
                       first_seen=seen + dt.timedelta(seconds=i))
        self.sample()

    def sample(self) -> None:
        now = rss()
        if now is not None and self.peak_rss is not None:
            self.peak_rss = max(self.peak_rss, now)

    def rss_growth(self) -> int:
        self.sample()
        if self.start_rss is None or self.peak_rss is None:
            return 0
        return self.peak_rss - self.start_rss


class Watched(io.RawIOBase):
    """A discarding binary sink that notes how many rows had been taken at its first write."""

    def __init__(self, feed: Feed) -> None:
        self.feed = feed
        self.first_write_at: int | None = None
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        if self.first_write_at is None and len(b) > 4:  # past Parquet's 4-byte magic
            self.first_write_at = self.feed.taken
        self.size += len(b)
        return len(b)


def test_streaming_gdelt_writes_as_it_reads() -> None:
    feed = Feed()
    sink = Watched(feed)
    text = io.TextIOWrapper(io.BufferedWriter(sink, buffer_size=1 << 16), encoding="utf-8",
                            newline="")
    assert write_gdelt(feed, text) == MANY == feed.taken
    text.flush()
    # Lines reach the file while the generator is still running, and memory stays flat.
    assert sink.first_write_at is not None and sink.first_write_at < 1_000
    assert feed.rss_growth() < LIMIT, f"RSS grew by {feed.rss_growth() / 2**20:.0f} MiB"
    assert sink.size > MANY * 200


def test_streaming_parquet_holds_one_batch_at_a_time() -> None:
    # (two batches written first, so that the heap a batch needs, taken once per process, is
    # not counted as growth: in a fresh process that alone came near the limit)
    write_parquet((dict(TEHRAN, event_id=f"warm-up-{i}") for i in range(20_000)), io.BytesIO(),
                  batch_size=10_000)
    feed = Feed()
    sink = Watched(feed)
    pool = pa.default_memory_pool()
    arrow_start = pool.max_memory()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        n = write_parquet(feed, sink, batch_size=10_000)
        python_peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert n == MANY == feed.taken
    # The first batch reaches the file before the second one is read.
    assert sink.first_write_at is not None and sink.first_write_at <= 20_000
    assert python_peak < LIMIT, f"Python heap peaked {python_peak / 2**20:.0f} MiB higher"
    assert pool.max_memory() - arrow_start < LIMIT
    assert feed.rss_growth() < LIMIT, f"RSS grew by {feed.rss_growth() / 2**20:.0f} MiB"


def test_mentions_and_daily_rows_export_in_their_own_layout(tmp_path):
    from tidings.store.export import DAILY_FIELDS, MENTION_FIELDS, export

    mention = {k: None for k in MENTION_FIELDS} | {
        "event_id": "e1", "article_id": "a1", "sentence_index": 0,
        "sentence": "Chile praised Peru.", "source_start": 0, "source_end": 5,
        "published": dt.date(2024, 1, 2)}
    daily = {"date": dt.date(2024, 1, 2), "source": "CHL", "target": "PER", "code": "051",
             "root": "05", "quad_class": 1, "goldstein": 3.4, "num_events": 1, "num_mentions": 2}
    assert export([mention], "jsonl", tmp_path / "m.jsonl", table="mentions") == 1
    rec = json.loads((tmp_path / "m.jsonl").read_text())
    assert list(rec) == list(MENTION_FIELDS) and rec["published"] == "2024-01-02"
    assert export([daily], "csv", tmp_path / "d.csv", table="daily") == 1
    assert (tmp_path / "d.csv").read_text().splitlines()[0].split(",") == list(DAILY_FIELDS)
    assert export([mention, mention | {"url": "https://x.example/1"}], "parquet",
                  tmp_path / "m.parquet", table="mentions") == 2
    assert export([mention], "gdelt", tmp_path / "m.tsv", table="mentions") == 1
    with pytest.raises(ValueError, match="no layout"):
        export([daily], "gdelt", tmp_path / "d.tsv", table="daily")
