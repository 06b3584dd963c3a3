"""People named in an article, and the aliases they go by."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..models import (
    Article,
    Claim,
    ClaimKind,
    Subject,
)
from ..spelling import SLIP_MIN, Alike, alike, fold
from .records import _context, _make, sent_text
from .syntax import _ent_at, ents_of
from .text import tokens_of

ALIAS_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in lexicon.ALIAS_CUES) + r")\s*,?\s*[\"“”'‘’]\s*"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)\s*[,.]?\s*[\"”“'’]",
)


def _alias_claims(article: Article, sent: Span) -> Iterator[Claim]:
    for m in ALIAS_RE.finditer(sent_text(sent)):
        start = sent.start_char + m.start("name")
        end = sent.start_char + m.end("name")
        name = article.text[start:end]
        subject = Subject(noun="alias", role=m.group(0).split()[0].lower(), context=name)
        yield _make(article, ClaimKind.ALIAS, start, end, sent, name, subject)


def _person_claims(article: Article, doc: Doc, others: list[Claim]) -> Iterator[Claim]:
    aliases = [(c.start, c.end) for c in others if c.kind is ClaimKind.ALIAS]
    lower_words = {t.lower_ for t in tokens_of(doc) if t.is_lower}
    surnames = {e[-1].lower_ for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
    not_people = {e.text.lower() for e in ents_of(doc) if e.label_ in _NOT_PERSON_LABELS} - surnames
    for span in _person_spans(doc):
        cleaned = _clean_name(span)
        if cleaned is None:
            continue
        start, end = cleaned
        span = doc.char_span(start, end, alignment_mode="expand") or span
        start = _split_first_word(doc, span[0])
        if any(s < end and start < e for s, e in aliases):
            continue
        name = article.text[start:end]
        tokens = name.split()
        if not tokens or any(ch.isdigit() for ch in name) or name.lower() in not_people:
            continue
        if tokens[-1].lower() in lower_words:
            continue  # a common word capitalised ("Ketamine is ...", "Fraud Case"), not a person
        if span.end < len(doc) and doc[span.end].lower_ in _PLACE_HEADS:
            continue
        if _not_a_person(span, len(tokens)):
            continue
        sent = span.sent
        subject = Subject(noun="person", role=_role(span), context=_context(doc, sent, span.root))
        yield _make(article, ClaimKind.PERSON, start, end, sent, " ".join(tokens), subject)


_NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "EVENT", "LAW"})

ROLE_NOUNS = frozenset(
    """
    lawyer prosecutor judge spokesman spokeswoman spokesperson official officer minister
    president chief director head leader commander attorney defendant suspect protester
    resident witness doctor professor expert analyst inspector constable superintendent
    secretary governor mayor senator lawmaker activist survivor victim priest chairman
    chairwoman chair chairperson manager founder editor correspondent reporter
    """.split()
)
"""Lowercase role nouns that a name often follows ("prosecution lawyer A Rahmani")."""

KIN_NOUNS = frozenset(
    """
    son daughter wife husband widow widower brother sister father mother nephew niece
    uncle aunt cousin grandson granddaughter grandfather grandmother stepson stepdaughter
    """.split()
)
"""Family words: "her son Tarek Aziz", "his nephew Omar Haddad" name a person next."""


def _person_spans(doc: Doc) -> Iterator[Span]:
    """spaCy's PERSON entities, plus capitalised names right after a role noun."""
    covered: set[int] = set()
    for ent in ents_of(doc):
        if ent.label_ == "PERSON":
            ent = _widened(ent)
            covered.update(range(ent.start, ent.end))
            yield ent
    for ent in ents_of(doc):
        if ent.label_ in _TITLED_LABELS and (rest := _name_after_title(ent)) is not None \
                and not covered.intersection(range(rest.start, rest.end)):
            covered.update(range(rest.start, rest.end))
            yield rest
    for tok in tokens_of(doc):
        if tok.lower_ not in ROLE_NOUNS and tok.lower_ not in KIN_NOUNS:
            continue
        if not tok.is_lower or tok.i + 1 >= len(doc):
            continue
        end = tok.i + 1
        while (
            end < len(doc)
            and end - tok.i <= 3
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and (doc[end].ent_type_ not in _NOT_PERSON_LABELS or _org_after_role(doc, tok))
        ):
            end += 1
        if end - tok.i >= 3 and not covered.intersection(range(tok.i + 1, end)):
            covered.update(range(tok.i + 1, end))
            yield doc[tok.i + 1 : end]
    for run in _untagged_subjects(doc):
        if not covered.intersection(range(run.start, run.end)):
            covered.update(range(run.start, run.end))
            yield run
    # a later mention by surname alone ("Kowalska said") is the same person
    surnames = {e[-1].text for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
    folded = {fold(s) for s in surnames}
    lower_words = None
    for tok in tokens_of(doc):
        if tok.i in covered:
            continue
        if tok.text in surnames and tok.pos_ == "PROPN":
            start = _given_names_before(doc, tok, covered)
            covered.update(range(start, tok.i + 1))
            yield doc[start : tok.i + 1]
        elif _misspelt_surname(tok, folded):
            if lower_words is None:
                lower_words = {t.lower_ for t in tokens_of(doc) if t.is_lower}
            if tok.lower_ not in lower_words:
                covered.add(tok.i)
                yield doc[tok.i : tok.i + 1]


def _given_names_before(doc: Doc, surname: Token, covered: set[int]) -> int:
    """Where a name the model missed starts: the surname of a person it tagged, with the
    capitalised compounds before it ("Chidi Okafor and Emeka Okafor": the model may tag
    only the first; the second is a relative's name, not the same person's)."""
    start = surname.i
    while start > 0 and surname.i - start < 2:
        tok = doc[start - 1]
        if not (tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.head.i == surname.i
                and tok.is_title and tok.is_alpha and not tok.ent_type_
                and tok.i not in covered and not tok.is_sent_start
                and tok.lower_ not in lexicon.HONORIFICS and tok.lower_ not in TITLE_WORDS):
            break
        start -= 1
    return start


MAX_NAME_WORDS = 5
"""Most words a person's name is widened to."""


def _widened(ent: Span) -> Span:
    """A PERSON entity the model cut short: "Mama Odhiambo" read as "Odhiambo", its given name
    a capitalised compound of the surname that no other entity holds; "Naveen Singh" before
    "Bhaduria", the surname the parse makes the head of the name and the model tagged
    otherwise or not at all."""
    doc, start = ent.doc, ent.start
    while start > 0:
        tok = doc[start - 1]
        if not (tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.text[:1].isupper()
                and ent.start <= tok.head.i < ent.end and not tok.ent_type_
                and tok.lower_.rstrip(".") not in lexicon.HONORIFICS
                and tok.lower_ not in TITLE_WORDS and not tok.is_sent_start):
            break
        start -= 1
    end = ent.end
    while end < len(doc) and end - start < MAX_NAME_WORDS:
        tok, last = doc[end], doc[end - 1]
        if not (tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha
                and last.dep_ == "compound" and last.head.i == tok.i
                and (not tok.ent_type_ or (tok.ent_iob_ == "B" and (
                    end + 1 == len(doc) or doc[end + 1].ent_iob_ != "I")))):
            break
        end += 1  # "Naveen Singh" and then "Bhaduria": the surname the model left out
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


_TITLED_LABELS = frozenset({"ORG", "FAC", "GPE"})


def _name_after_title(ent: Span) -> Span | None:
    """The person inside an entity the model took for an organisation or a place because
    it starts with a title ("District Commissioner Ravi Menon", "Major Tarek"): the one to
    three capitalised words after the last title word, when they name no organisation and
    no place. "General" first needs two words after it ("General Motors" is a firm)."""
    toks = list(ent)
    last = max((k for k, t in enumerate(toks[:-1]) if _title_token(t)), default=None)
    if last is None or not all(t.is_title for t in toks[: last + 1]):
        return None
    rest = ent.doc[ent.start + last + 1 : ent.end]
    if not 1 <= len(rest) <= 3 or (toks[0].lower_ == "general" and len(rest) < 2):
        return None
    if not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in rest):
        return None
    if rest[-1].lower_.rstrip(".") in lexicon.ORGANISATION_WORDS or names_a_place(rest):
        return None
    return rest


