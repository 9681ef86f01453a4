-- tidings schema, version 2: casualty and size counts, and a confidence per event.
-- Each mention keeps its own report's counts (JSON: a list of Count.to_dict()) and the
-- coder's confidence; each event the highest figure of every kind of count any report gave,
-- with its bound, and the detail of every report's figures (JSON).

ALTER TABLE mentions ADD COLUMN counts TEXT;
ALTER TABLE mentions ADD COLUMN confidence DOUBLE PRECISION;

ALTER TABLE events ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN dead INTEGER;
ALTER TABLE events ADD COLUMN dead_bound TEXT;
ALTER TABLE events ADD COLUMN injured INTEGER;
ALTER TABLE events ADD COLUMN injured_bound TEXT;
ALTER TABLE events ADD COLUMN arrested INTEGER;
ALTER TABLE events ADD COLUMN arrested_bound TEXT;
ALTER TABLE events ADD COLUMN displaced INTEGER;
ALTER TABLE events ADD COLUMN displaced_bound TEXT;
ALTER TABLE events ADD COLUMN hostages INTEGER;
ALTER TABLE events ADD COLUMN hostages_bound TEXT;
ALTER TABLE events ADD COLUMN counts TEXT;
