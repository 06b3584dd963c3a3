"""Constrained single-link clustering that scales: the engine under ``compare._cluster``.

The comparator's rules say, for two claims, whether something holds them apart
and how alike they are. Asked of every pair, that is quadratic in Python. Here
the rules are read through per-claim *keys* (what a rule looks at of one
claim): claims with equal keys are alike to the rule, so the rule is asked once
per pair of distinct keys, the context similarity of whole blocks is scored at
once with ``rapidfuzz.process.cdist``, and numpy picks the pairs that link.
Only pairs of one article (a handful) and links that may join two clusters are
looked at one by one. The result is exactly what asking every pair gives.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

FORCED = 200.0
"""Score of a link that is always followed (a claim and its restatement)."""


@dataclass(frozen=True)
class Rules:
    """How two claims relate, read through keys.

    ``apart(a, b)`` is ``pair_apart(a, b)`` for two claims of one article, or
    ``keys_apart(key(a), key(b))``; ``bonus(a, b)`` is
    ``keys_bonus(bonus_key(a), bonus_key(b))``.
    """

    key: Callable[[Any], Hashable]
    keys_apart: Callable[[Any, Any], bool]
    may_link: Callable[[Any, Any], bool]
    """Whether context alone may link two claims without a bonus (scalar form)."""
    link_features: Callable[[Any], tuple[bool, float]]
    """Per claim: (never on context alone, absolute size or NaN) for the vector form."""
    max_ratio: float
    """Sizes further apart than this ratio do not link on context alone."""
    pair_apart: Callable[[Any, Any], bool] | None = None
    rivals: Callable[[Any, Any], bool] | None = None
    """Two claims of one article that never link (one sentence does not contradict itself)."""
    bonus_key: Callable[[Any], Hashable] | None = None
    keys_bonus: Callable[[Any, Any], float | None] | None = None
    partition: Callable[[Any], Hashable] | None = None
    """Optional: keys in different partitions are held apart both ways (a first sieve)."""


def single_link(
    claims: Sequence[Any],
    rules: Rules,
    *,
    threshold: float,
    weights: dict[str, dict[str, float]] | None = None,
    tfidf_threshold: float = 0.0,
    cosine: Callable[[dict[str, float], dict[str, float]], float] | None = None,
) -> list[list[int]]:
    """Clusters (lists of indices into ``claims``, each sorted), in the order of their first
    member's position as a cluster root, exactly as pairwise Kruskal with a veto gives.

    Links: a restated pair scores :data:`FORCED` and always joins; other pairs not held
    apart score their context similarity (``token_set_ratio``), raised to their bonus
    when they have one, else only when context may link them; below ``threshold`` a
    tf-idf cosine of at least ``tfidf_threshold`` scores ``threshold + 10 * cosine``.
    Links are followed best first (ties by index); a link never joins two clusters
    with a pair held apart.
    """
    n = len(claims)
    if n == 0:
        return []
    keys = [rules.key(c) for c in claims]
    apart_memo: dict[tuple[Hashable, Hashable], bool] = {}

    def kapart(ka: Hashable, kb: Hashable) -> bool:
        found = apart_memo.get((ka, kb))
        if found is None:
            found = apart_memo[(ka, kb)] = bool(rules.keys_apart(ka, kb))
        return found

    articles = [c.article for c in claims]
    edges = _edges(claims, keys, articles, rules, kapart, threshold=threshold, weights=weights,
                   tfidf_threshold=tfidf_threshold, cosine=cosine)
    return _kruskal(claims, keys, articles, edges, rules, kapart)


# --- the links ---------------------------------------------------------------------------


def _edges(claims, keys, articles, rules: Rules, kapart, *, threshold, weights, tfidf_threshold,
           cosine) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = len(claims)
    by_key: dict[Hashable, list[int]] = {}
    for i, k in enumerate(keys):
        by_key.setdefault(k, []).append(i)
    key_list = list(by_key)
    index = [np.asarray(by_key[k], dtype=np.int64) for k in key_list]
    distinct: dict[str, int] = {}
    context_code = np.fromiter(
        (distinct.setdefault(utils.default_process(c.subject.context), len(distinct))
         for c in claims), dtype=np.int64, count=n)
    processed = list(distinct)
    art_code = _codes(articles)
    features = [rules.link_features(c) for c in claims]
    never = np.fromiter((f[0] for f in features), dtype=bool, count=n)
    size = np.fromiter((f[1] for f in features), dtype=np.float64, count=n)
    bonus_codes = bonus_keys = None
    bonus_memo: dict[tuple[int, int], float] = {}
    if rules.bonus_key is not None:
        bonus_of = [rules.bonus_key(c) for c in claims]
        bonus_keys = list(dict.fromkeys(bonus_of))
        lookup = {k: i for i, k in enumerate(bonus_keys)}
        bonus_codes = np.fromiter((lookup[k] for k in bonus_of), dtype=np.int64, count=n)
    tfidf = _Vectors(claims, weights) if weights is not None and cosine is not None else None

    restated_pairs: set[tuple[int, int]] = set()
    by_id: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        by_id.setdefault(c.id, []).append(i)
    for i, c in enumerate(claims):
        if c.restates is not None:
            for j in by_id.get(c.restates, ()):
                if i != j:
                    restated_pairs.add((min(i, j), max(i, j)))

    out_s: list[np.ndarray] = []
    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    if restated_pairs:
        pairs = sorted(restated_pairs)
        out_s.append(np.full(len(pairs), FORCED))
        out_i.append(np.asarray([p[0] for p in pairs], dtype=np.int64))
        out_j.append(np.asarray([p[1] for p in pairs], dtype=np.int64))

    parts: dict[Hashable, list[int]] = {}
    for p, k in enumerate(key_list):
        parts.setdefault(rules.partition(k) if rules.partition else None, []).append(p)
    for members in parts.values():
        for at, p in enumerate(members):
            kp = key_list[p]
            # one block per key: its claims against those of every later key not held apart
            blocks, fwd, bwd = [], [], []
            for q in members[at:]:
                kq = key_list[q]
                forward, backward = kapart(kp, kq), kapart(kq, kp)
                if forward and backward:
                    continue
                blocks.append(index[q])
                fwd.append(np.full(len(index[q]), not forward))
                bwd.append(np.full(len(index[q]), not backward and q != p))
            if not blocks:
                continue
            rows = index[p]
            cols = np.concatenate(blocks)
            lower = rows[:, None] < cols[None, :]  # the pair's own order: (claims[i], claims[j])
            valid = np.where(lower, np.concatenate(fwd)[None, :], np.concatenate(bwd)[None, :])
            _link_block(rows, cols, lower, valid, claims, processed, context_code, art_code,
                        never, size,
                        bonus_codes, bonus_keys, bonus_memo, rules, tfidf, cosine, threshold,
                        tfidf_threshold, restated_pairs, out_s, out_i, out_j)
    if not out_s:
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0), empty, empty
    return np.concatenate(out_s), np.concatenate(out_i), np.concatenate(out_j)


def _link_block(rows, cols, lower, valid, claims, processed, context_code, art_code, never, size,
                bonus_codes,
                bonus_keys, bonus_memo, rules: Rules, tfidf, cosine, threshold, tfidf_threshold,
                restated_pairs, out_s, out_i, out_j) -> None:
    """The links between claims ``rows`` and ``cols`` where ``valid`` (not held apart by keys)."""
    if not valid.any():
        return
    # contexts repeat: score each pair of distinct ones once. Below threshold - 1 the exact
    # score never matters (it links only through a bonus or the cosine, or not at all).
    ur, inv_r = np.unique(context_code[rows], return_inverse=True)
    uc, inv_c = np.unique(context_code[cols], return_inverse=True)
    distinct = process.cdist(
        [processed[k] for k in ur.tolist()], [processed[k] for k in uc.tolist()],
        scorer=fuzz.token_set_ratio, processor=None, dtype=np.uint8,
        score_cutoff=max(threshold - 1, 0),
    )
    score = distinct[inv_r][:, inv_c].astype(np.float64)
    has_bonus = np.zeros(score.shape, dtype=bool)
    if bonus_codes is not None:
        bonus = _bonus_block(bonus_codes[rows], bonus_codes[cols], lower, bonus_keys,
                             rules.keys_bonus, bonus_memo)
        has_bonus = ~np.isnan(bonus)
        score = np.where(has_bonus, np.fmax(score, bonus), score)
    with np.errstate(divide="ignore", invalid="ignore"):
        x, y = size[rows][:, None], size[cols][None, :]
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        far = (lo > 0) & (hi / lo > rules.max_ratio)
    may = ~(never[rows][:, None] | never[cols][None, :]) & ~far
    eligible = valid & (has_bonus | may)
    if tfidf is not None:
        low = eligible & (score < threshold)
        if low.any():
            _raise_by_cosine(score, low, rows, cols, tfidf, cosine, threshold, tfidf_threshold)
    link = eligible & (score >= threshold)
    # two claims of one article: asked one by one (held apart, or rivals in one sentence)
    same = link & (art_code[rows][:, None] == art_code[cols][None, :])
    for r, c in zip(*np.nonzero(same), strict=True):
        i, j = int(rows[r]), int(cols[c])
        a, b = (claims[i], claims[j]) if i < j else (claims[j], claims[i])
        if (rules.pair_apart is not None and rules.pair_apart(a, b)) or (
            rules.rivals is not None and rules.rivals(a, b)
        ):
            link[r, c] = False
    if restated_pairs:
        for r, c in zip(*np.nonzero(link), strict=True):
            i, j = int(rows[r]), int(cols[c])
            if (min(i, j), max(i, j)) in restated_pairs:
                link[r, c] = False
    r, c = np.nonzero(link)
    if len(r):
        i, j = rows[r], cols[c]
        out_s.append(score[r, c])
        out_i.append(np.minimum(i, j))
        out_j.append(np.maximum(i, j))


def _codes(values: Sequence[Hashable]) -> np.ndarray:
    lookup: dict[Hashable, int] = {}
    return np.fromiter((lookup.setdefault(v, len(lookup)) for v in values), dtype=np.int64,
                       count=len(values))


def _bonus_block(row_codes, col_codes, lower, bonus_keys, keys_bonus, memo) -> np.ndarray:
    """Bonus of every pair of a block (NaN: none), asked once per pair of distinct keys,
    in the pair's own order."""
    ur, inv_r = np.unique(row_codes, return_inverse=True)
    uc, inv_c = np.unique(col_codes, return_inverse=True)

    def table(first, second) -> np.ndarray:
        out = np.empty((len(first), len(second)))
        for x, a in enumerate(first.tolist()):
            for y, b in enumerate(second.tolist()):
                found = memo.get((a, b))
                if found is None:
                    value = keys_bonus(bonus_keys[a], bonus_keys[b])
                    found = memo[(a, b)] = np.nan if value is None else float(value)
                out[x, y] = found
        return out

    forward = table(ur, uc)[inv_r][:, inv_c]
    if lower.all():
        return forward
    backward = table(uc, ur).T[inv_r][:, inv_c]
    return np.where(lower, forward, backward)