def _title_token(tok: Token) -> bool:
    word = tok.lower_.rstrip(".")
    return word in lexicon.HONORIFICS or word in TITLE_WORDS or word in lexicon.ROLE_WORDS


def _org_after_role(doc: Doc, role: Token) -> bool:
    """The model's ORG right after a role or family noun is a person it mislabelled ("his
    nephew Omar Haddad", "secretary Lena Brandt" tagged ORG) when it starts there, has two
    or three words and ends in no word only organisations end in."""
    ent = _ent_at(doc[role.i + 1]) if role.i + 1 < len(doc) else None
    return (
        ent is not None
        and ent.start == role.i + 1
        and ent.label_ == "ORG"
        and 2 <= len(ent) <= 3
        and all(t.pos_ == "PROPN" and t.is_title for t in ent)
        and not names_an_organisation(ent)
    )


UNTAGGED_LABELS = frozenset({"", "WORK_OF_ART"})
"""Labels a name the model missed carries: none, or a work of art (a name right after a
closing quote: '..." Tom Okafor, a spokesman, said')."""


def _untagged_subjects(doc: Doc) -> Iterator[Span]:
    """Two or three capitalised words the model named nothing (or a work of art) that are
    the subject of a verb in a sentence of running text: "Rhea Malik blamed the builder".
    A determiner ("the Kashan Express"), a word only organisations carry, or a place after
    it makes it no person's."""
    for tok in tokens_of(doc):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == tok:
            start -= 1
        run = doc[start : tok.i + 1]
        if any(c.dep_ in ("det", "poss") for c in tok.children):
            continue  # "the Kashan Express", "its Delta Line": a thing, not a person
        if not 2 <= len(run) <= 3 or not all(
                t.pos_ == "PROPN" and t.is_title and t.is_alpha and len(t) > 1
                and t.ent_type_ in UNTAGGED_LABELS and not _title_token(t) for t in run):
            continue
        words = [t for t in run.sent if t.is_alpha]
        if sum(t.is_lower for t in words) * 2 < len(words):
            continue  # a headline in title case: every word capitalised
        if run[-1].lower_ in lexicon.ORGANISATION_WORDS or names_a_place(run):
            continue
        yield run


