"""Organisations and places: extracted with their exact spans (extract/entities.py), their
spellings across outlets flagged and different ones never merged (judge/things.py,
judge/gazetteer.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

from factcheck.extract.entities import _clean, _split_at_verbs
from factcheck.judge.gazetteer import distinct_places, known_place
from factcheck.judge.things import name_key
from factcheck.models import ClaimKind, Status
from factcheck.pipeline import build_report

from .test_compare import make_set
from .test_extract import claims_of

P = pytest.param
ORGANISATION, PLACE, PERSON = ClaimKind.ORGANISATION, ClaimKind.PLACE, ClaimKind.PERSON

# --------------------------------------------------------------------------
# extraction
# --------------------------------------------------------------------------

NAMED = [
    # sentence, name, kind
    P("The Civil Aviation Authority said all flights would resume.",
      "Civil Aviation Authority", ORGANISATION, id="org-the-dropped"),
    P("Floods reached the outskirts of Lviv on Tuesday.", "Lviv", PLACE, id="city"),
    P("Fans of Ardena FC stormed the pitch after the match.", "Ardena FC", ORGANISATION,
      id="club-suffix"),
    P("The ferry sank near the shore between the islands of Kameri and Bulaso.", "Kameri",
      PLACE, id="islands-of"),
    P("It was market day in Bugarossa, so the ferry was full.", "Bugarossa", PLACE,
      id="in-a-place-after-a-verb"),
    P("The Taliban seized the provincial capital overnight.", "Taliban", ORGANISATION,
      id="the-group"),
    P("Officials at Lake Ohrid's main port counted the passengers.", "Lake Ohrid",
      PLACE, id="possessive-dropped"),
]


@pytest.mark.parametrize(("sentence", "name", "kind"), NAMED)
def test_named(nlp, sentence: str, name: str, kind: ClaimKind) -> None:
    """Organisations, groups and places are claims with the name's exact span."""
    claims = [c for c in claims_of(nlp, sentence) if c.value == name]
    assert len(claims) == 1, claims_of(nlp, sentence)
    assert claims[0].kind is kind
    assert claims[0].text == name


def test_names_run_together_around_a_verb_are_cut_apart(nlp) -> None:
    """An entity the tagger ran across "citing" is two names: the verb is no part of a
    name, and each side keeps its own span."""
    doc = nlp("Homes fell, reported Nordpress citing Rafiq Hasan Talukder, the district chief.")
    start = next(t.i for t in doc if t.text == "Nordpress")
    merged = Span(doc, start, start + 5, label="ORG")
    assert merged.text == "Nordpress citing Rafiq Hasan Talukder"
    parts = _split_at_verbs(merged)
    assert [(p.text, p.label_) for p in parts] == [
        ("Nordpress", "ORG"), ("Rafiq Hasan Talukder", "ORG")]
    whole = Span(doc, start + 2, start + 5, label="PERSON")
    assert _split_at_verbs(whole) == [whole]


NOT_NAMED = [
    # sentence, text that must be no organisation or place
    P("Kenyan police said the roads were closed.", "Kenyan", id="nationality"),
    P("Muslims and Christians prayed together on Friday.", "Muslims", id="faith"),
    P("The Minister of Health visited the ward.", "Health", id="title-of-an-office"),
    P("Chief executive Paul Marcetti said the servers were safe.", "Marcetti",
      id="person-stays-a-person"),
]


@pytest.mark.parametrize(("sentence", "text"), NOT_NAMED)
def test_not_named(nlp, sentence: str, text: str) -> None:
    """Nationalities, faiths, titles of office and people are no organisation or place."""
    claims = claims_of(nlp, sentence, ORGANISATION, PLACE)
    assert not [c for c in claims if text in c.text]


def test_name_key() -> None:
    """Dots, "the", "of" and case aside, one name is one key."""
    assert name_key("U.S.") == name_key("US")
    assert name_key("the Persebaya of Surabaya") == name_key("Persebaya Surabaya")
    assert name_key("São João") == name_key("Sao Joao")
    assert name_key("Acme") != name_key("Acme Bank")
    assert name_key("Korvath Research Centre") == name_key("Korvath Research Center")


def test_british_and_american_spellings_agree(tmp_path: Path) -> None:
    """ "Centre" and "Center" spell one name: the outlets agree on it."""
    report = _report(tmp_path, "The Korvath Research Centre measured the quake at 6.1.",
                     "The Korvath Research Center measured the quake at 6.1.")
    groups = _group_with(report, "Korvath Research Centre", "Korvath Research Center")
    assert len(groups) == 1
    assert groups[0].status is Status.AGREEMENT


def test_gazetteer() -> None:
    """Known countries are told apart however alike they are spelt."""
    assert known_place("Slovenia") == "SI" and known_place("Slovenija") is None
    assert distinct_places("Austria", "Australia")
    assert distinct_places("Gambia", "Zambia")
    assert not distinct_places("Slovenia", "Slovenija")


# --------------------------------------------------------------------------
# judging: spellings of one, never two
# --------------------------------------------------------------------------

def _report(tmp_path: Path, *bodies: str):
    return build_report(make_set(tmp_path, **{f"a{k}": b for k, b in enumerate(bodies)}),
                        use_cache=False)


def _group_with(report, *names: str):
    return [g for g in report.groups if g.kind in (ORGANISATION, PLACE)
            and set(names) <= {c.value for c in g.claims}]


