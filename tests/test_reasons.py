"""Tests for factcheck.judge.measures: each reason two figures are kept apart, alone.

The claims are built by hand (no parse): these pin down the rules, whatever the parser
makes of a sentence.
"""

from __future__ import annotations

import pytest

from factcheck.judge import measures as M
from factcheck.models import Amount, Claim, ClaimKind, Measure, Subject

P = pytest.param


def claim(value: float, article: str = "a", kind: ClaimKind = ClaimKind.COUNT,
          unit: str | None = None, dimension: str = "count", sentence: int = 0,
          **fields) -> Claim:
    """A claim of ``value`` in ``article`` with the measure ``fields``."""
    amount = Amount(value, unit=unit, dimension=dimension, base_unit=unit)
    return Claim(
        id=f"{article}:{value}:{sentence}:{sorted(fields.items())}", article=article, kind=kind,
        text=str(value), start=0, end=1, sentence="s", sentence_start=sentence,
        value=amount, subject=Subject(measure=Measure(**fields)),
    )


APART = [
    P(claim(40000, mode="capacity", holder="stadium"), claim(42000, "b", thing="people"),
      "another mode", id="capacity-is-not-attendance"),
    P(claim(24, kind=ClaimKind.RATIO, dimension="percent", change="down", holder="share"),
      claim(30, "b", kind=ClaimKind.RATIO, dimension="percent", holder="share"),
      "a change against a level", id="change-against-level"),
    P(claim(48, kind=ClaimKind.RATIO, dimension="percent", holder="vance"),
      claim(50, "b", kind=ClaimKind.RATIO, dimension="percent", holder="marlow"),
      "another holder", id="another-candidate"),
    P(claim(12, event="arrested", scope=("nationwide",)), claim(5, "b", event="arrested"),
      "another scope", id="nationwide-against-local"),
    P(claim(84, event="killed"), claim(202, "b", event="injured"), "another event",
      id="killed-are-not-injured"),
    P(claim(800, thing="store"), claim(500, "b", thing="store", event="close"),
      "another event", id="the-chain-is-not-the-closures"),
    P(claim(40, thing="house", narrow=("~wooden",)),
      claim(300, "b", thing="house", event="inspect"),
      "another event", id="a-bare-figure-is-no-rival-of-an-unknown-verb"),
    P(claim(30, thing="customer"), claim(40, "b", thing="employee"), "another thing",
      id="customers-are-not-employees"),
    P(claim(3, thing="soldier"), claim(7, "b", thing="firefighter"), "another thing",
      id="soldiers-are-not-firefighters"),
    P(claim(25, event="injured", narrow=("intensive care",)),
      claim(52, "b", event="injured", narrow=("critical",)), "another narrowing",
      id="intensive-care-is-not-critical"),
    P(claim(2, event="sentenced", narrow=("penalty:life",)), claim(6, "b", event="sentenced"),
      "another narrowing", id="a-penalty-narrows-strictly"),
    P(claim(149, thing="passenger", part="and"), claim(157, "b", thing="people"),
      "a part of a set", id="coordinated-part-against-total"),
    P(claim(1, event="injured", part="of", narrow=("serious",)),
      claim(6, "b", event="injured"), "a part of a set",
      id="one-of-them-seriously-is-a-part-of-the-injured"),
    P(claim(13, event="killed", narrow=("island",)),
      claim(8, "b", event="killed", narrow=("island",), part="other"),
      "a part of a set", id="the-others-are-no-toll-though-narrowed-alike"),
    P(claim(2, event="killed", part="other"), claim(3, event="killed", part="other",
                                                    sentence=1),
      "another event in one article", id="two-parts-in-one-article"),
    P(claim(9000, kind=ClaimKind.QUANTITY, unit="t", dimension="mass", thing="weight",
            holder="northern star"),
      claim(300, "b", kind=ClaimKind.QUANTITY, unit="t", dimension="mass", thing="weight",
            holder="sea lion"),
      "another holder", id="two-named-ships"),
    P(claim(75, kind=ClaimKind.RATIO, dimension="percent", holder="lamar"),
      claim(63, "b", kind=ClaimKind.RATIO, dimension="percent", holder="western lamar"),
      "another holder", id="a-region-named-after-its-country"),
    P(claim(61, kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
            holder="hale"),
      claim(23, kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
            sentence=1),
      "another holder", id="one-articles-named-and-unnamed-ages"),
    P(claim(41, kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
            holder="male", common_holder=True),
      claim(29, "b", kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
            holder="female", common_holder=True),
      "another holder", id="an-unnamed-man-and-woman-are-two-people"),
    P(claim(13, kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
            holder="ana lind"),
      claim(10, "b", kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
            holder="tom lind"),
      "another holder", id="two-children-of-one-family-are-two-people"),
    P(claim(10, event="killed"), claim(14, "b", event="killed", mode="presumed"),
      "another mode", id="dead-and-feared-dead"),
    P(claim(6, thing="charge:fraud", event="charged"),
      claim(9, "b", thing="charge:fraud", event="forge"), "another event",
      id="counts-of-one-kind-told-with-two-verbs"),
    P(claim(500, unit="EUR", dimension="money"), claim(600, "b", unit="USD",
                                                        dimension="money"),
      "another currency", id="currency"),
]


