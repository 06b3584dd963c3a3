"""People and aliases grouped by referent, across spellings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler, Levenshtein

from .. import lexicon
from ..models import (
    Claim,
    ClaimKind,
)
from ..spelling import (
    ROLE_THRESHOLD,
    SLIP_JARO,
    SOUND_MIN,
    Alike,
    alike,
    heard_alike,
    roles_alike,
    roles_differ,
    skeleton,
)
from .book import NameRules, _book_says
from .gazetteer import known_place
from .values import NAME_THRESHOLD, _name_tokens, _names_agree, other_surname


def _name_groups(claims: list[Claim], rules: NameRules = ()) -> list[list[Claim]]:
    """One group per referent: short mentions join their full name in the same article,
    spellings that are close join across articles when nothing sets them apart."""
    entities: list[list[Claim]] = []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    for _article, own in sorted(by_article.items()):
        local: list[list[Claim]] = []
        for claim in sorted(own, key=lambda c: (-len(_name_tokens(c.value)), c.start)):
            home = next((e for e in local if _names_agree(claim.value, e[0].value)), None)
            if home is None and (misspelt := _misspelt_home(claim.value, local)) is not None:
                misspelt.append(claim)  # its own spelling: a position of its own
            elif home is None:
                local.append([claim])
            elif len(_name_tokens(claim.value)) < len(_name_tokens(home[0].value)):
                home.append(replace(claim, restates=home[0].id))  # "Yu" stands for its full name
            else:
                home.append(claim)
        entities.extend(local)
    n = len(entities)
    if n == 0:
        return []
    names = [e[0].value for e in entities]
    roles = [next((c.subject.role for c in e if c.subject.role), None) for e in entities]
    articles = [e[0].article for e in entities]  # an entity is one article's
    # Entities with one name and role are alike to _same_person: it is asked once per
    # pair of such kinds, and only of pairs that can be one person (see _name_candidates).
    kinds: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i in range(n):
        kinds[(names[i], roles[i])].append(i)
    by_name: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for kind in kinds:
        by_name[kind[0]].append(kind)
    scores = _NameScores()
    candidates = list(_name_candidates(list(by_name), rules, roled={n for n, r in kinds if r}))
    scores.prepare([(a, b) for a, b, _roles_only in candidates])
    order = {kind: k for k, kind in enumerate(kinds)}
    decided: dict[tuple, bool | None] = {}

    def decide(ka: tuple[str, str | None], kb: tuple[str, str | None]) -> bool:
        if (ka, kb) not in decided:
            decided[(ka, kb)] = _kinds_same_person(ka, kb, scores, rules)[0]
        return decided[(ka, kb)]

    def decide_names(a: str, b: str) -> bool | None:
        """The verdict for every pair of entities so named, or None when it hangs on roles."""
        if (a, b) not in decided:
            verdict, read_roles = _kinds_same_person(by_name[a][0], by_name[b][0], scores, rules)
            decided[(a, b)] = None if read_roles else verdict
        return decided[(a, b)]

    art_code = {a: k for k, a in enumerate(dict.fromkeys(articles))}

    def members(idx: list[int]) -> tuple[np.ndarray, np.ndarray]:
        return np.asarray(idx, dtype=np.int64), np.asarray([art_code[articles[i]] for i in idx])

    of_kind = {kind: members(idx) for kind, idx in kinds.items()}
    of_name = {
        name: members(sorted(i for kind in named for i in kinds[kind]))
        for name, named in by_name.items()
    }
    found_s: list[np.ndarray] = []
    found_i: list[np.ndarray] = []
    found_j: list[np.ndarray] = []

    def link(a: str, b: str, left, right, forward: bool, backward: bool, same: bool) -> None:
        """Pairs of entities ``left`` x ``right`` (named a and b) taken for one person."""
        (ei, ai), (ej, aj) = left, right
        lower = ei[:, None] < ej[None, :]  # the pair's own order: names[i] first
        ok = np.zeros(lower.shape, dtype=bool)
        if forward:
            ok |= lower
        if backward and not same:
            ok |= ~lower
        ok &= ai[:, None] != aj[None, :]  # one article names two different people
        r, c = np.nonzero(ok)
        if not len(r):
            return
        x, y = ei[r], ej[c]
        found_s.append(np.where(x < y, float(scores.full(a, b)), float(scores.full(b, a))))
        found_i.append(np.minimum(x, y))
        found_j.append(np.maximum(x, y))

    for a, b, roles_only in candidates:
        forward = decide_names(a, b)
        backward = forward if a == b else decide_names(b, a)
        if forward is not None and backward is not None:
            if forward or backward:
                link(a, b, of_name[a], of_name[b], forward, backward, a == b)
            continue
        for ka in by_name[a]:
            for kb in by_name[b]:
                if a == b and order[ka] > order[kb]:
                    continue  # each pair of kinds once
                if roles_only and not (ka[1] and kb[1]):
                    continue
                same_kind = ka == kb
                forward = decide(ka, kb)
                backward = forward if same_kind else decide(kb, ka)
                if forward or backward:
                    link(a, b, of_kind[ka], of_kind[kb], forward, backward, same_kind)
    for a, b in _given_name_rivals(list(by_name), entities):
        link(a, b, of_name[a], of_name[b], True, True, False)
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    arts: dict[int, set[str]] = {i: {articles[i]} for i in range(n)}
    if found_s:
        s = np.concatenate(found_s)
        fi = np.concatenate(found_i).tolist()
        fj = np.concatenate(found_j).tolist()
        for t in np.lexsort((-np.asarray(fj), -np.asarray(fi), -s)).tolist():
            # best first, ties by the larger first index, then second
            ri, rj = label[fi[t]], label[fj[t]]
            if ri == rj or not arts[ri].isdisjoint(arts[rj]):
                continue
            if len(members[ri]) < len(members[rj]):
                ri, rj = rj, ri
            moved = members.pop(rj)
            for k in moved:
                label[k] = ri
            members[ri].extend(moved)
            arts[ri] |= arts.pop(rj)
    merged: dict[int, list[Claim]] = defaultdict(list)
    for i, entity in enumerate(entities):
        merged[label[i]].extend(entity)
    return list(merged.values())


SURNAME_MIN = 5
"""Letters of a surname that, alone the same, may make two full names one person's."""


