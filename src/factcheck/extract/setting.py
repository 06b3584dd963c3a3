"""Whose figure it is, where it holds and as of when: a measure's holder, scope and time."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..models import Article
from ..quantities import Found
from .calendar import MONTHS, _published
from .predicate import Predicate, _member_clause, _pobj, descriptive
from .records import CLAUSE_DEPS, sent_text
from .syntax import _ent_at

HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT"})
OWNING_VERBS = frozenset("have employ own operate run manage serve comprise".split())
"""Verbs whose subject holds the figure: "the firm had 14,000 employees"."""
GETTING_VERBS = frozenset(
    "win get garner receive secure earn obtain poll collect gain score take".split()
)
"""Verbs whose subject holds what they got: "Marlow garnered 31,200 votes"."""
STAGE_WORDS = frozenset("exit preliminary initial projected partial provisional".split())
REGION_WORDS = frozenset("region province state district county oblast prefecture city".split())
PLACE_PREPS = frozenset("in at inside outside across near around".split())
MEASURED = frozenset({"length", "mass", "speed", "area", "volume", "temperature", "power",
                      "energy"})


def holder_of(anchor: Token, verb: Token | None, found: Found, thing: Token | None,
              number: Span | None = None) -> str | None:
    """Whose figure it is: "Vance's 41.2%", "45% to Jones", "Acme's 600 stores", "the
    9,000-ton Northern Star", "3 km off Gull island"; None when the text does not say."""
    dimension = found.amount.dimension
    if dimension in ("percent", "percentage point"):
        return _share_holder(anchor, verb)
    if dimension in ("duration", "money") and verb is not None:
        subject = _subject_of(verb)  # "Okafor won in 2:10:05", "the bank paid $4bn"
        if subject is not None and (subject.ent_type_ in ("PERSON", "ORG")
                                    or (subject.ent_type_ == "GPE" and dimension == "money")):
            return holder_name(subject)  # "Chile pledged $40 million": Chile's pledge
        if subject is not None:
            named = next((c for c in subject.subtree if c.ent_type_ == "PERSON"), None)
            if named is not None:  # "his team-mate Dan Okoro completed it in 2:11:30"
                return holder_name(named)
        if dimension == "duration":
            return _nearest_name_before(anchor, reach=NEAR_NAME * 4)  # "Okafor ... in 2:10:05"
    if dimension in MEASURED:
        place = _reference_place(anchor)
        if place is not None:
            return place
        if found.hyphenated and thing is not None:
            return holder_name(thing)  # "the 12-tonne lorry", "the 9,000-ton Northern Star"
    owner = thing or anchor
    for child in owner.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return holder_name(child)
        if child.dep_ == "compound" and (child.pos_ == "PROPN" or child.ent_type_ in
                                         HOLDER_LABELS) and child.i < owner.i:
            return holder_name(child)  # "Acme stores", "Globex customers"
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = _pobj(child)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in HOLDER_LABELS):
                return holder_name(obj)
    if verb is not None and verb.lemma_.lower() in (OWNING_VERBS | GETTING_VERBS) \
            and owner.dep_ in ("dobj", "pobj"):
        beneficiary = _beneficiary(owner, verb)
        if beneficiary is not None:
            return holder_name(beneficiary)
        subject = _named_subject(_subject_of(verb))
        if subject is not None and _coordinated(subject):
            return _respective(subject, verb, number)
        if subject is not None:
            return holder_name(subject)
    if owner.lemma_.lower() in BALLOT_NOUNS:
        return _ballot_holder(owner)
    if verb is not None and owner.dep_ == "dobj" and owner.head == verb:
        subject = _subject_of(verb)  # "Chile expelled four diplomats", not Bolivia's four
        if subject is not None and subject.ent_type_ == "GPE" and subject.pos_ == "PROPN":
            return holder_name(subject)
    return None


BALLOT_NOUNS = frozenset("vote ballot seat".split())
"""What is always someone's when a sentence tells it got: whoever "pocketed", "amassed",
"racked up" or "ended with" votes holds them, whatever the verb."""