def _misspelt_surname(tok: Token, surnames: set[str]) -> bool:
    """A capitalised word inside a sentence that no entity claims, one slip from the
    surname of a person the article names ("was not Kastorious but ..."), however the
    tagger read it."""
    if not (tok.is_title and tok.is_alpha and not tok.ent_type_ and not tok.is_sent_start):
        return False
    if tok.is_stop or len(tok.text) <= SLIP_MIN:
        return False
    word = fold(tok.text)
    return word not in surnames and any(alike(word, s) is Alike.SLIP for s in surnames)


_PLACE_HEADS = frozenset(
    """
    province city county district court village town region state river mountain street
    road university hospital airport port bay island
    """.split()
)


def names_a_place(span: Span) -> bool:
    """True when the syntax around a name says it names a place: "the city of X", "X, the
    tourist town", "X intermediate court", "the islands of X and Y", "Northport, Eastvale
    and X"."""
    root = span.root
    if root.dep_ == "conj" and root.head.i < span.start and len(span) == 1:
        first = root.head  # "the islands of X and Y": Y stands where X stands
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        listed = any(c.dep_ == "cc" for c in first.children)  # "X and Y", not "X, Y, a ..."
        if listed and (first.ent_type_ in ("GPE", "LOC", "FAC") or _place_syntax(first)):
            return True
    if _place_syntax(root) or span[-1].lower_ in lexicon.PLACE_NOUNS:
        return True
    conjuncts = root.conjuncts
    return len(conjuncts) >= 2 and all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in conjuncts)