@pytest.mark.parametrize(("a", "b", "reason"), APART)
def test_kept_apart(a: Claim, b: Claim, reason: str) -> None:
    """Two figures the text sets apart are never compared, and the reason is named."""
    assert M.apart_reason(a, b, {}) == reason
    assert M.apart_reason(b, a, {}) is not None


LINKED = [
    P(claim(84, event="killed"), claim(86, "b", thing="people", event="killed"),
      id="one-toll"),
    P(claim(40000, thing="people", event="participated"),
      claim(42000, "b", thing="fan", event="participated"), id="people-and-fans"),
    P(claim(30000, thing="seat", mode="capacity", holder="riverside stadium"),
      claim(28000, "b", thing="people", event="hold", mode="capacity", holder="stadium"),
      id="seats-and-people-a-stadium-holds"),
    P(claim(700, thing="firefighter", event="struggle"),
      claim(1600, "b", thing="firefighter", event="assist"), id="firefighters-whatever-verb"),
    P(claim(1, event="injured", part="of", narrow=("serious",)),
      claim(3, "b", event="injured", narrow=("serious",)),
      id="one-of-them-seriously-and-three-serious"),
    P(claim(14, event="injured", part="including", narrow=("intensive care",)),
      claim(25, "b", event="injured", part="of", narrow=("intensive care",)),
      id="parts-that-share-a-narrowing"),
    P(claim(2, thing="crewmember", event="arrested", narrow=("also:charged",)),
      claim(3, "b", thing="crewmember", event="charged"), id="arrested-and-charged-is-charged"),
    P(claim(9100, kind=ClaimKind.QUANTITY, unit="t", dimension="mass", thing="weight",
            holder="northern star"),
      claim(8700, "b", kind=ClaimKind.QUANTITY, unit="t", dimension="mass", thing="weight",
            holder="ship", common_holder=True),
      id="the-ship-may-be-the-named-ship"),
    P(claim(20, thing="miner", event="trap", narrow=("shaft",)),
      claim(18, "b", thing="miner", event="trap", narrow=("shaft",), mode="presumed"),
      id="trapped-and-likely-trapped"),
    P(claim(12, thing="survivor", event="pick"), claim(15, "b", thing="survivor",
                                                        event="rescued"),
      id="the-noun-names-the-event"),
    P(claim(6, thing="storey:block", event="catch"),
      claim(7, "b", thing="storey:block"), id="a-things-own-size-whatever-happened"),
    P(claim(45, thing="passenger", mode="capacity", holder="launch"),
      claim(30, "b", thing="people", event="aboard", mode="capacity", holder="launch"),
      id="a-capacity-of-and-could-carry"),
    P(claim(59, event="killed", cause=("flame",)), claim(60, "b", thing="victim",
                                                          cause=("flame", "smoke")),
      id="one-cause"),
]


@pytest.mark.parametrize(("a", "b"), LINKED)
def test_linked(a: Claim, b: Claim) -> None:
    """Figures of one measure are compared: nothing sets them apart and they score a link."""
    assert M.apart_reason(a, b, {}) is None
    assert M.apart_reason(b, a, {}) is None
    assert (M._bonus(a, b) or 0) >= 60