def _ballot_holder(owner: Token) -> str | None:
    """Who got these votes or seats: the named subject of the verb they are the object of
    ("Ruiz pocketed 9,120 votes"), or of the verb a "with" hangs on ("Ruiz led with 9,120
    votes"; "trailed by Vale with 8,400 votes": the one the "by" names); None for
    counts no name holds ("voters cast 9,120 votes")."""
    head = owner.head
    if owner.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    elif owner.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return holder_name(head) if _named(head) else None  # "Vale, with 8,400 votes"
    agent = next((_pobj(c) for c in head.children if c.dep_ == "agent"), None)
    if agent is not None and _named(agent) and agent.i < owner.i:
        return holder_name(agent)
    subject = _named_subject(_subject_of(head))
    if subject is None or _coordinated(subject):
        return None
    return holder_name(subject)


def _coordinated(subject: Token) -> list[Token]:
    """The names coordinated with a subject ("Ruiz and Vale"): empty when alone."""
    names = [c for c in subject.children if c.dep_ == "conj" and _named(c)]
    for name in list(names):
        names.extend(c for c in name.children if c.dep_ == "conj" and _named(c))
    return names


def _respective(subject: Token, verb: Token, number: Span | None) -> str | None:
    """ "Ruiz and Vale garnered 12,345 and 23,456 votes respectively": each figure is
    the holder's of its rank; without "respectively" a figure is of them all, nobody's own."""
    if number is None or not any(t.lower_ == "respectively" for t in verb.subtree):
        return None
    holders = sorted([subject, *_coordinated(subject)], key=lambda t: t.i)
    figures = sorted({t.i for t in verb.subtree if t.like_num and t.i > verb.i
                      and t.dep_ in ("nummod", "conj", "dobj", "pobj", "appos")})
    rank = next((k for k, i in enumerate(figures) if number.start <= i < number.end), None)
    if rank is None or len(figures) != len(holders):
        return None
    return holder_name(holders[rank])


def winner_of(verb: Token) -> str | None:
    """Who won what a verb's object counts, when its subject names them."""
    subject = _named_subject(_subject_of(verb))
    return holder_name(subject) if subject is not None else None


def _named(token: Token | None) -> bool:
    return token is not None and (token.pos_ == "PROPN" or token.ent_type_ in HOLDER_LABELS)


def _beneficiary(owner: Token, verb: Token) -> Token | None:
    """ "1.1 million votes for Okafor"; "garnered 1.3 million against 1.1 million for
    Okafor": the rival's figure is the one the "for" follows."""
    for child in owner.children:
        target = _pobj(child) if child.dep_ == "prep" and child.lower_ in ("for", "to") else None
        if _named(target):
            return target
    if owner.dep_ == "pobj" and owner.head.lower_ == "against":
        for child in verb.children:
            target = _pobj(child) if child.dep_ == "prep" and child.lower_ == "for" else None
            named = _named_subject(target) if child.i > owner.i else None
            if named is not None:
                return named  # "... for his rival Tom Marlow"
        # "beat Okafor, getting 52 against 41": the figure against is the one beaten's
        beaten = verb.head if verb.dep_ == "advcl" else None
        rival = next((c for c in beaten.children if c.dep_ == "dobj"), None) if beaten else None
        if _named(rival):
            return rival
    return None


def _named_subject(subject: Token | None) -> Token | None:
    """The subject when it names someone: "Marlow", or "his rival Okafor" by its name."""
    if subject is None or _named(subject):
        return subject
    return next((c for c in subject.children if c.dep_ in ("appos", "compound", "flat")
                 and _named(c)), None)