def _place_syntax(root: Token) -> bool:
    head = root.head
    place = lexicon.PLACE_NOUNS
    if root.dep_ in ("compound", "nmod") and head.lemma_.lower() in place:
        return True
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lemma_.lower() in place or head.head.lower_ in lexicon.COMPASS)
    ):
        return True
    if (
        root.dep_ == "pobj"
        and head.lower_ in LOCATIVES
        and head.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("case", "compound") for c in root.children)
    ):
        return True  # "it was market day in X": one is in a place, not in a person
    return any(c.dep_ == "appos" and c.lemma_.lower() in place for c in root.children) or (
        root.dep_ == "appos" and head.lemma_.lower() in place
    )


LOCATIVES = frozenset("in near inside outside throughout across".split())
"""Prepositions of place: their object, after a verb, is where something happens."""


def names_an_organisation(span: Span) -> bool:
    """True when a name ends in a word that only organisations end in ("Ardena FC",
    "Acme Holdings", "the Workers' Party")."""
    return span[-1].lower_.rstrip(".") in lexicon.ORGANISATION_WORDS and len(span) > 1


def _not_a_person(span: Span, words: int) -> bool:
    """True when the syntax around a PERSON entity says it names a place, an organisation,
    a thing or a common noun: "the city of X", "X FC", "X is a drug", "took to X", "a storm
    named X"."""
    root = span.root
    head = root.head
    if names_a_place(span) or names_an_organisation(span):
        return True
    if words > 1:
        return False
    if head.lower_ in ("named", "called", "dubbed") and _thing_noun(head.head):
        return True  # "a storm named Ida": the name of a thing
    if root.tag_ == "NNPS":
        return True  # a plural proper noun ("Bitcoins") names no one person
    if (
        root.dep_ == "nsubj"
        and head.lemma_ == "be"
        and any(
            c.dep_ == "attr"
            and c.pos_ == "NOUN"
            and not _person_noun(c)
            and not c.lower_.endswith(lexicon.PERSON_SUFFIXES)
            for c in head.children
        )
    ):
        return True  # "Ketamine is a drug"
    if (
        root.dep_ == "pobj"
        and head.lower_ == "to"
        and head.head.lemma_ == "take"
        and not any(c.dep_ == "dobj" for c in head.head.children)
    ):
        return True  # "took to Twitter": a platform, as one takes to the streets
    doc = span.doc
    return (
        root.dep_ == "pobj"
        and head.lower_ in ("on", "via")
        and any(t.text.startswith("@") for t in doc[span.end : min(span.end + 4, len(doc))])
    )


def _thing_noun(tok: Token) -> bool:
    """A noun for a thing: not a person noun, nor "the gang" in "one member of the gang"."""
    if tok.pos_ != "NOUN" or _person_noun(tok):
        return False
    owner = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return owner is None or not (_person_noun(owner) or owner.like_num or owner.pos_ == "NUM")


def _person_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in lexicon.PERSON_NOUNS or lemma in ROLE_NOUNS or lemma in lexicon.ROLE_WORDS


def _clean_name(ent: Span) -> tuple[int, int] | None:
    toks = list(ent)
    while toks and (
        toks[0].lower_.rstrip(".") in lexicon.HONORIFICS
        or not toks[0].text[0].isalpha()
        or toks[0].pos_ == "VERB"
        or (len(toks) > 2 and toks[0].lower_ in TITLE_WORDS)  # "Chair Anna Kowalska"
    ):  # "Follow Ben Kew on ...": a verb starts no name
        toks = toks[1:]
    while toks and (toks[-1].lower_ in POSSESSIVES or not toks[-1].text[-1].isalnum()):
        toks = toks[:-1]
    if not toks or not toks[0].text[0].isupper():
        return None
    return toks[0].idx, own_end(toks[-1])


