"""`tidings ingest` on feeds and pages served from a local HTTP server (never the internet):
what is stored, what is reported, what a second run or a watched feed does."""

from __future__ import annotations

from pathlib import Path

from tests.test_sources import Site, _item, site  # noqa: F401 - the server fixture
from tidings.cli import EXIT_OK, EXIT_SKIPPED, main
from tidings.store.database import open_store


def _feed(site: Site, tmp_path: Path) -> Path:  # noqa: F811
    """A feed whose items only carry summaries: one page works, one server fails, one is a
    page in another language."""
    items = [
        (site.url("/news/border.html"), "Kenya and Ethiopia agree to reopen border crossing"),
        (site.url("/error500"), "A story on a failing server"),
    ]
    body = "".join(f"<item><title>{t}</title><link>{u}</link>"
                   "<pubDate>Tue, 12 Mar 2024 08:30:00 GMT</pubDate>"
                   "<description>Short.</description></item>" for u, t in items)
    path = tmp_path / "wire.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                    f"<link>{site.base}/</link><description>d</description>{body}"
                    "</channel></rss>", encoding="utf-8")
    return path


def test_ingest_a_feed_stores_what_it_can_and_reports_the_rest(site, tmp_path, capsys):  # noqa: F811
    db = str(tmp_path / "feed.duckdb")
    feed = _feed(site, tmp_path)
    (tmp_path / "broken.html").write_bytes(b"<html><body><div><table><tr><td>\xff\xfe<p")
    (tmp_path / "notes.txt").write_text("Japan praised South Korea on Monday.", encoding="utf-8")
    status = main(["--db", db, "ingest", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == EXIT_SKIPPED
    assert "error500" in err and "HTTP 500" in err
    assert "broken.html" in err
    assert "articles read: 2" in err
    store = open_store(db)
    try:
        counts = store.counts()
        events = list(store.iter_events())
    finally:
        store.close()
    assert counts["articles"] == 2
    assert any(e["source"].startswith("KEN") or e["target"].startswith("KEN") for e in events)
    assert any(e["source"] == "JPN" for e in events)
    # The same input again: nothing new, nothing doubled.
    status = main(["--db", db, "ingest", str(feed), str(tmp_path / "notes.txt")])
    err = capsys.readouterr().err
    assert "new 0" in err and "unchanged 2" in err
    store = open_store(db)
    try:
        assert store.counts() == counts
    finally:
        store.close()


def test_watch_a_feed_takes_new_items_only(site, tmp_path, capsys):  # noqa: F811
    db = str(tmp_path / "watch.duckdb")
    site.watch_items[:] = [_item(site, "/news/border.html", "Border deal", 12)]
    status = main(["--db", db, "ingest", site.url("/watch.rss"), "--watch", "1s",
                   "--rounds", "2"])
    err = capsys.readouterr().err
    assert status == EXIT_OK
    rounds = [line for line in err.splitlines() if line.startswith("articles read")]
    assert rounds[0].startswith("articles read: 1 (new 1")
    assert rounds[1].startswith("articles read: 0")
    assert main(["--db", db, "ingest", "x", "--watch", "soon"]) == 1
    assert "--watch soon" in capsys.readouterr().err
