"""People across outlets: spellings of one person joined and flagged, different people kept
apart (judge/names.py, spelling.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import ClaimKind, Status
from factcheck.pipeline import build_report
from factcheck.spelling import Alike, alike, fold, roles_alike, roles_differ, skeleton

from .test_compare import make_set

P = pytest.param


# --------------------------------------------------------------------------
# how alike two words of a name are
# --------------------------------------------------------------------------

WORDS = [
    # a, b, level
    P("marcetti", "marceti", Alike.SLIP, id="letter-dropped"),
    P("kowalska", "kowalski", Alike.SLIP, id="letter-changed"),
    P("nomakize", "nokamize", Alike.SLIP, id="letters-swapped-apart"),
    P("rico", "riko", Alike.SOUND, id="c-for-k"),
    P("seong", "sung", Alike.SOUND, id="romanised-vowels"),
    P("gwangok", "kwangog", Alike.SOUND, id="voiced-stops"),
    P("andrea", "andrew", Alike.SOUND, id="other-letters-no-slip"),
    P("iran", "iraq", Alike.NOT, id="short-words-one-letter"),
    P("mora", "miri", Alike.NOT, id="same-consonants-short"),
    P("jun", "jin", Alike.NOT, id="three-letters"),
    P("kilic", "kilic", Alike.SAME, id="same"),
    P("se-yoon", "se-yun", Alike.SLIP, id="oo-for-u"),
    P("min-ho", "min-hee", Alike.SOUND, id="other-vowels-no-slip"),
]


@pytest.mark.parametrize(("a", "b", "level"), WORDS)
def test_alike(a: str, b: str, level: Alike) -> None:
    """Slips of the keys, the same sounds written otherwise, and other words."""
    assert alike(a, b) is level
    assert alike(b, a) is level


def test_fold_letters_without_decomposition() -> None:
    """Dotless i, stroked l and the like fold to plain letters, as accents do."""
    assert fold("Kılıç Łęcki Søren") == "kilic lecki soren"


def test_skeleton_merges_voicing() -> None:
    """Romanisations that differ in voiced stops and vowels share a skeleton."""
    assert skeleton("Seong") == skeleton("Sung")
    assert skeleton("Dae") == skeleton("Tae")


ROLES = [
    P("police chief inspector general", "head police", True, id="head-is-chief"),
    P("vice chair", "electoral commission vice chairperson", True, id="chairperson"),
    P("student", "student school", True, id="one-in-the-other"),
    P("mr", "mr", False, id="address-is-no-role"),
    P("finance minister", "nurse", False, id="other-roles"),
    P(None, "nurse", False, id="no-role"),
]


@pytest.mark.parametrize(("a", "b", "same"), ROLES)
def test_roles_alike(a: str | None, b: str | None, same: bool) -> None:
    """Roles alike when one's words stand in the other's, synonyms of office merged."""
    assert roles_alike(a, b) is same


@pytest.mark.parametrize(("a", "b", "differ"), [
    P("nurse", "regional police chief", True, id="two-offices"),
    P("port authority spokesman", "port district station", False, id="one-names-no-person"),
    P("student", None, False, id="one-role-only"),
    P("head police", "police chief", False, id="one-office-two-ways"),
])
def test_roles_differ(a: str | None, b: str | None, differ: bool) -> None:
    """Two roles set two people apart only when both say what a person is and differ:
    words the parse took for a role that name no person ("district station") say nothing."""
    assert roles_differ(a, b) is differ


# --------------------------------------------------------------------------
# one person spelt two ways: joined, flagged
# --------------------------------------------------------------------------

SAME_PERSON = [
    # alpha, beta, the two spellings
    P("Police arrested Tariq Mehmood Shaikh on Monday.",
      "Police arrested Tariq Mahmood Sheikh on Monday.",
      "Tariq Mehmood Shaikh", "Tariq Mahmood Sheikh", id="sounds-alike-without-roles"),
    P("The court named Azim Chowla as the planner.",
      "The court named Azeem Chawla as the planner.",
      "Azim Chowla", "Azeem Chawla", id="every-word-sounds-alike-without-roles"),
    P("The only survivor, Dorian Vasquell, was pulled from the rubble.",
      "The only survivor, Demetrio Vasquell, was pulled from the rubble.",
      "Dorian Vasquell", "Demetrio Vasquell", id="one-rare-surname-two-given-names"),
    P("Regional police chief Rico Belanta said the gates were locked.",
      "Riko Belenta, the head of the regional police, said the gates were locked.",
      "Rico Belanta", "Riko Belenta", id="both-words-sound-alike-same-role"),
    P("Park Seong-ho, the deputy minister of health, said 40 were treated.",
      "Deputy health minister Park Sung-ho said 40 people were treated.",
      "Park Seong-ho", "Park Sung-ho", id="romanisation-same-role"),
    P("Judge Nomakize Dube read the sentence for two hours.",
      "Judge Nokamize Dube read the sentence aloud.",
      "Nomakize Dube", "Nokamize Dube", id="given-name-letters-swapped"),
    P("The commission's vice chair Rosa Pelenga told reporters the count was flawed.",
      "The four, led by Commission Vice Chair Rosa Petanga, held a press conference.",
      "Rosa Pelenga", "Rosa Petanga", id="same-given-name-same-office"),
    P("Juan Ortega de Silva was named director of the port.",
      "The port's new director, Juan Ortega Silva, took office.",
      "Juan Ortega de Silva", "Juan Ortega Silva", id="particle-dropped"),
    P("\"The defendant abused her power,\" said Choi Ji-hoon, the presiding judge.",
      "The defendant had abused her power, Choi Ji-hun told the court on Friday.",
      "Choi Ji-hoon", "Choi Ji-hun", id="romanised-vowel-no-role-needed"),
    P("Daniel Fernandes, 45, said the lift had failed before the fire.",
      "The lift had failed, Daniel Fernando told reporters on Sunday.",
      "Daniel Fernandes", "Daniel Fernando", id="one-given-name-surname-mistyped"),
    P("Tomas Kasulu, the runner-up, said the count had been rigged.",
      "The count was rigged, said Tomas Kausl, who came second.",
      "Tomas Kasulu", "Tomas Kausl", id="one-given-name-surname-letters-moved"),
    P("Port director Ravi Kumar Thapaliya said the ship had been warned.",
      "The ship had been warned, Kumar Thappaliya said on Monday.",
      "Ravi Kumar Thapaliya", "Kumar Thappaliya", id="first-of-two-given-names-left-out"),
    P("\"We lost everything,\" said Kasimbur, a farmer.",
      "\"We lost everything,\" Kasembour told reporters.",
      "Kasimbur", "Kasembour", id="one-long-word-heard-otherwise"),
    P("The interior minister, Marco Tembo, said the road would reopen.",
      "Samuel Maro Tembo, the interior minister, visited the site on Monday.",
      "Marco Tembo", "Samuel Maro Tembo", id="first-given-name-left-out-second-mistyped"),
    P("Chief operating officer Ming Liu was suspended on Thursday, the company said.",
      "The company suspended its chief operating officer, Ming Lu, on Thursday.",
      "Ming Liu", "Ming Lu", id="short-surname-letter-more"),
    P("Among the dead was Amina Rahman, who ran the shop from her home.",
      "The shop was run from the home of Amina Rehman, who also died.",
      "Amina Rahman", "Amina Rehman", id="one-given-name-surnames-sound-alike"),
    P("Park ranger Kit Vanterpool said the herd had been moved.",
      "The herd was moved overnight, ranger Kyt Vanterpool said.",
      "Kit Vanterpool", "Kyt Vanterpool", id="short-given-name-a-letter-apart"),
    P("The port was closed on Monday by harbour master Stefan Ruiz.",
      "The harbour master, Stephan Ruiz, said the port would reopen.",
      "Stefan Ruiz", "Stephan Ruiz", id="given-name-same-sounds"),
    P("Jorge Emilio Valdera, head of the rescue service, said 30 were hurt.",
      "The rescue service's chief, Jorge Emilio Ostaran, said the road was closed.",
      "Jorge Emilio Valdera", "Jorge Emilio Ostaran", id="two-given-names-surname-wrong"),
    P("The warden, Marc Olivier Durand, was shot at the gate.",
      "Gunmen shot the warden, Olivier Marc Durand, at the gate.",
      "Marc Olivier Durand", "Olivier Marc Durand", id="given-names-swapped"),
    P("The warden, Marc Olivier Durand, was shot at the gate.",
      "Gunmen shot the warden, Marc Durand Olivier, at the gate.",
      "Marc Olivier Durand", "Marc Durand Olivier", id="surname-and-given-name-swapped"),
]


@pytest.mark.parametrize(("sentence", "name"), [
    P("Odisha Chief Minister Naveen Singh Bhaduria also spoke to Rawat for an update.",
      "Naveen Singh Bhaduria", id="after-a-title"),
    P("Deputy Mayor Anil Kumar Bhaduria also spoke to Negi for an update.",
      "Anil Kumar Bhaduria", id="after-a-role"),
])
def test_a_person_entity_cut_short_takes_its_surname(nlp, sentence: str, name: str) -> None:
    """The model may stop a name before its surname (and tag the surname a place): the
    capitalised word the name's last word is a compound of is the surname."""
    from factcheck.extract.names import _person_spans

    doc = nlp(sentence)
    assert name not in [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert name in [s.text for s in _person_spans(doc)]


def test_a_person_entity_cut_short_takes_its_given_name(nlp) -> None:
    """The model may tag only the surname ("Mama Odhiambo" as "Odhiambo"): a capitalised
    compound right before it is the given name; a title or honorific is not."""
    from spacy.tokens import Span

    from factcheck.extract.names import _person_spans

    doc = nlp("The other contender, Mama Odhiambo, took 23 percent, officials said.")
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Odhiambo"), words.index("Odhiambo") + 1, label="PERSON")]
    assert [s.text for s in _person_spans(doc)] == ["Mama Odhiambo"]
    doc = nlp("Mr Odhiambo took 23 percent, officials said.")
    doc.ents = [Span(doc, 1, 2, label="PERSON")]
    assert [s.text for s in _person_spans(doc)] == ["Odhiambo"]


def test_name_after_a_family_or_role_noun_tagged_org_is_a_person(nlp) -> None:
    """The model sometimes tags a person ORG ("his nephew Tarik Osmani"); right after a
    family or role noun, a two- or three-word title-case ORG is a person, unless it ends
    in a word only organisations end in."""
    from spacy.tokens import Span

    from factcheck.extract.names import _person_spans

    doc = nlp("The court convicted his nephew Tarik Osmani, secretary Lena Brandt "
              "and the director Delta Holdings.")
    words = [t.text for t in doc]
    spans = [("Tarik", 2), ("Lena", 2), ("Delta", 2)]
    doc.ents = [Span(doc, words.index(w), words.index(w) + n, label="ORG") for w, n in spans]
    names = [s.text for s in _person_spans(doc)]
    assert "Tarik Osmani" in names and "Lena Brandt" in names
    assert not any("Delta" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        pytest.param("District Commissioner Ravi Menon said the road was shut.", "Ravi Menon",
                     id="two-word-title"),
        pytest.param("Major Tarek Osmani said the road was shut.", "Tarek Osmani",
                     id="rank"),
        pytest.param("General Motors said the road was shut.", None, id="general-a-firm"),
        pytest.param("Deputy Mayor Holdings said the road was shut.", None,
                     id="organisation-word"),
    ],
)
def test_a_titled_name_tagged_org_is_a_person(nlp, sentence: str, person: str | None) -> None:
    """The model tags "District Commissioner Ravi Menon" as one organisation: the
    capitalised words after the last title word are a person, unless they name an
    organisation, or a single word follows "General" ("General Motors")."""
    from spacy.tokens import Span

    from factcheck.extract.names import _person_spans

    doc = nlp(sentence)
    end = [t.text for t in doc].index("said")
    doc.ents = [Span(doc, 0, end, label="ORG")]
    names = [s.text for s in _person_spans(doc)]
    assert names == ([person] if person else [])


