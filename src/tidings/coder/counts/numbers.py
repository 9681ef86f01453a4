"""Numbers of people as news writes them: "52", "1,200", "1.2 million", "eight", "twenty-five",
"two dozen", "dozens", "tens of thousands", with their bound ("at least", "up to", "about")
and ranges ("between 10 and 15", "10 to 15", "12-15", "two or three")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tidings.coder.counts.lexicon import CountWords

_FIGURE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)$")
# entity types whose numbers are never people: "2019", "$5 million", "30 km", "60 percent"
_NOT_PEOPLE = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# a year in a word ("2019", "mid-2014"): numbers that date, not count
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a sentence: its value, bound, the top of a range, the tokens it spans
    (its bound words included) and the token through which it hangs in the parse."""

    number: int
    bound: str
    high: int | None
    first: int  # document index of its first token
    last: int  # ... and of its last
    head: Token


def _figure(tok: Token) -> float | None:
    return float(tok.text.replace(",", "")) if _FIGURE.match(tok.text) else None


def _word(text: str, words: CountWords) -> int | None:
    """"eight" -> 8, "twenty-five" -> 25 (one token or three)."""
    parts = text.split("-")
    if all(p in words.number_words for p in parts) and len(parts) <= 2:
        return sum(words.number_words[p] for p in parts)
    return None


def read_number(toks: list[Token], i: int, words: CountWords) -> tuple[int, int, bool] | None:
    """The number that starts at ``toks[i]``: (value, index after it, vague or not)."""
    n = len(toks)
    low = [t.lower_ for t in toks[i:i + 4]]
    for size in (4, 3, 2, 1):  # vague quantities, the longest first
        key = tuple(low[:size])
        if len(key) == size and key in words.vague:
            return words.vague[key], i + size, True
    if low[0] in ("a", "an") and len(low) > 1 and low[1] in words.multipliers:
        return words.multipliers[low[1]], i + 2, False  # "a dozen", "a hundred"
    value: float | None = _figure(toks[i])
    j = i + 1
    if value is None:
        value = _word(low[0], words)
        if value is not None and j + 1 < n and toks[j].text == "-" and \
                (more := _word(toks[j + 1].lower_, words)) is not None and value >= 20:
            value, j = value + more, j + 2  # "twenty - five"
    if value is None:
        return None
    while j < n and toks[j].lower_ in words.multipliers:
        value *= words.multipliers[toks[j].lower_]
        j += 1
    return int(value), j, False


def _bound_before(toks: list[Token], i: int, words: CountWords) -> tuple[str, int] | None:
    """The bound words right before ``toks[i]`` ("at least", "up to"): (bound, their start)."""
    for size in (4, 3, 2, 1):
        if i - size < 0:
            continue
        key = tuple(t.lower_ for t in toks[i - size:i])
        if key in words.bounds:
            return words.bounds[key], i - size
    return None


def _counts_a_plural(tok: Token) -> bool:
    """A number that modifies a plural noun is a number of things, whatever entity the
    tagger saw ("arrested between 30 and 40 protesters" is no date), unless it is a year; so
    is a figure the tagger took alone for a date ("put the number arrested at 85")."""
    if YEAR.fullmatch(tok.text):
        return False
    if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i:
        return True
    return tok.ent_type_ == "DATE" and tok.ent_iob_ == "B" and _FIGURE.match(tok.text) \
        is not None and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")


def quantities(sent: Span, words: CountWords) -> list[Quantity]:
    """The numbers of the sentence that may count people (not dates, money, percentages,
    distances or ordinals, which spaCy's entities mark)."""
    toks = list(sent)
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        read = read_number(toks, i, words)
        if read is None or (toks[i].ent_type_ in _NOT_PEOPLE and not _counts_a_plural(toks[i]))\
                or (i > 0 and toks[i - 1].lower_ == "no"):
            i += 1
            continue
        value, end, vague = read
        high = None
        bound = "lower" if vague else "exact"
        first = i
        if end + 1 < len(toks) and toks[end].lower_ in words.range_words and \
                (toks[end].lower_ != "and" or (i > 0 and toks[i - 1].lower_ == "between")):
            top = read_number(toks, end + 1, words)
            if top is not None and top[0] > value:
                high, end, bound = top[0], top[1], "range"
                if i > 0 and toks[i - 1].lower_ == "between":
                    first = i - 1
        if bound != "range" and (found := _bound_before(toks, i, words)) is not None:
            bound, first = found
        span = toks[i:end]
        inside = {t.i for t in span}
        head = next((t for t in reversed(span) if t.head.i not in inside or t.head.i == t.i),
                    span[-1])
        out.append(Quantity(value, bound, high, toks[first].i, toks[end - 1].i, head))
        i = end
    return out