def _subject_of(verb: Token) -> Token | None:
    """A verb's subject, a relative pronoun read as the noun it stands for ("Vance, who
    got 48.85 per cent")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "Ex-Lakeview, Ohio Sheriff Dana Whitcombe is trailing": a parse that splits the
    # subject at a comma names the person last, nearest the verb
    subject = subjects[-1] if len(subjects) > 1 and subjects[-1].ent_type_ == "PERSON" \
        else next(iter(subjects), None)
    if subject is not None and subject.lower_ in ("who", "which", "that") \
            and verb.dep_ == "relcl":
        return verb.head
    if subject is None and verb.head != verb and (
            verb.dep_ in ("conj", "xcomp", "pcomp")
            or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):  # "Vance won, getting 52%"
        # "Shares lost 80% ... and have fallen 98%"; "Okafor narrowly missed setting ..."
        return _subject_of(verb.head)
    if subject is not None and subject.like_num:
        return None  # a figure is nobody's holder
    return subject


def _share_holder(anchor: Token, verb: Token | None) -> str | None:
    """Whose share a percentage is: "Smith won 52%", "45% to Jones", "Jones's 45.2%", "a
    turnout of 37%"."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("of", "at") \
            and anchor.head.head.pos_ == "NOUN" and anchor.head.head.is_alpha \
            and not anchor.like_num and anchor.lemma_.lower() in ("percent", "%", "cent") \
            and anchor.head.head.lemma_.lower() not in (
                "share", "percent", "percentage", "cent", "vote", "rate", "level", "figure",
                "total", "average", "increase", "rise", "fall", "drop", "decline", "growth"):
        return holder_name(anchor.head.head)  # "a turnout of 61%", "with turnout at 58.3%"
    candidates: list[Token] = [c for c in anchor.children if c.dep_ == "poss"]
    for owner in (anchor, verb):
        if owner is None:
            continue
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "for", "of"):
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
    if verb is not None:
        subject = _subject_of(verb)
        if subject is not None:
            candidates.append(subject)
            candidates.extend(c for c in subject.children if c.dep_ in ("poss", "compound"))
    if verb is not None and verb.dep_ == "relcl":
        # "Marlow garnered 3.1 million votes, which is 52.4 percent": the votes' holder
        outer = verb.head.head if verb.head.head.pos_ in ("VERB", "AUX") else None
        subject = _subject_of(outer) if outer is not None else None
        if subject is not None:
            candidates.append(subject)
    for cand in candidates:
        if cand.is_sent_start and cand.lower_ in lexicon.LEMMA_CLASS:
            continue  # "Turnout was 43.9%": a capital letter, not a name
        if cand.ent_type_ in HOLDER_LABELS or cand.pos_ == "PROPN":
            return holder_name(cand)
        if cand.lemma_.lower() in ("share", "stock"):
            return "share"  # "shares fell 80%": the stock, whoever's it is
    if verb is not None and verb.lemma_.lower() in lexicon.CHANGE_VERBS:
        # what changed: "the currency fell 6%"; "slashing the index by 2.6%"
        obj = next((c for c in verb.children if c.dep_ == "dobj"
                    and anchor.i not in range(c.left_edge.i, c.right_edge.i + 1)), None)
        changed = obj if obj is not None else _subject_of(verb)
        if changed is not None and changed.pos_ not in ("PRON", "DET", "NUM") \
                and changed.is_alpha:
            return holder_name(changed)
    return _nearest_name_before(anchor)


def _nearest_name_before(anchor: Token, *, reach: int = 0) -> str | None:
    """ "Vance – 41.2%": in a list line, the name right before the figure holds it."""
    sent = anchor.sent
    reach = reach or NEAR_NAME
    for tok in reversed(sent[: max(anchor.i - sent.start, 0)]):
        if anchor.i - tok.i > reach:
            break
        if tok.ent_type_ in ("PERSON", "ORG") and tok.ent_iob_ in ("B", "I"):
            return holder_name(tok)
        if tok.pos_ in ("VERB", "AUX") and reach == NEAR_NAME:
            break  # another clause: its subject is not this figure's holder
    return None


NEAR_NAME = 4
"""Tokens back from a share to the name a list line gives it ("Vance – 41.2%")."""


