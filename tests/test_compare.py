"""The comparator on small hand-made article sets: groups, positions, status, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import ClaimKind, Relation, Report, Status
from factcheck.pipeline import build_report


def make_set(tmp_path: Path, **bodies: str) -> Path:
    """Write one article per keyword (its id) with a header and the given body."""
    for name, body in bodies.items():
        text = (
            f"# Report from {name}\n\nPublished at: **2021-03-04**\n\n"
            f"Original: [{name.title()} News](https://example.org/{name})\n\n{body}\n"
        )
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    return tmp_path


def groups_with(report: Report, needle: str):
    """Groups holding a claim whose text contains the needle (case-insensitive)."""
    return [g for g in report.groups if any(needle.lower() in c.text.lower() for c in g.claims)]


def group_of(report: Report, needle: str):
    """The one group holding a claim whose text contains the needle."""
    found = groups_with(report, needle)
    assert len(found) == 1, [g.id for g in found]
    return found[0]


def test_unit_conversion_agrees(tmp_path: Path) -> None:
    """20 kilograms and 44 pounds of the same seizure agree, in two units."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Customs officers seized 20 kilograms of cocaine at the port on Monday.",
            beta="Officers at the port seized 44 pounds of cocaine on Monday, customs said.",
        ),
        use_cache=False,
    )
    group = group_of(report, "20 kilograms")
    assert group is group_of(report, "44 pounds")
    assert group.status is Status.AGREEMENT
    assert group.relation is Relation.CONVERTED


def test_temperatures_in_two_scales(tmp_path: Path) -> None:
    """A temperature in Celsius agrees with its Fahrenheit; another Celsius figure of the
    same reading conflicts with both; the record of another year stays apart."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Temperatures reached 45.9C in the village of Ardes on Friday, forecasters said.",
            beta="A temperature of 114.6 degrees Fahrenheit was recorded in Ardes on Friday. "
            "The previous record, 44.1C, was set in 2003.",
            gamma="The mercury hit 44.3 degrees Celsius in Ardes on Friday, forecasters said.",
        ),
        use_cache=False,
    )
    group = group_of(report, "45.9C")
    assert group is group_of(report, "114.6 degrees") is group_of(report, "44.3 degrees")
    assert group is not group_of(report, "44.1C")
    assert group.status is Status.CONFLICT and group.about == "temperature"
    assert {frozenset(p.articles) for p in group.positions} == {
        frozenset({"alpha", "beta"}), frozenset({"gamma"})}


def test_one_figure_converted_two_ways(tmp_path: Path) -> None:
    """Both say 7 billion yen; their dollar figures differ: the odd conversion stands as a
    position of its own and the won figure stays one position."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="The court fined Vance 7 billion yen ($52 million) on Friday.",
            beta="Vance was also fined 7 billion yen ($51.6 million) by the court on Friday.",
            gamma="The court fined Vance 7 billion yen ($61 million) on Friday.",
        ),
        use_cache=False,
    )
    group = group_of(report, "$61 million")
    assert group.status is Status.CONFLICT
    (odd,) = [p for p in group.positions if any("61" in c.text for c in p.claims)]
    assert [c.text for c in odd.claims] == ["$61 million"]
    (main,) = [p for p in group.positions if p is not odd]
    assert sorted(c.text for c in main.claims if "yen" in c.text) == ["7 billion yen"] * 3
    assert "agree on JPY 7 billion but convert it differently" in group.explanation


def test_different_amounts_conflict(tmp_path: Path) -> None:
    """20 kg against 35 kg of one seizure is a conflict with two positions."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Customs officers seized 20 kilograms of cocaine at the port on Monday.",
            beta="Officers at the port seized 35 kilograms of cocaine on Monday, customs said.",
        ),
        use_cache=False,
    )
    group = group_of(report, "20 kilograms")
    assert group.status is Status.CONFLICT
    assert [p.articles for p in group.positions] in (
        [("alpha",), ("beta",)],
        [("beta",), ("alpha",)],
    )
    assert "Alpha News" in group.explanation and "Beta News" in group.explanation


@pytest.mark.parametrize(
    ("other", "status"),
    [
        ("Officials said 104 people were killed when the bridge collapsed.", Status.AGREEMENT),
        ("At least 100 people were killed when the bridge collapsed.", Status.AGREEMENT),
        ("Officials said 150 people were killed when the bridge collapsed.", Status.CONFLICT),
        ("At least 120 people were killed when the bridge collapsed.", Status.CONFLICT),
        ("Some 80 people were killed when the bridge collapsed.", Status.CONFLICT),
    ],
    ids=["just-above-agrees", "same-bound-agrees", "far-above-conflicts",
         "another-bound-conflicts", "below-conflicts"],
)
def test_intervals(tmp_path: Path, other: str, status: Status) -> None:
    """Another outlet's "more than 100" is the count it had: it holds 104 (a little above
    it), not 150 (another count), nor another outlet's "at least 120", nor 80."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="More than 100 people were killed when the bridge collapsed on Tuesday.",
            beta=other,
        ),
        use_cache=False,
    )
    assert group_of(report, "more than 100").status is status