class _Vectors:
    """The tf-idf vectors of the claims, as rows of a sparse matrix for a fast first sieve."""

    def __init__(self, claims, weights: dict[str, dict[str, float]]):
        self.dicts = [weights[c.id] for c in claims]
        vocab: dict[str, int] = {}
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for vec in self.dicts:
            for term, value in vec.items():
                indices.append(vocab.setdefault(term, len(vocab)))
                data.append(value)
            indptr.append(len(indices))
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.indices = np.asarray(indices, dtype=np.int64)
        self.data = np.asarray(data, dtype=np.float64)

    def _flat(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        starts, ends = self.indptr[rows], self.indptr[rows + 1]
        lens = ends - starts
        pos = np.repeat(np.arange(len(rows)), lens)
        offsets = np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
        at = np.repeat(starts, lens) + offsets
        return pos, self.indices[at], self.data[at]

    def dots(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Approximate dot products of every row with every column."""
        rp, rt, rv = self._flat(rows)
        cp, ct, cv = self._flat(cols)
        common = np.intersect1d(rt, ct)
        out = np.zeros((len(rows), len(cols)))
        if len(common) == 0:
            return out
        keep_r, keep_c = np.isin(rt, common), np.isin(ct, common)
        a = np.zeros((len(rows), len(common)))
        a[rp[keep_r], np.searchsorted(common, rt[keep_r])] = rv[keep_r]
        b = np.zeros((len(cols), len(common)))
        b[cp[keep_c], np.searchsorted(common, ct[keep_c])] = cv[keep_c]
        return a @ b.T


SIEVE_SLACK = 1e-9
"""How far below the threshold the approximate cosine may be and still be checked exactly."""


def _raise_by_cosine(score, low, rows, cols, tfidf: _Vectors, cosine, threshold,
                     tfidf_threshold) -> None:
    """Raise the score of weakly alike pairs whose sentences share rare words, with the
    cosine computed exactly as the scalar rule does (same order of summation)."""
    approx = tfidf.dots(rows, cols)
    for r, c in zip(*np.nonzero(low & (approx >= tfidf_threshold - SIEVE_SLACK)), strict=True):
        i, j = int(rows[r]), int(cols[c])
        if i > j:
            i, j = j, i
        cos = cosine(tfidf.dicts[i], tfidf.dicts[j])
        if cos >= tfidf_threshold:
            score[r, c] = threshold + 10 * cos


# --- following the links -----------------------------------------------------------------

CHUNK = 4096
"""Links sieved at once for those that still join two clusters."""


def _kruskal(claims, keys, articles, edges, rules: Rules, kapart) -> list[list[int]]:
    scores, first, second = edges
    n = len(claims)
    order = np.lexsort((second, first, -scores))
    scores, first, second = scores[order], first[order], second[order]
    root = np.arange(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # the keys and articles of clusters grown beyond one claim
    key_sets: dict[int, set[Hashable]] = {}
    by_article: dict[int, dict[str, list[int]]] = {}
    refused: set[tuple[int, int]] = set()

    def keys_of(r: int) -> set[Hashable]:
        return key_sets[r] if r in key_sets else {keys[r]}

    def articles_of(r: int) -> dict[str, list[int]]:
        return by_article[r] if r in by_article else {articles[r]: [r]}

    def held_apart(ri: int, rj: int) -> bool:
        ka, kb = keys_of(ri), keys_of(rj)
        if any(kapart(x, y) for x in ka for y in kb):
            return True
        if rules.pair_apart is None:
            return False
        arts_i, arts_j = articles_of(ri), articles_of(rj)
        for article in arts_i.keys() & arts_j.keys():
            for x in arts_i[article]:
                for y in arts_j[article]:
                    if rules.pair_apart(claims[x], claims[y]):
                        return True
        return False

    for start in range(0, len(scores), CHUNK):
        end = start + CHUNK
        ei, ej, es = first[start:end], second[start:end], scores[start:end]
        for t in np.nonzero(root[ei] != root[ej])[0].tolist():
            ri, rj = int(root[ei[t]]), int(root[ej[t]])
            if ri == rj:
                continue
            if es[t] < FORCED:
                # after the forced links no restated pair spans two clusters, so the veto is
                # exactly "some pair across them is held apart"; once true, true for good
                if (ri, rj) in refused:
                    continue
                if held_apart(ri, rj):
                    refused.add((ri, rj))
                    continue
            moved = members.pop(rj)
            root[moved] = ri
            members[ri].extend(moved)
            key_sets[ri] = keys_of(ri) | keys_of(rj)
            key_sets.pop(rj, None)
            target = by_article[ri] = articles_of(ri)
            for article, idx in articles_of(rj).items():
                target.setdefault(article, []).extend(idx)
            by_article.pop(rj, None)
    return [sorted(m) for m in members.values()]
