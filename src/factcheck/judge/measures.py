"""Whether two numeric claims measure the same thing, read from their :class:`Measure`.

Linking is recall-first: two figures are candidates when their things and events are
compatible. A candidate pair is kept apart only for a reason its text states, each a
small named predicate below (another holder, scope, time, mode, a change against a
level, a part of a set, another narrowing); :func:`apart_reason` names the first that
holds, so a report can say why two figures were not compared.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from .. import lexicon
from ..models import Claim, ClaimKind, Measure
from .nouns import (
    family,
    gendered,
    initials_of,
    noun_class,
    noun_names_events,
    same_people,
    same_specific_thing,
    same_word,
)
from .values import NAME_THRESHOLD, SPELLING_SIMILARITY, _agree, _magnitude

SAME_MEASURE_SCORE = 90
"""Score of two claims that state the same measure: one thing, one event."""

MAX_CONTEXT_RATIO = 5.0
"""Figures further apart than this are not joined on context alone."""

STRICT_NARROWING = ("penalty:",)
"""Narrowings that set claims apart when one has them and the other not: the sentence
handed down ("two got life" is not "nine were jailed")."""

KEYED_NARROWING = ("of:", "for:")
"""Narrowings that set claims apart only when both state one and they differ: a
nationality, a charge (one outlet may leave out what another says)."""

PART_FAMILIES_APART = frozenset({"and", "other", "including"})

PHYSICAL = frozenset({"length", "mass", "area", "volume", "speed", "magnitude", "temperature",
                      "power", "energy"})
"""Dimensions of a thing's own size: its verb varies ("the 19-tonne lorry", "the lorry
weighed 19 tonnes"), its measure does not."""


def measure_of(claim: Claim) -> Measure:
    return claim.subject.measure or Measure()


# --- the named reasons ---------------------------------------------------------------------


def other_topic(a: Claim, b: Claim) -> bool:
    """The claim book puts them under different topics."""
    ta, tb = a.subject.topic, b.subject.topic
    return bool(ta and tb and ta != tb)


def other_currency(a: Claim, b: Claim) -> bool:
    """Rupees and dollars are compared through a stated conversion only."""
    return (a.amount is not None and b.amount is not None and a.amount.dimension == "money"
            and a.amount.unit != b.amount.unit and not (a.restates or b.restates))


def other_mode(a: Claim, b: Claim) -> bool:
    """What a stadium can hold is not who was there; a forecast or a presumption is not
    what happened; a rate per day is not a total. Only the dead are presumed apart from
    the counted: "20 miners are stuck", "18 are likely to be trapped" are one estimate."""
    ma, mb = measure_of(a), measure_of(b)
    if {ma.mode, mb.mode} == {"presumed", None} and _event(ma) and _event(ma) == _event(mb) \
            and lexicon.known_event(_event(ma)) != "killed":
        return False
    return ma.mode != mb.mode


def change_against_level(a: Claim, b: Claim) -> bool:
    """ "fell 24 percent" is a change; "24 percent of the vote" a level."""
    ca, cb = measure_of(a).change, measure_of(b).change
    if ca is None or cb is None:
        return ca != cb
    return ca != cb and "change" not in (ca, cb)


def other_holder(a: Claim, b: Claim) -> bool:
    """Another candidate's share, another company's stores, another ship's tonnage."""
    ha, hb = measure_of(a).holder, measure_of(b).holder
    if a.kind is ClaimKind.RATIO and not _same_compared(a, b):
        if not ha and not hb and _whole_share(measure_of(a), measure_of(b)) \
                and (a.article != b.article or _agree(a, b)):
            # "turnout was 52 percent", "participation of 57%": everyone's; two turnouts
            # one article gives are of two votes
            return False
        if not ha and not hb and _share_of_one_set(measure_of(a), measure_of(b)) \
                and a.article != b.article:
            return False  # "58 percent of polling stations", then "81 percent of them"
        return not same_holder(ha, hb)  # a share without its holder is nobody's rival
    if measure_of(a).thing == "age":
        named_a = bool(ha) and not measure_of(a).common_holder
        named_b = bool(hb) and not measure_of(b).common_holder
        if a.article == b.article and named_a != named_b and not _agree(a, b):
            return True  # "the 61-year-old singer" and "her 23-year-old son"
        # "a 41-year-old man", "a woman aged 29": two kinds are two people; a kind may
        # be the person another report names
        if not (ha and hb) or named_a != named_b:
            return False
        return not same_holder(ha, hb) if named_a else ha != hb
    if not (ha and hb) or same_holder(ha, hb):
        return False
    # two names, or two common nouns, are two holders; "the ship" may be "the Sewa"
    return measure_of(a).common_holder == measure_of(b).common_holder


