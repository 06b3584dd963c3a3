"""Split a mixed set of articles into stories: the articles that tell of one event.

Each article's :class:`~factcheck.models.Profile` (its named entities and key terms, read
from the parse its claims come from) becomes a tf-idf vector: entities weigh
:data:`ENTITY_WEIGHT` times a term, counts are damped (1 + log), and the idf is smoothed
(+1), so that what every article of a folder shares still holds it together. Two articles
are as alike as the cosine of their vectors over the features the set shares, damped by
how much of each article those features are (:data:`COVERAGE_POWER`), and lowered for
articles published far apart (:func:`time_factor`). Stories are clusters by average
linkage: the two most alike groups join while the mean similarity of their pairs reaches
:data:`STORY_THRESHOLD`. An article too thin to judge (:data:`MIN_FEATURES`) joins the story
it is most like, or the largest, and never makes a story of its own.

Only pairs that share a feature are scored, through an inverted index; a feature found in
very many articles (more than :data:`PAIR_BUDGET` allows) leaves the scoring, so a large
feed stays near-linear. :func:`split` is deterministic: same articles, same stories.

The constants were chosen on the development clusters and the sample articles mixed in one
folder (all nine stories found, none split), each of those folders alone (one story each),
unrelated pairs of their articles (split), and generated feeds (``bench/scale.py``).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from sys import intern

import numpy as np

from .models import Article, Profile, Story

ENTITY_WEIGHT = 3.0
"""How much more a named entity says about the event than a key term."""
STORY_THRESHOLD = 0.15
"""Mean similarity of their pairs at which two groups of articles are one story."""
COVERAGE_POWER = 0.25
"""A similarity is the cosine over shared features times ``(c1 * c2) ** COVERAGE_POWER``,
``c`` the share of an article's weight on features another article has: 0 would judge two
articles on what they share alone (two unrelated ones sharing one word are alike), 0.5 is
the plain cosine (what one article alone says pulls a folder about one event apart)."""
MIN_FEATURES = 8
"""An article with fewer distinct entities and terms is too thin to make a story alone."""
EDGE_FLOOR = 0.03
"""Pair similarities below this count as none (they cannot make a story)."""
SAME_DAYS = 7
"""Articles published within this many days of each other are not told apart by date."""
TIME_FLOOR = 0.25
"""The most a gap in dates lowers a similarity (to this fraction): a follow-up a year
later is still the same story when it names the same people and places."""
NEIGHBOURS = 100
"""The most alike articles each article keeps a similarity to. Average linkage counts a
missing pair as 0, so a story of more than about four times this many articles that are
all much alike may come out in parts; below it nothing changes."""
PAIR_BUDGET = 50_000_000
"""Feature matches scored at most; the commonest features leave the scoring beyond it."""
SMALL_FOLDER = 12
"""A folder of at most this many articles is what a user gathered about one event, most
likely: two of its stories are joined back when nearly every article of one is linked to
every article of the other (:data:`JOIN_LINKED`) and they reach :data:`JOIN_MEAN` on
average. Six reports of one event that name it in two sets of words (two and four
articles) link every pair at 0.125; six of another three quarters of their pairs at 0.14.
Halves of two unrelated folders (3 + 3 articles, 300 random pairs of the development
clusters) that link as many pairs reach at most 0.091; the closest (0.116) link a fifth."""
JOIN_MEAN = 0.12
JOIN_LINKED = 0.75


def split(articles: Sequence[Article], profiles: Sequence[Profile]) -> tuple[Story, ...]:
    """The stories of a set of articles, in the order of each story's first article.

    Articles with one profile (a page saved twice, a wire story run unchanged) are one
    unit throughout: their story is one, and they count once in the idf, so that copies do
    not make the words only they share look like the set's.
    """
    if not articles:
        return ()
    units: dict[Profile, list[int]] = {}
    for i, profile in enumerate(profiles):
        units.setdefault(profile, []).append(i)
    members = list(units.values())
    vectors = _vectors(list(units))
    days = [_day(articles[own[0]].published) for own in members]
    near = _adjacency(_edges(vectors, days))
    thin = [len(p.entities) + len(p.terms) < MIN_FEATURES for p in units]
    solid = [u for u in range(len(members)) if not thin[u]]
    if solid:
        clusters = _rejoin_singles(_average_link(solid, near), near)
        if len(articles) <= SMALL_FOLDER:
            clusters = _join_linked(clusters, near, list(units))
        _attach(clusters, [u for u in range(len(members)) if thin[u]], near)
    else:
        clusters = [list(range(len(members)))]
    found = []
    for cluster in clusters:
        central = _central(cluster, near, members, articles)
        found.append((sorted(i for u in cluster for i in members[u]), central))
    found.sort(key=lambda item: item[0][0])
    return tuple(
        _story(f"s{k}", own, articles, central) for k, (own, central) in enumerate(found, 1)
    )


def one_story(articles: Sequence[Article]) -> Story:
    """All the articles as one story (nothing split)."""
    titled = [i for i, a in enumerate(articles) if a.title]
    return _story("s1", list(range(len(articles))), articles, titled[0] if titled else 0)


def time_factor(first: int | None, second: int | None) -> float:
    """How far apart two publication days (ordinals) lower a similarity: not at all within
    :data:`SAME_DAYS` or when either is unknown, then by a tenth per doubling of the gap,
    down to :data:`TIME_FLOOR`.

    >>> [round(time_factor(0, d), 2) for d in (3, 14, 60, 365, 3000)]
    [1.0, 0.9, 0.69, 0.43, 0.25]
    """
    if first is None or second is None:
        return 1.0
    gap = abs(first - second)
    if gap <= SAME_DAYS:
        return 1.0
    return max(TIME_FLOOR, 1.0 - 0.1 * math.log2(gap / SAME_DAYS))


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _vectors(profiles: Sequence[Profile]) -> list[dict[str, float]]:
    """tf-idf vectors over entities and terms (the idf smoothed), on the features another
    article has too, scaled so that their dot product is the similarity of the module's
    notes."""
    raw = []
    for profile in profiles:
        # one string a feature, however many articles have it
        features = {intern(f"e:{k}"): ENTITY_WEIGHT * (1 + math.log(c))
                    for k, c in profile.entities}
        features.update({intern(f"t:{k}"): 1 + math.log(c) for k, c in profile.terms})
        raw.append(features)
    df = Counter(k for features in raw for k in features)
    n = len(raw)
    out = []
    for features in raw:
        vec = {k: w * (math.log((n + 1) / (df[k] + 0.5)) + 1) for k, w in features.items()}
        full = sum(v * v for v in vec.values()) or 1.0
        shared = sum(v * v for k, v in vec.items() if df[k] > 1) or 1.0
        norm = math.sqrt(shared) / (shared / full) ** COVERAGE_POWER
        out.append({k: v / norm for k, v in vec.items() if df[k] > 1})  # alone: no match
    return out


def _edges(vectors: list[dict[str, float]], days: list[int | None]) -> dict[tuple[int, int], float]:
    """Similarity of the pairs of articles that reach :data:`EDGE_FLOOR`, keyed (i, j),
    i < j: dot products through an inverted index, an article at a time. Each article keeps
    its :data:`NEIGHBOURS` most alike (a pair is kept when either keeps it), so that a
    feed of many alike stories holds memory in proportion to its articles, not their pairs."""
    index: dict[str, int] = {}
    postings: list[list[tuple[int, float]]] = []
    for i, vec in enumerate(vectors):
        for k, w in vec.items():
            f = index.setdefault(k, len(index))
            if f == len(postings):
                postings.append([])
            postings[f].append((i, w))
    cap = _df_cap([len(p) for p in postings])
    arts = [np.asarray([a for a, _ in p], dtype=np.int64) for p in postings]
    weights = [np.asarray([w for _, w in p], dtype=np.float64) for p in postings]
    when = np.asarray([np.nan if d is None else d for d in days], dtype=np.float64)
    edges: dict[tuple[int, int], float] = {}
    for i, vec in enumerate(vectors):
        feats = [(index[k], w) for k, w in vec.items() if len(postings[index[k]]) <= cap]
        if not feats:
            continue
        others = np.concatenate([arts[f] for f, _ in feats])
        products = np.concatenate([weights[f] * w for f, w in feats])
        apart = others != i
        others, products = others[apart], products[apart]
        if not len(others):
            continue
        order = np.argsort(others, kind="stable")
        others, products = others[order], products[order]
        starts = np.flatnonzero(np.r_[True, others[1:] != others[:-1]])
        js, dots = others[starts], np.add.reduceat(products, starts)
        scores = dots * _time_factors(when[i], when[js])
        keep = np.flatnonzero(scores >= EDGE_FLOOR)
        if len(keep) > NEIGHBOURS:  # the most alike; ties to the earlier article
            keep = keep[np.lexsort((js[keep], -scores[keep]))[:NEIGHBOURS]]
        for j, score in zip(js[keep].tolist(), scores[keep].tolist(), strict=True):
            edges[(i, j) if i < j else (j, i)] = score  # the same score from either side
    return edges


Near = dict[int, dict[int, float]]
"""Each article's neighbours and their similarity (both ways)."""