def test_an_unnamed_kind_may_be_the_named_person() -> None:
    """ "a 50-year-old man" in one report may be "Tom Reyes, 51" in another: compared,
    though no bonus links two ages on a kind alone."""
    man = claim(50, kind=ClaimKind.QUANTITY, unit="year", dimension="age", thing="age",
                holder="male", common_holder=True)
    named = claim(51, "b", kind=ClaimKind.QUANTITY, unit="year", dimension="age",
                  thing="age", holder="reyes")
    other_man = claim(34, "b", kind=ClaimKind.QUANTITY, unit="year", dimension="age",
                      thing="age", holder="male", common_holder=True)
    assert M.apart_reason(man, named, {}) is None
    assert M._bonus(man, named) is None and M._bonus(man, other_man) is None


def test_the_year_before_without_its_year_is_not_another_time() -> None:
    """A figure of 2017 and one told without a year in a January 2018 report may be one: the
    publication year stands for a figure's year only when the stated one is further off."""
    a = claim(10, thing="contract", event="win", time=("year:2017",))
    b = claim(3, "b", thing="contract", event="win")
    assert M.apart_reason(a, b, {"a": "2018-01-15", "b": "2018-01-15"}) is None


def test_other_years_apart() -> None:
    """A figure of 1989 is not one of 2019."""
    a = claim(1500000, event="participated", time=("year:1989",))
    b = claim(1030000, "b", event="participated")
    assert M.apart_reason(a, b, {"a": "2019-06-10", "b": "2019-06-10"}) == "another time"


def test_the_usual_level_is_not_what_happened() -> None:
    """ "the usual 360 deaths a day" is the baseline "700 a day" is measured against; two
    outlets' usual levels do compare."""
    usual = claim(360, thing="people", event="killed", mode="rate", time=("usual",))
    now = claim(700, "b", thing="people", event="killed", mode="rate")
    other_usual = claim(380, "b", thing="people", event="killed", mode="rate",
                        time=("usual",))
    assert M.apart_reason(usual, now, {}) == "another time"
    assert M.apart_reason(usual, other_usual, {}) is None


def test_a_name_inside_a_full_name_holds_the_same_age() -> None:
    """ "Ana (12)" and "Ana Lind, 13" are one child's ages: a conflict, not two holders."""
    def age(value: float, article: str, holder: str) -> Claim:
        return claim(value, article, kind=ClaimKind.QUANTITY, unit="year", dimension="age",
                     thing="age", holder=holder)

    assert M.apart_reason(age(13, "a", "ana lind"), age(12, "b", "ana"), {}) is None


@pytest.mark.parametrize(("a", "b", "same"), [
    P("ana lind", "lind", True, id="a-surname-inside-a-full-name"),
    P("jon erik olsen", "erik olson", True, id="a-name-shared-and-a-surname-slip"),
    P("ana lind", "tom lind", False, id="two-of-one-family"),
    P("musa olsen", "lars peter olsen", False, id="one-surname-no-other-name"),
    P("ana kowalczykowska", "eva kowalczykowska", False, id="two-given-names-long-surname"),
    P("mara lindqvist", "mara lindquist", True, id="one-given-name-surname-slip"),
])
def test_same_holder_of_named_people(a: str, b: str, same: bool) -> None:
    """Holders named in full are one person when one name stands in the other, or when
    they share a name besides a surname written alike."""
    assert M.same_holder(a, b) is same


def test_a_coordinated_part_meets_its_kind_spelt_otherwise() -> None:
    """ "149 passengers and eight crew" is a part of those aboard, but "eight crew" and
    "six crew members" count one part."""
    part = claim(8, thing="crew", event="aboard", part="and")
    assert M.apart_reason(part, claim(6, "b", thing="crewmember", event="aboard"), {}) is None
    assert M.apart_reason(part, claim(160, "b", thing="person", event="aboard"), {}) \
        == "a part of a set"


