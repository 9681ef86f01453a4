"""The OpenAPI pages without a network: Swagger UI at /docs from files shipped in a Python
package (``fastapi-offline``'s copy of swagger-ui-dist 5), served by this app under
/docs-assets/, in FastAPI's documented way of self-hosting them (``get_swagger_ui_html``
with the app's own URLs). The page names no other host; ReDoc is not served."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"


def _asset_dir() -> Path:
    return Path(str(files("fastapi_offline") / "static"))


def mount_docs(app: FastAPI) -> None:
    """/docs (Swagger UI) over /openapi.json, with its script, style and icon from
    /docs-assets/. Build the app with ``docs_url=None, redoc_url=None``."""
    app.mount(ASSETS, StaticFiles(directory=_asset_dir()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
            # no validator badge: it would send the spec to validator.swagger.io
            swagger_ui_parameters={"validatorUrl": None})