def test_job_cuts_in_other_words_are_one_measure(tmp_path: Path) -> None:
    """ "Cut 900 jobs" and "axed 1,200 jobs": job losses whatever the verb, one question."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="The bank cut 900 jobs at its Leeds office in March, it said.",
            beta="The bank axed 1,200 jobs at its Leeds office in March, the union said.",
        ),
        use_cache=False,
    )
    group = group_of(report, "900 jobs")
    assert group.status is Status.CONFLICT
    assert "jobs" in group.about


P = pytest.param

RIVAL_PAIRS = [
    # two turnouts no candidate holds: the noun and the verb read as one event
    P("The electoral board said turnout was 52 percent in Sunday's vote.",
      "Participation in Sunday's vote reached 57 percent, the electoral board said.",
      "52 percent", id="shares-of-the-whole-link-without-a-holder"),
    # prisoners, inmates and detainees are one family of people
    P("Officials said 52 detainees were killed in the riot at the jail on Monday.",
      "At the jail on Monday, 57 inmates were killed in the riot, officials said.",
      "52 detainees", id="inmates-and-detainees-are-one-set"),
    P("Regulators halted a planned $37 billion IPO by the payments firm last year.",
      "Last year regulators halted the payments firm's $35 billion initial public offering.",
      "$37 billion", id="an-acronym-and-its-words"),
    P("The tanker was carrying 40,000 litres of fuel when it overturned on the highway.",
      "The tanker carrying 50,000 litres of petrol overturned on the highway.",
      "40,000 litres", id="fuel-and-petrol"),
    P("The cyclone hit Lamar, a city of 400,000 people, late on Thursday.",
      "Lamar has a population of about 600,000 people, officials said.",
      "400,000 people", id="a-city-of-n-people-and-its-population"),
    P("The painting sold after a 19-minute contest involving five bidders at the auction.",
      "At least six bidders came forward for the painting at the auction.",
      "five bidders", id="one-kind-of-thing-two-verbs"),
    P("The flood damaged the utility's 480 MW Tapan hydropower project on Sunday.",
      "On Sunday the flood hit the utility's 530-megawatt Tapan hydropower project.",
      "480 MW", id="power-in-two-writings"),
    P("The first victim was named as 16-year-old Ann Hale from Leyland in Lancashire. "
      "Ann Hale, 18, was a student at the college, her family said.",
      "The first victim has been named as 18-year-old student Ann Hale.",
      "16-year-old", id="an-age-has-no-parts"),
    P("The flood destroyed up to a fifth of the town, the mayor said on Tuesday.",
      "On Tuesday the mayor said the flood destroyed up to 25% of the town.",
      "a fifth", id="a-fraction-and-a-percentage"),
    P("The reservoir, with an area of about 80 square km, feeds the valley's farms.",
      "The 120-square-kilometre reservoir feeds the valley's farms.",
      "80 square km", id="an-area-of-and-a-hyphenated-area"),
    P("The old launch had a capacity of 45 passengers but carried many more.",
      "The old launch could carry only 30 people, the minister said.",
      "45 passengers", id="a-capacity-of-and-could-carry"),
    P("Police arrested eight moonshiners in the district on Sunday.",
      "On Sunday police said 25 people had been arrested in the district.",
      "eight moonshiners", id="who-is-arrested-is-a-person"),
    P("The fire swept through the six-story building before dawn on Sunday.",
      "Before dawn on Sunday the fire gutted the seven-storey factory.",
      "six-story", id="storeys-of-one-building-under-two-nouns"),
    P("Three schoolchildren died when the school wall fell on Monday.",
      "Four pupils died when the school wall fell on Monday.",
      "Three schoolchildren", id="schoolchildren-and-pupils"),
    P("Robbers tied up 11 staff at the warehouse before loading the cash.",
      "The robbers tied up 12 employees at the warehouse, police said.",
      "11 staff", id="staff-and-employees"),
    P("Rangers said 40 climbers were stranded on the north face overnight.",
      "Some 30 hikers were stranded on the north face overnight, rangers said.",
      "40 climbers", id="climbers-and-hikers"),
    P("Rescuers said nearly a dozen boats sank in the harbour overnight.",
      "Rescuers said 16 boats sank in the harbour overnight.",
      "nearly a dozen", id="nearly-a-dozen-is-below-twelve"),
    P("Explorer Ivan Petrakov, 58, landed on Saturday after crossing the ocean.",
      "Ivan Petrakov landed his boat on Saturday after the crossing. The 57-year-old "
      "thanked his team.",
      "57-year-old", id="the-n-year-old-is-the-person-named-before"),
    P("Police evacuated homes in a 4 km radius around the leaking tank on Sunday.",
      "Everyone within 3 km of the gas leak was told to leave on Sunday.",
      "3 km", id="within-a-reach-of-a-place-is-a-distance"),
    P("Officials had counted 58 percent of polling stations by Tuesday night.",
      "By Wednesday night, 81 percent of polling stations had been counted.",
      "58 percent", id="shares-of-one-set-with-no-holder"),
    P("The referendum was held on Sunday. The plan was approved by 61.42 per cent of voters.",
      "Voters backed the plan on Sunday: 60.87 percent of voters approved it.",
      "61.42 per cent", id="precise-shares-a-slip-apart"),
    P("Officials said 3,000 people crossed the border at the northern checkpoint over the "
      "weekend.",
      "About 2,400 people entered the country through the northern checkpoint over the "
      "weekend, officials said.",
      "3,000 people", id="crossed-and-entered-are-one-movement"),
    P("The statue, weighing 12 tonnes, was lifted onto its plinth by a crane.",
      "A crane lifted the 14-tonne statue onto its plinth.",
      "12 tonnes", id="weighing-is-a-weight"),
]


@pytest.mark.parametrize(("alpha", "beta", "needle"), RIVAL_PAIRS)
def test_one_measure_told_two_ways_conflicts(tmp_path: Path, alpha: str, beta: str,
                                             needle: str) -> None:
    """Two outlets' figures for one measure, named in other words, meet and conflict."""
    report = build_report(make_set(tmp_path, alpha=alpha, beta=beta), use_cache=False)
    assert group_of(report, needle).status is Status.CONFLICT