ONE = [
    # articles, the two spellings
    P(("The cargo was loaded in Slovenia, investigators said.",
       "The cargo was loaded in Slovenija, investigators said."),
      "Slovenia", "Slovenija", id="country-misspelt"),
    P(("Fans filled the Sorvenna Stadium on Saturday.",
       "The crush happened at the Sorvenna Stadium.",
       "Police fired tear gas inside the Sorvanna Stadium."),
      "Sorvenna Stadium", "Sorvanna Stadium", id="stadium-one-letter"),
    P(("The NHCD confirmed 200 cases.", "The NHCD said the outbreak was over.",
       "Tests by the NHCD found the strain, the NCHD said on Monday."),
      "NHCD", "NCHD", id="acronym-letters-swapped-same-article"),
    P(("The ferry capsized near Ukeri island.", "The ferry sank off Ukeri, police said.",
       "The ferry overturned between Ukori and the mainland."),
      "Ukeri", "Ukori", id="one-letter-against-several-outlets"),
    P(("The Kashan Express left at dawn.", "Gunmen stopped the Kashan Express.",
       "The Kashhan Express was stopped in a tunnel. The Kashhan Express had 400 aboard. "
       "The Kashan Express runs twice a week."),
      "Kashan Express", "Kashhan Express", id="one-outlets-variant-written-twice"),
    P(("Floods cut off the village of Tobirek on Monday.",
       "Rescuers reached the village of Tobiraq by boat on Tuesday."),
      "Tobirek", "Tobiraq", id="village-heard-otherwise"),
    P(("Volunteers from the charity Meadows Trust cleared the park on Sunday.",
       "The charity Meadow Trust said the park was cleared on Sunday."),
      "Meadows Trust", "Meadow Trust", id="a-plural-dropped"),
]


@pytest.mark.parametrize(("bodies", "one", "other"), ONE)
def test_one_thing_two_spellings(tmp_path: Path, bodies: tuple[str, ...], one: str,
                                 other: str) -> None:
    """A slip in one word of a name, or a lone variant against a spelling several outlets
    share, is one organisation or place spelt two ways: a conflict."""
    groups = _group_with(_report(tmp_path, *bodies), one, other)
    assert len(groups) == 1
    assert groups[0].status is Status.CONFLICT


APART = [
    P(("Exports to Austria rose in May.", "Exports to Australia rose in May."),
      "Austria", "Australia", id="two-countries"),
    P(("Oil prices rose after Iran cut output.", "Oil prices rose after Iraq cut output."),
      "Iran", "Iraq", id="short-names-a-letter-apart"),
    P(("Talks in Salvena and Salvina ended.", "Talks in Salvena ended on Monday."),
      "Salvena", "Salvina", id="both-in-one-article"),
    P(("Acme collapsed in June.", "Acme Bank kept its licence."),
      "Acme", "Acme Bank", id="a-name-and-a-longer-name"),
    P(("Ardena FC lost the match.", "Ardena Utama lost the match."),
      "Ardena FC", "Ardena Utama", id="another-word"),
    P(("Buses from Gansei province and Gunsei province arrived on Friday.",
       "Rescuers from Gansei province arrived on Friday.", "Gansei province sent 40 doctors."),
      "Gansei province", "Gunsei province", id="two-names-in-one-sentence"),
    P(("Pilgrims from Oman were among the injured.", "Oman sent doctors on Monday.",
       "Among the 30 Omani pilgrims injured, 20 were discharged from hospital, the agency "
       "head told OMNA."),
      "Oman", "OMNA", id="an-acronym-is-not-a-word-misspelt"),
    P(("Buses from Tobirek and Tobiraq arrived on Friday.", "Rescuers reached Tobiraq by boat."),
      "Tobirek", "Tobiraq", id="two-villages-of-one-sound-in-one-article"),
    P(("Floods cut off the village of Dera on Monday.",
       "Rescuers reached the village of Dora by boat on Tuesday."),
      "Dera", "Dora", id="short-names-of-one-sound"),
    P(("Talks in Bellport and Bellports ended.", "Talks in Bellport ended on Monday."),
      "Bellport", "Bellports", id="singular-and-plural-in-one-article"),
]


@pytest.mark.parametrize(("bodies", "one", "other"), APART)
def test_two_things_apart(tmp_path: Path, bodies: tuple[str, ...], one: str,
                          other: str) -> None:
    """Different organisations and places never share a group."""
    assert not _group_with(_report(tmp_path, *bodies), one, other)


def test_a_name_ended_by_an_organisation_word(nlp) -> None:
    """ "International", "Alliance", "Trust" end the names of organisations, not people."""
    from factcheck.extract.names import names_an_organisation

    doc = nlp("Mr Cole met Kettle International staff and Rowan Trust officials.")
    assert names_an_organisation(doc[3:5])
    assert names_an_organisation(doc[7:9])


def test_a_possessive_typed_as_an_opening_quote_is_no_part_of_a_name(nlp) -> None:
    """ "Harbor Energy 1‘s": the tokenizer leaves the possessive glued to a digit, and an
    opening quote stands for the apostrophe; the name ends before it."""
    doc = nlp("Lawyers for Harbor Energy 1‘s investors filed suit.")
    start, end = _clean(Span(doc, 2, 5, label="ORG"))
    assert doc.text[start:end] == "Harbor Energy 1"