def _whole_share(ma: Measure, mb: Measure) -> bool:
    """Two shares that no holder owns and that name one known event of the whole (a
    turnout, the share of people evacuated), of one thing or of none said."""
    event = _event(ma)
    return bool(event and lexicon.known_event(event) and event == _event(mb)
                and (ma.thing is None or mb.thing is None or ma.thing == mb.thing))


def _share_of_one_set(ma: Measure, mb: Measure) -> bool:
    """Two shares that no holder owns of one specific set named by its noun (polling
    stations, homes, schools), not of anyone ("people") nor of nothing said."""
    ta, tb = ma.thing, mb.thing
    return bool(ta and tb and not {ta, tb} & (lexicon.GENERIC_PERSONS | CANDIDATES_SHARES)
                and (ta == tb or same_word(ta, tb)))


CANDIDATES_SHARES = frozenset("vote ballot seat delegate".split())
"""What a share is a candidate's share of, named or not: two shares of the vote with no
holder are likely two candidates'."""


def other_scope(a: Claim, b: Claim) -> bool:
    """Two places, or a region against the nation ("nationwide")."""
    ma, mb = measure_of(a), measure_of(b)
    if ma.thing == "age" == mb.thing and ma.holder and same_holder(ma.holder, mb.holder):
        return False  # "Malvaner, 16, from Westford": a person's age has no place
    sa, sb = set(ma.scope), set(mb.scope)
    if not sa or not sb:
        return bool((sa | sb) & NATION_WORDS) or bool(
            {s for s in sa | sb if s.startswith("stage:")})
    return sa != sb


NATION_WORDS = frozenset(lexicon.SCOPE_WORDS)


def other_time(a: Claim, b: Claim, published: dict[str, str | None]) -> bool:
    """Another year, a change over another stretch of time ("since the audit" against
    "on the announcement"), or the usual level against what happened."""
    ta, tb = measure_of(a).time, measure_of(b).time
    if ("usual" in ta) != ("usual" in tb):
        return True  # "the usual 360 a day" is the baseline that "700 a day" is measured by
    if (lexicon.PRIOR_LEVEL in ta) != (lexicon.PRIOR_LEVEL in tb):
        return True  # "to 8% from 6.5%": the level before the change is another time
    wa, wb = _window(ta), _window(tb)
    if wa and wb and wa != wb and (measure_of(a).change or measure_of(b).change):
        return True
    ya, yb = _years(ta, published.get(a.article)), _years(tb, published.get(b.article))
    if not (ya and yb) or ya & yb:
        return False
    stated_a, stated_b = _stated_years(ta), _stated_years(tb)
    if stated_a and stated_b:
        return True
    # one year is only the publication's: a figure told without its year may be of the
    # year before ("won 10 contracts in 2017" in a January 2018 report), not of decades ago
    return _gap(ya, yb) > 1


def _stated_years(time: tuple[str, ...]) -> bool:
    return any(t.startswith("year:") for t in time)


def _gap(ya: frozenset[str], yb: frozenset[str]) -> int:
    try:
        return min(abs(int(x[5:]) - int(y[5:])) for x in ya for y in yb)
    except ValueError:
        return 2