def _given_name_rivals(names: list[str], entities: list[list[Claim]]):
    """Full names of one rare surname and two given names of one initial, in different
    articles ("Dorian Vasquell", "Demetrio Vasquell"): one person whose given name an
    outlet got wrong, a conflict to show, unless some article names two people of that
    surname (a family)."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entity in entities:
        tokens = _name_tokens(entity[0].value)
        if len(tokens) > 1:
            seen[(entity[0].article, tokens[-1])].add(tokens[0])
    family = {surname for (_article, surname), given in seen.items() if len(given) > 1}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in names:
        tokens = _name_tokens(name)
        if len(tokens) == 2 and len(tokens[-1]) >= SURNAME_MIN and tokens[-1] not in family \
                and len(tokens[0]) > 2:
            by_surname[tokens[-1]].append(name)
    for group in by_surname.values():
        for k, a in enumerate(group):
            for b in group[k + 1:]:
                ga, gb = _name_tokens(a)[0], _name_tokens(b)[0]
                if ga == gb or _soft_g(ga)[0] != _soft_g(gb)[0] or _feminine_pair(ga, gb):
                    continue
                yield a, b


def _misspelt_home(name: str, local: list[list[Claim]]) -> list[Claim] | None:
    """The one person of an article whose surname a lone surname misspells.

    A person is introduced by full name and later called by surname; a surname that no
    full name of the article introduces, one slip from the surname of exactly one person
    it does introduce ("Marceti" after "Paul Marcetti"), is that person misspelt.
    """
    tokens = _name_tokens(name)
    if len(tokens) > 1:
        return _misspelt_full_home(tokens, local)
    word = tokens[0]
    homes = []
    for entity in local:
        own = _name_tokens(entity[0].value)
        if word in own:
            return None
        if len(own) > 1 and alike(word, own[-1]) is Alike.SLIP:
            homes.append(entity)
    return homes[0] if len(homes) == 1 else None


def _misspelt_full_home(tokens: list[str], local: list[list[Claim]]) -> list[Claim] | None:
    """The one person of an article a full name misspells by one word: "Christoph Mbeki"
    where the article names "Christophe Mbeki" too (a letter dropped, the rest the same)."""
    homes = []
    for entity in local:
        own = _name_tokens(entity[0].value)
        if len(own) != len(tokens):
            continue
        differ = [(a, b) for a, b in zip(tokens, own, strict=True) if a != b]
        if len(differ) == 1 and min(map(len, differ[0])) > 3 \
                and alike(*differ[0]) is Alike.SLIP and not _feminine_pair(*differ[0]):
            homes.append(entity)
    return homes[0] if len(homes) == 1 else None


def _feminine_pair(a: str, b: str) -> bool:
    """ "Paul" and "Paula", "Adrian" and "Adriana": two people of one family, not a slip."""
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "a"


class _NameScores:
    """``fuzz.ratio`` of names, surnames and given names as ``process.cdist`` gives them
    (float32), computed once per pair of distinct strings."""

    def __init__(self) -> None:
        self._memo: dict[tuple[str, str, str], object] = {}

    def prepare(self, pairs: list[tuple[str, str]]) -> None:
        """Score these pairs (both ways) in a few calls."""
        wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
        for a, b in pairs:
            ta, tb = _name_tokens(a), _name_tokens(b)
            for x, y in ((a, b), (b, a)):
                wanted[("full", x)].add(y)
            if ta and tb:
                for x, y in ((ta[-1], tb[-1]), (tb[-1], ta[-1]), (ta[0], tb[0]), (tb[0], ta[0])):
                    wanted[("part", x)].add(y)
        for (what, a), others in wanted.items():
            others_list = sorted(others)
            processor = utils.default_process if what == "full" else None
            row = process.cdist([a], others_list, scorer=fuzz.ratio, processor=processor)[0]
            for b, value in zip(others_list, row, strict=True):
                self._memo[(what, a, b)] = value

    def _get(self, what: str, a: str, b: str):
        found = self._memo.get((what, a, b))
        if found is None:
            processor = utils.default_process if what == "full" else None
            found = process.cdist([a], [b], scorer=fuzz.ratio, processor=processor)[0, 0]
            self._memo[(what, a, b)] = found
        return found

    def full(self, a: str, b: str):
        return self._get("full", a, b)

    def matrices(self, a: str, b: str) -> tuple[dict, dict, dict]:
        """``full``, ``last`` and ``first`` as :func:`_same_person` reads them, for (a, b)."""
        found = self._memo.get(("matrices", a, b))
        if found is None:
            both = _name_tokens(a) and _name_tokens(b)
            found = self._memo[("matrices", a, b)] = (
                {(0, 1): self.full(a, b)},
                {(0, 1): self.last(a, b) if both else None},
                {(0, 1): self.first(a, b) if both else None},
            )
        return found

    def last(self, a: str, b: str):
        return self._get("part", _name_tokens(a)[-1], _name_tokens(b)[-1])

    def first(self, a: str, b: str):
        return self._get("part", _name_tokens(a)[0], _name_tokens(b)[0])


def _kinds_same_person(ka: tuple[str, str | None], kb: tuple[str, str | None],
                       scores: _NameScores, rules: NameRules) -> tuple[bool, bool]:
    """:func:`_same_person` for two entities with these names and roles, and whether it
    read the roles (when not, the verdict holds for every role)."""
    (a, role_a), (b, role_b) = ka, kb
    full, last, first = scores.matrices(a, b)
    roles = _Watched([role_a, role_b])
    verdict = _same_person(0, 1, [a, b], full, last, first, roles, rules)
    return verdict, roles.read


class _Watched(list):
    """A list that notes whether it was read."""

    read = False

    def __getitem__(self, index):
        self.read = True
        return super().__getitem__(index)

    def __iter__(self):
        self.read = True
        return super().__iter__()

    def __len__(self) -> int:
        self.read = True
        return super().__len__()

    def __contains__(self, item) -> bool:
        self.read = True
        return super().__contains__(item)


def _name_candidates(names: list[str], rules: NameRules, *, roled: set[str]):
    """Pairs of distinct names (and each name with itself) that :func:`_same_person` may
    take for one person, each with whether it may only when both have a role; every other
    pair it certainly does not."""
    tokens = [_name_tokens(x) for x in names]
    out: dict[tuple[int, int], bool] = {(k, k): False for k in range(len(names))}

    def add_all(group: list[int], roles_only: bool = False) -> None:
        add_across(group, group, roles_only)

    def add_across(left: list[int], right: list[int], roles_only: bool = False) -> None:
        for x in left:
            for y in right:
                if x != y:
                    pair = (min(x, y), max(x, y))
                    out[pair] = out.get(pair, True) and roles_only

    # one spelling (_names_agree): the shorter name's words stand in the longer one, so
    # the two share a word, or the shorter is initials only (or has no words at all)
    by_token: dict[str, list[int]] = defaultdict(list)
    by_letter: dict[str, list[int]] = defaultdict(list)
    for k, ts in enumerate(tokens):
        for t in set(ts):
            by_token[t].append(k)
            by_letter[t[0]].append(k)
    for group in by_token.values():
        add_all(group)
    for k, ts in enumerate(tokens):
        if not ts:
            add_across([k], list(range(len(names))))
        elif all(len(t) == 1 for t in ts):
            add_across([k], sorted(set(by_letter[ts[0]])))
    # fuzzy spellings: one-word names alike; surnames alike; given names alike (with roles)
    singles = [k for k, ts in enumerate(tokens) if len(ts) == 1]
    _alike([tokens[k][0] for k in singles], [[k] for k in singles], add_across,
           roles_only=False)
    multi = [k for k, ts in enumerate(tokens) if len(ts) > 1]
    for part, roles_only in ((-1, False), (0, True)):
        words: dict[str, list[int]] = defaultdict(list)
        for k in multi:
            if not roles_only or names[k] in roled:
                words[tokens[k][part]].append(k)
        distinct = list(words)
        _alike(distinct, [words[w] for w in distinct], add_across, roles_only=roles_only)
    # the same sounds written otherwise ("Rico Belanta", "Riko Belenta"; "Kasimbur", "Kasembour")
    sounds: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, ts in enumerate(tokens):
        if ts:
            sounds[tuple(skeleton(t) for t in ts)].append(k)
    for group in sounds.values():
        add_all(group)
    # the claim book's own pairs
    for same, listed in rules:
        if same:
            add_all([k for k, ts in enumerate(tokens) if " ".join(ts) in listed])
    for (x, y), roles_only in sorted(out.items()):
        yield names[x], names[y], roles_only


def _alike(strings: list[str], owners: list[list[int]], add_across, *,
           roles_only: bool) -> None:
    """Pairs of owners whose name words may be one word with a slip: at least
    NAME_THRESHOLD alike (``fuzz.ratio``), or letters swapped (Jaro-Winkler)."""
    if not strings:
        return
    step = 512
    for start in range(0, len(strings), step):
        rows = strings[start:start + step]
        block = process.cdist(rows, strings, scorer=fuzz.ratio) >= NAME_THRESHOLD
        block |= process.cdist(rows, strings, scorer=JaroWinkler.similarity) >= SLIP_JARO
        for r, c in zip(*np.nonzero(block), strict=True):
            add_across(owners[start + int(r)], owners[int(c)], roles_only)


def _same_person(i: int, j: int, names, full, last, first, roles, rules: NameRules) -> bool:
    said = _book_says(names[i], names[j], rules)
    if said is not None:
        return said
    ti, tj = _name_tokens(names[i]), _name_tokens(names[j])
    if _names_agree(names[i], names[j]) and (len(ti) > 1 or len(tj) > 1 or ti == tj):
        return True
    if len(ti) == 1 and len(tj) == 1:
        if _demonym_pair(ti[0], tj[0]):
            return False
        level = alike(ti[0], tj[0])
        if full[i, j] >= NAME_THRESHOLD or level is Alike.SLIP:
            return True
        if level is Alike.SOUND and heard_alike(ti[0], tj[0]) \
                and known_place(names[i]) is None and known_place(names[j]) is None:
            # "Kasimbur", "Kasembour": a long name heard otherwise, unless the roles differ
            return not roles_differ(roles[i], roles[j])
        return level is Alike.SOUND and roles_alike(roles[i], roles[j])
    if len(ti) < 2 or len(tj) < 2:
        return False
    given_ok = first[i, j] >= NAME_THRESHOLD or alike(ti[0], tj[0]) >= Alike.SLIP or (
        (len(ti[0]) == 1 and tj[0].startswith(ti[0]))
        or (len(tj[0]) == 1 and ti[0].startswith(tj[0]))
    ) or (ti[-1] == tj[-1] and len(ti[-1]) >= GIVEN_MIN and _given_variant(ti[0], tj[0]))
    if (last[i, j] >= NAME_THRESHOLD or alike(ti[-1], tj[-1]) >= Alike.SLIP) and given_ok:
        return True
    if _given_within(ti, tj) and _surname_slip(ti[-1], tj[-1]):
        return True  # "Daniel Fernandes", "Daniel Fernando": one given name, a surname mistyped
    if len(ti) == len(tj) == 2 and ti[0] == tj[0] and len(ti[0]) >= GIVEN_MIN \
            and alike(ti[-1], tj[-1]) >= Alike.SOUND \
            and not roles_differ(roles[i], roles[j]):
        return True  # "Amina Rahman", "Amina Rehman": one given name, a surname heard
    if _two_given_names_shared(ti, tj):
        return True  # "Jorge Emilio Valdera", "Jorge Emilio Ostaran": a surname got wrong
    if first[i, j] >= NAME_THRESHOLD and len(ti[0]) > 3 and roles[i] and roles[j]:
        return fuzz.token_set_ratio(roles[i], roles[j]) >= ROLE_THRESHOLD
    # the same sounds written otherwise: one person unless the roles the text gives differ
    return _sound_alike(ti, tj) and not roles_differ(roles[i], roles[j])


DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ans", "ns")
"""What a place's name grows by to name its people ("Kenya", "Kenyan"; "Sudan", "Sudanese")."""