def _reference_place(anchor: Token) -> str | None:
    """ "20 km off Gull island", "90 miles north of the capital": where a distance is
    measured from."""
    for tok in [anchor, *anchor.children, anchor.head]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("off", "from", "of") \
                    and child.i > anchor.i:
                obj = _pobj(child)
                if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_):
                    return holder_name(obj)
                if obj is not None:
                    named = next((c for c in obj.children if c.dep_ == "compound"
                                  and c.pos_ == "PROPN"), None)
                    if named is not None:
                        return holder_name(named)
                    called = next((g for c in obj.children if c.dep_ == "prep"
                                   and c.lower_ == "of" for g in c.children
                                   if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                    if called is not None:  # "30 km from the city of Avignon"
                        return holder_name(called)
    return None


def _is_place(token: Token) -> bool:
    """A place the model tags, or a proper noun the gazetteer knows ("Tete", which the
    model may take for a product)."""
    from ..judge.gazetteer import known_place

    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return token.pos_ == "PROPN" and known_place(_place_name(token)) is not None


def _whole_country(place: Token) -> bool:
    """ "across France", "throughout Kenya": the whole of a country is nationwide."""
    from ..judge.gazetteer import known_place

    code = known_place(place.text) if place.head.lower_ in ("across", "throughout") else None
    return code is not None and "-" not in code


POSSESSIVE = ("'s", "’s", "'", "’")


def surname(name: Span | list[Token]) -> str | None:
    """The last word of a person's name, lower-cased, without the possessive a name
    entity may end with ("Jo Lind's", "Chris Evans’"): "lind", "evans"."""
    words = [t for t in name if t.lower_ not in POSSESSIVE]
    if not words:
        return None
    last = words[-1].lower_
    for mark in POSSESSIVE[:2]:
        last = last.removesuffix(mark)
    return last.rstrip(LIST_DASHES) or None


LIST_DASHES = "-–—"
"""Dashes a list line may glue to a name ("Orrin- 25.1%"): no part of the name."""


def holder_name(token: Token) -> str | None:
    """A holder's name: the proper noun with its compounds, or a common noun's synonym class;
    None for what names nobody (a link, a figure)."""
    if token.like_num or token.like_url or "/" in token.text:
        return None
    if token.ent_type_ == "PERSON" and token.ent_iob_ in ("B", "I"):
        entity = _ent_at(token)
        if entity is not None:
            return surname(entity)  # a person by surname: "Dan Okoro" is "okoro"
    if token.pos_ == "PROPN" or token.ent_type_:
        parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return " ".join(t.text.lower().rstrip(LIST_DASHES)
                        for t in sorted([*parts, token], key=lambda t: t.i))
    named = next((c for c in token.children if c.dep_ in ("appos", "compound", "npadvmod")
                  and c.pos_ == "PROPN"), None)
    if named is not None:
        return holder_name(named)  # 'the cargo ship "NORTHERN STAR"'
    lemma = token.lemma_.lower()
    return lexicon.NOUN_SYNONYMS.get(lemma, lemma)


def _clause_tokens(verb: Token | None, exclude: Token) -> Iterator[Token]:
    """Tokens of the verb's own clause, without the counted phrase or other clauses."""
    if verb is None:
        return
    skip = {t.i for t in exclude.subtree}
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


def place_and_time(
    article: Article, doc: Doc, sent: Span, anchor: Token, pred: Predicate, whole: Span
) -> tuple[list[str], list[str]]:
    """The time words and the scope of a figure, from its own clause."""
    verb = pred.clause
    clause = list(_clause_tokens(verb, anchor)) if verb is not None else []
    for extra in pred.modifiers:
        if extra is not verb:
            clause.extend(t for t in extra.children if t.dep_ in ("npadvmod", "prep", "advmod"))
    if verb is not None:  # "have fallen 98% since auditors questioned the accounts"
        clause.extend(m for c in verb.children if c.dep_ == "advcl"
                      for m in c.children if m.dep_ == "mark" and m.lower_ == "since")
    related = list(clause)
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl") and not _member_clause(child) \
                and not descriptive(child):
            related.extend(child.subtree)
        if child.dep_ == "prep" and child.i not in range(whole.start, whole.end):
            related.extend(child.subtree)
    time: list[str] = list(time_words(related))
    if _baseline(anchor, verb):
        time.append("usual")
    for tok in clause:
        if (tok.ent_type_ == "DATE" and tok.ent_iob_ == "B" and tok.head.head in (verb, anchor)) \
                or (tok.ent_type_ == "DATE" and tok.ent_iob_ == "B" and tok.dep_ == "npadvmod"
                    and tok.head == verb):
            date = tok.doc[tok.i : next(
                (t.i for t in tok.doc[tok.i + 1 :] if t.ent_iob_ != "I"), len(tok.doc))]
            time.append("date:" + date.text.lower())  # "on Monday", "last week"
    scope: list[str] = []
    for tok in related:
        low = tok.lower_
        if low in lexicon.SCOPE_WORDS and tok.head in (verb, anchor):
            scope.append(low)
        if low == "decade" and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
            scope.append("decade")  # "in the decade to 2017", not "worst in decades"
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS and _is_place(tok) \
                and tok.head.head in (verb, anchor):
            scope.append(_place_scope(tok))
    own = _own_places(anchor, whole)
    if own:  # "30 were killed in Alton, three in Brisco": the three's place is Brisco alone
        scope = [s for s in scope if not s.startswith("where:")] + own
    if verb is not None and verb.dep_ == "relcl" and not scope and _is_place(verb.head) and any(
            c.lower_ == "where" for c in verb.children):  # "in Tete, where he got 31,000"
        place = verb.head
        scope.append(_place_scope(place))
    if verb is not None and verb.dep_ == "advcl" and verb.head != verb and not scope:
        scope.extend(_places_under([verb.head]))  # "In Tete, Vance won, getting 31,000"
    if verb is not None and verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE" and any(
            c.lower_ == "when" for c in verb.children):  # "since 2007, when 80 people died"
        related = [*related, verb.head]
        time.append("date:" + verb.head.text.lower())
    if verb is not None and verb.dep_ in ("advcl", "acl", "xcomp", "conj", "relcl") \
            and verb.head != verb:
        # "the one that crashed last October, resulting in 189 deaths": its time is the
        # crash's; "a mine collapse in May 2015 that buried 40": the year of the collapse
        related = related + [
            t for c in verb.head.children if c.dep_ in ("npadvmod", "prep") for t in c.subtree
        ]
    time.extend(f"year:{y}" for y in _years(article, doc, sent, related))
    return time, scope


def _own_places(anchor: Token, whole: Span) -> list[str]:
    """The places a figure's own phrase names ("three in Brisco"), not its clause's."""
    return _places_under([anchor] if anchor == whole.root else [anchor, whole.root])


def _places_under(heads: list[Token]) -> list[str]:
    """The scopes of the places that place-prepositions right under ``heads`` name."""
    return [_place_scope(obj) for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
            and (obj := _pobj(prep)) is not None and _is_place(obj)]


def _place_scope(place: Token) -> str:
    """The scope a place gives a figure: "where:tete", or "nationwide" for a whole country."""
    return "nationwide" if _whole_country(place) else "where:" + _place_name(place)


def _place_name(token: Token) -> str:
    parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text.lower() for t in sorted([*parts, token], key=lambda t: t.i))


