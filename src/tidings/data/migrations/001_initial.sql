-- tidings schema, version 1. Plain SQL that DuckDB and PostgreSQL both accept.

CREATE TABLE articles (
    article_id    TEXT PRIMARY KEY,
    url           TEXT,
    source_name   TEXT,
    title         TEXT,
    published     DATE,
    content_hash  TEXT NOT NULL,
    origin        TEXT,
    ingested_at   TIMESTAMP NOT NULL,
    text          TEXT NOT NULL
);

CREATE TABLE sentences (
    article_id     TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    PRIMARY KEY (article_id, sentence_index)
);

-- One row per coded event in one sentence of one article (GDELT's mention table).
CREATE TABLE mentions (
    mention_id     TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL,
    article_id     TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    date           DATE,
    date_source    TEXT,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    source_country TEXT,
    source_agent   TEXT,
    target_country TEXT,
    target_agent   TEXT,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    source_text    TEXT,
    target_text    TEXT,
    action_text    TEXT,
    source_start   INTEGER,
    source_end     INTEGER,
    target_start   INTEGER,
    target_end     INTEGER,
    action_start   INTEGER,
    action_end     INTEGER,
    place_name     TEXT,
    place_country  TEXT,
    place_lat      DOUBLE PRECISION,
    place_lon      DOUBLE PRECISION,
    place_feature  TEXT,
    place_source   TEXT,
    rule           TEXT,
    future         BOOLEAN NOT NULL DEFAULT FALSE,
    intent_of      TEXT,
    seen_at        TIMESTAMP NOT NULL
);

-- One row per distinct event: mentions of the same day, dyad, root and place merged.
CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,
    date           DATE,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    source_country TEXT,
    source_agent   TEXT,
    target_country TEXT,
    target_agent   TEXT,
    source_text    TEXT,
    target_text    TEXT,
    action_text    TEXT,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    plover         TEXT,
    plover_mode    TEXT,
    place_name     TEXT,
    place_country  TEXT,
    place_lat      DOUBLE PRECISION,
    place_lon      DOUBLE PRECISION,
    place_feature  TEXT,
    num_mentions   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,
    num_articles   INTEGER NOT NULL,
    first_seen     TIMESTAMP NOT NULL,
    last_seen      TIMESTAMP NOT NULL,
    source_url     TEXT,
    sentence       TEXT,
    rule           TEXT
);

CREATE TABLE actors (
    code        TEXT PRIMARY KEY,
    country     TEXT,
    agent       TEXT,
    name        TEXT,
    num_events  INTEGER NOT NULL
);

CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source);
CREATE INDEX events_target ON events (target);