def other_event(a: Claim, b: Claim) -> bool:
    """What happened differs: the killed are not the injured; people who arrived are not
    people who crashed. A figure with no verb of its own is no rival's opposite."""
    ma, mb = measure_of(a), measure_of(b)
    ea, eb = _event(ma), _event(mb)
    if ea == eb or (ma.mode == "capacity" and same_holder(ma.holder, mb.holder)):
        return False  # what a stadium "holds", "seats" or "can take" is one capacity
    if _one_own_size(ma, mb):
        return False  # "the six-storey block caught fire", "a seven-storey block"
    if ea and eb:
        if a.kind in (ClaimKind.QUANTITY, ClaimKind.RATIO) and not (
                lexicon.known_event(ea) and lexicon.known_event(eb)):
            return False  # a weight, a span, a share: verbs vary, the context decides
        if noun_names_events(lexicon.known_event(ma.thing) or lexicon.known_event(mb.thing),
                              ea, eb):
            return False  # "12 survivors picked up", "15 survivors rescued": the noun says it
        if not (lexicon.known_event(ea) or lexicon.known_event(eb)) and (
                same_people(ma, mb) or same_specific_thing(ma, mb)):
            # firefighters "struggling", "battling", "deployed": one crew; five bidders
            # "involved", six bidders "came": verbs vary, the context decides
            return False
        return not (ea in _descriptors(mb) or eb in _descriptors(ma))
    if a.kind is ClaimKind.QUANTITY and a.amount is not None \
            and a.amount.dimension not in PHYSICAL and not (ma.thing and ma.thing == mb.thing):
        return True  # "three days of rain" is not "rose in six hours": a span needs its event
    known = ea or eb
    other = mb if ea else ma
    if lexicon.known_event(known) is None:
        # "Acme's 600 stores" is the chain, "closed 400 stores" what happened to some:
        # a figure with no verb of its own is no rival of one whose verb the lexicon
        # does not know
        return a.kind is ClaimKind.COUNT
    return bool(other.thing) and noun_class(other.thing) not in ("person", "population") \
        and a.kind is ClaimKind.COUNT and known in lexicon.PERSON_EVENTS  # "21-storey building"


def other_thing(a: Claim, b: Claim) -> bool:
    """Counts of different things: stores are not customers, rescuers are not victims,
    men are not women."""
    ta, tb = measure_of(a).thing, measure_of(b).thing
    if not ta or not tb or ta == tb or _one_own_size(measure_of(a), measure_of(b)):
        return False
    if measure_of(a).mode == "capacity" and same_holder(measure_of(a).holder,
                                                        measure_of(b).holder):
        return False  # "a 42,000-seat stadium" holds 42,000 people
    na, nb = noun_class(ta), noun_class(tb)
    if na != nb and "person" in (na, nb) and _event(measure_of(a)) == _event(measure_of(b)) \
            and lexicon.known_event(_event(measure_of(a))) in lexicon.PERSON_EVENTS \
            and (ta if na != "person" else tb) not in lexicon.NOUN_SYNONYMS:
        na = nb = "person"  # "eight bootleggers arrested": who is arrested is a person
    if na != nb:
        return not (initials_of(ta, measure_of(b)) or initials_of(tb, measure_of(a)))
    fa, fb = family(ta), family(tb)
    if (fa and fb and fa != fb) or (gendered(ta) != gendered(tb)):
        return True
    if na == "person" and not (fa and fa == fb):
        specific = {ta, tb} - lexicon.GENERIC_PERSONS
        return len(specific) == 2 and not same_word(ta, tb)  # customers are not employees
    return False


def other_narrowing(a: Claim, b: Claim) -> bool:
    """ "critically injured" is not "injured in intensive care"; a sentence handed down,
    a nationality or a charge narrows strictly."""
    ma, mb = measure_of(a), measure_of(b)
    # the words an acronym stands for are no narrowing ("IPO", "initial public offering")
    spelt_a = bool(mb.thing) and initials_of(mb.thing, ma)
    spelt_b = bool(ma.thing) and initials_of(ma.thing, mb)
    na = {n.lstrip("~") for n in ma.narrow if not (spelt_a and n.startswith("~"))}
    nb = {n.lstrip("~") for n in mb.narrow if not (spelt_b and n.startswith("~"))}
    for prefix in STRICT_NARROWING:
        if {n for n in na if n.startswith(prefix)} != {n for n in nb if n.startswith(prefix)}:
            return True
    for prefix in KEYED_NARROWING:
        ka = {n for n in na if n.startswith(prefix)}
        kb = {n for n in nb if n.startswith(prefix)}
        if ka and kb and not ka & kb:
            return True
    keyed = (*STRICT_NARROWING, *KEYED_NARROWING, "also:")
    na = {n for n in na if not n.startswith(keyed)}
    nb = {n for n in nb if not n.startswith(keyed)}
    if not na or not nb:
        return False
    return not _overlap(na, nb | {measure_of(b).event or ""}) and not _overlap(
        nb, na | {measure_of(a).event or ""})


