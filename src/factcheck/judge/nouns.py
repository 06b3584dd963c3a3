"""What a counted noun says of the people or things a figure counts: its class (people,
a population, a kind of thing), its family ("inmates" and "detainees"), and whether two
nouns name one kind ("crewmember" and "crew", "IPO" and "initial public offering")."""

from __future__ import annotations

from .. import lexicon
from ..models import Measure


def initials_of(short: str, other: Measure) -> bool:
    """ "IPO" is the "initial public offering" another outlet wrote out: the letters of a
    short thing are the initials of the other's words (its modifiers and its noun)."""
    if not 2 <= len(short) <= 5 or " " in short or not other.thing:
        return False
    words = [n.lstrip("~") for n in other.narrow if n.startswith("~")] + other.thing.split()
    return len(words) == len(short) and sorted(w[0] for w in words) == sorted(short)


def same_people(a: Measure, b: Measure) -> bool:
    """Both count the same responders ("firefighters", "soldiers"): what they are doing
    varies from one report to the next ("battling", "deployed"), who they are does not."""
    ta, tb = a.thing, b.thing
    if not ta or not tb:
        return False
    fa, fb = family(ta), family(tb)
    if fa not in lexicon.RESPONDER_FAMILIES or fb not in lexicon.RESPONDER_FAMILIES:
        return False
    return fa == fb or same_word(ta, tb)


def same_specific_thing(a: Measure, b: Measure) -> bool:
    """Both count one specific kind of thing or person (bidders, properties, survivors),
    not anyone ("people") nor nothing said."""
    ta, tb = a.thing, b.thing
    if not ta or not tb or ta in lexicon.GENERIC_PERSONS or tb in lexicon.GENERIC_PERSONS:
        return False
    return noun_class(ta) == noun_class(tb) and (ta == tb or same_word(ta, tb)
                                                    or noun_class(ta) != "person")


def same_word(a: str, b: str) -> bool:
    """ "crewmember" and "crew", "policeman" and "police officer": one word, two forms."""
    x, y = a.replace(" ", ""), b.replace(" ", "")
    return x.startswith(y) or y.startswith(x)


def noun_names_events(named: str | None, ea: str | None, eb: str | None) -> bool:
    """The counted noun names an event ("survivors": rescued) and neither figure's verb
    names another: the verbs the lexicon does not know say nothing against it."""
    return bool(named) and {lexicon.known_event(ea), lexicon.known_event(eb)} <= {named, None}


def gendered(noun: str | None) -> str | None:
    """The family of a noun that names men or women alone ("men", "women")."""
    found = family(noun)
    return found if found in lexicon.PART_FAMILIES else None


def family(noun: str | None) -> str | None:
    """The family of people a noun counts ("inmate", "detainee": prisoners), if any."""
    if noun is None:
        return None
    return lexicon.PERSON_FAMILIES.get(noun) or lexicon.PERSON_FAMILIES.get(noun.rstrip("s"))


def noun_class(noun: str | None) -> str | None:
    """ "person" for a noun that counts people, "population", else the noun's head synonym."""
    if noun is None:
        return None
    if noun == "population":
        return "population"
    if noun in lexicon.PERSON_NOUNS or noun.rstrip("s") in lexicon.PERSON_NOUNS \
            or noun in lexicon.PERSON_FAMILIES:
        return "person"
    return lexicon.NOUN_SYNONYMS.get(noun, noun)
