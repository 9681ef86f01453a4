"""A case-insensitive phrase matcher over token sequences, built once and cached.

It matches what spaCy's ``PhraseMatcher(attr="LOWER")`` matches: a phrase is the sequence
of the lowercase forms of its tokens, as the pipeline's tokenizer splits it. Unlike the
PhraseMatcher, the table is plain Python data (tuples of strings), so the compiled
dictionary can be pickled and loaded back in a fraction of the time it takes to tokenize
tens of thousands of phrases at every start-up."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc


class PhraseTable:
    """Token sequences (lowercase) -> the keys of the phrases that have them."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, ...], list[str]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}  # first token -> lengths, longest first

    def add(self, key: str, sequences: Iterable[tuple[str, ...]]) -> None:
        for seq in sequences:
            if not seq:
                continue
            keys = self._keys.setdefault(seq, [])
            if key not in keys:
                keys.append(key)
            have = self._lengths.get(seq[0], ())
            if len(seq) not in have:
                self._lengths[seq[0]] = tuple(sorted({*have, len(seq)}, reverse=True))

    @classmethod
    def build(cls, phrases: Iterable[str], tokenize: Callable[[str], Doc]) -> PhraseTable:
        """A table of ``phrases`` (lowercase), each also as it would be written in capitals
        and in title case: the tokenizer splits "u.s." but not "U.S."."""
        table = cls()
        for phrase in phrases:
            variants = dict.fromkeys((phrase, phrase.upper(), phrase.title()))
            seqs = dict.fromkeys(tuple(t.lower_ for t in tokenize(v)) for v in variants)
            table.add(phrase, seqs)
        return table

    def __len__(self) -> int:
        return len(self._keys)

    def matches(self, doc: Doc) -> Iterator[tuple[str, int, int]]:
        """Every (key, start, end) whose token sequence occurs in ``doc``, by start then
        end, overlapping ones included."""
        words = [t.lower_ for t in doc]
        n = len(words)
        keys, lengths = self._keys, self._lengths
        for start, word in enumerate(words):
            sizes = lengths.get(word)
            if sizes is None:
                continue
            for size in reversed(sizes):
                if start + size > n:
                    break
                found = keys.get(tuple(words[start : start + size]))
                if found:
                    for key in found:
                        yield key, start, start + size
