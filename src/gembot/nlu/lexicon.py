"""The training vocabulary: compound splitting and spelling correction against it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from .text import is_content_word, stem

MIN_PART = 3  # shortest part of a compound ("bus" in "bushalte")
MIN_COMPOUND = 7  # shortest word worth splitting
MIN_CORRECT = 6  # shortest word worth correcting (shorter ones are too often real words)
LINKING = ("s", "en", "e")  # Dutch linking sounds between compound parts


def _deletes(word: str, distance: int) -> set[str]:
    """All strings made by deleting up to `distance` characters from `word`."""
    result = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def max_distance(word: str) -> int:
    """Typos tolerated for a word of this length."""
    return 1 if len(word) < 10 else 2


class Lexicon:
    """Word frequencies of the training texts, used to repair unseen words.

    `expand(token)` returns extra tokens for a word: its parts when it is a compound of
    known words ("paspoortaanvraag" -> "paspoort", "aanvraag") or the most frequent known
    word within one or two typos ("paspoot" -> "paspoort").
    """

    def __init__(
        self, counts: Mapping[str, int], topic_df: Mapping[str, int] | None = None
    ) -> None:
        self.counts: dict[str, int] = dict(counts)
        # In how many in-scope (topic) examples each stem occurs.
        self.topic_df: dict[str, int] = dict(topic_df or {})
        self.stems = {stem(w) for w in self.counts if is_content_word(w)}
        self._deletes_index: dict[str, list[str]] | None = None
        self.expand = lru_cache(maxsize=32768)(self._expand)

    @property
    def _index(self) -> dict[str, list[str]]:
        """Known words by their spellings with one or two letters left out (built lazily)."""
        if self._deletes_index is None:
            index: dict[str, list[str]] = {}
            for word in self.counts:
                if len(word) >= MIN_CORRECT - 1 and is_content_word(word):
                    for variant in _deletes(word, max_distance(word)):
                        index.setdefault(variant, []).append(word)
            self._deletes_index = index
        return self._deletes_index

    @classmethod
    def from_tokens(
        cls, documents: Iterable[list[str]], in_scope: Iterable[bool] | None = None
    ) -> Lexicon:
        documents = list(documents)
        flags = list(in_scope) if in_scope is not None else [True] * len(documents)
        counts: Counter[str] = Counter()
        for tokens in documents:
            counts.update(t for t in tokens if not t.startswith("<"))
        lexicon = cls(counts)
        topic_df: Counter[str] = Counter()
        for tokens, flag in zip(documents, flags, strict=True):
            if flag:
                topic_df.update(lexicon.content_stems(tokens))
        lexicon.topic_df = dict(topic_df)
        return lexicon

    def content_stems(self, tokens: Iterable[str]) -> set[str]:
        """Stems of a message's content words and of their repairs."""
        stems: set[str] = set()
        for token in tokens:
            if is_content_word(token):
                stems.add(stem(token))
                stems.update(stem(e) for e in self.expand(token))
        return stems

    def unseen(self, tokens: Sequence[str], *, own: bool = False) -> tuple[int, int]:
        """(content words never seen in a topic example, content words).

        `own` leaves the message itself out of the counts: a training example must look
        the way an unseen message will.
        """
        words = [t for t in tokens if is_content_word(t)]
        minus = 1 if own else 0
        unseen = 0
        for word in words:
            stems = {stem(word), *(stem(e) for e in self.expand(word))}
            if not any(self.topic_df.get(s, 0) - minus > 0 for s in stems):
                unseen += 1
        return unseen, len(words)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def _part_known(self, part: str) -> bool:
        """A compound part: a known content word, or another form of one."""
        return (
            len(part) >= MIN_PART
            and is_content_word(part)
            and (part in self.counts or (len(part) >= 5 and stem(part) in self.stems))
        )

    def _frequency(self, part: str) -> float:
        return self.counts.get(part, 0.5)  # another form of a known word counts for less

    def split(self, word: str) -> list[str]:
        """Split a compound into two known content words, or return [] when none fits."""
        if len(word) < MIN_COMPOUND:
            return []
        best: tuple[float, list[str]] | None = None
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            left, right = word[:i], word[i:]
            if not self._part_known(right):
                continue
            lefts = [left] + [left[: -len(s)] for s in LINKING if left.endswith(s)]
            for candidate in lefts:
                if self._part_known(candidate):
                    score = (self._frequency(candidate) * self._frequency(right)) ** 0.5
                    score *= min(len(candidate), len(right))
                    if best is None or score > best[0]:
                        best = (score, [candidate, right])
        if best is not None:
            return best[1]
        # Three parts: a known first word and a compound of two known words after it.
        for i in range(MIN_PART, len(word) - 2 * MIN_PART + 1):
            left = word[:i]
            if self._part_known(left):
                rest = word[i:]
                parts = self.split(rest) if rest not in self.counts else []
                if parts:
                    return [left, *parts]
        return []

    def correct(self, word: str) -> str | None:
        """The most frequent known word within the tolerated typos, if any."""
        if len(word) < MIN_CORRECT or word in self.counts or not word.isalpha():
            return None
        if "y" in word and word.replace("y", "ij") in self.counts:
            return word.replace("y", "ij")  # SMS and English keyboards: rijbewys
        limit = max_distance(word)
        candidates: set[str] = set()
        for variant in _deletes(word, limit):
            candidates.update(self._index.get(variant, ()))
        best: tuple[int, int, str] | None = None
        for candidate in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -self.counts[candidate], candidate)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def _expand(self, word: str) -> tuple[str, ...]:
        if word in self.counts or not word.isalpha() or not is_content_word(word):
            parts = self.split(word) if word in self.counts and len(word) >= 9 else []
            return tuple(parts)
        parts = self.split(word)
        if parts:
            return tuple(parts)
        fixed = self.correct(word)
        if fixed is not None:
            return (fixed, *self.split(fixed))
        return ()

    def known(self, word: str) -> bool:
        """True when the word, or its repair, is in the training vocabulary."""
        return word in self.counts or bool(self.expand(word))
