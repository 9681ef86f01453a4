"""Conformance of the GDELT and PLOVER exports of the sample database to their specs: the
PLOVER record schema (data/schemas/plover_record.schema.json, derived from the PLOVER manual's
"Data Fields" chapter), the GDELT 2.0 codebook's column list, IsRootEvent and FIPS codes; and
the data files the PLOVER export reads (modes and scores, context keywords)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tidings.config import DATA_DIR
from tidings.store.export import GDELT_COLUMNS, write_gdelt, write_gdelt_mentions
from tidings.store.plover import contexts_of, modes_of, scale_of, write_plover

SCHEMAS = DATA_DIR / "schemas"
MANUAL = Path("/work/shared/specs/plover/PLOVER_MANUAL.tex")
ROOT = Path(__file__).resolve().parents[1]


def _schema(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tidings.store.database import open_store

    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    tidings = str(Path(sys.executable).parent / "tidings")
    subprocess.run([tidings, "--db", str(db), "run"], check=True, capture_output=True,
                   cwd=ROOT)
    store = open_store(db, read_only=True)
    yield store
    store.close()


# --- data files -----------------------------------------------------------------------------


@pytest.mark.parametrize(("data", "schema"), [
    ("plover_modes.yaml", "plover_modes.schema.json"),
    ("plover_contexts.yaml", "plover_contexts.schema.json"),
])
def test_data_file_matches_its_schema(data: str, schema: str) -> None:
    doc = yaml.safe_load((DATA_DIR / data).read_text(encoding="utf-8"))
    errors = list(_schema(schema).iter_errors(doc))
    assert not errors, errors[:3]


def test_modes_belong_to_their_type_and_match_cameo() -> None:
    doc = yaml.safe_load((DATA_DIR / "plover_modes.yaml").read_text(encoding="utf-8"))
    cameo = yaml.safe_load((DATA_DIR / "cameo.yaml").read_text(encoding="utf-8"))
    types = {c["code"]: c["plover"] for c in cameo["codes"]}
    assert len(doc["types"]) == 16
    for code, entry in doc["codes"].items():
        assert types.get(code) == entry["type"], code
        assert set(entry["modes"]) <= set(doc["types"][entry["type"]]["modes"]), code
    assert modes_of("042", "CONSULT") == modes_of("043", "CONSULT") == ["visit"]
    assert modes_of("186", "ASSAULT") == ["targeted"]
    assert scale_of("CONSULT", ["visit"]) == 4.0 and scale_of("CONSULT", []) == 2.5


def test_context_keywords() -> None:
    doc = yaml.safe_load((DATA_DIR / "plover_contexts.yaml").read_text(encoding="utf-8"))
    assert doc["origin"] == "petrarch2"
    head = (DATA_DIR / "plover_contexts.yaml").read_text(encoding="utf-8")[:2000]
    assert "MIT License" in head and "Permission is hereby granted" in head
    assert contexts_of("Rebels attacked an oil pipeline near the refugee camp.") == [
        "natural_resource", "migration"]
    assert contexts_of("Police arrested the drug cartel's leaders.") == ["illegal_drugs"]
    assert contexts_of("They discussed the weather.") == []


@pytest.mark.skipif(not MANUAL.is_file(), reason="the PLOVER manual is not available here")
def test_contexts_and_modes_are_the_manuals() -> None:
    text = MANUAL.read_text(encoding="utf-8")
    contexts = set(_schema("plover_contexts.schema.json").schema["$defs"]["context"]["enum"])
    table = text[text.index("START CONTEXTS TABLE"):text.index("END CONTEXTS TABLE")]
    manual = {m.replace("\\_", "_") for m in re.findall(
        r"^(?:\\hyperref\[[^\]]*\]\{)?([a-z\\_]+)\}?\s*&", table, re.M)}
    assert contexts == manual
    doc = yaml.safe_load((DATA_DIR / "plover_modes.yaml").read_text(encoding="utf-8"))
    for name, spec in doc["types"].items():
        for mode in spec["modes"]:
            assert re.search(rf"^{re.escape(mode)}\s*&", text, re.M | re.I), (name, mode)


# --- PLOVER ---------------------------------------------------------------------------------


def test_plover_export_of_the_sample_database_conforms(sample) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    stats: dict[str, int] = {}
    n = write_plover(sample.iter_events(), buf, stats=stats, store=sample)
    validator = _schema("plover_record.schema.json")
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(records) > 100
    for record in records:
        errors = list(validator.iter_errors(record))
        assert not errors, (record["id"], errors[:2])
        assert record["text_info"]["sequence"] >= 1
        assert record["cite_info"]["language"] == "en"
    assert stats["merged"] > 0  # visits and hostings folded together
    visits = [r for r in records if r["cameo_code"] in ("042", "043")]
    assert visits and all(r["mode"] == ["visit"] for r in visits)
    merged = [r for r in visits if "merged_ids" in r]
    assert all(r["recipient"] for r in merged)
    assert any(r["context"] for r in records)


# --- GDELT ----------------------------------------------------------------------------------

CODEBOOK_COLUMNS = (
    "GlobalEventID Day MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions "
    "NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def test_gdelt_export_of_the_sample_database_conforms(sample) -> None:  # type: ignore[no-untyped-def]
    assert list(GDELT_COLUMNS) == CODEBOOK_COLUMNS
    buf = io.StringIO()
    write_gdelt(sample.iter_events(), buf, store=sample)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
            for line in buf.getvalue().splitlines()]
    assert len(rows) > 100
    assert {r["IsRootEvent"] for r in rows} == {"0", "1"}
    geo = [r[c] for r in rows for c in GDELT_COLUMNS if c.endswith("Geo_CountryCode")]
    assert any(geo) and all(re.fullmatch(r"[A-Z]{2}", g) for g in geo if g)
    assert any(r["Actor1Geo_Type"] for r in rows) and any(r["ActionGeo_ADM1Code"] for r in rows)
    assert all(re.fullmatch(r"[A-Z]{3}", r["Actor1CountryCode"])
               for r in rows if r["Actor1CountryCode"])


def test_gdelt_mentions_of_the_sample_database(sample) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    write_gdelt_mentions(sample.iter_mentions(), buf, store=sample)
    rows = [line.split("\t") for line in buf.getvalue().splitlines()]
    assert rows and all(len(r) == 16 for r in rows)
    assert all(re.fullmatch(r"\d{14}", r[1]) for r in rows)  # EventTimeDate
    # Confidence: a whole percentage, the mention's confidence (or the mentions' agreement)
    assert all(0 <= int(r[11]) <= 100 for r in rows)
    assert all(int(r[12]) > 0 for r in rows)  # MentionDocLen
