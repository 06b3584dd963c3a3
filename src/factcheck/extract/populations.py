"""Figures of people a place holds ("a city of 500,000", "home to 70,000") and of people
who turned out to vote ("14 million voted")."""

from __future__ import annotations

from spacy.tokens import Token

from .. import lexicon


def turned_out(verb: Token | None, anchor: Token) -> bool:
    """The figure's subject "voted" for no one and on nothing, or "cast a ballot" for no
    one: how many turned out ("14 million (70%) voted"; "the board voted 7-2" is a tally)."""
    if verb is None or verb.lemma_.lower() not in ("vote", "cast"):
        return False
    subject = anchor
    if subject.dep_ == "pobj" and subject.head.lower_ == "of":
        subject = subject.head.head  # "64% of voters"
    if subject.dep_ == "appos":
        subject = subject.head  # "14 million (70%)"
    if subject.dep_ != "nsubj" or subject.head != verb:
        return False
    if any(c.dep_ in ("prep", "agent") and c.lower_ in ("for", "against", "on", "by")
           for c in verb.children):
        return False
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")]
    if verb.lemma_.lower() == "vote":
        return not objects
    return bool(objects) and all(o in ("ballot", "vote") for o in objects)


def is_population(anchor: Token, verb: Token | None, owner: Token | None) -> bool:
    """ "home to 160,000 people", "Springfield, which has 170,000 people": how many live there."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "population":
        return True
    if anchor.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "home":
        return True
    if verb is not None and verb.lemma_ == "have" and anchor.dep_ == "dobj":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (
            subject.ent_type_ in ("GPE", "LOC")
            or subject.lower_
            in ("which", "city", "town", "country", "region", "province", "state", "island")
        ):
            return (
                subject.lower_ != "which"
                or (verb.dep_ == "relcl" and (verb.head.pos_ == "PROPN" or settlement(verb.head)))
                or verb.head.ent_type_ in ("GPE", "LOC")
            )
    return False


def dwellers(anchor: Token) -> bool:
    """ "A city of 500,000 people", "a town of 7,000", "the nation's 16 million people",
    "its 500,000 residents": how many live in a place, whatever the sentence says of them."""
    head = anchor.head
    if settlement(anchor) and any(
            c.lower_ == "of" and any(o.dep_ == "pobj" and o.like_num for o in c.children)
            for c in anchor.children):
        return True  # "a town of about 7,000": the people are left unsaid
    if anchor.like_num and anchor.dep_ == "appos" and head.lemma_.lower() == "population":
        return True  # "the city, population 3,000"
    if anchor.lemma_.lower() not in lexicon.DWELLERS:
        return False
    if anchor.dep_ == "pobj" and head.lower_ == "of" and settlement(head.head):
        return True
    owner = next((c for c in anchor.children if c.dep_ == "poss"), None)
    return owner is not None and (settlement(owner) or (
        owner.pos_ == "PRON" and anchor.lemma_.lower() in ("resident", "inhabitant")))


def settlement(token: Token) -> bool:
    """A place people live in: a city, a country, or a name the model tags as one."""
    return token.lemma_.lower() in lexicon.SETTLEMENT_NOUNS or token.ent_type_ == "GPE"
