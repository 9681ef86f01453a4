"""The web dashboard: static pages over the JSON API, served by the same FastAPI app.

There is no build step: ``static/`` holds plain HTML, CSS and an ES module that draws the
events table, the evidence, the dyad chart, the actor network and the map with SVG, and
``static/world.geojson`` is an offline world outline (Natural Earth, public domain; made by
``scripts/world_outline.py``), so the dashboard works on a machine with no network.
"""

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard at / and its files under /static/."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