def _demonym_pair(a: str, b: str) -> bool:
    """A place and its people, which the tagger may both take for persons: "Lorvania" and
    "Lorvanian" are not one name spelt two ways.

    >>> _demonym_pair("lorvania", "lorvanian"), _demonym_pair("sudan", "sudanese")
    (True, True)
    >>> _demonym_pair("marcetti", "marceti")
    False
    """
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short):] in DEMONYM_ENDINGS


def _two_given_names_shared(ti: list[str], tj: list[str]) -> bool:
    """Two names of three words whose two given names are the same and long enough to be
    rare together ("Jorge Emilio Valdera", "Jorge Emilio Ostaran"): one person whose
    surname an outlet got wrong, in a story that names no one else so."""
    return other_surname(ti, tj) and min(len(ti[0]), len(ti[1])) >= GIVEN_MIN


GIVEN_MIN = 4
"""Letters of a given name that, the same in two names, make surnames of the same sounds
one person's ("Amina Rahman", "Amina Rehman"); shorter ones are common to many."""


SURNAME_SLIP = 70
"""How alike (``fuzz.ratio``) two surnames of one given name must be to be one person's."""


def _given_variant(a: str, b: str) -> bool:
    """Two spellings of one short given name beside one surname: a letter apart, or the
    same sounds ("Nicola"/"Nikola", "Stefan"/"Stephan"), never another initial.

    >>> _given_variant("kit", "kyt"), _given_variant("stefan", "stephan")
    (True, True)
    >>> _given_variant("anna", "hanna"), _given_variant("tom", "tim"), _given_variant("al", "ali")
    (False, True, False)
    >>> _given_variant("gina", "jina"), _given_variant("gary", "jary")
    (True, False)
    """
    a, b = _soft_g(a), _soft_g(b)
    if a[0] != b[0] or min(len(a), len(b)) < SOUND_MIN:
        return False
    return Levenshtein.distance(a, b) <= 1 or skeleton(a) == skeleton(b)