def other_part(a: Claim, b: Claim) -> bool:
    """ "149 passengers and eight crew" are parts of those aboard; "293 others" are the rest
    of a set; "including 14" a part of one: they compare only with figures of the same
    kind of part, or that share what narrows them."""
    pa, pb = measure_of(a).part, measure_of(b).part
    if _narrowed_part_of_whole(a, b) or _narrowed_part_of_whole(b, a):
        return True
    ka, kb = pa if pa in PART_FAMILIES_APART else None, pb if pb in PART_FAMILIES_APART else None
    if ka == kb:
        return False
    if "other" in (ka, kb):
        return True  # "a further eight presumed dead on the island" are not all of them
    if _specific_overlap(measure_of(a), measure_of(b)):
        return False
    ta, tb = measure_of(a).thing, measure_of(b).thing
    # "149 passengers and eight crew" against "six crew members": one part, named alike
    return not ("and" in (ka, kb) and ta is not None and tb is not None
                and (ta == tb or same_word(ta, tb)))


def _narrowed_part_of_whole(a: Claim, b: Claim) -> bool:
    """ "one of them seriously" is a part of the injured, not a rival of "eight injured":
    a part its text narrows stands apart from a whole that does not share the narrowing."""
    ma, mb = measure_of(a), measure_of(b)
    restrictive = {n for n in ma.narrow if not n.startswith(("~", "also:"))} | set(ma.cause)
    return ma.part == "of" and bool(restrictive) and not mb.part \
        and not shares_restriction(a, b)


def other_compared(a: Claim, b: Claim) -> bool:
    """ "40 times faster than copper" is not "100 times faster than the old line"."""
    ca, cb = a.subject.compared, b.subject.compared
    return bool(ca and cb and ca != cb)


def one_sentence_two_figures(a: Claim, b: Claim) -> bool:
    """One sentence does not contradict itself: two figures in it are two things."""
    return a.article == b.article and a.sentence_start == b.sentence_start \
        and a.restates != b.id and b.restates != a.id and not _agree(a, b)


def one_article_two_events(a: Claim, b: Claim) -> bool:
    """One article, two figures told with two different verbs, or as two parts ("another
    two", "three others"): two different things. A writer does not give one count twice
    with two different figures, even when their bounds overlap."""
    if a.article != b.article or a.restates == b.id or b.restates == a.id:
        return False
    if _agree(a, b) and _nominal(a) == _nominal(b):
        return False
    ma, mb = measure_of(a), measure_of(b)
    ea, eb = _event(ma), _event(mb)
    if ea and eb and ea != eb:
        return True
    return bool(ma.part and mb.part and _nominal(a) != _nominal(b))


def _nominal(claim: Claim) -> float | None:
    return claim.amount.amount * claim.amount.scale if claim.amount is not None else None


Reason = Callable[[Claim, Claim], bool]
REASONS: tuple[tuple[str, Reason], ...] = (
    ("another claim-book topic", other_topic),
    ("another currency", other_currency),
    ("another mode", other_mode),
    ("a change against a level", change_against_level),
    ("another holder", other_holder),
    ("another scope", other_scope),
    ("another event", other_event),
    ("another thing", other_thing),
    ("another narrowing", other_narrowing),
    ("a part of a set", other_part),
    ("another comparison", other_compared),
    ("another event in one article", one_article_two_events),
    ("two figures of one sentence", one_sentence_two_figures),
)


def apart_reason(a: Claim, b: Claim, published: dict[str, str | None]) -> str | None:
    """The reason the text states for keeping two numeric claims apart, or None."""
    for name, test in REASONS:
        if test(a, b):
            return name
    if other_time(a, b, published):
        return "another time"
    return None


def _hard_apart(a: Claim, b: Claim, published: dict[str, str | None]) -> bool:
    """True when something in the text says the two claims are about different things."""
    return apart_reason(a, b, published) is not None


