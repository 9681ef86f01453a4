from __future__ import annotations

import pytest

from tidings.coder.core import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    """One coder for the whole test session: loading spaCy and the dictionaries takes seconds."""
    return Coder()


def triples(events, level: str = "root") -> set[tuple[str, str, str]]:
    """(source, target, code or root) of each event, for readable assertions."""
    key = (lambda e: e.root) if level == "root" else (lambda e: e.code)
    return {(e.source.code, e.target_code, key(e)) for e in events}