@pytest.mark.parametrize(
    ("sentence", "label", "person"),
    [
        pytest.param("Rhea Malik blamed the builder for the collapse.", "", "Rhea Malik",
                     id="untagged-subject"),
        pytest.param('"We will look into it," Rhea Malik, a spokesman, was quoted as saying.',
                     "WORK_OF_ART", "Rhea Malik", id="after-a-quote-a-work-of-art"),
        pytest.param("Delta Holdings blamed the builder for the collapse.", "", None,
                     id="organisation-word"),
        pytest.param("Fire Guts Market As Rhea Malik Watches", "", None, id="title-case"),
        pytest.param("The Delta Express was stopped in a tunnel.", "", None,
                     id="a-determiner-makes-a-thing"),
    ],
)
def test_a_subject_the_model_did_not_name_is_a_person(nlp, sentence: str, label: str,
                                                       person: str | None) -> None:
    """Two or three capitalised words that the model named nothing (or took for a work of
    art) but that are a verb's subject in running text are a person's name."""
    from spacy.tokens import Span

    from factcheck.extract.names import _person_spans

    doc = nlp(sentence)
    words = [t.text for t in doc]
    start = words.index("Rhea") if "Rhea" in words else words.index("Delta")
    doc.ents = [Span(doc, start, start + 2, label=label)] if label else []
    names = [s.text for s in _person_spans(doc)]
    assert names == ([person] if person else [])