BASELINE_ADJECTIVES = frozenset("usual normal typical ordinary".split())
BASELINE_ADVERBS = frozenset("usually normally typically ordinarily".split())


def _baseline(anchor: Token, verb: Token | None) -> bool:
    """A figure told as the usual level, not as what happened: "the usual average of 360 a
    day", "in normal times 40 ships pass", "normally 40 ships pass"."""
    words = BASELINE_ADJECTIVES | BASELINE_ADVERBS
    tok = anchor
    if any(c.dep_ == "advmod" and c.lower_ in BASELINE_ADVERBS for n in anchor.children
           if n.dep_ == "nummod" for c in n.children):
        return True  # "Normally 40 ships pass", the adverb parsed onto the number
    while True:
        if any(c.dep_ in ("amod", "advmod") and c.lower_ in words for c in tok.children):
            return True
        if (verb is not None and tok.i == verb.i) or tok.head.i == tok.i \
                or tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
    if verb is None:
        return False
    return any(
        (c.dep_ == "advmod" and c.lower_ in BASELINE_ADVERBS)
        or (c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "amod" and g.lower_ in BASELINE_ADJECTIVES
            for o in c.children if o.dep_ == "pobj" for g in o.children))
        for c in verb.children)


def time_words(tokens: list[Token]) -> Iterator[str]:
    """Words that place a figure in time: "initially", "so far", "since the audit"."""
    for tok in tokens:
        low = tok.lower_
        if tok.dep_ == "advmod" and low in lexicon.TIME_ADVERBS:
            yield lexicon.TIME_ADVERBS[low]
        elif low == "far" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "so":
            yield "now"
        elif low in ("since", "from") and tok.dep_ in ("prep", "mark"):
            obj = _pobj(tok) if tok.dep_ == "prep" else tok.head
            if obj is not None and (low == "since" or obj.ent_type_ in ("DATE", "TIME")
                                    or obj.lemma_.lower() in ("close", "open", "level")):
                yield "since:" + obj.lemma_.lower()  # "since the audit", "from Wednesday's close"
        elif tok.dep_ == "prep" and low in ("on", "after", "following") and tok.i > 0:
            obj = _pobj(tok)
            if obj is not None and obj.lemma_.lower() in ("announcement", "news", "day",
                                                          "report", "filing", "opening"):
                yield "on:" + obj.lemma_.lower()  # "lost 80% on the announcement"


