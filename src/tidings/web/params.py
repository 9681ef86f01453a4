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

from fastapi import Depends, HTTPException, Query, Request
from pydantic import BeforeValidator

from tidings.store.filters import Filters, count_filters
from tidings.web.names import ActorNames
from tidings.web.places import other_names

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


def _resolve(value: str, names: ActorNames) -> tuple[str, str | None] | None:
    """(code, None) for a code, (code, name) for a name the dictionaries know, None for
    neither. Capitals that make a code the dictionaries know are that code ("IRN", "CUBA" as
    a prefix); anything else is a name first ("Iran", "Cuba", "EU"), then a code ("irngov",
    or a code the dictionaries do not know typed in capitals: "XYZGOV")."""
    text = " ".join(value.split())
    upper = text.upper()
    code_like = bool(_CODE.fullmatch(upper))
    if code_like and text == upper and names.is_known_code(upper):
        return upper, None
    found = names.code_of(text)
    if found:
        return found, text
    if code_like and (text == upper or names.is_known_code(upper)):
        return upper, None
    return None


def resolve_actor(value: str, name: str, names: ActorNames,
                  resolved: dict[str, dict[str, str]]) -> str:
    """The code of an actor parameter given as a code or a name; a name is noted in
    ``resolved[name]`` (name -> code); 422 naming the value when it is neither."""
    found = _resolve(value, names)
    if found is None:
        raise bad_request(f"{name}: {value.strip()[:81]!r} is neither an actor code (letters, "
                          "digits and '-') nor an actor name the dictionaries know")
    code, as_name = found
    if as_name is not None:
        resolved.setdefault(name, {})[as_name] = code
    return code


def resolve_dyad(value: str, names: ActorNames,
                 resolved: dict[str, dict[str, str]]) -> tuple[str, str]:
    """"IRN-ISR", "Iran-Israel" or "Hamas-ISR": two actors joined by '-', each a code or a
    name (the first '-' that leaves an actor on both sides separates them)."""
    text = value.strip()
    for i, char in enumerate(text):
        if char != "-" or not text[:i].strip("-"):
            continue
        left, right = _resolve(text[:i], names), _resolve(text[i + 1:], names)
        if left and right:
            for code, as_name in (left, right):
                if as_name is not None:
                    resolved.setdefault("dyad", {})[as_name] = code
            return left[0], right[0]
    raise bad_request(f"dyad: {text[:81]!r} is not two actor codes or names joined by '-' "
                      "(e.g. IRN-ISR or Iran-Israel)")


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
MAX_COUNT = 100_000_000  # the highest minimum figure a count filter takes
Minimum = Annotated[int | None, Query(ge=0, le=MAX_COUNT)]


def count_filter(
    min_confidence: Annotated[float | None, Query(
        ge=0, le=1, description="confidence at least this (0..1); events with no "
                                "confidence are left out")] = None,
    min_dead: Annotated[Minimum, Query(description="at least this many dead (0: any "
                                                   "death toll reported)")] = None,
    min_injured: Annotated[Minimum, Query(description="at least this many injured")] = None,
    min_arrested: Annotated[Minimum, Query(description="at least this many arrested")] = None,
    min_displaced: Annotated[Minimum, Query(description="at least this many displaced")] = None,
    min_hostages: Annotated[Minimum, Query(description="at least this many hostages")] = None,
    has_counts: Annotated[Text, _text(60, "kinds of count the event must have a figure "
                                          "for, comma-separated (dead,injured), or any")] = None,
) -> dict[str, Any]:
    """The confidence and count filters, as keyword arguments of ``Filters``."""
    try:
        return count_filters(min_confidence, has_counts, dead=min_dead, injured=min_injured,
                             arrested=min_arrested, displaced=min_displaced,
                             hostages=min_hostages)
    except ValueError as exc:
        raise bad_request(str(exc)) from None


def event_filter(
    request: Request,
    actor: Annotated[Text, _text(81, "actor code or prefix, or name (Iran), either side")] = None,
    source: Annotated[Text, _text(81, "source actor code prefix or name")] = None,
    target: Annotated[Text, _text(81, "target actor code prefix or name")] = None,
    dyad: Annotated[Text, _text(163, "two actors, either direction: IRN-ISR, Iran-Israel")] = None,
    code: Annotated[Text, _text(20, "CAMEO code or prefix (digits)")] = None,
    root: Annotated[Text, _text(20, "CAMEO root code, 01..20")] = None,
    plover: Annotated[Text, _text(20, "PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Annotated[IsoDate | None, Query(description="first date (ISO)")] = None,
    until: Annotated[IsoDate | None, Query(description="last date (ISO)")] = None,
    country: Annotated[Text, _text(20, "ISO3 country of the place")] = None,
    place: Annotated[Text, _text(200, "place name, a part of it, or another name of it "
                                      "(Kiev for Kyiv)")] = None,
    q: Annotated[Text, _text(500, "words of the evidence sentence, all, in any order")] = None,
    counts: Annotated[dict[str, Any], Depends(count_filter)] = None,  # type: ignore[assignment]
) -> Filters:
    """The event filters of a request, checked in this order (422 at the first that is not
    usable) and normalised. Actor names are resolved to codes; what each name resolved to
    is left in ``request.state.resolved`` ({"actor": {"Iran": "IRN"}}) for the answer."""
    names: ActorNames = request.app.state.backend.names
    resolved: dict[str, dict[str, str]] = {}
    request.state.resolved = resolved
    checked: dict[str, Any] = {
        side: resolve_actor(value, side, names, resolved) if value else None
        for side, value in (("actor", actor), ("source", source), ("target", target))}
    checked.update({
        "dyad": resolve_dyad(dyad, names, resolved) if dyad else None,
        "code": _code(code) if code else None,
        "root": _root(root) if root else None,
        "plover": _plover(plover) if plover else None,
    })
    check_range(since, until)
    knowledge = request.app.state.backend.knowledge
    return Filters(**checked, quad_class=quad_class, since=since, until=until,
                   country=_country(country) if country else None, place=place,
                   place_names=other_names(knowledge, place) if place else (), q=q,
                   **(counts or {}))


def resolved_names(request: Request) -> dict[str, dict[str, str]]:
    """What the names of a request's actor filters resolved to (see ``event_filter``)."""
    return dict(getattr(request.state, "resolved", {}))


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
            elif column in ("goldstein", "confidence"):
                if isinstance(key, bool) or not isinstance(key, int | float):
                    raise ValueError
                key = float(key)
            elif isinstance(key, bool) or not isinstance(key, int):
                raise ValueError
        except (TypeError, ValueError):
            raise bad from None
    return key, data["id"]


def parse_dimensions(value: str, allowed: tuple[str, ...]) -> list[str]:
    """"country,month" -> ["country", "month"]: one or two distinct dimensions of
    ``allowed`` (the ``by`` of /aggregate and /counts), else a 422 naming ``by``."""
    dims = [d.strip().lower() for d in value.split(",")]
    if not 1 <= len(dims) <= 2 or len(set(dims)) != len(dims):
        raise bad_request("by: one or two different dimensions, comma-separated "
                          "(e.g. country,month)")
    for d in dims:
        if d not in allowed:
            raise bad_request(f"by: {d[:30]!r} is not one of {', '.join(allowed)}")
    return dims