def test_a_relative_the_model_missed_keeps_the_given_name(nlp) -> None:
    """In "Chidi Okafor and Emeka Okafor" the model may tag only the first: the second is
    a name of its own, its given name with it, not one more mention of the first."""
    from factcheck.extract.names import _person_spans

    doc = nlp("Among those arrested were Chidi Okafor and Emeka Okafor of the group.")
    doc.ents = [e for e in doc.ents if e.text == "Chidi Okafor"] or doc.ents
    names = [s.text for s in _person_spans(doc)]
    assert "Emeka Okafor" in names and "Okafor" not in names
    doc = nlp("Police questioned Chidi Okafor. Later, Okafor said he was innocent.")
    assert [s.text for s in _person_spans(doc)] == ["Chidi Okafor", "Okafor"]


@pytest.mark.parametrize(("alpha", "beta", "one", "other"), SAME_PERSON)
def test_one_person_two_spellings(tmp_path: Path, alpha: str, beta: str, one: str,
                                  other: str) -> None:
    """Two spellings of one person are one group, a spelling conflict between them."""
    report = build_report(make_set(tmp_path, alpha=alpha, beta=beta), use_cache=False)
    groups = [g for g in report.groups if g.kind is ClaimKind.PERSON
              and {one, other} <= {c.value for c in g.claims}]
    assert len(groups) == 1
    assert groups[0].status is Status.CONFLICT