def test_own_bound_restates_own_figure(tmp_path: Path) -> None:
    """One outlet's "more than 100" (its headline) and its "133" are one count: it stands
    with the 133 another outlet gives, not against it."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="More than 100 people were injured in the clashes on Saturday. "
            "Police said 133 people were injured and 412 were arrested.",
            beta="The clashes on Saturday left 133 people injured, police said.",
        ),
        use_cache=False,
    )
    assert group_of(report, "more than 100").status is Status.AGREEMENT


def test_date_precision_contains(tmp_path: Path) -> None:
    """ "In 2015" and "in March 2015" agree: the year contains the month."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="The dam was completed in 2015 after a decade of work.",
            beta="The dam was completed in March 2015, the ministry said.",
        ),
        use_cache=False,
    )
    group = group_of(report, "March 2015")
    assert group.kind is ClaimKind.DATE
    assert group.status is Status.AGREEMENT


def test_name_variant_is_a_spelling_conflict(tmp_path: Path) -> None:
    """One official spelt two ways is flagged as a spelling variant; the surname alone joins."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Finance minister Anna Kowalska said the budget would pass. "
            "Kowalska spoke in Warsaw.",
            beta="Finance minister Anna Kowalski told reporters the budget would pass.",
        ),
        use_cache=False,
    )
    group = group_of(report, "Anna Kowalska")
    assert group.status is Status.CONFLICT
    assert group.relation is Relation.SPELLING
    texts = {c.text for c in group.claims}
    assert {"Anna Kowalska", "Anna Kowalski", "Kowalska"} <= texts


def test_shared_surname_is_not_one_person(tmp_path: Path) -> None:
    """Two people who share a surname in one article are never merged."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Judge Tomas Berg heard the case while prosecutor Erik Berg asked for a fine.",
            beta="Prosecutor Erik Berg asked Judge Tomas Berg for a fine.",
        ),
        use_cache=False,
    )
    tomas, erik = group_of(report, "Tomas Berg"), group_of(report, "Erik Berg")
    assert tomas is not erik
    assert tomas.status is Status.AGREEMENT and erik.status is Status.AGREEMENT