def _adjacency(edges: dict[tuple[int, int], float]) -> Near:
    """The similarities of :func:`_edges`, each article's neighbours under it."""
    near: dict[int, dict[int, float]] = {}
    for (i, j), s in edges.items():
        near.setdefault(i, {})[j] = s
        near.setdefault(j, {})[i] = s
    return near


def _time_factors(day: float, others: np.ndarray) -> np.ndarray:
    """:func:`time_factor` of one day against many (NaN: unknown)."""
    gap = np.abs(others - day)
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = np.maximum(TIME_FLOOR, 1.0 - 0.1 * np.log2(gap / SAME_DAYS))
    factor = np.where(gap <= SAME_DAYS, 1.0, factor)
    return np.where(np.isnan(gap), 1.0, factor)


def _df_cap(dfs: list[int]) -> int:
    """The largest document frequency scored: every feature when the matches fit
    :data:`PAIR_BUDGET`, else the rarer ones up to it."""
    spent = 0
    for df in sorted(dfs):
        spent += df * df
        if spent > PAIR_BUDGET:
            return df - 1
    return max(dfs, default=0)


def _average_link(members: list[int], similar: Near) -> list[list[int]]:
    """Average-linkage clusters of ``members``: join the two clusters whose pairs are most
    alike on average (missing pairs count 0) while that mean reaches the threshold."""
    allowed = set(members)
    size = {i: 1 for i in members}
    clusters = {i: [i] for i in members}
    near = {i: {j: s for j, s in similar.get(i, {}).items() if j in allowed} for i in members}
    heap = [(-s, i, j) for i in members for j, s in near[i].items()
            if i < j and s >= STORY_THRESHOLD]  # fmt: skip
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        if abs(near[a].get(b, 0.0) / (size[a] * size[b]) + negative) > 1e-12:
            continue  # stale: one of the two grew since
        clusters[a] += clusters.pop(b)
        size[a] += size.pop(b)
        for c, s in near.pop(b).items():
            near[c].pop(b, None)
            if c != a:
                near[a][c] = near[c][a] = near[a].get(c, 0.0) + s
        near[a].pop(b, None)
        for c, s in near[a].items():
            mean = s / (size[a] * size[c])
            if mean >= STORY_THRESHOLD:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
    return list(clusters.values())


