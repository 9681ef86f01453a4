"""tidings: political event coding from news text (CAMEO and PLOVER)."""

from tidings.records import Actor, Article, Event, Sentence

__all__ = ["Actor", "Article", "Event", "Sentence", "__version__"]
__version__ = "0.1.0"
