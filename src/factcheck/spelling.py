"""How alike two spellings of one word of a name are: the same, a slip, or the same sounds.

Outlets spell names apart in three ways that a reader still takes for one name: a slip
of the keys (a letter doubled, dropped, swapped: "Kastorious"), another romanisation of
the same sounds (voiced or unvoiced stops, other vowels: "Seong"/"Sung", "Rico"/"Riko"),
and accents or letters some keyboards lack ("Kılıç"/"Kilic"). Only the first is
evidence on its own; a shared romanisation is evidence only beside what the text says of
the person (the role), since short names collapse to the same sounds easily.
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from . import lexicon

SLIP_RATIO = 85
"""``fuzz.ratio`` of two words (0-100) at which they are one word with a slip."""

SLIP_JARO = 0.93
"""Jaro-Winkler similarity at which two words of the same letters are one word with
letters swapped ("Nomakize"/"Nokamize"), when at most :data:`SLIP_EDITS` edits apart."""

SLIP_EDITS = 2
"""Most edits (a swap of two letters counts one) between two spellings of a slip."""

LONG_WORD = 9
"""Letters from which a word with two letters written otherwise ("Najimuddin",
"Nazumuddin") is still one word with slips, at :data:`LONG_SLIP_RATIO`."""

LONG_SLIP_RATIO = 80

SLIP_MIN = 4
"""Shortest word (letters) whose one-letter change can be a slip: shorter words that
differ by a letter are mostly other words ("Iran"/"Iraq")."""

SOUND_MIN = 3
"""Shortest word compared by its sounds: two letters ("US", "USA") say too little."""

SOUND_JARO = 0.85
"""Jaro-Winkler similarity at which two words of the same sounds may be one word."""

ROLE_THRESHOLD = 80
"""Similarity (``token_set_ratio``) of two roles that may make two names one person."""


class Alike(IntEnum):
    """How alike two words of a name are, from least to most."""

    NOT = 0
    SOUND = 1  # the same sounds written otherwise: romanisation, a vowel or stop voiced
    SLIP = 2  # the same word with a slip of the keys
    SAME = 3  # the same word, case, accents and punctuation aside


_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                       "ß": "ss", "æ": "ae", "œ": "oe", "ħ": "h"})


@cache
def fold(text: str) -> str:
    """Lowercase, without accents, and with letters no decomposition reaches spelt plainly.

    >>> fold("Kılıç"), fold("São João"), fold("Łódź")
    ('kilic', 'sao joao', 'lodz')
    """
    text = text.lower().translate(_FOLD)
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


_SOUNDS = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"ck|q|c|g"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "s"),
    (re.compile(r"d"), "t"),
    (re.compile(r"b"), "p"),
    (re.compile(r"v"), "f"),
    (re.compile(r"j"), "ch"),
    (re.compile(r"(?<=.)[aeiouyhw]+|^[aeiouyw]+"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


_VOWEL_SPELLINGS = ((re.compile(r"oo|ou"), "u"), (re.compile(r"ee|ie(?=.)"), "i"),
                    (re.compile(r"eo"), "o"), (re.compile(r"ae"), "e"),
                    (re.compile(r"(?<=[^aeiou])h(?=[aeiou])"), ""))
"""Vowels romanisations write two ways: "oo"/"u" (Dae-yoon, Dae-yun), "ee"/"i", "eo"/"o", and
an "h" after a consonant ("Dhaka", "Daka")."""


@cache
def romanised(word: str) -> str:
    """A word with the vowel spellings romanisations differ on made one.

    >>> romanised("dae-yoon") == romanised("dae-yun"), romanised("min-ho") == romanised("min-hee")
    (True, False)
    """
    return _rewritten(word, _VOWEL_SPELLINGS)


@cache
def skeleton(word: str) -> str:
    """The consonants of a word with voicing and spelling variants merged: what
    romanisations of one name share.

    >>> skeleton("gwangok") == skeleton("kwangog"), skeleton("Rico") == skeleton("Riko")
    (True, True)
    >>> skeleton("belanta") == skeleton("belenta"), skeleton("rota") == skeleton("raila")
    (True, False)
    """
    return _rewritten(word, _SOUNDS)


def _rewritten(word: str, rules) -> str:
    """A word folded, then each rule's pattern replaced in turn."""
    out = fold(word)
    for pattern, repl in rules:
        out = pattern.sub(repl, out)
    return out


