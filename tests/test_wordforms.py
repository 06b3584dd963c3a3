"""Word forms from the spaCy pipeline's own lemmatizer tables (and lemminflect without them)."""

from __future__ import annotations

import json

import pytest

from factcheck import wordforms
from factcheck.render.json import _dumps


@pytest.fixture(autouse=True)
def _tables(nlp):
    """The tables of the real pipeline, installed as load_nlp installs them."""
    wordforms.install(nlp)
    wordforms._lemma.cache_clear()
    yield
    wordforms.install(nlp)
    wordforms._lemma.cache_clear()


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("capsizing", "capsize"),  # -ing after a dropped e
        ("sinking", "sink"),
        ("hoping", "hope"),  # hop would make "hopping"
        ("dining", "dine"),
        ("singing", "sing"),  # singe is a verb too: the bare stem wins
        ("stabbing", "stab"),  # a doubled consonant, in the irregular table
        ("ruling", "rule"),
        ("zorbling", "zorbling"),  # no known verb: the word itself
    ],
)
def test_verb_lemma(word: str, verb: str) -> None:
    assert wordforms.verb_lemma(word) == verb


@pytest.mark.parametrize(
    ("word", "noun"),
    [
        ("corpses", "corpse"),  # spaCy's own rules give "corps"
        ("bodies", "body"),
        ("buses", "bus"),
        ("women", "woman"),
        ("crises", "crisis"),
        ("crewmembers", "crewmember"),  # unknown to the index: the first rule, as spaCy
        ("news", "news"),
    ],
)
def test_noun_lemma(word: str, noun: str) -> None:
    assert wordforms.noun_lemma(word) == noun


def test_is_verb() -> None:
    assert wordforms.is_verb("explode") and wordforms.is_verb("depart")
    assert not wordforms.is_verb("explosion") and not wordforms.is_verb("departure")


def test_a_pipeline_without_rule_tables_falls_back_to_lemminflect(nlp) -> None:
    """A pipeline whose lemmatizer has no rule tables (a lookup one, or none) still gets
    answers, from lemminflect's tables."""
    wordforms._installed[:] = [None]
    wordforms._lemma.cache_clear()
    assert wordforms.verb_lemma("capsizing") == "capsize"
    assert wordforms.noun_lemma("corpses") == "corpse"
    assert wordforms.is_verb("explode") and not wordforms.is_verb("explosion")


def test_tables_of_a_pipeline_without_a_lemmatizer() -> None:
    import spacy

    assert wordforms.tables_of(spacy.blank("en")) is None


def test_json_text_is_the_standard_librarys() -> None:
    """orjson writes what ``json`` would: the same text for the same data, non-ASCII kept,
    control characters escaped (a tiny float is written "1e-7", not "1e-07": the same
    number); an integer beyond 64 bits falls back to ``json``."""
    data = {"quote": "Zoë said “37” \u001b[31m", "n": [1, 2.5, -0.001, None, True],
            "nested": {"a": []}}
    assert _dumps(data) == json.dumps(data, ensure_ascii=False, indent=2)
    assert json.loads(_dumps({"x": 1e-7})) == {"x": 1e-7}
    big = {"n": 10**30}
    assert _dumps(big) == json.dumps(big, indent=2)


def test_comparing_imports_neither_spacy_nor_lemminflect() -> None:
    """The comparator (which runs in the parent process while workers parse) reads dates
    and inflects labels without importing spaCy or lemminflect's loader."""
    import subprocess
    import sys

    script = (
        "import sys, factcheck.judge, factcheck.wordforms as w\n"
        "assert w.participle('hold') == 'held' and w.plural('storey') == 'storeys'\n"
        "print(sorted(m.split('.')[0] for m in sys.modules\n"
        "             if m.split('.')[0] in ('spacy', 'thinc', 'lemminflect')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "[]"
