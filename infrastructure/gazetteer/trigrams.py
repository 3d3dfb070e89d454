"""Near-name lookup for typos: a trigram index narrows, difflib decides."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import chain

# difflib.get_close_matches over the ~58k suggestible names takes ~210 ms a query; the
# trigram index picks a few dozen candidates sharing the most three-letter pieces and
# only those are compared properly (~3 ms).
SHORTLIST = 200
COMPARED = 40
CUTOFF = 0.75


def _grams(key: str) -> set[str]:
    """Three-character pieces of the key, padded so its first and last letters count."""
    padded = f" {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class TrigramIndex:
    """Folded names indexed by their trigrams."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys: list[str] = []
        self._sizes = array("H")
        postings: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
        for number, key in enumerate(keys):
            grams = _grams(key)
            self._keys.append(key)
            self._sizes.append(min(len(grams), 0xFFFF))
            for gram in grams:
                postings[gram].append(number)
        self._postings = dict(postings)

    def __len__(self) -> int:
        return len(self._keys)

    def near(self, key: str) -> list[tuple[float, str]]:
        """Indexed names similar to key (difflib ratio ≥ 0.75), most similar first."""
        grams = _grams(key)
        hits = Counter(chain.from_iterable(self._postings.get(g, ()) for g in grams))
        # Dice coefficient on trigram sets: cheap, and fair to long and short names alike.
        shortlist = sorted(
            (2 * shared / (len(grams) + self._sizes[number]), number)
            for number, shared in hits.most_common(SHORTLIST)
        )[-COMPARED:]
        matcher = SequenceMatcher(b=key, autojunk=False)
        scored = []
        for _, number in shortlist:
            matcher.set_seq1(self._keys[number])
            ratio = matcher.ratio()
            if ratio >= CUTOFF:
                scored.append((ratio, self._keys[number]))
        scored.sort(reverse=True)
        return scored
