"""Fast pickling for frozen slotted dataclasses.

The compiled knowledge (``coder/compiled.py``) holds thousands of them (patterns and their
slots, CAMEO codes). The ``__setstate__`` that ``dataclass(slots=True)`` writes looks up the
class's fields again for every object it loads, which made loading the cache twice as slow
as it needs to be; this one knows them once per class."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["fast_pickle"]


def fast_pickle(cls: type[T]) -> type[T]:
    """Give a slotted dataclass a ``__getstate__``/``__setstate__`` over its field names."""
    names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
    setattr_ = object.__setattr__

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            setattr_(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 - (a method assigned to a class)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
