"""Small readings of the dependency parse shared by the claim families."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..quantities import Found
from .records import CLAUSE_DEPS

_ENTS = "factcheck.ents"


def _ents_in(span: Span) -> list[Span]:
    """``span.ents``, the entities inside a span, without building every entity of the
    document again as spaCy's property does: asked of every sentence, that is quadratic in
    a long document."""
    ents, starts = _doc_ents(span.doc)
    out = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def _doc_ents(doc: Doc) -> tuple[list[Span], list[int]]:
    """The document's entities and where each starts, built once and kept."""
    found = doc.user_data.get(_ENTS)
    if found is None:
        ents = list(doc.ents)
        found = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    return found


def ents_of(doc: Doc) -> list[Span]:
    """``doc.ents``, built once and kept: spaCy builds every entity span anew on each call."""
    return _doc_ents(doc)[0]


def _ent_at(token: Token) -> Span | None:
    """The entity a token is part of, found among the document's entities built once."""
    ents, starts = _doc_ents(token.doc)
    at = bisect_right(starts, token.i) - 1
    return ents[at] if at >= 0 and token.i < ents[at].end else None


def _noun_family(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in lexicon.PERSON_NOUNS:
        return "person"
    return lexicon.PERSON_FAMILIES.get(lemma)


def _unit_words(found: Found) -> set[str]:
    return {w.lower() for w in (found.unit_text or "").split()}


def _member_clause(clause: Token) -> bool:
    """A relative clause about one member ("..., one of whom received ...")."""
    return any(
        t.like_num or t.lower_ in ("one", "some", "all")
        for t in clause.children
        if t.dep_ in ("nsubj", "nsubjpass")
    )


def _where_spent(token: Token) -> Token | None:
    """The state a duration is spent in: "three years on supervision", "in prison"."""
    for tok in (token, token.head):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "under", "behind") \
                    and child.i > token.i:
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand.pos_ == "NOUN":
                        return grand
    return None


def _in_child(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ == "NOUN" and grand.ent_type_ == "":
                    return grand
    return None


def _of_child(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def to_infinitive(verb: Token) -> bool:
    """The verb stands after "to" ("set to lose", "has 21 days to appeal", "to be freed")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def hyphen_first(word: Token) -> Token | None:
    """The word before a hyphen the tokenizer split off ``word`` ("stand-off",
    "short-tailed"), when both halves are written as one: the first half, or None."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].text != "-" or doc[word.i - 1].whitespace_ \
            or doc[word.i - 2].whitespace_ or not doc[word.i - 2].is_alpha:
        return None
    return doc[word.i - 2]


def _governing_verb(token: Token) -> Token | None:
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head == token:
            return None
        token = token.head
        seen += 1
    return None


def _clause_tokens(verb: Token | None, exclude: Token) -> Iterator[Token]:
    """Tokens of the verb's own clause, without the counted phrase or other clauses."""
    if verb is None:
        return
    skip = set(t.i for t in exclude.subtree)
    stack = [verb]
    while stack:
        tok = stack.pop()
        if tok.i in skip:
            continue
        yield tok
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)


def _counted(tok: Token) -> bool:
    """A token that is itself counted: "eight crew", "149 passengers"."""
    return tok.like_num or any(c.dep_ == "nummod" and c.like_num for c in tok.children)


