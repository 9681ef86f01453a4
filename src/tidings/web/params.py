"""What a request may ask for: the event filters of the query string (checked, normalised and
made into the store's ``Filters``), actor codes, dates and page cursors. Anything not
usable is a 422 whose message names the parameter. Every text parameter has a length cap, so
no message quotes more than a few dozen characters of what was sent."""

import base64
import binascii
import datetime as dt
import json
import re
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query
from pydantic import BeforeValidator

from tidings.store.filters import Filters

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

_CODE = re.compile(r"[A-Z0-9-]{1,40}")
_DIGITS = re.compile(r"[0-9]{1,6}")
_ISO3 = re.compile(r"[A-Z]{3}")


def bad_request(message: str) -> HTTPException:
    """A 422 in the same shape as FastAPI's own validation errors (the spec's
    HTTPValidationError): the message names the parameter and says what is wrong."""
    name = message.split(":", 1)[0].split(" ", 1)[0]
    return HTTPException(status_code=422, detail=[
        {"loc": ["query", name], "msg": message, "type": "value_error"}])


def jsonable(value: Any) -> Any:
    """A value as JSON has it: dates and times in ISO 8601."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _iso_date(value: Any) -> Any:
    """Dates are ISO 8601 calendar dates (YYYY-MM-DD) only: pydantic would also take a
    number of seconds since 1970, which no user means by "since=0"."""
    if isinstance(value, str) and not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    if not isinstance(value, str | dt.date):
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    return value.strip() if isinstance(value, str) else value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def actor_code(value: str, name: str) -> str:
    """An actor code or prefix, upper-cased."""
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise bad_request(f"{name}: {value!r} is not an actor code (letters, digits and '-')")
    return code


def split_dyad(value: str) -> tuple[str, str]:
    """"IRN-ISR" to ("IRN", "ISR"): the separator is the first '-' after a letter or digit,
    so codes that begin with dashes ("---REB-ISR") still split."""
    text = value.strip().upper()
    m = re.fullmatch(r"(-*[A-Z0-9]+)-(-*[A-Z0-9][A-Z0-9-]*)", text)
    if not m or not _CODE.fullmatch(m.group(1)) or not _CODE.fullmatch(m.group(2)):
        raise bad_request(f"dyad: {value!r} is not two actor codes joined by '-' (e.g. IRN-ISR)")
    return m.group(1), m.group(2)


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise bad_request(f"since ({since}) is after until ({until})")


def _code(code: str) -> str:
    if not _DIGITS.fullmatch(code.strip()):
        raise bad_request(f"code: {code!r} is not a CAMEO code or prefix (digits only)")
    return code.strip()


def _root(root: str) -> str:
    r = root.strip()
    if not r.isdigit() or not 1 <= int(r) <= 20:
        raise bad_request(f"root: {root!r} is not a CAMEO root code (01..20)")
    return f"{int(r):02d}"


def _plover(plover: str) -> str:
    p = plover.strip().upper()
    if p not in PLOVER_TYPES:
        raise bad_request(f"plover: {plover!r} is not one of {', '.join(PLOVER_TYPES)}")
    return p


def _country(country: str) -> str:
    c = country.strip().upper()
    if not _ISO3.fullmatch(c):
        raise bad_request(f"country: {country!r} is not an ISO 3166-1 alpha-3 code")
    return c


def _text(max_length: int, description: str) -> Any:
    """A text query parameter with a length cap."""
    return Query(max_length=max_length, description=description)


Text = str | None


def event_filter(
    actor: Annotated[Text, _text(40, "actor code or prefix, either side")] = None,
    source: Annotated[Text, _text(40, "source actor code prefix")] = None,
    target: Annotated[Text, _text(40, "target actor code prefix")] = None,
    dyad: Annotated[Text, _text(81, "two actor prefixes, either direction: IRN-ISR")] = None,
    code: Annotated[Text, _text(20, "CAMEO code or prefix (digits)")] = None,
    root: Annotated[Text, _text(20, "CAMEO root code, 01..20")] = None,
    plover: Annotated[Text, _text(20, "PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Annotated[IsoDate | None, Query(description="first date (ISO)")] = None,
    until: Annotated[IsoDate | None, Query(description="last date (ISO)")] = None,
    country: Annotated[Text, _text(20, "ISO3 country of the place")] = None,
    place: Annotated[Text, _text(200, "substring of the place name")] = None,
    q: Annotated[Text, _text(500, "text in the evidence sentence")] = None,
) -> Filters:
    """The event filters of a request, checked in this order (422 at the first that is not
    usable) and normalised."""
    checked: dict[str, Any] = {
        "actor": actor_code(actor, "actor") if actor else None,
        "source": actor_code(source, "source") if source else None,
        "target": actor_code(target, "target") if target else None,
        "dyad": split_dyad(dyad) if dyad else None,
        "code": _code(code) if code else None,
        "root": _root(root) if root else None,
        "plover": _plover(plover) if plover else None,
    }
    check_range(since, until)
    return Filters(**checked, quad_class=quad_class, since=since, until=until,
                   country=_country(country) if country else None, place=place, q=q)


EventFilters = Annotated[Filters, Depends(event_filter)]


# -- cursors ---------------------------------------------------------------------------------
def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    raw = json.dumps({"s": sort, "k": jsonable(key), "id": event_id}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The sort key and event id a cursor points after; 422 when it is not one of ours."""
    bad = bad_request("cursor: not a cursor from a previous page with the same sort")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad from None
    if not isinstance(data, dict) or data.get("s") != sort or not isinstance(data.get("id"),
                                                                             str):
        raise bad
    key = data.get("k")
    column = sort.lstrip("-")
    if key is not None:
        try:
            if column == "date":
                key = dt.date.fromisoformat(key)
            elif column == "goldstein":
                if isinstance(key, bool) or not isinstance(key, int | float):
                    raise ValueError
                key = float(key)
            elif isinstance(key, bool) or not isinstance(key, int):
                raise ValueError
        except (TypeError, ValueError):
            raise bad from None
    return key, data["id"]
