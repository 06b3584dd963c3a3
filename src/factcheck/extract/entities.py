"""Organisations, groups and places named in an article.

The tagger's labels for one name wander (a football club is an organisation in one
sentence, a place in the next), so the kind a claim gets is the label its article gives
that name most often; the judge groups organisations and places together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .. import lexicon
from ..models import Article, Claim, ClaimKind, Subject
from ..spelling import fold
from .names import POSSESSIVES, TITLE_WORDS, names_a_place, names_an_organisation, own_end
from .records import _context, _make
from .syntax import ents_of
from .text import tokens_of

LABEL_KINDS = {
    "ORG": ClaimKind.ORGANISATION,
    "NORP": ClaimKind.ORGANISATION,
    "GPE": ClaimKind.PLACE,
    "LOC": ClaimKind.PLACE,
    "FAC": ClaimKind.PLACE,
}
"""spaCy's entity labels for organisations, groups and places, and the kind each gives."""

DASHES = frozenset("-–—|")


def _entity_claims(article: Article, doc: Doc, people: list[Claim], *,
                   scopes: list[tuple[int, int]], skip: tuple[int, int] | None = None
                   ) -> Iterator[Claim]:
    """A claim for every mention of an organisation, group or place in the scopes (the
    body and the headline, less ``skip``), none overlapping a person's name."""
    taken = sorted((c.start, c.end) for c in people)
    person_words = {w for c in people for w in fold(c.value).split()}
    found: list[tuple[Span, ClaimKind, int, int]] = []
    for ent in (part for whole in [*ents_of(doc), *_unlabelled_organisations(doc)]
                for part in _split_at_verbs(whole)):
        ent, grown = _grown(ent)
        kind = ClaimKind.ORGANISATION if grown or not ent.label_ else _kind_of(ent)
        if kind is None:
            continue
        cleaned = _clean(ent)
        if cleaned is None:
            continue
        start, end = cleaned
        if not any(s <= start and end <= e for s, e in scopes):
            continue
        if skip is not None and skip[0] <= start < skip[1]:
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        name = article.text[start:end]
        if kind is ClaimKind.ORGANISATION and set(fold(name).split()) <= person_words:
            continue  # a person's name the tagger took for an organisation ("Rico said")
        found.append((ent, kind, start, end))
    # one name, one kind within an article: the label the article gives it most
    kinds: dict[str, Counter] = {}
    for _ent, kind, start, end in found:
        kinds.setdefault(fold(article.text[start:end]), Counter())[kind] += 1
    for ent, _kind, start, end in found:
        name = article.text[start:end]
        counts = kinds[fold(name)]
        kind = max(sorted(counts, key=lambda k: k.value), key=counts.__getitem__)
        sent = ent.sent
        subject = Subject(noun=kind.value, role=_role(ent),
                          context=_context(doc, sent, ent.root))
        yield _make(article, kind, start, end, sent, name, subject)


def _unlabelled_organisations(doc: Doc) -> Iterator[Span]:
    """Capitalised words the tagger left unlabelled that end in a word only organisations
    end in ("Ardena FC", "Morwen Holdings")."""
    for tok in tokens_of(doc):
        if tok.ent_type_ or not tok.text[:1].isupper() or tok.i == 0 \
                or tok.lower_.rstrip(".") not in lexicon.ORGANISATION_WORDS:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and not doc[start - 1].ent_type_:
            start -= 1
        if start < tok.i:
            yield doc[start:tok.i + 1]


def _split_at_verbs(ent: Span) -> list[Span]:
    """An entity cut at a verb in lower case inside it, which names run into each other
    around ("Nordpress citing Ana Rivas Molina"): a name holds no such word."""
    cuts = [t.i for t in ent if t.is_lower and t.pos_ in ("VERB", "AUX") and ent.start < t.i]
    if not cuts:
        return [ent]
    starts, ends = [ent.start, *(i + 1 for i in cuts)], [*cuts, ent.end]
    return [Span(ent.doc, a, b, label=ent.label_) for a, b in zip(starts, ends, strict=True)
            if b > a]


def _grown(ent: Span) -> tuple[Span, bool]:
    """The entity with the capitalised word that makes it an organisation, when the
    tagger left that word out ("Ardena" of "Ardena FC"), and whether it did."""
    doc = ent.doc
    if ent.label_ in ("ORG", "NORP", "GPE") and ent.end < len(doc):
        after = doc[ent.end]
        if (
            after.lower_.rstrip(".") in lexicon.ORGANISATION_WORDS
            and after.text[:1].isupper()
            and not after.ent_type_
        ):
            return doc[ent.start:ent.end + 1], True
    return ent, False


def _kind_of(ent: Span) -> ClaimKind | None:
    if ent.label_ == "PERSON":
        if names_an_organisation(ent):
            return ClaimKind.ORGANISATION
        return ClaimKind.PLACE if names_a_place(ent) else None
    kind = LABEL_KINDS.get(ent.label_)
    if ent.label_ == "NORP" and not _names_a_group(ent):
        return None
    return kind


def _names_a_group(ent: Span) -> bool:
    """A NORP entity names a group ("the Taliban", "the Social Democrats") when it stands
    as a noun with "the" or in several words; alone it is mostly a nationality or a
    faith ("Chilean", "Muslims")."""
    root = ent.root
    if root.pos_ not in ("PROPN", "NOUN") or root.dep_ in ("amod", "compound"):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return len(ent) > 1 or (before is not None and before.lower_ == "the")


def _clean(ent: Span) -> tuple[int, int] | None:
    """The name's own characters: no "the", title, possessive or punctuation around it;
    None for what is no name (a dateline run into a headline, digits, lower case)."""
    if any(t.text in DASHES and t.whitespace_ for t in ent) or "\n" in ent.text:
        return None
    toks = list(ent)
    while toks and (
        toks[0].lower_ == "the"
        or not toks[0].text[0].isalnum()
        or (len(toks) > 1 and toks[0].lower_ in TITLE_WORDS)
    ):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in POSSESSIVES or not toks[-1].text[-1].isalnum()):
        toks = toks[:-1]
    if not toks or toks[0].is_lower:
        return None  # "Minister of Health": a title, not a body
    text = "".join(t.text_with_ws for t in toks).strip()
    if not any(ch.isupper() for ch in text) or not any(ch.isalpha() for ch in text):
        return None
    if len(text) < 2 or sum(ch.isdigit() for ch in text) > len(text) // 2:
        return None
    return toks[0].idx, own_end(toks[-1])


def _role(ent: Span) -> str | None:
    """What the text calls the place or organisation: the noun it stands beside ("the
    islands of X", "X, the tourist town", "the X stadium")."""
    root = ent.root
    head = root.head
    if root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.i >= ent.end:
        return head.lemma_.lower()
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head.lemma_.lower()
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child.lemma_.lower()
    if root.dep_ == "appos" and head.pos_ == "NOUN":
        return head.lemma_.lower()
    return None