def _soft_g(name: str) -> str:
    """A "g" before "e", "i" or "y" that opens a name sounds as "j" does ("Gemma", "Jemma";
    "Gillian", "Jillian"): written so, the two spellings open alike."""
    return "j" + name[1:] if name[:1] == "g" and name[1:2] in ("e", "i", "y") else name


def _given_within(ta: list[str], tb: list[str]) -> bool:
    """The given names of the shorter name are the longer's, or its last ones: "Kumar
    Thapa" and "Ravi Kumar Thapa" (one leaves out the first of two given names); with the
    same surname, one of them may be mistyped too ("Paola Brandt", "Maria Pola Brandt").

    >>> _given_within(["paola", "brandt"], ["maria", "pola", "brandt"])
    True
    >>> _given_within(["paola", "brandt"], ["maria", "pola", "brand"])
    False
    """
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    given, others = short[:-1], long_[:-1]
    if not given or len(given[0]) <= 2 or len(others) < len(given):
        return False
    last = others[len(others) - len(given):]
    if last == given:
        return True
    # a given name mistyped besides: "Paola Brandt", "Maria Pola Brandt"
    return len(others) > len(given) and short[-1] == long_[-1] and all(
        a == b or (min(len(a), len(b)) > 3 and alike(a, b) is Alike.SLIP)
        for a, b in zip(given, last, strict=True)
    )