def _bonus(a: Claim, b: Claim) -> float | None:
    """A score for two claims that state the same measure, whatever their contexts."""
    sa, sb = a.subject, b.subject
    if sa.topic and sa.topic == sb.topic:
        return 100.0
    ma, mb = measure_of(a), measure_of(b)
    amount = a.amount
    if amount is not None and amount.dimension == "magnitude":
        return SAME_MEASURE_SCORE
    if ma.thing == "age":
        named = not (ma.common_holder or mb.common_holder)
        return SAME_MEASURE_SCORE if named and same_holder(ma.holder, mb.holder) else None
    if ma.mode == "capacity" and same_holder(ma.holder, mb.holder):
        return SAME_MEASURE_SCORE
    if sa.compared and sa.compared == sb.compared:
        return SAME_MEASURE_SCORE
    ea, eb = _event(ma), _event(mb)
    things = ma.thing and mb.thing and noun_class(ma.thing) == noun_class(mb.thing)
    if ea and ea == eb and lexicon.known_event(ea):
        return SAME_MEASURE_SCORE
    if ea and eb and lexicon.known_event(ea) and lexicon.known_event(eb) and (
            ea in _descriptors(mb) or eb in _descriptors(ma)):
        return SAME_MEASURE_SCORE - 5  # "arrested and charged" against "charged"
    if _specific_overlap(ma, mb):
        return SAME_MEASURE_SCORE
    if _one_own_size(ma, mb):
        return SAME_MEASURE_SCORE - 10  # a thing's own size: its storeys, whatever happened
    if mb.thing and ma.thing and same_word(ma.thing, mb.thing) \
            and noun_names_events(lexicon.known_event(ma.thing), ea, eb):
        return SAME_MEASURE_SCORE - 10  # "12 survivors picked up", "15 survivors rescued"
    if ma.holder and same_holder(ma.holder, mb.holder) and (
            things or ea == eb or a.kind is ClaimKind.RATIO):
        return SAME_MEASURE_SCORE - 5  # "Vance's 41.2 per cent", "41.7 per cent for Vance"
    if ea and ea == eb and things:
        return SAME_MEASURE_SCORE - 10
    if things and a.kind is ClaimKind.QUANTITY and noun_class(ma.thing) != "person":
        return SAME_MEASURE_SCORE - 10  # "a depth of 11km", "centred 10 km deep"
    if same_people(ma, mb) and not (lexicon.known_event(ea) or lexicon.known_event(eb)):
        return SAME_MEASURE_SCORE - 10  # "700 firefighters struggling", "1,600 firefighters"

    return None


def _context_may_link(a: Claim, b: Claim) -> bool:
    """Context alone joins only plain figures of a like size: parts of sets
    ("three others", "two of them") need a stronger reason."""
    if is_part(measure_of(a)) or is_part(measure_of(b)):
        return False
    if a.amount is not None and _bare(measure_of(a)) and _bare(measure_of(b)):
        return False  # two figures that name nothing: a shared context is not enough
    if a.amount is not None and b.amount is not None:
        x, y = abs(_magnitude(a.amount)), abs(_magnitude(b.amount))
        if min(x, y) > 0 and max(x, y) / min(x, y) > MAX_CONTEXT_RATIO:
            return False
    return True


def _same_sentence_rivals(a: Claim, b: Claim) -> bool:
    """One sentence does not contradict itself: two values in it are two different things."""
    return a.article == b.article and a.sentence_start == b.sentence_start and not _agree(a, b)


# --- helpers -------------------------------------------------------------------------------


def _bare(measure: Measure) -> bool:
    return not (measure.thing or measure.event or measure.narrow or measure.holder)


def is_part(measure: Measure) -> bool:
    """A figure its text marks as a part of a set: "others", "of them", "including"."""
    return measure.part is not None


def narrowed(measure: Measure) -> bool:
    """A figure its text narrows or marks as a part (for telling parts within an article)."""
    return bool(measure.part or measure.narrow or measure.scope or measure.cause)


def same_holder(a: str | None, b: str | None) -> bool:
    """Two spellings of one holder ("Petrov", "Petroff"), or one inside the other
    ("acme corp", "acme")."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short in long_.split():
        # "Western Lamar" is a part of Lamar, not another spelling of it
        return not any(w in lexicon.COMPASS for w in long_.split())
    wa, wb = a.split(), b.split()
    if len(wa) > 1 and len(wb) > 1 and set(wa[:-1]) & set(wb[:-1]) \
            and fuzz.ratio(wa[-1], wb[-1]) >= NAME_THRESHOLD - 5:
        return True  # "jon erik olsen", "erik olson": one surname, a name shared
    if len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1] \
            and fuzz.ratio(" ".join(wa[:-1]), " ".join(wb[:-1])) < SPELLING_SIMILARITY:
        return False  # "rosa tembo", "maria tembo"; "acme bank", "delta bank": two holders
    return fuzz.ratio(a, b) >= NAME_THRESHOLD - 5


def shares_restriction(a: Claim, b: Claim) -> bool:
    """Both name the same restriction of their set: a state or place they are narrowed to,
    a scope, a cause ("inside the stadium", "from the flames", "critical")."""
    ma, mb = measure_of(a), measure_of(b)
    ra = {n for n in ma.narrow if not n.startswith(("~", "also:"))} | set(ma.cause)
    rb = {n for n in mb.narrow if not n.startswith(("~", "also:"))} | set(mb.cause)
    if _overlap(ra, rb) or (ma.scope and ma.scope == mb.scope):
        return True
    return bool(ma.part and ma.part == mb.part and not ra and not rb
                and _event(ma) and _event(ma) == _event(mb))


def kindred(a: Claim, b: Claim) -> bool:
    """Two parts of a whole that count the same part: they narrow alike, or they count the
    same specific people for the same event ("12 police injured", "33 officers injured")."""
    if shares_restriction(a, b):
        return True
    ma, mb = measure_of(a), measure_of(b)
    fa, fb = family(ma.thing), family(mb.thing)
    return bool(fa and fa == fb and ma.thing not in lexicon.GENERIC_PERSONS
                and _event(ma) and _event(ma) == _event(mb))


def kin_keys(claim: Claim) -> set[str]:
    """Keys two claims share whenever :func:`kindred` holds of them: an index of them finds
    the groups a part may join without trying every group."""
    m = measure_of(claim)
    restrictive = {n for n in m.narrow if not n.startswith(("~", "also:"))} | set(m.cause)
    keys = {"w:" + w for phrase in restrictive for w in (phrase, *phrase.split())}
    if m.scope:
        keys.add("s:" + "|".join(m.scope))
    event = _event(m)
    if m.part and event:
        keys.add(f"p:{m.part}:{event}")
    kin = family(m.thing)
    if kin and event:
        keys.add(f"f:{kin}:{event}")
    return keys


def _same_compared(a: Claim, b: Claim) -> bool:
    return bool(a.subject.compared and a.subject.compared == b.subject.compared)


def _event(measure: Measure) -> str | None:
    event = measure.event
    if event is None or event in lexicon.LIGHT_VERBS:
        return None
    return event


def _descriptors(measure: Measure) -> set[str]:
    words = {n.lstrip("~").removeprefix("also:") for n in measure.narrow} | set(measure.cause)
    if measure.event:
        words.add(measure.event)
    return {w for phrase in words for w in (phrase, *phrase.split())}


def _overlap(x: set[str], y: set[str]) -> bool:
    xs = {w for phrase in x for w in (phrase, *phrase.split())}
    ys = {w for phrase in y for w in (phrase, *phrase.split())}
    return bool(xs & ys - {""})


def _specific_overlap(a: Measure, b: Measure) -> bool:
    """Both name the same specific state or place: "in intensive care", "critical"."""
    da = {w for w in _descriptors(a) if w not in lexicon.LEMMA_CLASS}
    db = {w for w in _descriptors(b) if w not in lexicon.LEMMA_CLASS}
    da -= {a.event} if a.event and lexicon.known_event(a.event) else set()
    db -= {b.event} if b.event and lexicon.known_event(b.event) else set()
    return bool(da & db)


def _one_own_size(a: Measure, b: Measure) -> bool:
    """Both figures size one kind of thing, joined to its noun: "a six-storey block"
    (storey:block), not "eight violations of the rules" (violation:regulation)."""
    thing, other = a.thing or "", b.thing or ""
    if ":" not in thing or ":" not in other:
        return False
    unit = thing.split(":")[0]
    if unit in lexicon.CONTAINER_NOUNS:
        return False
    if thing == other:
        return True
    # "a nine-storey plant", "the eight-storey factory": a unit that sizes buildings alone
    # sizes the story's building, whatever noun an outlet calls it, unless two are named
    return unit in lexicon.BUILDING_UNITS and unit == other.split(":")[0] and (
        not (a.holder and b.holder) or same_holder(a.holder, b.holder))


def _window(time: tuple[str, ...]) -> str | None:
    """Over what stretch a change is told: "cumulative" ("have fallen 98% since the audit",
    "have lost 90%") or "point" ("lost 80% on the announcement", "fell 5% on Monday")."""
    if any(t.startswith("since:") or t == "perfect" for t in time):
        return "cumulative"
    if any(t.startswith(("on:", "date:")) for t in time):
        return "point"
    return None


def _years(time: tuple[str, ...], published: str | None) -> frozenset[str]:
    """The years a claim speaks of: those its sentence names (a relative "-1" counts back
    from the publication year), else the publication year."""
    own = frozenset(t for t in time if t.startswith("year:"))
    base = _pub_year(published)
    if "year:-1" in own:
        own = own - {"year:-1"}
        if base:
            own = own | {f"year:{int(next(iter(base))[5:]) - 1}"}
    return own or base


def _pub_year(published: str | None) -> frozenset[str]:
    if published and re.match(r"\d{4}", published):
        return frozenset({"year:" + published[:4]})
    return frozenset()