def _years(article: Article, doc: Doc, sent: Span, related: list[Token]) -> set[str]:
    years = set()
    for tok in related:
        if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() \
                and 1800 <= int(tok.text) <= 2100 and _dates_the_clause(tok):
            years.add(tok.text)
        if tok.dep_ == "acl" or tok.lower_ in ("decade", "decades"):
            for sub in tok.subtree:
                if sub.text.isdigit() and len(sub.text) == 4 and 1800 <= int(sub.text) <= 2100:
                    years.add(sub.text)
    pub = _published(article)
    if _last_year_named(sent_text(sent), pub.month if pub is not None else None):
        # a month of last year anywhere in the sentence puts its figures in that year:
        # "the one that crashed last October, resulting in 189 deaths", said in March.
        # Without a publication date the year is relative ("-1"), resolved when comparing.
        years.add(str(pub.year - 1) if pub is not None else "-1")
    return years


@lru_cache(maxsize=4096)
def _last_year_named(sentence: str, month: int | None) -> bool:
    """Whether a sentence names last year, or a month of it ("last October"; "in
    November" said in March), read once per sentence."""
    words = [w.lower().rstrip(".") for w in sentence.split()]
    for k, low in enumerate(words):
        before = words[k - 1] if k else ""
        after = words[k + 1] if k + 1 < len(words) else ""
        if low == "year" and before == "last":
            return True
        if low in MONTHS and len(low) > 3 and not after[:1].isdigit() and (
            (before == "last" and (month is None or MONTHS[low] >= month))
            or (before == "in" and month is not None and MONTHS[low] > month)
        ):
            return True
    return False


def _dates_the_clause(year: Token) -> bool:
    """ "killed in 2003", "the 2003 protest that killed 12": the year dates the clause;
    "double the turnout of the 2003 protest" dates another event the clause compares with."""
    token = year
    for _ in range(6):
        head = token.head
        if head == token or head.pos_ in ("VERB", "AUX"):
            return True
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "DATE" and token.dep_ in (
                "nummod", "compound", "amod") and head.head.pos_ == "ADP" \
                and head.head.lower_ == "of":
            return False
        token = head
    return True


def share_setting(doc: Doc, sent: Span) -> list[str]:
    """For a share of a vote: the region and the stage of the count it comes from
    ("61.5% in Westmark region", "in the first round", "exit polls")."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() in REGION_WORDS and tok.i > sent.start \
                and doc[tok.i - 1].pos_ == "PROPN":
            out.append("where:" + doc[tok.i - 1].text.lower())
        if tok.lower_ in STAGE_WORDS or (
                tok.ent_type_ == "ORDINAL" and tok.i + 1 < sent.end
                and doc[tok.i + 1].lemma_.lower() in ("round", "ballot", "vote")):
            out.append("stage:" + tok.lower_)
    return out