def group_holding(folder: Path, value: str, **bodies: str):
    """The group of the report on these articles that holds a claim of this value."""
    report = build_report(make_set(folder, **bodies), use_cache=False)
    return next(g for g in report.groups if any(c.value == value for c in g.claims))


def test_misspelt_surname_within_an_article(tmp_path: Path) -> None:
    """A surname no full name introduces, one slip from the surname of a person the
    article introduces, is that person misspelt, and stands as its own spelling."""
    group = group_holding(
        tmp_path, "Marceti",
        alpha="Chief executive Paul Marcetti said the servers were safe. "
              "Marceti said no data was lost.",
        beta="Chief executive Paul Marcetti apologised to customers.",
    )
    assert group.status is Status.CONFLICT
    assert {c.value for c in group.claims} == {"Paul Marcetti", "Marceti"}


def test_full_name_misspelt_within_an_article(tmp_path: Path) -> None:
    """A full name one slip from another full name of the same article, the other words
    the same, is that person misspelt: its own spelling, in conflict. Two given names a
    final "a" apart ("Paul", "Paula") are two people of one family."""
    group = group_holding(
        tmp_path, "Christoph Mbeki",
        alpha="Interior minister Christophe Mbeki said the gunman had fled. "
              "The border was closed, said Christoph Mbeki on Friday.",
        beta="Interior minister Christophe Mbeki visited the market.",
    )
    assert group.status is Status.CONFLICT
    assert {c.value for c in group.claims} == {"Christophe Mbeki", "Christoph Mbeki"}
    (tmp_path / "family").mkdir()
    family = build_report(make_set(
        tmp_path / "family",
        alpha="Paul Okonjo, 45, and Paula Okonjo, 43, were rescued from the flat.",
        beta="Rescuers reached Paul Okonjo first.",
    ), use_cache=False)
    assert not any({"Paul Okonjo", "Paula Okonjo"} <= {c.value for c in g.claims}
                   for g in family.groups)


def test_misspelt_surname_the_tagger_missed(tmp_path: Path) -> None:
    """A capitalised word one slip from a surname of the article, that no entity holds,
    is that person's name misspelt."""
    group = group_holding(
        tmp_path, "Oliver Kastorius",
        alpha="Athlete Oliver Kastorius was sentenced on Monday. The broken man in court "
              "was not Kastorious but the father.",
        beta="Athlete Oliver Kastorius was sentenced on Monday.",
    )
    assert "Kastorious" in {c.value for c in group.claims}


# --------------------------------------------------------------------------
# different people: never merged
# --------------------------------------------------------------------------