def test_same_number_different_things(tmp_path: Path) -> None:
    """300 people evacuated and 300 homes destroyed never share a group."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Rescuers evacuated 300 people from the valley after the flood.",
            beta="The flood destroyed 300 homes in the valley, officials said.",
        ),
        use_cache=False,
    )
    assert group_of(report, "300 people") is not group_of(report, "300 homes")


def test_counts_of_two_countries_acting_apart(tmp_path: Path) -> None:
    """What one country did ("Chile expelled four") is no rival of what another did:
    a named country that is the verb's subject holds the count."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Chile expelled four Peruvian diplomats on Tuesday, the ministry said.",
            beta="Bolivia expelled six Peruvian diplomats on Tuesday, the ministry said.",
        ),
        use_cache=False,
    )
    assert group_of(report, "four") is not group_of(report, "six")


def test_count_of_different_events_apart(tmp_path: Path) -> None:
    """Arrested and convicted counts are about different stages, not one figure."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Police arrested 40 people after the riot in the capital.",
            beta="A court convicted 12 people over the riot in the capital.",
        ),
        use_cache=False,
    )
    assert group_of(report, "40 people") is not group_of(report, "12 people")


def test_part_of_a_total_is_not_a_rival(tmp_path: Path) -> None:
    """ "Six convicted ... three of them of murder" is a part, not a rival count."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Six men were convicted on Monday. Three others were found guilty of theft.",
            beta="A court convicted six men on Monday.",
        ),
        use_cache=False,
    )
    group = group_of(report, "Six men")
    assert group.status is Status.AGREEMENT
    assert all(c.amount is None or c.amount.amount == 6 for c in group.claims)


def test_figures_in_a_condition_stand_apart_from_all_injured(tmp_path: Path) -> None:
    """ "12 injured, with two in a critical condition": the two are some of the twelve,
    never a rival count of all the injured."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Police said 12 people were injured, with two in a critical condition.",
            beta="Another 14 people were hurt in the blast.",
        ),
        use_cache=False,
    )
    two, twelve = group_of(report, "two"), group_of(report, "12 people")
    assert two is not twelve
    assert twelve is group_of(report, "14 people") and twelve.status is Status.CONFLICT


def test_restated_conversion_shares_position(tmp_path: Path) -> None:
    """ "6 metres (20 feet)" is one position; "3 metres" another."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Waves as high as 6 metres (20 feet) hit the coast on Friday.",
            beta="Waves 3 metres high hit the coast on Friday.",
        ),
        use_cache=False,
    )
    group = group_of(report, "6 metres")
    assert group.status is Status.CONFLICT
    first = next(p for p in group.positions if any("6 metres" in c.text for c in p.claims))
    assert any("20 feet" in c.text for c in first.claims)