@cache
def alike(a: str, b: str) -> Alike:
    """How alike two (folded) words of a name are.

    >>> alike("kastorius", "kastorious").name, alike("nomakize", "nokamize").name
    ('SLIP', 'SLIP')
    >>> alike("najimuddin", "nazumuddin").name, alike("rosenberg", "rosenthal").name
    ('SLIP', 'NOT')
    >>> alike("rico", "riko").name, alike("iran", "iraq").name, alike("mora", "miri").name
    ('SOUND', 'NOT', 'NOT')
    """
    if a == b:
        return Alike.SAME
    if romanised(a) == romanised(b):
        return Alike.SLIP  # "Dae-yoon", "Dae-yun": one vowel written two ways
    if min(len(a), len(b)) >= SLIP_MIN:
        ratio = fuzz.ratio(a, b)
        if ratio >= SLIP_RATIO or (
                min(len(a), len(b)) >= LONG_WORD and a[0] == b[0] and ratio >= LONG_SLIP_RATIO):
            return Alike.SLIP
        if (
            sorted(a) == sorted(b)  # letters swapped, none other ("Andrea", "Andrew")
            and JaroWinkler.similarity(a, b) >= SLIP_JARO
            and DamerauLevenshtein.distance(a, b) <= SLIP_EDITS
        ):
            return Alike.SLIP
    if (
        min(len(a), len(b)) >= SOUND_MIN
        and skeleton(a) == skeleton(b)
        and skeleton(a)
        and (JaroWinkler.similarity(a, b) >= SOUND_JARO or len(skeleton(a)) >= 3)
    ):
        return Alike.SOUND
    return Alike.NOT


HEARD_MIN = 5
"""Shortest word whose other spelling of the same sounds is one name without a role to
say so: shorter words share their sounds with many names ("Dina", "Dana")."""

HEARD_CONSONANTS = 3
"""Fewest consonant sounds two such spellings must share ("Talaut", "Talot": t-l-t)."""


def heard_alike(a: str, b: str) -> bool:
    """Two (folded) spellings of one long word heard and written down otherwise
    ("Kasimbur", "Kasembour"; "Tobirek", "Tobiraq"): the same sounds and the same first
    letter, with enough letters and consonants, and letters alike enough, that another
    name of them is unlikely in one story ("Salvora" and "Esalvor" are two places).

    >>> heard_alike("tobirek", "tobiraq"), heard_alike("dina", "dana")
    (True, False)
    >>> heard_alike("salvora", "esalvor"), heard_alike("bantera", "pantiera")
    (False, False)
    """
    return (min(len(a), len(b)) >= HEARD_MIN and a[0] == b[0]
            and alike(a, b) >= Alike.SOUND and len(skeleton(a)) >= HEARD_CONSONANTS
            and JaroWinkler.similarity(a, b) >= SOUND_JARO)


ROLE_SYNONYMS = {"head": "chief", "chairman": "chair", "chairwoman": "chair",
                 "chairperson": "chair", "spokesman": "spokesperson",
                 "spokeswoman": "spokesperson"}
"""Role words that name the same office: "the head of the police" is its chief."""

NOT_ROLES = frozenset(
    "mr mrs ms miss dr prof sir madam lt gen maj col capt brig sgt cpl pvt adm cmdr".split())
"""Titles of address and abbreviated ranks: they say nothing of the office a person holds
("police spokesperson" and "police spokesman Sgt" may be one officer)."""


def roles_alike(a: str | None, b: str | None) -> bool:
    """Two roles the text gives that may be one office ("region police chief", "the head
    of the police"): one's words stand in the other's, or nearly.

    >>> roles_alike("police chief inspector general", "head police")
    True
    >>> roles_alike("mr", "mr"), roles_alike("student", "driver")
    (False, False)
    >>> roles_alike("police spokesperson", "police spokesman sgt")
    True
    """
    wa, wb = _role_words(a), _role_words(b)
    if not wa or not wb:
        return False
    return fuzz.token_set_ratio(" ".join(wa), " ".join(wb)) >= ROLE_THRESHOLD


def roles_differ(a: str | None, b: str | None) -> bool:
    """Two roles that name two different offices: both say what a person is ("nurse",
    "regional police chief") and they are not alike. A role the parse took from words
    that name no person ("port district station") tells nothing against another.

    >>> roles_differ("nurse", "regional police chief"), roles_differ("spokesman", None)
    (True, False)
    >>> roles_differ("port authority spokesman", "port district station")
    False
    """
    if not (a and b) or roles_alike(a, b):
        return False
    return _names_a_person(a) and _names_a_person(b)


def _names_a_person(role: str) -> bool:
    return any(w in PERSON_ROLES or (len(w) > 4 and w.endswith(lexicon.PERSON_SUFFIXES))
               for w in _role_words(role))


PERSON_ROLES = lexicon.ROLE_WORDS | lexicon.PERSON_NOUNS | frozenset("chief head".split())
"""Words that say what a person is, beyond the endings that mostly do ("-er", "-ist")."""


def _role_words(role: str | None) -> list[str]:
    if not role:
        return []
    words = [ROLE_SYNONYMS.get(w, w) for w in re.findall(r"[a-z]+", role.lower())]
    return sorted(w for w in words if w not in NOT_ROLES)


BRITISH_ENDINGS = (("tre", "ter"), ("our", "or"), ("ence", "ense"), ("isation", "ization"),
                   ("ise", "ize"), ("ised", "ized"), ("gramme", "gram"), ("ogue", "og"))
"""British spellings and their American forms: "Centre" and "Center" name one thing."""


def american(word: str) -> str:
    """A word's American spelling, so that the two spellings of one name are one key.

    >>> american("centre"), american("labour"), american("defence"), american("four")
    ('center', 'labor', 'defense', 'four')
    """
    if len(word) < 6:
        return word
    for british, form in BRITISH_ENDINGS:
        if word.endswith(british):
            return word[: -len(british)] + form
    return word
