"""Word forms read from the spaCy pipeline's own lemmatizer tables.

en_core_web_sm lemmatizes by rule: a table of known lemmas per part of speech
(``lemma_index``, from WordNet), a table of irregular forms (``lemma_exc``) and suffix
rules (``lemma_rules``). Extraction asks two questions of them: is a word a verb, and what
is a word's lemma as a noun or a verb. The tables come with the pipeline, so answering
costs nothing to load; a pipeline without them (a lookup lemmatizer, or none) falls back
to lemminflect, which reads its own tables on first use.

Where several forms are known words, spaCy keeps the last rule's ("corpses" gives
"corps", "hoping" gives "hop"); these functions choose as a reader would (below).

Labels need the other direction, a verb's participle and a noun's plural ("people
killed", "storeys"). They come from lemminflect's inflection table, read here straight
from the package's data file: its own loader parses all 40,000 lines into objects
(half a second) and importing the package imports spaCy (most of a second more), which
a process that only compares cached claims never needs. One line is looked up per word.
"""

from __future__ import annotations

import gzip
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Tables:
    """Known lemmas, irregular forms and suffix rules, by part of speech."""

    index: dict[str, frozenset[str]]
    exceptions: dict[str, dict[str, tuple[str, ...]]]
    rules: dict[str, tuple[tuple[str, str], ...]]


_installed: list[Tables | None] = []


def install(nlp: Language) -> None:
    """Read the tables of ``nlp``'s rule lemmatizer (None for a pipeline without one):
    lemmas found with the tables of another pipeline are forgotten."""
    _installed[:] = [tables_of(nlp)]
    _lemma.cache_clear()


def tables_of(nlp: Language) -> Tables | None:
    """The lemmatizer tables of a loaded pipeline, or None."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not all(
        lookups.has_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules")
    ):
        return None
    index, exc, rules = (lookups.get_table(t) for t in ("lemma_index", "lemma_exc", "lemma_rules"))
    parts = ("noun", "verb")
    return Tables(
        index={p: frozenset(index.get(p, ())) for p in parts},
        exceptions={p: {k: tuple(v) for k, v in exc.get(p, {}).items()} for p in parts},
        rules={p: tuple((old, new) for old, new in rules.get(p, ())) for p in parts},
    )


def _tables() -> Tables | None:
    if not _installed:
        from .nlp import load_nlp

        install(load_nlp())
    return _installed[0]


def is_verb(word: str) -> bool:
    """Whether ``word`` is a verb's lemma ("explode" yes, "explosion" no)."""
    tables = _tables()
    if tables is None:
        return _lemminflect_is_verb(word)
    return word in tables.index["verb"]


def verb_lemma(word: str) -> str:
    """The verb ``word`` is a form of ("capsizing" capsize, "sinking" sink, "hoping" hope),
    else ``word`` itself."""
    return _lemma(word.lower(), "verb")


def noun_lemma(word: str) -> str:
    """The singular of a plural noun ("corpses" corpse, "bodies" body, "buses" bus,
    "crewmembers" crewmember), else ``word`` itself."""
    return _lemma(word.lower(), "noun")


@cache
def _lemma(word: str, pos: str) -> str:
    tables = _tables()
    if tables is None:
        return _lemminflect_lemma(word, pos)
    irregular = tables.exceptions[pos].get(word)
    if irregular:
        return irregular[0]
    known = tables.index[pos]
    if word in known and pos == "verb":
        return word
    forms, unknown = [], []
    for old, new in tables.rules[pos]:
        if word.endswith(old) and len(word) > len(old):
            form = word[: len(word) - len(old)] + new
            (forms if form in known else unknown).append(form)
    if forms:
        return _choose(list(dict.fromkeys(forms)), pos)
    if pos == "noun" and unknown and word not in known:
        return unknown[0]  # as spaCy does: "crewmembers" crewmember, by the first rule
    return word


def _choose(forms: list[str], pos: str) -> str:
    """Of several known lemmas, the one a reader means. A noun's longest ("corpses":
    corpse, not corps). A verb's with a silent e when the bare stem would double its last
    consonant ("hoping": hope, as hop makes hopping), else the bare stem ("singing": sing)."""
    if pos == "noun":
        return max(forms, key=len)
    for form in forms:
        if form.endswith("e") and form[:-1] in forms and _doubles(form[:-1]):
            return form
    bare = [f for f in forms if not (f.endswith("e") and f[:-1] in forms)]
    return (bare or forms)[0]


def _doubles(stem: str) -> bool:
    """A short stem ending consonant-vowel-consonant doubles it before -ing ("hop")."""
    if len(stem) < 3 or len(stem) > 4:
        return False
    a, b, c = stem[-3:]
    return a not in VOWELS and b in VOWELS and c not in VOWELS and c not in "wxy"


def _lemminflect_is_verb(word: str) -> bool:
    from lemminflect import getAllInflections

    return bool(getAllInflections(word, upos="VERB"))


def _lemminflect_lemma(word: str, pos: str) -> str:
    from lemminflect import getLemma

    found = getLemma(word, upos=pos.upper())
    return found[0] if found else word


# --- inflection: lemminflect's table, one line at a time ---------------------------------

INFLECTION_TAGS = {"noun": ("NNS",), "verb": ("VBD", "VBN", "VBG", "VBZ")}
"""The forms of one line of lemminflect's ``infl_lu.csv``, in order, by Penn tag."""


def participle(lemma: str) -> str:
    """A verb's past participle ("killed", "held", "gone"); a word that is no verb's lemma
    (a participle already, "seized"; a noun, "aboard") stays as it is."""
    forms = inflections(lemma, "verb")
    if not forms:
        return lemma
    return (forms.get("VBN") or forms.get("VBD") or (lemma,))[0]  # regular: VBN is VBD


def plural(noun: str) -> str:
    """A noun's plural ("storeys", "children"; an unknown noun by the regular rule)."""
    forms = inflections(noun, "noun").get("NNS")
    if forms:
        return forms[0]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


@cache
def inflections(lemma: str, pos: str) -> dict[str, tuple[str, ...]]:
    """The inflected forms of a lemma as ``pos`` ("noun" or "verb"), by Penn tag, with
    lemminflect's overrides applied; empty when the table does not know the lemma."""
    text = _inflection_table()
    key = f"\n{lemma.lower()},{pos},".encode()
    at = text.find(key)
    forms: dict[str, tuple[str, ...]] = {}
    if at >= 0:
        line = text[at + len(key) : text.index(b"\n", at + 1)].decode()
        for tag, spellings in zip(INFLECTION_TAGS[pos], line.split(","), strict=False):
            if spellings:
                forms[tag] = tuple(spellings.split("/"))
    for tag, form in _overrides().get(lemma.lower(), {}).items():
        if tag in INFLECTION_TAGS[pos]:
            forms[tag] = (form,)
    return forms


def _lemminflect_resources() -> Path:
    spec = importlib.util.find_spec("lemminflect")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


@cache
def _inflection_table() -> bytes:
    with gzip.open(_lemminflect_resources() / "infl_lu.csv.gz", "rb") as f:
        return b"\n" + f.read().replace(b"\r\n", b"\n") + b"\n"


@cache
def _overrides() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    text = (_lemminflect_resources() / "infl_overrides.csv").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) == 3 and not line.startswith("#"):
            found.setdefault(parts[0], {})[parts[1]] = parts[2]
    return found