def _surname_slip(a: str, b: str) -> bool:
    """Two long surnames, same initial, nearly alike: a slip of one name, said in full."""
    return (min(len(a), len(b)) >= 5 and a[0] == b[0]
            and fuzz.ratio(a, b) >= SURNAME_SLIP)


def _sound_alike(ta: list[str], tb: list[str]) -> bool:
    """Every word of the shorter name sounds like a word of the longer, in order, with at
    least one not merely the same ("Riko Belenta", "Rico Belanta"); or, the words they
    share aside, the rest run together sounds alike ("Han Kwang-og", "Han Gwang-ok")."""
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    k, levels = 0, []
    for word in short:
        while k < len(long_) and alike(word, long_[k]) is Alike.NOT:
            k += 1
        if k == len(long_):
            break
        levels.append(alike(word, long_[k]))
        k += 1
    if len(levels) == len(short):
        return any(level < Alike.SAME for level in levels)
    rest_a = "".join(t for t in ta if t not in tb)
    rest_b = "".join(t for t in tb if t not in ta)
    return bool(rest_a and rest_b) and len(ta) > 1 and alike(rest_a, rest_b) >= Alike.SOUND


def as_people(claims: list[Claim]) -> list[Claim]:
    """Organisation and place claims that are another outlet's person, spelt alike: the
    tagger labels one name differently from one article to the next ("Teresa Malvane"
    an organisation, "Teresa Malvaner" a person elsewhere). A name with a word only
    organisations carry, or a place the gazetteer knows, stays what it is."""
    people: dict[tuple[str, ...], set[str]] = defaultdict(set)  # a name -> its articles
    for c in claims:
        if c.kind is ClaimKind.PERSON:
            people[tuple(_name_tokens(str(c.value)))].add(c.article)
    if not people:
        return claims
    found: dict[str, set[str]] = {}  # a thing's name -> the articles of persons spelt alike

    def articles_alike(name: str) -> set[str]:
        if name not in found:
            words = _name_tokens(name)
            found[name] = set() if not words or set(words) & lexicon.ORGANISATION_WORDS \
                or known_place(name) is not None else {
                    a for other, arts in people.items()
                    if (_one_name(words, list(other)) if len(words) > 1
                        else _given_name_of(words[0], list(other)))
                    for a in arts}
        return found[name]

    out = []
    for claim in claims:
        if claim.kind in (ClaimKind.ORGANISATION, ClaimKind.PLACE) \
                and articles_alike(str(claim.value)) - {claim.article}:
            claim = replace(claim, kind=ClaimKind.PERSON,
                            subject=replace(claim.subject, noun="person"))
        out.append(claim)
    return out


