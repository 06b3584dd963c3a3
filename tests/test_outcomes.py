"""What happened to a named person: read from the parse (extract/outcomes.py), grouped by
person and compared across outlets (judge/outcomes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import ClaimKind, Fate, Outcome, Status
from factcheck.pipeline import build_report

from .test_compare import make_set
from .test_extract import claims_of

P = pytest.param
OUTCOME = ClaimKind.OUTCOME

MET = [
    # sentence, person, fate, claim text
    P("Tom Hale was acquitted of all charges on Monday.", "Tom Hale", Fate.ACQUITTED,
      "Tom Hale was acquitted", id="passive"),
    P("A court in the capital convicted Maria Lopez of fraud.", "Maria Lopez",
      Fate.CONVICTED, "convicted Maria Lopez", id="active-object"),
    P("Maria Lopez was found guilty of fraud.", "Maria Lopez", Fate.CONVICTED,
      "Maria Lopez was found guilty", id="found-guilty"),
    P("Maria Lopez was found not guilty of fraud.", "Maria Lopez", Fate.ACQUITTED,
      "Maria Lopez was found not guilty", id="found-not-guilty"),
    P("Police released Tom Hale on bail late on Friday.", "Tom Hale", Fate.RELEASED,
      "released Tom Hale", id="released"),
    P("Tom Hale has not been charged, police said.", "Tom Hale", Fate.NOT_CHARGED,
      "Tom Hale has not been charged", id="not-charged"),
    P("Tom Hale was charged with murder on Sunday.", "Tom Hale", Fate.CHARGED,
      "Tom Hale was charged", id="charged"),
    P("Tom Hale is being held at a police station in the capital.", "Tom Hale", Fate.HELD,
      "Tom Hale is being held", id="held"),
    P("Anna Berg and Tom Hale were convicted of theft.", "Tom Hale", Fate.CONVICTED,
      "Tom Hale were convicted", id="second-of-two"),
]


@pytest.mark.parametrize(("sentence", "person", "fate", "text"), MET)
def test_fate_met(nlp, sentence: str, person: str, fate: Fate, text: str) -> None:
    """A named person's fate is a claim: the person, the fate, the name and the verb."""
    claims = [c for c in claims_of(nlp, sentence, OUTCOME)
              if isinstance(c.value, Outcome) and c.value.person == person]
    assert len(claims) == 1
    assert claims[0].value.fate is fate
    assert claims[0].text == text


NOT_MET = [
    P("Tom Hale could be released next week.", id="modal"),
    P("If convicted, Tom Hale faces ten years in prison.", id="condition"),
    P("Prosecutors sought to have Tom Hale convicted of murder.", id="only-sought"),
    P("Tom Hale is expected to be released on Friday.", id="expected"),
    P("Tom Hale held a press conference on Monday.", id="held-a-meeting"),
    P("Tom Hale charged the crowd with a knife.", id="charged-at"),
    P("Tom Hale was not acquitted, the court said.", id="negated-fate"),
]


@pytest.mark.parametrize("sentence", NOT_MET)
def test_fate_not_met(nlp, sentence: str) -> None:
    """A fate only possible, wished for, negated or another sense of the verb is no claim."""
    assert claims_of(nlp, sentence, OUTCOME) == []


def _outcome_groups(report):
    return [g for g in report.groups if g.kind is OUTCOME]


def test_acquitted_against_convicted(tmp_path: Path) -> None:
    """One outlet's acquittal against another's conviction of one person is a conflict,
    grouped with the person whatever the spelling of the name."""
    report = build_report(make_set(
        tmp_path,
        alpha="The judge acquitted Vishnu Ramaswamy on Monday.",
        beta="Vishnu Ramaswami was convicted on Monday, the court said.",
    ), use_cache=False)
    groups = _outcome_groups(report)
    assert len(groups) == 1
    assert groups[0].status is Status.CONFLICT
    assert {p.label for p in groups[0].positions} == {"acquitted", "convicted"}


NO_RIVALS = [
    # alpha, beta
    P("Vishnu Rao was convicted of fraud on Monday.",
      "Vishnu Rao was sentenced on Monday, the court said.", id="convicted-then-sentenced"),
    P("Vishnu Rao was held overnight. Police released Vishnu Rao on Tuesday.",
      "Police released Vishnu Rao on Tuesday.", id="one-article-in-steps"),
    P("The judge acquitted Vishnu Rao on Monday.",
      "Meera Shah was convicted on Monday, the court said.", id="two-people"),
]


@pytest.mark.parametrize(("alpha", "beta"), NO_RIVALS)
def test_no_rival_fates(tmp_path: Path, alpha: str, beta: str) -> None:
    """Fates of one story, an article's own earlier steps and two people's fates never
    conflict."""
    report = build_report(make_set(tmp_path, alpha=alpha, beta=beta), use_cache=False)
    assert not [g for g in _outcome_groups(report) if g.status is Status.CONFLICT]


def test_new_kinds_rendered(tmp_path: Path) -> None:
    """Every renderer labels a fate's conflict and a place's spelling by their kind."""
    import io
    import json

    from rich.console import Console

    from factcheck.render import to_html, to_json, to_markdown, to_table

    report = build_report(make_set(
        tmp_path,
        alpha="The judge acquitted Vishnu Ramaswamy on Monday. The trial took place in "
              "Slovenia.",
        beta="Vishnu Ramaswamy was convicted on Monday, the court said. The trial took "
             "place in Slovenija.",
    ), use_cache=False)
    data = json.loads(to_json(report))
    kinds = {g["kind"] for g in data["groups"] if g["status"] == "conflict"}
    assert {"outcome", "place"} <= kinds
    fate = next(g for g in data["groups"] if g["kind"] == "outcome")
    assert {p["claims"][0]["value"]["outcome"] for p in fate["positions"]} == {
        "acquitted", "convicted"}
    markdown = to_markdown(report)
    assert "what happened to Vishnu Ramaswamy" in markdown and "Kind: outcome" in markdown
    assert "place: Sloven" in markdown
    page = to_html(report)
    assert ">outcome<" in page and ">place<" in page
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(to_table(report))
    assert "what happened to Vishnu Ramaswamy" in out.getvalue()