def _rejoin_singles(clusters: list[list[int]], near: Near) -> list[list[int]]:
    """An article left alone joins the story holding the one article it is most like, when
    that pair alone reaches the threshold: a profile of the victims, an explainer, names
    and words of its own, yet its event's (a profile of the victims)."""
    singles = [c[0] for c in clusters if len(c) == 1]
    if not singles or len(clusters) < 2:
        return clusters
    home = {u: k for k, c in enumerate(clusters) for u in c}
    moves: dict[int, int] = {}
    for u in singles:
        found = [(s, -v) for v, s in near.get(u, {}).items() if v in home and home[v] != home[u]]
        if not found:
            continue
        score, best = max(found)
        if score >= STORY_THRESHOLD and len(clusters[home[-best]]) > 1:
            moves[u] = home[-best]
    for u, k in moves.items():
        clusters[k].append(u)
    return [c for c in clusters if not (len(c) == 1 and c[0] in moves)]


def _join_linked(clusters: list[list[int]], near: Near,
                 profiles: Sequence[Profile]) -> list[list[int]]:
    """Stories of a small folder joined while two of them name a person, place or body in
    common and have :data:`JOIN_LINKED` of the pairs of their articles linked, at
    :data:`JOIN_MEAN` on average (missing pairs count 0; the most alike first)."""
    clusters = [list(c) for c in clusters]

    def named(cluster: list[int]) -> set[str]:
        return {name for u in cluster for name, _ in profiles[u].entities}

    while len(clusters) > 1:
        best = None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                if not named(clusters[x]) & named(clusters[y]):
                    continue
                pairs = [near.get(a, {}).get(b) for a in clusters[x] for b in clusters[y]]
                linked = [p for p in pairs if p is not None]
                mean = sum(linked) / len(pairs)
                if len(linked) >= JOIN_LINKED * len(pairs) and mean >= JOIN_MEAN \
                        and (best is None or mean > best[0]):
                    best = (mean, x, y)
        if best is None:
            break
        _, x, y = best
        clusters[x] += clusters.pop(y)
    return clusters


def _attach(clusters: list[list[int]], thin: list[int], near: Near) -> None:
    """Thin articles join the cluster they are most like on average, else the largest."""
    home = {u: k for k, c in enumerate(clusters) for u in c}
    for i in thin:
        sums: dict[int, float] = {}
        for j, s in near.get(i, {}).items():
            if j in home:
                sums[home[j]] = sums.get(home[j], 0.0) + s
        best = max(range(len(clusters)), key=lambda k: (len(clusters[k]), -k))
        score = 0.0
        for k in sorted(sums):
            mean = sums[k] / len(clusters[k])
            if mean > score:
                best, score = k, mean
        clusters[best].append(i)
        home[i] = best


def _central(cluster: list[int], near: Near, members: list[list[int]], articles) -> int:
    """The article whose title names a story: of the unit most like the others, the first
    with a title."""
    unit = max(cluster, key=lambda u: (sum(near.get(u, {}).get(v, 0.0) for v in cluster
                                           if v != u), -members[u][0]))  # fmt: skip
    titled = [i for i in members[unit] if articles[i].title]
    return titled[0] if titled else members[unit][0]


def _story(sid: str, members: list[int], articles: Sequence[Article], central: int) -> Story:
    """A story: its articles, the title of its central one, its dates."""
    dates = sorted(a.published[:10] for i in members if (a := articles[i]).published)
    return Story(
        id=sid,
        title=articles[central].title or articles[central].id,
        articles=tuple(articles[i].id for i in members),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )
