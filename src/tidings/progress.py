"""Progress on standard error for the commands that work through many articles: one tqdm bar
with a count of events beside it, drawn only when someone can see it (standard error is a
terminal) or asked for (``--progress``); otherwise nothing is written at all."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


def wanted(requested: bool = False) -> bool:
    """Whether to draw progress: when asked for, or when standard error is a terminal."""
    return requested or sys.stderr.isatty()


class Progress:
    """A running count of ``unit`` (and of events) on stderr; does nothing when not enabled.

    Use it as a context manager, or call :meth:`close` when done, so the bar ends its line."""

    def __init__(self, label: str | None, *, enabled: bool, unit: str = "articles") -> None:
        self.count = 0
        self.events = 0
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(desc=label, unit=f" {unit}", file=sys.stderr, dynamic_ncols=True,
                             mininterval=0.5)

    def advance(self, n: int = 1, events: int = 0) -> None:
        """``n`` more done, with ``events`` more events among them."""
        self.count += n
        self.events += events
        if self._bar is not None:
            self._bar.set_postfix(events=self.events, refresh=False)
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