POSSESSIVES = ("'s", "’s", "‘s", "'", "’", "‘")
"""A possessive ending, with the apostrophe typed straight, curly or as an opening quote."""


def own_end(tok: Token) -> int:
    """Where a name's last word ends, less a possessive the tokenizer left on it (a name
    ending in a digit keeps "‘s" glued: "Unit 4‘s")."""
    end = tok.idx + len(tok.text)
    for ending in POSSESSIVES[:3]:
        if tok.text.endswith(ending) and len(tok.text) > len(ending):
            return end - len(ending)
    return end


def _split_first_word(doc: Doc, first: Token) -> int:
    """Where a name starts whose first word the tokenizer split as a contraction ("Im
    Seong Ho" read as "I" "m" "Seong Ho"), else ``first``'s own offset."""
    if first.i >= 2:
        a, b = doc[first.i - 2], doc[first.i - 1]
        if (
            not a.whitespace_ and b.whitespace_ and a.is_title and b.is_lower
            and a.pos_ == "PRON" and (a.text + b.text).isalpha()
            and (a.i == 0 or doc[a.i - 1].whitespace_ or doc[a.i - 1].is_punct)
        ):
            return a.idx
    return first.idx


TITLE_WORDS = ROLE_NOUNS | frozenset(["chair", "chairperson", "vice", "deputy"])
"""Capitalised words that open a title, not a name, when a name of two words follows."""


def _role(ent: Span) -> str | None:
    """The role the text gives a person: an appositive ("X, a senior official with ..."),
    else the title run right before the name ("disaster agency spokesman X", "Health
    Minister X"); a later name in a list shares the first one's title ("Special Police
    Officers A and B")."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos":
            words = [t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "ADJ")][:4]
            if words:
                return " ".join(words)
    doc = ent.doc
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        words = [
            t.lemma_.lower()
            for t in root.head.subtree
            if t.pos_ in ("NOUN", "ADJ") and t.i < ent.start and t.ent_type_ != "PERSON"
        ]
        if words:
            return " ".join(words[-3:])  # 'the White House's "border czar", Tom Baker'
    title = _title_before(doc, ent.start)
    head = root
    while title is None and head.dep_ == "conj" and head.head != head:
        head = head.head  # "Special Police Officers A and B": B shares A's title
        start = head.i
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head == head
            and doc[start - 1].pos_ == "PROPN"
        ):
            start -= 1
        title = _title_before(doc, start)
    return title


TITLE_RUN = 4
"""Longest title read before a name ("former revenue department official")."""


def _title_before(doc: Doc, start: int) -> str | None:
    """The title words right before ``doc[start]``, when the nearest one names a role."""
    words: list[str] = []
    i = start - 1
    while i >= 0 and len(words) < TITLE_RUN:
        tok = doc[i]
        if (
            tok.pos_ not in ("NOUN", "PROPN", "ADJ")
            or (tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG", "LOC", "DATE")
                and not (tok.ent_type_ == "PERSON" and _is_title(tok.lower_)))
            or not tok.is_alpha
        ):
            break
        words.append(_title_word(tok))
        i -= 1
    if not words or not _is_title(words[0]):
        return None
    return " ".join(reversed(words))


def _title_word(tok: Token) -> str:
    word = tok.lower_
    if word.endswith("s") and _is_title(word[:-1]):
        return word[:-1]  # "Officers A and B"
    return tok.lemma_.lower() if tok.pos_ != "PROPN" else word


def _is_title(word: str) -> bool:
    return (
        word in ROLE_NOUNS
        or word in lexicon.ROLE_WORDS
        or word in lexicon.HONORIFICS
        or word in lexicon.PERSON_NOUNS
    )
