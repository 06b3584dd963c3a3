"""Constrained single-link clustering that scales: the engine under ``judge.linking._cluster``.

The comparator's rules say, for two claims, whether something holds them apart,
what bonus they get for being about one thing, and whether their contexts alone
may link them. Asked of every pair, that is quadratic in Python. Here the rules
for two claims of *different* articles are asked of their *keys* (views of the
claims that hold all the rules may read, see ``judge.linking._view_key``): claims
with equal keys are alike to the rules, so the rules are asked once per pair
of distinct keys, the context similarity of whole blocks is scored at once with
``rapidfuzz.process.cdist`` (once per pair of distinct contexts), and numpy
picks the pairs that link; whether context alone may link two claims is asked
once per pair of *link keys*. Pairs of one article are asked one by one of the
claims themselves. The result is exactly what asking every pair gives: the
comparator's golden reports and the devset are byte-identical either way.

A *long* article, one giving more than :data:`LONG_ARTICLE` of the claims clustered at
once (a report with a thousand casualty figures), would make all of that quadratic, in
time and memory. Its claims are capped instead: each is asked of its :data:`WINDOW`
neighbours in the article (not of every other claim of it), keeps its
:data:`LINKS_PER_CLAIM` best links to other articles, and a cluster holds at most
:data:`LONG_SHARE` of them, which also bounds the work on each group downstream. Nothing
changes for the claims of other articles.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

FORCED = 200.0
"""Score of a link that is always followed (a claim and its restatement)."""

LONG_ARTICLE = 300
"""An article with more claims than this in one clustering is long, and capped."""
WINDOW = 4
"""A claim of a long article is asked of this many claims of it on either side."""
LINKS_PER_CLAIM = 8
"""Links to other articles a claim of a long article keeps, its best."""
LONG_SHARE = 8
"""Claims of one long article a cluster may hold."""
BLOCK_CELLS = 4_000_000
"""Pairs of claims of different articles scored at once: a bound on memory."""


@dataclass
class Rules:
    """How two claims relate.

    ``apart``, ``rivals``, ``bonus`` and ``may_link`` take two claims (the first
    earlier in the list); ``keys_apart`` and ``keys_bonus`` take the ``key`` of two
    claims of different articles and must answer as ``apart`` and ``bonus`` would.
    The memos live as long as the rules, so one set of rules serves several runs.
    """

    key: Callable[[Any], Hashable]
    apart: Callable[[Any, Any], bool]
    keys_apart: Callable[[Any, Any], bool]
    may_link: Callable[[Any, Any], bool]
    link_key: Callable[[Any], Hashable] | None = None
    keys_may_link: Callable[[Any, Any], bool] | None = None
    """Optional: ``may_link`` of two claims of different articles, from their link keys."""
    rivals: Callable[[Any, Any], bool] | None = None
    """Two claims of one article that never link (one sentence does not contradict itself)."""
    bonus: Callable[[Any, Any], float | None] | None = None
    keys_bonus: Callable[[Any, Any], float | None] | None = None
    apart_memo: dict = field(default_factory=dict)
    bonus_memo: dict = field(default_factory=dict)
    link_memo: dict = field(default_factory=dict)

    def kapart(self, ka: Hashable, kb: Hashable) -> bool:
        found = self.apart_memo.get((ka, kb))
        if found is None:
            found = self.apart_memo[(ka, kb)] = bool(self.keys_apart(ka, kb))
        return found

    def kbonus(self, ka: Hashable, kb: Hashable) -> float:
        """The bonus of two keys, NaN for none."""
        found = self.bonus_memo.get((ka, kb))
        if found is None:
            value = self.keys_bonus(ka, kb) if self.keys_bonus is not None else None
            found = self.bonus_memo[(ka, kb)] = np.nan if value is None else float(value)
        return found


def single_link(
    claims: Sequence[Any],
    rules: Rules,
    *,
    threshold: float,
    weights: dict[str, dict[str, float]] | None = None,
    tfidf_threshold: float = 0.0,
    cosine: Callable[[dict[str, float], dict[str, float]], float] | None = None,
) -> list[list[int]]:
    """Clusters as lists of indices into ``claims``, exactly as this pairwise Kruskal gives:

    a restated pair links with :data:`FORCED`; any other pair not held apart (nor rivals)
    scores its context similarity (``token_set_ratio`` of the processed contexts), raised
    to its bonus when it has one, else only when ``may_link``; below ``threshold``, a tf-idf
    cosine of at least ``tfidf_threshold`` scores ``threshold + 10 * cosine``; pairs scoring
    ``threshold`` link. Links are followed best first (ties by index), never joining two
    clusters with a pair held apart (forced links excepted). Clusters come in the order of
    their root, each sorted.
    """
    n = len(claims)
    if n == 0:
        return []
    keys = [rules.key(c) for c in claims]
    edges = _Edges(
        claims,
        keys,
        rules,
        threshold=threshold,
        weights=weights,
        tfidf_threshold=tfidf_threshold,
        cosine=cosine,
    )
    return _kruskal(claims, keys, edges.all(), rules, edges.long_articles)


class _Edges:
    def __init__(
        self, claims, keys, rules: Rules, *, threshold, weights, tfidf_threshold, cosine
    ) -> None:
        n = len(claims)
        self.claims, self.keys, self.rules = claims, keys, rules
        self.threshold, self.tfidf_threshold, self.cosine = threshold, tfidf_threshold, cosine
        self.weights = weights
        contexts: dict[str, int] = {}
        self.context = np.fromiter(
            (
                contexts.setdefault(utils.default_process(c.subject.context), len(contexts))
                for c in claims
            ),
            dtype=np.int64,
            count=n,
        )
        self.contexts = list(contexts)
        self.article = _codes([c.article for c in claims])
        counts = np.bincount(self.article)
        self.long = counts[self.article] > LONG_ARTICLE
        """Claims of long articles."""
        self.long_articles = {claims[i].article for i in np.nonzero(self.long)[0].tolist()}
        self.tfidf = _Vectors(claims, weights) if weights is not None and cosine else None
        self.restated: set[tuple[int, int]] = set()
        by_id: dict[str, list[int]] = {}
        for i, c in enumerate(claims):
            by_id.setdefault(c.id, []).append(i)
        for i, c in enumerate(claims):
            for j in by_id.get(c.restates, ()) if c.restates is not None else ():
                if i != j:
                    self.restated.add((min(i, j), max(i, j)))
        self.out: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._pair_memo: dict[tuple[int, int], float] = {}
        n = len(claims)
        self._forced = np.asarray(sorted(i * n + j for i, j in self.restated), dtype=np.int64)

    def all(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self.restated:
            pairs = sorted(self.restated)
            self.out.append(
                (
                    np.full(len(pairs), FORCED),
                    np.asarray([p[0] for p in pairs], dtype=np.int64),
                    np.asarray([p[1] for p in pairs], dtype=np.int64),
                )
            )
        self._one_article()
        by_key: dict[Hashable, list[int]] = {}
        for i, k in enumerate(self.keys):
            by_key.setdefault(k, []).append(i)
        key_list = list(by_key)
        index = [np.asarray(by_key[k], dtype=np.int64) for k in key_list]
        kapart = self.rules.kapart
        for p, kp in enumerate(key_list):
            # one block per key: its claims against those of every later key not held apart
            blocks, fwd, bwd = [], [], []
            for q in range(p, len(key_list)):
                kq = key_list[q]
                forward, backward = kapart(kp, kq), kapart(kq, kp)
                if forward and backward:
                    continue
                blocks.append(index[q])
                fwd.append(np.full(len(index[q]), not forward))
                bwd.append(np.full(len(index[q]), not backward and q != p))
            if not blocks:
                continue
            rows, cols = index[p], np.concatenate(blocks)
            fwd_c, bwd_c = np.concatenate(fwd), np.concatenate(bwd)
            long = self.long[rows]
            if long.any():  # a long article's claims against the other articles' only
                for code in np.unique(self.article[rows[long]]).tolist():
                    other = self.article[cols] != code
                    own = rows[self.article[rows] == code]
                    self._chunks(own, cols[other], fwd_c[other], bwd_c[other])
                rows = rows[~long]
            self._chunks(rows, cols, fwd_c, bwd_c)
        if not self.out:
            empty = np.zeros(0, dtype=np.int64)
            return np.zeros(0), empty, empty
        return tuple(np.concatenate(parts) for parts in zip(*self.out, strict=True))

    def _chunks(self, rows, cols, fwd, bwd) -> None:
        """:meth:`_block` on ``rows`` x ``cols`` a few rows at a time, so that memory stays
        bounded; ``fwd`` and ``bwd`` say per column whether the pair may link in the order
        (row, column) and (column, row)."""
        if not len(rows) or not len(cols):
            return
        step = max(1, BLOCK_CELLS // len(cols))
        for at in range(0, len(rows), step):
            part = rows[at : at + step]
            lower = part[:, None] < cols[None, :]  # the pair's own order
            valid = np.where(lower, fwd[None, :], bwd[None, :])
            valid &= self.article[part][:, None] != self.article[cols][None, :]
            self._block(part, cols, lower, valid)

    def _one_article(self) -> None:
        """Pairs of one article, asked one by one of the claims themselves."""
        claims, rules = self.claims, self.rules
        by_article: dict[int, list[int]] = {}
        for i, code in enumerate(self.article.tolist()):
            by_article.setdefault(code, []).append(i)
        found: list[tuple[float, int, int]] = []
        for own in by_article.values():
            reach = WINDOW if len(own) > LONG_ARTICLE else len(own)
            for x, i in enumerate(own):
                for j in own[x + 1 : x + 1 + reach]:
                    if (i, j) in self.restated:
                        continue
                    a, b = claims[i], claims[j]
                    if rules.apart(a, b) or (rules.rivals is not None and rules.rivals(a, b)):
                        continue
                    score = self._pair_score(i, j)
                    extra = rules.bonus(a, b) if rules.bonus is not None else None
                    if extra is not None:
                        score = max(score, extra)
                    elif not rules.may_link(a, b):
                        continue
                    if self.tfidf is not None and score < self.threshold:
                        cos = self.cosine(self.tfidf.dicts[i], self.tfidf.dicts[j])
                        if cos >= self.tfidf_threshold:
                            score = self.threshold + 10 * cos
                    if score >= self.threshold:
                        found.append((score, i, j))
        if found:
            self.out.append(
                (
                    np.asarray([f[0] for f in found], dtype=np.float64),
                    np.asarray([f[1] for f in found], dtype=np.int64),
                    np.asarray([f[2] for f in found], dtype=np.int64),
                )
            )

    def _pair_score(self, i: int, j: int) -> float:
        """The context similarity of two claims, as :meth:`_scores` gives it, once per pair
        of distinct contexts."""
        pair = (int(self.context[i]), int(self.context[j]))
        found = self._pair_memo.get(pair)
        if found is None:
            found = self._pair_memo[pair] = float(
                process.cdist(
                    [self.contexts[pair[0]]],
                    [self.contexts[pair[1]]],
                    scorer=fuzz.token_set_ratio,
                    processor=None,
                    dtype=np.uint8,
                )[0, 0]
            )
        return found

    def _scores(self, rows: np.ndarray, cols: np.ndarray, *, cutoff: float = 0) -> np.ndarray:
        """Context similarity of every row with every column, once per pair of distinct
        contexts; scores below ``cutoff`` may read 0."""
        ur, inv_r = np.unique(self.context[rows], return_inverse=True)
        uc, inv_c = np.unique(self.context[cols], return_inverse=True)
        distinct = process.cdist(
            [self.contexts[k] for k in ur.tolist()],
            [self.contexts[k] for k in uc.tolist()],
            scorer=fuzz.token_set_ratio,
            processor=None,
            dtype=np.uint8,
            score_cutoff=cutoff,
        )
        return distinct[inv_r][:, inv_c].astype(np.float64)

    def _block(self, rows, cols, lower, valid) -> None:
        """Links between claims of different articles, ``rows`` x ``cols`` where ``valid``."""
        if not valid.any():
            return
        threshold = self.threshold
        # below threshold - 1 the exact score never matters (rounded to a whole number, it
        # stays below threshold: the pair links through a bonus, the cosine, or not at all)
        score = self._scores(rows, cols, cutoff=max(threshold - 1, 0))
        bonus = self._bonus(rows, cols, lower)
        has_bonus = ~np.isnan(bonus)
        score = np.where(has_bonus, np.fmax(score, bonus), score)
        capped = self.long[rows].any() or self.long[cols].any()
        if self.tfidf is not None:
            low = valid & (score < threshold)
            if low.any():
                self._raise_by_cosine(score, low, rows, cols)
        link = valid & (score >= threshold)
        if capped:
            link = self._best_links(link, score, rows, cols)
        # without a bonus, context alone links only when the rule says it may
        plain_r, plain_c = np.nonzero(link & ~has_bonus)
        if len(plain_r):
            link[plain_r, plain_c] = self._may_link(rows[plain_r], cols[plain_c])
        if self.restated:  # a restated pair is linked once, by force
            r, c = np.nonzero(link)
            i, j = rows[r], cols[c]
            forced = np.isin(np.minimum(i, j) * len(self.claims) + np.maximum(i, j), self._forced)
            link[r[forced], c[forced]] = False
        r, c = np.nonzero(link)
        if len(r):
            i, j = rows[r], cols[c]
            self.out.append((score[r, c], np.minimum(i, j), np.maximum(i, j)))

    def _best_links(self, link, score, rows, cols) -> np.ndarray:
        """The links of a block, each claim of a long article keeping its
        :data:`LINKS_PER_CLAIM` best (ties in column order, then in row order)."""
        kept = link.copy()
        masked = np.where(link, score, -np.inf)
        long_rows = np.nonzero(self.long[rows])[0]
        if len(long_rows) and link.shape[1] > LINKS_PER_CLAIM:
            best = np.argsort(-masked[long_rows], axis=1, kind="stable")[:, :LINKS_PER_CLAIM]
            kept[long_rows] = False
            kept[long_rows[:, None], best] = link[long_rows[:, None], best]
        long_cols = np.nonzero(self.long[cols])[0]
        if len(long_cols) and link.shape[0] > LINKS_PER_CLAIM:
            masked = np.where(kept, score, -np.inf)
            best = np.argsort(-masked[:, long_cols], axis=0, kind="stable")[:LINKS_PER_CLAIM]
            column = kept[:, long_cols]
            kept[:, long_cols] = False
            kept[best, long_cols[None, :]] = column[best, np.arange(len(long_cols))[None, :]]
        return kept

    def _may_link(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """``may_link`` of the pairs (first[k], second[k]) of different articles, asked once
        per pair of distinct link keys when the rules have them."""
        claims, rules = self.claims, self.rules
        lo, hi = np.minimum(first, second).tolist(), np.maximum(first, second).tolist()
        if rules.link_key is None or rules.keys_may_link is None:
            pairs = zip(lo, hi, strict=True)
            return np.fromiter(
                (rules.may_link(claims[i], claims[j]) for i, j in pairs), dtype=bool, count=len(lo)
            )
        if not hasattr(self, "_link_keys"):
            self._link_keys = [rules.link_key(c) for c in claims]
        keys, memo = self._link_keys, rules.link_memo
        out = np.empty(len(lo), dtype=bool)
        for k, (i, j) in enumerate(zip(lo, hi, strict=True)):
            pair = (keys[i], keys[j])
            found = memo.get(pair)
            if found is None:
                found = memo[pair] = bool(rules.keys_may_link(*pair))
            out[k] = found
        return out

    def _bonus(self, rows, cols, lower) -> np.ndarray:
        """Bonus of every pair of a block (NaN: none), asked once per pair of distinct keys,
        in the pair's own order."""
        if self.rules.keys_bonus is None:
            return np.full((len(rows), len(cols)), np.nan)
        codes = self._key_codes()
        ur, inv_r = np.unique(codes[rows], return_inverse=True)
        uc, inv_c = np.unique(codes[cols], return_inverse=True)
        distinct, kbonus = self._distinct_keys, self.rules.kbonus

        def table(first, second) -> np.ndarray:
            return np.asarray(
                [
                    [kbonus(distinct[a], distinct[b]) for b in second.tolist()]
                    for a in first.tolist()
                ],
                dtype=np.float64,
            )

        forward = table(ur, uc)[inv_r][:, inv_c]
        if lower.all():
            return forward
        backward = table(uc, ur).T[inv_r][:, inv_c]
        return np.where(lower, forward, backward)

    def _key_codes(self) -> np.ndarray:
        if not hasattr(self, "_codes_of_keys"):
            lookup: dict[Hashable, int] = {}
            self._codes_of_keys = np.fromiter(
                (lookup.setdefault(k, len(lookup)) for k in self.keys),
                dtype=np.int64,
                count=len(self.keys),
            )
            self._distinct_keys = list(lookup)
        return self._codes_of_keys

    def _raise_by_cosine(self, score, low, rows, cols) -> None:
        """Raise the score of weakly alike pairs whose sentences share rare words, with the
        cosine computed exactly as the scalar rule does (same order of summation)."""
        approx = self.tfidf.dots(rows, cols)
        sieve = low & (approx >= self.tfidf_threshold - SIEVE_SLACK)
        long = self.long[rows][:, None] | self.long[cols][None, :]
        if long.any():  # capped: the approximate cosine serves, without a pair at a time
            near = sieve & long & (approx >= self.tfidf_threshold)
            score[near] = self.threshold + 10 * approx[near]
            sieve &= ~long
        for r, c in zip(*np.nonzero(sieve), strict=True):
            i, j = int(rows[r]), int(cols[c])
            if i > j:
                i, j = j, i
            cos = self.cosine(self.tfidf.dicts[i], self.tfidf.dicts[j])
            if cos >= self.tfidf_threshold:
                score[r, c] = self.threshold + 10 * cos