def _given_name_of(word: str, person: list[str]) -> bool:
    """A one-word place or organisation is a person's given name spelt otherwise
    ("Ravindar", a place to the tagger, and "Ravinder Kaul" elsewhere): a slip of the
    keys or the same sounds, never the very spelling (a place may bear a person's name)."""
    return word.isalpha() and word != person[0] and alike(word, person[0]) >= Alike.SOUND \
        and len(word) >= SOUND_MIN


def _one_name(a: list[str], b: list[str]) -> bool:
    """Two names of as many words, each alike ("Malvane", "Malvaner"), or one surname
    with given names that sound alike ("Tabarek Osei", "Taparik Osei")."""
    if len(a) != len(b) or any(x + "s" == y or y + "s" == x for x, y in zip(a, b, strict=True)):
        return False  # "Firestar Diamonds": a plural names a firm, not a person
    levels = [alike(x, y) for x, y in zip(a, b, strict=True)]
    if all(level >= Alike.SLIP for level in levels):
        return True
    if all(level >= Alike.SOUND for level in levels) and Alike.SAME in levels:
        return True  # "Lashkar-e-Taiba", "Lashkar-e-Toiba": one word heard otherwise
    return a[-1] == b[-1] and alike(a[0], b[0]) >= Alike.SOUND

