"""Organisations and places grouped by name across outlets.

A name is one group with every outlet that writes it alike (case, accents, "the", "of"
and dots aside). Two names join as spellings of one only when they differ by a slip in
one word, the rest the same ("Ardena FC", "Ardina FC"), or as an acronym with two letters
swapped ("NHCD", "NCHD"), and nothing sets them apart:

- an article that writes both names means two things (it would not spell one name two
  ways in itself and be believed on either), and always when one sentence has both
  words (an acronym's letters swapped in one sentence are still a slip);
- a gazetteer that knows both as two places ("Austria", "Australia");
- a word that only grows the other ("Chile", "Chilean"; "Acme", "Acme Bank") is
  another word, not a slip, unless by a plural "s" ("Meadow Trust", "Meadows Trust");
- an acronym and a word written in lower case are two names, however alike their
  letters ("OMNA", "Oman").

Short words that differ by a letter ("Iran", "Iraq") are never slips (see spelling.py).
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from ..models import Claim, ClaimKind
from ..spelling import (
    SLIP_JARO,
    SLIP_RATIO,
    Alike,
    alike,
    american,
    fold,
    heard_alike,
    skeleton,
)
from .gazetteer import distinct_places, known_place

FUNCTION_WORDS = frozenset("the of and for in at on s".split())
"""Words a name may carry or drop without being another name ("Ardena of Kotabaru";
the "s" of a possessive)."""

ACRONYM_LETTERS = (2, 6)
"""Lengths of a word written in capitals that is read as an acronym."""

LETTER_MIN = 5
"""Shortest word in which one letter changed may be a slip, when the support is lopsided
(the variant written by one outlet, the other spelling by several)."""

PAIRWISE_LIMIT = 40
"""Above this many words to compare, candidates are first scored with ``process.cdist``."""

Key = tuple[str, ...]


def name_key(name: str) -> Key:
    """The words that make a name one name: folded, function words out, a run of single
    letters one word ("U.S." is "US").

    >>> name_key("the U.S. Customs and Border Protection")
    ('us', 'customs', 'border', 'protection')
    >>> name_key("Ardena of Kotabaru") == name_key("Ardena Kotabaru")
    True
    """
    words = re.findall(r"[a-z0-9]+", fold(name))
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    out = [american(w) for w in out]
    return tuple(w for w in out if w not in FUNCTION_WORDS) or tuple(out)


def _acronym(name: str) -> bool:
    letters = name.strip(" .")
    lo, hi = ACRONYM_LETTERS
    return letters.isalpha() and letters.isupper() and lo <= len(letters) <= hi


def _thing_groups(claims: list[Claim]) -> list[list[Claim]]:
    """One group per organisation or place: every claim of one name, and the spellings of
    it that nothing sets apart."""
    by_key: dict[Key, list[Claim]] = defaultdict(list)
    known: dict[str, Key] = {}
    for claim in claims:
        key = name_key(str(claim.value))
        code = known_place(str(claim.value)) if claim.kind is ClaimKind.PLACE else None
        if code is not None:  # "US", "U.S.", "the United States": one country
            key = known.setdefault(code, key)
        by_key[key].append(claim)
    keys = sorted(by_key)
    index = {k: i for i, k in enumerate(keys)}
    arts = [frozenset(c.article for c in by_key[k]) for k in keys]
    acronym = [all(_acronym(c.text) for c in by_key[k]) for k in keys]
    sentences = [frozenset((c.article, c.sentence_start) for c in by_key[k]) for k in keys]
    surface = [str(by_key[k][0].value) for k in keys]
    pairs: list[tuple[float, int, int, bool]] = []
    for (a, b), slip in _candidates(keys, acronym):
        i, j = index[a], index[b]
        if distinct_places(surface[i], surface[j]) or acronym[i] != acronym[j]:
            continue  # an acronym is not a word misspelt: "the NOAA agency" is not "Noah"
        # a variant one outlet writes, against a spelling several outlets share, is a
        # slip even in an article that also has the right one, and even if only a letter
        fewer, more = sorted((len(arts[i]), len(arts[j])))
        # ... but never two names one sentence writes ("from Gansei province and Gunsei
        # province"), unless an acronym's letters are swapped
        typo = fewer == 1 and more >= 2 and (acronym[i] or sentences[i].isdisjoint(sentences[j]))
        if not (slip or typo) or not (typo or arts[i].isdisjoint(arts[j])):
            continue
        pairs.append((fuzz.ratio(" ".join(a), " ".join(b)), i, j, typo))
    label = list(range(len(keys)))
    members = {i: [i] for i in range(len(keys))}
    held = {i: set(arts[i]) for i in range(len(keys))}
    for _score, i, j, typo in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ri, rj = label[i], label[j]
        if ri == rj or not (typo or held[ri].isdisjoint(held[rj])):
            continue
        for k in members[rj]:
            label[k] = ri
        members[ri].extend(members.pop(rj))
        held[ri] |= held.pop(rj)
    return [[c for k in sorted(idx) for c in by_key[keys[k]]] for idx in members.values()]


def _candidates(keys: list[Key], acronym: list[bool]):
    """Pairs of names of as many words that differ in one word by a letter or a slip, or
    that are acronyms of the same letters with two of them swapped; each with whether
    the difference is a slip on its own (more than a letter in a short word)."""
    buckets: dict[Key, dict[str, list[Key]]] = defaultdict(lambda: defaultdict(list))
    for key in keys:
        for i in range(len(key)):
            buckets[(*key[:i], "\0", *key[i + 1:], str(i))][key[i]].append(key)
    seen: set[tuple[Key, Key]] = set()
    for words in buckets.values():
        if len(words) < 2:
            continue
        for x, y, slip in _slips(list(words)):
            for a in words[x]:
                for b in words[y]:
                    pair = (min(a, b), max(a, b))
                    if pair not in seen:
                        seen.add(pair)
                        yield pair, slip
    letters: dict[str, list[Key]] = defaultdict(list)
    for key, is_acronym in zip(keys, acronym, strict=True):
        if is_acronym and len(key) == 1:
            letters["".join(sorted(key[0]))].append(key)
    for same in letters.values():
        for n, a in enumerate(same):
            for b in same[n + 1:]:
                if DamerauLevenshtein.distance(a[0], b[0]) == 1:
                    yield (min(a, b), max(a, b)), False


def _plural_slip(a: str, b: str) -> bool:
    """ "Meadows" and "Meadow" in one name: a plural dropped or added is a slip, where a word
    grown otherwise ("Chile", "Chilean") is another word."""
    short, long = sorted((a, b), key=len)
    return len(short) >= LETTER_MIN - 1 and long == short + "s" and not short.endswith("s")


def _slips(words: list[str]) -> list[tuple[str, str, bool]]:
    """Pairs of these words one letter apart (in words of at least :data:`LETTER_MIN`) or
    a slip apart, and not one the other grown; each with whether it is a slip."""
    if len(words) <= PAIRWISE_LIMIT:
        pairs = [(a, b) for n, a in enumerate(words) for b in words[n + 1:]]
    else:
        near = process.cdist(words, words, scorer=DamerauLevenshtein.distance) <= 1
        near |= process.cdist(words, words, scorer=fuzz.ratio) >= SLIP_RATIO
        near |= process.cdist(words, words, scorer=JaroWinkler.similarity) >= SLIP_JARO
        pairs = [(words[r], words[c]) for r, c in zip(*np.nonzero(near), strict=True) if r < c]
        heard: dict[str, list[str]] = defaultdict(list)
        for word in words:
            heard[skeleton(word)].append(word)
        pairs += [(a, b) for same in heard.values() for n, a in enumerate(same)
                  for b in same[n + 1:]]
    out = []
    for a, b in pairs:
        if (a.startswith(b) or b.startswith(a)) and not _plural_slip(a, b):
            continue
        slip = alike(a, b) is Alike.SLIP or (
            # "Tobirek", "Tobiraq": one name heard otherwise, unless the gazetteer knows
            # one of them, whose spelling is settled ("Brazil", "Brasilia")
            heard_alike(a, b) and known_place(a) is None and known_place(b) is None)
        if slip or (min(len(a), len(b)) >= LETTER_MIN
                    and DamerauLevenshtein.distance(a, b) == 1):
            out.append((a, b, slip))
    return out