SIEVE_SLACK = 1e-9
"""How far below the threshold the approximate cosine may be and still be checked exactly."""


def _codes(values: Sequence[Hashable]) -> np.ndarray:
    lookup: dict[Hashable, int] = {}
    return np.fromiter(
        (lookup.setdefault(v, len(lookup)) for v in values), dtype=np.int64, count=len(values)
    )


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


CHUNK = 4096
"""Links sieved at once for those that still join two clusters."""


def _kruskal(claims, keys, edges, rules: Rules, long_articles=frozenset()) -> list[list[int]]:
    scores, first, second = edges
    n = len(claims)
    order = np.lexsort((second, first, -scores))
    scores, first, second = scores[order], first[order], second[order]
    root = np.arange(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # of clusters grown beyond one claim: the articles of each key, the claims of each article
    key_arts: dict[int, dict[Hashable, set[str]]] = {}
    by_article: dict[int, dict[str, list[int]]] = {}
    refused: set[tuple[int, int]] = set()

    def keys_of(r: int) -> dict[Hashable, set[str]]:
        return key_arts[r] if r in key_arts else {keys[r]: {claims[r].article}}

    def articles_of(r: int) -> dict[str, list[int]]:
        return by_article[r] if r in by_article else {claims[r].article: [r]}

    def held_apart(ri: int, rj: int) -> bool:
        arts_i, arts_j = articles_of(ri), articles_of(rj)
        for article in long_articles & arts_i.keys() & arts_j.keys():
            if len(arts_i[article]) + len(arts_j[article]) > LONG_SHARE:
                return True  # capped: a cluster holds at most LONG_SHARE claims of it
        for article in arts_i.keys() & arts_j.keys():
            for x in arts_i[article]:
                for y in arts_j[article]:
                    if rules.apart(claims[x], claims[y]):
                        return True
        # claims of different articles are held apart when their keys are
        for kx, left in keys_of(ri).items():
            for ky, right in keys_of(rj).items():
                if rules.kapart(kx, ky) and (len(left) > 1 or len(right) > 1 or left != right):
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
            merged = key_arts[ri] = keys_of(ri)
            for k, arts in keys_of(rj).items():
                merged.setdefault(k, set()).update(arts)
            key_arts.pop(rj, None)
            target = by_article[ri] = articles_of(ri)
            for article, idx in articles_of(rj).items():
                target.setdefault(article, []).extend(idx)
            by_article.pop(rj, None)
    return [sorted(m) for m in members.values()]