def test_the_level_before_a_change_is_another_time() -> None:
    """ "raised the rate to 8% from 6.5%": the 6.5% is the rate before, no rival of
    another outlet's 8%; two outlets' earlier levels do compare."""
    def rate(value: float, article: str, *time: str) -> Claim:
        return claim(value, article, kind=ClaimKind.RATIO, unit="%", dimension="percent",
                     event="raise", holder="rate", common_holder=True, time=time)

    before, after = rate(6.5, "a", "prior"), rate(8, "b")
    assert M.apart_reason(before, after, {}) == "another time"
    assert M.apart_reason(before, rate(5.5, "b", "prior"), {}) is None


def _money(value: float, article: str, scale_word: float = 1.0) -> Claim:
    return claim(value * scale_word, article, kind=ClaimKind.QUANTITY, unit="USD",
                 dimension="money", thing="fine")


def test_a_sum_far_off_the_rest_measures_something_else() -> None:
    """ "$8 million" against "$120 million" and "$125 million" is no rival count of one
    fine: the group splits where a gap of more than ten times falls."""
    from factcheck.judge.linking import _split_by_scale

    group = [_money(120e6, "a"), _money(125e6, "b"), _money(8e6, "c")]
    parts = _split_by_scale(group)
    assert sorted(sorted(c.article for c in p) for p in parts) == [["a", "b"], ["c"]]


def test_a_slipped_scale_stays_to_be_flagged() -> None:
    """ "$412 million" for another outlet's "$412 billion" is the same figure with its scale
    slipped: that is the conflict a reader must see, so the group holds."""
    from factcheck.judge.linking import _split_by_scale

    group = [_money(412e9, "a"), _money(412.0e6, "b")]
    assert len(_split_by_scale(group)) == 1


def test_counts_may_move_further_before_they_split() -> None:
    """A count of the missing may go from 100 to 5,000 as a story unfolds: counts split
    only past fifty times."""
    from factcheck.judge.linking import _split_by_scale

    group = [claim(100, "a", event="missing"), claim(5000, "b", event="missing")]
    assert len(_split_by_scale(group)) == 1
    group = [claim(12, "a", event="missing"), claim(1000, "b", event="missing")]
    assert len(_split_by_scale(group)) == 2


def test_one_sum_in_two_reports_joins_their_groups() -> None:
    """ "will pay $61.7 billion" and "a $61.7bn takeover" are one price said before and
    after; "$617 million" elsewhere is that price with its scale slipped, and "$67.1
    billion" with two digits swapped: all are joined to be compared. "$1.5 billion"
    recurs by chance and joins nothing."""
    from factcheck.judge.linking import _join_echoes

    def money(value: float, article: str, **fields) -> Claim:
        return claim(value, article, kind=ClaimKind.QUANTITY, unit="USD", dimension="money",
                     **fields)

    price = money(61.7e9, "a", event="pay", holder="acme", mode="forecast")
    deal = money(61.7e9, "b", thing="takeover", holder="acme")
    slip = money(617e6, "c", holder="acme")
    swap = money(67.1e9, "d")
    round_ = money(1.5e9, "e", holder="acme")
    other = money(1.5e9, "f", holder="acme", thing="debt")
    groups = _join_echoes([[price], [deal], [slip], [swap], [round_], [other]], {})
    assert sorted(len(g) for g in groups) == [1, 1, 4]


def test_precise_shares_within_a_point_are_one_figure() -> None:
    """ "47.31 per cent" in one report and "47.13 percent" in another, neither with a
    holder, are one share with a slip: two shares given to the hundredth do not fall within
    a point by chance. A share a candidate holds stays that candidate's, a share a point and
    more away stays apart, and a round share ("47%") is too common to say anything."""
    from factcheck.judge.linking import _join_echoes

    def share(value: float, article: str, **fields) -> Claim:
        return claim(value, article, kind=ClaimKind.RATIO, unit="%", dimension="percent",
                     **fields)

    first, slip = share(47.31, "a"), share(47.13, "b")
    held, far, rounded = share(47.8, "c", holder="marlow"), share(45.9, "d"), share(47, "e")
    groups = _join_echoes([[first], [slip], [held], [far], [rounded]], {})
    assert sorted(len(g) for g in groups) == [1, 1, 1, 2]
    assert any({c.article for c in g} == {"a", "b"} for g in groups)