def test_every_claim_in_exactly_one_group(tmp_path: Path) -> None:
    """Groups partition the claims: none lost, none twice."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="More than 100 people were killed and 300 injured on Tuesday, "
            "police chief Omar Said said.",
            beta="At least 120 people were killed and 250 injured, Omar Saeed said on Tuesday.",
        ),
        use_cache=False,
    )
    ids = [c.id for g in report.groups for c in g.claims]
    assert len(ids) == len(set(ids))
    for group in report.groups:
        for claim in group.claims:
            assert report.article(claim.article).text[claim.start : claim.end] == claim.text


def test_sentences_of_two_people_never_rival(tmp_path: Path) -> None:
    """Six years for one defendant and three for another are two sentences, not one
    sentence two outlets disagree on."""
    report = build_report(make_set(
        tmp_path,
        alpha="A court sentenced former mayor Ann Holt to six years in prison on Monday.",
        beta="Ann Holt was sentenced to six years in prison. Her aide Tom Varga was sentenced "
        "to three years in prison.",
    ), use_cache=False)
    assert group_of(report, "three years").status is Status.SINGLE
    assert group_of(report, "six years").status is Status.AGREEMENT


@pytest.mark.parametrize(("alpha", "beta", "needle", "status"), [
    P("The glider flew at approximately 27,000 feet over the ridge.",
      "The glider flew at 28,000 feet over the ridge.", "27,000",
      Status.CONFLICT, id="two-thousands-about-or-not"),
    P("Some 2.7 million people were affected by the drought, officials said.",
      "The drought affected 2.5 million people, officials said.", "2.7 million",
      Status.CONFLICT, id="two-hundred-thousands"),
    P("About 3,000 people were evacuated from the valley.",
      "Officials said 3,100 people were evacuated from the valley.", "3,000",
      Status.AGREEMENT, id="about-a-round-thousand-holds-a-finer-figure"),
])
def test_one_resolution_two_figures(tmp_path: Path, alpha: str, beta: str, needle: str,
                                    status: Status) -> None:
    """Two figures rounded to one resolution that differ by a step of it differ, "about"
    or not; a rounder "about" still holds a finer figure near it."""
    report = build_report(make_set(tmp_path, alpha=alpha, beta=beta), use_cache=False)
    assert group_of(report, needle).status is status


def test_a_soft_g_and_a_j_open_one_given_name(tmp_path: Path) -> None:
    """ "Gina Marsh" and "Jina Marsh", both the shop owner hurt in the blast: one woman, her
    given name heard and written two ways."""
    report = build_report(make_set(
        tmp_path,
        alpha="The shop owner, Gina Marsh, 52, was hurt in the blast on Sunday.",
        beta="The shop owner, Jina Marsh, 52, was hurt in the blast on Sunday, police said.",
    ), use_cache=False)
    group = group_of(report, "Gina Marsh")
    assert group.status is Status.CONFLICT
    assert group.relation is Relation.SPELLING


def test_a_subject_so_long_keeps_its_own_length(tmp_path: Path) -> None:
    """ "The ship was 280 metres long" is the ship's length, and "the pier was 560 metres
    long" the pier's: each meets its own rival ("the 300-metre vessel", "the 520-metre
    pier"), never the other's."""
    report = build_report(make_set(
        tmp_path,
        alpha="The freighter hit the pier on Monday. The 300-metre vessel was carrying grain. "
              "The 520-metre pier was built in 1950.",
        beta="On Monday the freighter struck the pier. The ship was 280 metres long. "
             "The pier was 560 metres long."), use_cache=False)
    vessel, pier = group_of(report, "300-metre"), group_of(report, "520-metre")
    assert sorted(c.text for c in vessel.claims) == ["280 metres", "300-metre"]
    assert sorted(c.text for c in pier.claims) == ["520-metre", "560 metres"]


def test_shares_of_the_vote_with_no_holder_stay_apart(tmp_path: Path) -> None:
    """ "52 percent of the vote" and "41 percent of the vote", each without its candidate,
    are likely two candidates' shares: neither is the other's rival."""
    report = build_report(make_set(
        tmp_path, alpha="The winner took 52 percent of the vote on Sunday.",
        beta="The runner-up got 41 percent of the vote on Sunday."), use_cache=False)
    assert group_of(report, "52 percent") is not group_of(report, "41 percent")



def test_a_number_word_opening_the_first_paragraph_is_read(tmp_path: Path) -> None:
    """ "Seventeen hikers fell ill ..." right below the header: the number word opens its
    sentence (the parser alone may take it for a heading of one word)."""
    (tmp_path / "a.md").write_text(
        "# Report from a\n\nPublished at: **2021-03-04**\n\n"
        "Original: [A News](https://example.org/a)\n\n"
        "Seventeen hikers fell ill after drinking from the spring, rangers said.\n",
        encoding="utf-8")
    report = build_report(tmp_path, use_cache=False)
    assert group_of(report, "Seventeen hikers").kind is ClaimKind.COUNT


def test_a_named_holder_is_written_as_the_articles_write_it(tmp_path: Path) -> None:
    """A group's label names its holder as the text does ("Marlow"), not as the
    lower-case key the comparator matches holders by."""
    report = build_report(
        make_set(
            tmp_path,
            alpha="Officials said Dana Marlow won 31,200 votes in the runoff on Sunday.",
            beta="Dana Marlow won 30,900 votes in the runoff on Sunday, officials said.",
        ),
        use_cache=False,
    )
    assert "(Marlow)" in group_of(report, "31,200").about
