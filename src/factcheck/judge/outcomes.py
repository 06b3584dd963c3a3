"""What happened to each named person, grouped by person across outlets.

Outcomes join the person their name belongs to (the groups of people already made, so
"Kowalska" and "Anna Kowalski" meet when the names do); fates one person cannot have met
both ("acquitted" and "convicted", "held" and "released") are rival positions. An article
that tells a person's story in steps ("held, then released") is no rival of itself: of
its own fates that clash, only the last stage it reaches is compared (and none of two at
one stage: "acquitted of murder, convicted of manslaughter"). Sentences handed down are
split by the person they were handed to in the same way (:func:`penalties_by_person`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..models import Claim, Fate, Outcome
from .values import _name_tokens, _names_agree

STAGE = {
    Fate.CHARGED: 0,
    Fate.NOT_CHARGED: 0,
    Fate.HELD: 1,
    Fate.CONVICTED: 2,
    Fate.ACQUITTED: 2,
    Fate.SENTENCED: 3,
    Fate.RELEASED: 4,
}
"""How far along a person's story a fate stands: the later stage wins in one article."""


def person_keys(people: list[list[Claim]]) -> Callable[[str, str], object]:
    """Who a name written in an article is: the index of the group of people that holds
    it, or the words of the name when no group does."""
    home: dict[tuple[str, str], int] = {}
    for index, group in enumerate(people):
        for claim in group:
            home.setdefault((claim.article, str(claim.value)), index)
    by_article: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (article, name), index in home.items():
        by_article[article].append((name, index))

    def key(article: str, person: str) -> object:
        index = home.get((article, person))
        if index is None:
            index = next((i for name, i in by_article[article]
                          if _names_agree(person, name)), None)
        return index if index is not None else " ".join(_name_tokens(person))
    return key


def _outcome_groups(claims: list[Claim],
                    person_key: Callable[[str, str], object]) -> list[list[Claim]]:
    """One group per person (``person_key``, :func:`person_keys`): every fate an outlet
    gives them. A person no group of people holds is known by the words of their name."""
    groups: dict[object, list[Claim]] = defaultdict(list)
    for claim in claims:
        assert isinstance(claim.value, Outcome)
        groups[person_key(claim.article, claim.value.person)].append(claim)
    out: list[list[Claim]] = []
    for members in groups.values():
        kept, earlier = _last_stages(members)
        out.append(kept)
        if earlier:
            out.append(earlier)
    return out


def _last_stages(claims: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Each article's fates, less those a later fate of its own supersedes."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(claim)
    earlier: set[str] = set()
    for own in by_article.values():
        for claim in own:
            fate = _fate(claim)
            if any(fate.rivals(_fate(o)) and STAGE[_fate(o)] >= STAGE[fate] for o in own):
                earlier.add(claim.id)
    return ([c for c in claims if c.id not in earlier],
            [c for c in claims if c.id in earlier])


def _fate(claim: Claim) -> Fate:
    assert isinstance(claim.value, Outcome)
    return claim.value.fate


def penalties_by_person(claims: list[Claim],
                        person_key: Callable[[str, str], object]) -> list[list[Claim]]:
    """Sentences handed down to different named people are never rivals ("Ann Holt got six
    years, Tom Varga three"): one list per person (``person_key``, :func:`person_keys`). A
    sentence whose sentence names no one goes with the person most outlets name (the
    story's defendant)."""
    named: dict[object, list[Claim]] = defaultdict(list)
    unnamed: list[Claim] = []
    for claim in claims:
        noun = claim.subject.noun
        if noun and noun[:1].isupper():
            named[person_key(claim.article, noun)].append(claim)
        else:
            unnamed.append(claim)
    if len(named) < 2:
        return [claims]
    main = max(named.values(), key=lambda own: len({c.article for c in own}))
    main.extend(unnamed)
    return list(named.values())