APART = [
    # alpha, beta, the two names
    P("Student Kim Min-jun said he jumped into the sea.",
      "Coach Kim Min-jin said the team was safe.",
      "Kim Min-jun", "Kim Min-jin", id="given-names-one-letter-other-roles"),
    P("Andrea Lind and her brother Andrew Lind were charged on Friday.",
      "Andrew Lind was charged on Friday.",
      "Andrea Lind", "Andrew Lind", id="siblings-in-one-article"),
    P("Rico Belanta, a nurse, said the ward was full.",
      "Regional police chief Riko Belenta said the gates were locked.",
      "Rico Belanta", "Riko Belenta", id="sound-alike-other-roles"),
    P("Dorian Vasquell and his wife Mara Vasquell were pulled from the rubble.",
      "Rescuers reached Demetrio Vasquell first.",
      "Dorian Vasquell", "Demetrio Vasquell", id="one-surname-of-a-family"),
    P("\"We lost everything,\" said Kasimbur, a farmer.",
      "\"The road is closed,\" said Kasembour, a police officer.",
      "Kasimbur", "Kasembour", id="one-word-heard-otherwise-other-roles"),
    P("Dina said the ward was full.", "Dana said the ward was full.",
      "Dina", "Dana", id="short-words-of-one-sound"),
    P("Foreign minister Li Wei met trade minister Li Wen on Monday.",
      "Li Wei, the foreign minister, flew home.",
      "Li Wei", "Li Wen", id="two-ministers-one-surname"),
]


@pytest.mark.parametrize(("alpha", "beta", "one", "other"), APART)
def test_different_people_apart(tmp_path: Path, alpha: str, beta: str, one: str,
                                other: str) -> None:
    """People whose names are alike but whom the text sets apart never share a group."""
    report = build_report(make_set(tmp_path, alpha=alpha, beta=beta), use_cache=False)
    assert not [g for g in report.groups
                if {one, other} <= {c.value for c in g.claims}]


def test_a_place_and_its_people_are_not_one_name(tmp_path: Path) -> None:
    """The tagger may take a country and its people's adjective for two persons; one is
    the other grown by a demonym ending, not a spelling of it."""
    report = build_report(make_set(
        tmp_path, a0="Lorvania said on Sunday the vote was fair.",
        a1="Lorvanian said on Sunday the vote was fair."), use_cache=False)
    named = {c.value for g in report.groups for c in g.claims}
    assert {"Lorvania", "Lorvanian"} <= named
    assert not [g for g in report.groups
                if {"Lorvania", "Lorvanian"} <= {c.value for c in g.claims}]


@pytest.mark.parametrize(
    ("thing", "person", "becomes_person"),
    [
        pytest.param("Teresa Malvane", "Teresa Malvaner", True, id="mistyped-surname"),
        pytest.param("Tabarek Osei", "Taparik Osei", True, id="given-name-sounds-alike"),
        pytest.param("Jamaat-e-Nusra", "Jamaat-e-Nosra", True, id="one-word-heard-otherwise"),
        pytest.param("Firestar Diamonds", "Firestar Diamond", False, id="a-plural-is-a-firm"),
        pytest.param("Acme Holdings", "Acme Holding", False, id="an-organisation-word"),
        pytest.param("Georgia Tech", "Teresa Malvaner", False, id="another-name"),
        pytest.param("Ravindar", "Ravinder Kaul", True, id="one-word-given-name-slip"),
        pytest.param("Ravinder", "Ravinder Kaul", False, id="one-word-the-very-name"),
        pytest.param("Kaulpur", "Ravinder Kaul", False, id="one-word-another-name"),
        pytest.param("Ravinder/Delhi", "Ravinder Kaul", False, id="one-word-not-a-word"),
    ],
)
def test_a_name_tagged_otherwise_elsewhere_is_a_person(thing: str, person: str,
                                                       becomes_person: bool) -> None:
    """The tagger labels one person an organisation in one outlet: it meets the person
    another outlet names, so that their spellings are compared."""
    from factcheck.judge.names import as_people

    from .test_render import make_article, make_claim

    one = make_article("one", [f"Among the dead was {thing}, a student."])
    other = make_article("other", [f"Among the dead was {person}, a student."])
    claims = [make_claim(one, thing, thing, kind=ClaimKind.ORGANISATION),
              make_claim(other, person, person, kind=ClaimKind.PERSON)]
    kinds = [c.kind for c in as_people(claims)]
    assert (kinds[0] is ClaimKind.PERSON) is becomes_person
    assert kinds[1] is ClaimKind.PERSON
