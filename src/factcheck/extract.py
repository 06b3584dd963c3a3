"""Claims out of a parsed article: one small function per claim kind.

Extraction is total: odd sentences give fewer claims, never an exception.
Every claim's ``text`` is exactly ``article.text[start:end]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from . import lexicon
from .models import (
    Amount,
    Article,
    Claim,
    ClaimKind,
    DateValue,
    Penalty,
    Subject,
)
from .quantities import Found, find_amounts, parse_number

CONTEXT_WINDOW = 8
"""Tokens either side of a claim whose lemmas describe its context."""

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "parataxis", "conj", "acl", "xcomp"})
QUOTES = "\"'“”‘’«»"


def parse_text(article: Article) -> str:
    r"""What spaCy should read of an article: the headline and the body, with the header
    lines and Markdown marks blanked out. Same length as ``article.text``, line breaks
    kept, so every offset still indexes the file.

    >>> from factcheck.articles import parse_article
    >>> text = "# Twelve hurt\n\nPublished at: **2021-03-04**\n\nTwelve people were hurt.\n"
    >>> art = parse_article(text, article_id="a", path="a.md")
    >>> [line.strip() or len(line) for line in parse_text(art).split("\n")]
    ['Twelve hurt', 0, 28, 0, 'Twelve people were hurt.', 0]
    """
    text = article.text
    keep = sorted(
        (s for s in (article.title_span, article.body) if s is not None), key=lambda s: s.start
    )
    parts: list[str] = []
    pos = 0
    for span in keep:
        if span.start < pos:
            continue
        parts.append(_BLANK.sub(" ", text[pos : span.start]))
        kept = text[span.start : span.end]
        if span is article.title_span and _title_case(article):
            kept = _sentence_case(kept, _proper_words(article))
        parts.append(kept)
        pos = span.end
    parts.append(_BLANK.sub(" ", text[pos:]))
    return "".join(parts)


def _proper_words(article: Article) -> frozenset[str]:
    """Words the body capitalises where no sentence starts: names, not headline style."""
    body = article.text[article.body.start : article.body.end]
    return frozenset(m.group(1) for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][\w'’-]*)", body))


def _sentence_case(title: str, proper: frozenset[str]) -> str:
    """ "Court Jails Bank Robber for Life" as a sentence, so that it parses:
    the first word, acronyms and names the body capitalises keep their capitals."""
    out = []
    for i, m in enumerate(re.finditer(r"\S+|\s+", title)):
        word = m.group()
        core = word.strip("\"'“”‘’:,.!?()")
        keep = i == 0 or not core or core.isupper() or core in proper or not word[:1].isalpha()
        lowered = word if keep else word.lower()
        out.append(lowered if len(lowered) == len(word) else word)
    return "".join(out)


_BLANK = re.compile(r"[^\n\r]")


def extract_claims(article: Article, doc: Doc) -> list[Claim]:
    """Every checkable claim of an article, in text order.

    ``doc`` is the parse of ``article.text`` (the whole file), so token
    offsets are file offsets. Only the headline and the body give claims.
    """
    scopes = _scopes(article)
    claims: list[Claim] = []
    title_case = _title_case(article)
    for sent in doc.sents:
        if not any(sent.start_char < end and start < sent.end_char for start, end in scopes):
            continue
        in_title = (
            article.title_span is not None
            and sent.start_char < article.title_span.end
            and article.title_span.start < sent.end_char
        )
        if not (in_title and title_case):  # Title Case headlines parse too poorly to count
            claims.extend(_numeric_claims(article, doc, sent))
        claims.extend(_penalty_claims(article, doc, sent))
        claims.extend(_date_claims(article, doc, sent))
        claims.extend(_alias_claims(article, sent))
    if article.title_span is not None:
        claims.extend(_headline_singulars(article, doc))
    claims.extend(_person_claims(article, doc, claims))
    claims = _attach_penalties(article.text, claims)
    terms: dict[int, tuple[str, ...]] = {}
    claims = [replace(c, subject=replace(c.subject, terms=_terms(doc, c, terms))) for c in claims]
    penalties = [(c.start, c.end) for c in claims if c.kind is ClaimKind.SENTENCE]
    claims = [
        c
        for c in claims
        if c.kind not in (ClaimKind.QUANTITY, ClaimKind.COUNT)
        or c.text.isalpha()  # a headline's "robber": one person, not the term's number
        or not any(s <= c.start and c.end <= e for s, e in penalties)
    ]
    inside = [c for c in claims if any(s <= c.start and c.end <= e for s, e in scopes)]
    return sorted(_dedupe(inside), key=lambda c: (c.start, c.end, c.kind))


TIME_WORDS = frozenset(
    """
    second minute hour day week month year decade century time percent cent
    """.split()
)


def _terms(doc: Doc, claim: Claim, memo: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
    """The content lemmas of a claim's sentence, without numbers and units."""
    if claim.sentence_start not in memo:
        sent = doc.char_span(
            claim.sentence_start,
            claim.sentence_start + len(claim.sentence),
            alignment_mode="expand",
        )
        lemmas = set()
        for tok in sent if sent is not None else ():
            lemma = tok.lemma_.lower()
            if (
                tok.pos_ in CONTENT_POS
                and tok.is_alpha
                and not tok.is_stop
                and not tok.like_num
                and lemma not in TIME_WORDS
                and not _is_unit(tok)
            ):
                lemmas.add(lemma)
        memo[claim.sentence_start] = tuple(sorted(lemmas))
    return memo[claim.sentence_start]


def _is_unit(tok: Token) -> bool:
    return any(c.like_num for c in tok.children) and tok.i > 0 and tok.doc[tok.i - 1].like_num


def _headline_singulars(article: Article, doc: Doc) -> Iterator[Claim]:
    """Headlines drop articles: "court jails robber for life" says one robber.
    A singular person noun that a headline's event verb acts on is a count of one."""
    span = doc.char_span(article.title_span.start, article.title_span.end,
                         alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        if not (tok.dep_ in ("dobj", "nsubjpass") and tok.tag_ == "NN" and tok.head.pos_ == "VERB"):
            continue
        if tok.lemma_.lower() not in lexicon.PERSON_NOUNS:
            continue
        if any(c.dep_ in ("det", "nummod", "poss") for c in tok.children):
            continue
        cls = lexicon.event_class([tok.head.lemma_.lower()])
        if cls not in lexicon.PERSON_EVENTS:
            continue
        sent = tok.sent
        subject = Subject(noun=tok.lemma_.lower(), action=cls, context=_context(doc, sent, tok))
        yield _make(article, ClaimKind.COUNT, tok.idx, tok.idx + len(tok.text), sent,
                    Amount(1.0), subject)


def _title_case(article: Article) -> bool:
    if article.title is None:
        return False
    words = [w for w in re.findall(r"[^\W\d_]{4,}", article.title)]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


PENALTY_BREAK = re.compile(
    r"(?i)\b(?:while|whereas|but|whom|which|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"\d+)\b|;"
)
"""What ends the reach of a penalty back to a count: a contrast, a relative clause, or
another number ("twelve men, one of whom received ...": the penalty is the one's)."""


def _attach_penalties(text: str, claims: list[Claim]) -> list[Claim]:
    """A count is qualified by the sentence handed down right after it in its sentence,
    unless another count or a contrast ("while", "but") stands between:
    "three men to life imprisonment" counts the men given life."""
    penalties = sorted((c for c in claims if c.kind is ClaimKind.SENTENCE), key=lambda c: c.start)
    counts = sorted((c for c in claims if c.kind is ClaimKind.COUNT), key=lambda c: c.start)
    out = []
    for claim in claims:
        if claim.kind is not ClaimKind.COUNT:
            out.append(claim)
            continue
        quals = [q for q in claim.subject.qualifiers if not q.startswith("penalty:")]
        action = claim.subject.action
        penalty = next(
            (
                p
                for p in penalties
                if p.sentence_start == claim.sentence_start
                and p.start >= claim.end
                and p.start - claim.end < 120
            ),
            None,
        )
        if penalty is not None:
            between = text[claim.end : penalty.start]
            blocked = PENALTY_BREAK.search(between) or any(
                claim.end <= o.start < penalty.start for o in counts if o is not claim
            )
            if not blocked:
                family = penalty.value.type if isinstance(penalty.value, Penalty) else "prison"
                quals.append("penalty:" + ("death" if "death" in family else family))
                action = "sentenced"
        out.append(
            replace(
                claim,
                subject=replace(claim.subject, qualifiers=tuple(sorted(quals)), action=action),
            )
        )
    return out


def _scopes(article: Article) -> list[tuple[int, int]]:
    spans = [(article.body.start, article.body.end)]
    if article.title_span is not None:
        spans.append((article.title_span.start, article.title_span.end))
    return spans


def _dedupe(claims: Iterable[Claim]) -> Iterator[Claim]:
    seen: set[tuple[int, int, str]] = set()
    for claim in claims:
        key = (claim.start, claim.end, claim.kind)
        if key not in seen:
            seen.add(key)
            yield claim


def _make(
    article: Article,
    kind: ClaimKind,
    start: int,
    end: int,
    sent: Span,
    value,
    subject: Subject,
    restates: str | None = None,
) -> Claim:
    title = article.title_span
    lead = len(sent.text) - len(sent.text.lstrip("#> \t"))  # a Markdown heading's marks
    return Claim(
        id=f"{article.id}:{start}-{end}:{kind.value}",
        article=article.id,
        kind=kind,
        text=article.text[start:end],
        start=start,
        end=end,
        sentence=sent.text[lead:].rstrip(),
        sentence_start=sent.start_char + lead,
        value=value,
        subject=subject,
        in_title=bool(title and title.start <= start and end <= title.end),
        restates=restates,
    )


# --- numbers -----------------------------------------------------------------------------


def _numeric_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    previous: tuple[Found, Claim] | None = None
    for found in find_amounts(sent.text, offset=sent.start_char):
        if found.is_year:
            continue
        claim = _numeric_claim(article, doc, sent, found)
        if claim is None:
            continue
        if previous and _restates(article.text, previous[0], found):
            claim = _with_restates(claim, previous[1])
        previous = (found, claim)
        yield claim


def _restates(text: str, first: Found, second: Found) -> bool:
    """True for "20 kg (44.1 pounds)": the second amount restates the first."""
    between = text[first.end : second.start]
    return (
        re.fullmatch(
            r"\s*[(\[]\s*(?:or|about|around|some|approximately|roughly|nearly)?\s*"
            r"(?:U\.?S\.?|US|S|HK|A|NZ|C)?\s*",
            between,
        ) is not None
        and first.amount.dimension == second.amount.dimension
    )


def _with_restates(claim: Claim, anchor: Claim) -> Claim:
    return replace(claim, restates=anchor.id, subject=anchor.subject)


def _numeric_claim(article: Article, doc: Doc, sent: Span, found: Found) -> Claim | None:
    number = doc.char_span(found.number_start, found.number_end, alignment_mode="expand")
    whole = doc.char_span(found.start, found.end, alignment_mode="expand")
    if number is None or whole is None or len(number) == 0:
        return None
    amount = found.amount
    if amount.dimension in ("percent", "percentage point"):
        amount = replace(amount, precision=max(amount.precision, PERCENT_PRECISION))
    if found.modifier == "up to" and amount.dimension == "count" and re.match(
        r"(?i)up\s+to\b", article.text[found.start : found.end]
    ):  # "can carry up to 210 people"; "winds of up to 200 km/h" stay the peak
        amount = replace(amount, high=amount.amount, low=None, approx=False)  # at most
    if (
        amount.dimension == "duration"
        and found.modifier == "more than"
        and re.match(r"(?i)over\b", article.text[found.start : found.end])
    ):
        amount = replace(amount, low=None, low_open=False)  # "raped over five days": during
    kind = _numeric_kind(amount)
    if number.root.ent_type_ in NAME_LABELS and not found.unit_text:
        return None  # "Four Score Homes", "360 Degrees Towers": a number in a name
    if amount.dimension == "duration" and AGO.match(article.text, found.end):
        return None  # "two years ago" dates an event; it measures nothing
    if SUPERLATIVE_OF.match(article.text, found.end):
        return None  # "one of the largest protests": a rank, not a count
    subject, thing = _numeric_subject(article, doc, sent, found, number, whole)
    if amount.dimension == "duration" and (
            subject.action == "sentenced" or subject.action in lexicon.NOT_HANDED_DOWN):
        return None  # a term in prison is a sentence claim, or no claim when only possible
    rate = RATE_AFTER.match(
        article.text,
        (thing.idx + len(thing.text)) if thing is not None and thing.i >= whole.end else found.end,
    )
    if rate:
        subject = replace(subject, qualifiers=tuple(sorted({*subject.qualifiers, "scope:rate"})))
    if kind is ClaimKind.COUNT and amount.exact and amount.amount != int(amount.amount):
        if not re.search(r"(?i)\b(?:magnitude|richter)\b", sent.text):
            return None  # "7.4" alone is no count of anything
        amount = replace(amount, dimension="magnitude", unit="magnitude", base_unit="magnitude")
        kind = ClaimKind.QUANTITY
        subject = replace(subject, noun=None, action=None)
    elif (
        kind is ClaimKind.COUNT
        and thing is None
        and subject.noun is None
        and subject.action not in lexicon.EVENT_CLASSES
        and abs(amount.amount) < 100
        and not PENALTY_AHEAD.match(article.text, found.end)
    ):
        return None  # a small bare number that counts nothing we can name
    elif (
        kind is ClaimKind.COUNT
        and amount.exact
        and amount.amount == 1
        and subject.action not in lexicon.EVENT_CLASSES
    ):
        return None  # "one country", "one of the largest": no checkable count
    if kind is ClaimKind.COUNT and _is_age(number):
        amount = replace(amount, dimension="age", unit="year", base_unit="year")
        kind = ClaimKind.QUANTITY
        subject = replace(subject, noun="person", action=None)
    start, end = found.start, found.end
    if (
        kind is ClaimKind.COUNT
        and thing is not None
        and thing.i == whole.end
        and thing.idx + len(thing.text) <= sent.end_char
    ):
        end = thing.idx + len(thing.text)  # "twelve people": the counted noun belongs to the quote
    return _make(article, kind, start, end, sent, amount, subject)


PENALTY_AHEAD = re.compile(
    r"[^.;]{0,40}?\b(?:life (?:sentences?|terms?|imprisonment|in prison)|death sentences?|"
    r"years? in (?:prison|jail))",
    re.I,
)
"""A bare number before a sentence handed down counts its recipients ("two got life")."""

NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT"})
AGO = re.compile(r"\s+(?:ago|earlier|before that)\b", re.I)
CONTAINER_NOUNS = frozenset("count charge case offence offense violation".split())
"""Nouns whose count means little without what they are counts of ("counts of fraud")."""
FORECAST_WORDS = frozenset("expect forecast predict project likely".split())

SUPERLATIVE_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:[\w'’]+\s+){0,2}"
    r"(?:\w+est|most|least|biggest|best|worst)\b",
    re.I,
)
RATE_AFTER = re.compile(
    r"\s*(?:a|per|each|every)\s+(?:day|week|month|year|hour|minute|second)\b|\s*(?:daily|"
    r"annually|yearly|weekly|monthly)\b",
    re.I,
)


def _is_age(number: Span) -> bool:
    """ "Peter Chan, 21, said": a bare number set off after a name is an age."""
    doc = number.doc
    before = doc[number.start - 1] if number.start > 0 else None
    after = doc[number.end] if number.end < len(doc) else None
    return (
        before is not None
        and before.text == ","
        and number.start >= 2
        and doc[number.start - 2].pos_ == "PROPN"
        and (after is None or after.is_punct)
    )


def _numeric_kind(amount: Amount) -> ClaimKind:
    if amount.dimension == "count":
        return ClaimKind.COUNT
    if amount.dimension in ("percent", "ratio"):
        return ClaimKind.RATIO
    return ClaimKind.QUANTITY


def _numeric_subject(
    article: Article, doc: Doc, sent: Span, found: Found, number: Span, whole: Span
) -> tuple[Subject, Token | None]:
    root = whole.root
    thing: Token | None = None
    head = root.head
    nominal = head.pos_ in ("NOUN", "PROPN") or (
        root.dep_ == "nummod"
        and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")
    )  # "the three main accused were sentenced": a participle used as a noun
    near = 0 < head.i - whole.end + 1 <= MAX_NOUN_DISTANCE or head.i < whole.start
    if (
        head.i not in range(whole.start, whole.end)
        and nominal
        and near
        and (
            root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod")
            or found.hyphenated
        )
    ):
        thing = head
    elif root.pos_ in ("NOUN", "PROPN") and found.unit_text is None and root not in number:
        thing = root
    elif found.amount.dimension == "count" and not found.amount.exact:
        counted = _of_child(root)  # "thousands of overdose deaths", "hundreds of people"
        if counted is not None and counted.pos_ in ("NOUN", "PROPN"):
            thing = counted
    anchor = thing or root

    words: list[str] = []
    partitive_whole = False
    collective: Token | None = None
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        owner = anchor.head.head
        if owner.pos_ in ("NUM", "PRON") or owner.like_num:
            partitive_whole = True  # "six of the seven accused": seven is the whole set
        elif owner.pos_ in ("NOUN", "PROPN"):
            collective = owner
    measured = None
    if found.unit_text and thing is None:
        measured = _of_child(root) or _in_child(root)  # "$24 million in restitution"
        if measured is None and found.amount.dimension == "duration":
            measured = _where_spent(root)  # "three years on federal supervision"
    own_words: list[str] = []
    if thing is not None:
        own_words.append(thing.lemma_.lower())
        own_words.extend(c.lemma_.lower() for c in thing.children if c.dep_ in ("amod", "compound"))
        for child in thing.children:
            if child.dep_ in ("acl", "relcl") and not _member_clause(child):
                words.append(child.lemma_.lower())
                words.extend(
                    g.lemma_.lower() for g in child.children if g.dep_ in ("acomp", "dobj", "prt")
                )
    if collective is not None:
        words.append(collective.lemma_.lower())
        words.extend(c.lemma_.lower() for c in collective.children if c.dep_ == "compound")
    for child in root.children:
        if child.dep_ in ("amod", "acl", "relcl") and child.pos_ in ("VERB", "ADJ", "NOUN"):
            own_words.append(child.lemma_.lower())
    if root.dep_ == "amod" and root.head.pos_ in ("VERB", "ADJ") and thing is None:
        words.append(root.head.lemma_.lower())
    place = (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ in lexicon.PLACE_PREPOSITIONS
        and thing is not None
        and _noun_family(thing) is None
    )
    # "killed in shootings at two mosques": the mosques were not killed
    verb = None if partitive_whole or place else _governing_verb(anchor)
    if (
        verb is not None
        and verb.lemma_ == "take"
        and any(c.lemma_ == "part" for c in verb.children)
    ):
        words.append("participate")  # "took part"
    if (
        verb is not None
        and verb.lemma_ in ("claim", "take", "cost")
        and any(c.lemma_ == "life" for c in verb.subtree)
    ):
        words.append("kill")  # "claimed the lives of 157 people"
    if verb is not None:
        complements = [
            c
            for c in verb.children
            if c.dep_ in ("acomp", "xcomp", "oprd", "attr", "prt", "advmod")
            and c.i not in range(whole.start, whole.end)
            and c != anchor
        ]
        words.extend(c.lemma_.lower() for c in complements)
        words.append(verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
                if child.i in range(whole.start, whole.end) or child == anchor:
                    continue
                words.append(child.lemma_.lower())
                words.extend(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    qualifiers = tuple(sorted(_qualifiers(article, doc, sent, anchor, verb, whole, found, thing)))
    cls = lexicon.event_class(words + own_words)
    if any(q.startswith("penalty:") for q in qualifiers):
        cls = "sentenced"
    if (verb is not None and anchor.dep_ == "nsubj" and cls
            and any(c.dep_ == "dobj" for c in verb.children)):
        cls = None  # "one gunman killed 49 people": the gunman did the killing
        words = [f"{verb.lemma_.lower()}-agent"]

    noun = None
    if thing is not None and thing.lemma_.lower() not in _unit_words(found):
        noun = thing.lemma_.lower()
        if noun in CONTAINER_NOUNS:  # "three counts of criminal breach of trust"
            what = next((g for c in thing.children if c.dep_ == "prep"
                         and c.lower_ in ("of", "under", "for")
                         for g in c.children if g.dep_ == "pobj"), None)
            if what is not None:
                noun = f"{noun}:{what.lemma_.lower()}"
        if found.hyphenated and found.unit_text:  # "a four-storey building": storeys, not buildings
            noun = f"{found.unit_text.lower().rstrip('s')}:{noun}"
        for child in thing.children:  # "crew members" are crew; "police officers" police
            if child.dep_ == "compound" and child.lemma_.lower() in lexicon.PERSON_FAMILIES:
                noun = child.lemma_.lower()
    elif measured is not None:
        noun = measured.lemma_.lower()
    collective_population = collective is not None and collective.lemma_.lower() == "population"
    if collective_population or _is_population(anchor, verb):
        noun = "population"
        cls = "population"  # how many live there, whatever the verb
    measure = _measure(doc, whole, thing, found)
    return (
        Subject(
            noun=noun,
            action=cls or (verb.lemma_.lower() if verb is not None else None),
            qualifiers=qualifiers,
            role=measure or _holder(anchor, verb, found),
            compared=_compared(doc, whole) if found.amount.dimension == "ratio" else None,
            context=_context(doc, sent, anchor),
        ),
        thing,
    )


STAGE_WORDS = frozenset("exit preliminary initial projected partial provisional".split())
REGION_WORDS = frozenset("region province state district county oblast prefecture city".split())
"""Words that mark a share as one stage of a count, not its result."""

PERCENT_PRECISION = 0.2
"""Shares are compared to a tenth of a point either way: 73.22 % and 73.23 % are one
count at two moments, not two claims."""

MAX_NOUN_DISTANCE = 5
"""Tokens between a number and the noun it counts; a parse that reaches further is wrong."""


def _noun_family(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in lexicon.PERSON_NOUNS:
        return "person"
    return lexicon.PERSON_FAMILIES.get(lemma)


def _is_population(anchor: Token, verb: Token | None) -> bool:
    """ "home to 160,000 people", "Springfield, which has 170,000 people": how many live there."""
    head = anchor.head
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
                or (verb.dep_ == "relcl" and verb.head.pos_ == "PROPN")
                or verb.head.ent_type_ in ("GPE", "LOC")
            )
    return False


HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _holder(anchor: Token, verb: Token | None, found: Found) -> str | None:
    """Whose share a percentage is: "Smith won 52%", "45% to Jones",
    "Jones's 45.2%". Shares of different holders are never rivals."""
    if found.amount.dimension not in ("percent", "percentage point"):
        return None
    candidates: list[Token] = [c for c in anchor.children if c.dep_ == "poss"]
    for owner in (anchor, verb):
        if owner is None:
            continue
        for child in owner.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "for"):
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
    if verb is not None:
        candidates.extend(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    for cand in candidates:
        name = cand
        if name.ent_type_ in HOLDER_LABELS or name.pos_ == "PROPN":
            return "holder:" + name.text.lower()
    return "holder:?"


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


def _measure(doc: Doc, whole: Span, thing: Token | None, found: Found) -> str | None:
    if found.amount.dimension not in ("length", "mass", "speed", "area", "volume"):
        return None
    window = doc[max(whole.start - 3, 0) : min(whole.end + 3, len(doc))]
    for tok in window:
        lemma = tok.lemma_.lower().lstrip("-")
        for part in lemma.split("-"):
            if part in lexicon.MEASURES:
                return lexicon.MEASURES[part]
    after = [t for t in doc[whole.end : min(whole.end + 6, len(doc))] if not t.is_punct]
    after = [t for t in after if t.lower_ not in ("km", "kilometres", "kilometers", "miles", "mi")]
    if any(t.lower_ in lexicon.COMPASS for t in after[:2]):
        place = _direction_place(doc, whole.end)
        return f"distance:{place}" if place else "distance"
    if thing is not None and thing.lemma_.lower() in lexicon.HEIGHT_THINGS:
        return "height"
    owner = _of_child(thing) if thing is not None else None
    if owner is not None and owner.lemma_.lower() in lexicon.HEIGHT_THINGS:
        return "height"
    return None


def _direction_place(doc: Doc, i: int) -> str | None:
    for tok in doc[i : min(i + 5, len(doc))]:
        if tok.lower_ == "of":
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN":
                return nxt.text.lower()
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


PENALTY_WORDS = {"death": "death", "life": "life", "capital": "death"}


def _qualifiers(
    article: Article,
    doc: Doc,
    sent: Span,
    anchor: Token,
    verb: Token | None,
    whole: Span,
    found: Found,
    thing: Token | None,
) -> set[str]:
    quals: set[str] = set()
    own = [anchor, *anchor.children, *doc[whole.start : whole.end]]
    for tok in own:
        low = tok.lower_
        if low in lexicon.SUBSET_WORDS or (
            tok.dep_ == "amod" and tok.pos_ == "ADJ" and low.endswith("st")
        ):
            quals.add("subset:" + low)
    for child in anchor.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("of", "among")
            and any(g.dep_ == "pobj" for g in child.children)
            and thing is None
            and child.i not in range(whole.start, whole.end)
        ):
            quals.add("subset:of")
            if any(g.dep_ == "pobj" and g.pos_ == "PRON" for g in child.children):
                quals.add("subset:among")  # "nine of them": a part of a set named before
    if thing is not None and (thing.ent_type_ == "NORP" or any(
            c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") for c in thing.children)):
        quals.add("subset:nationality")  # "two Japanese", "three British tourists"
    elif thing is None and anchor.ent_type_ == "NORP":
        quals.add("subset:nationality")
    if anchor.dep_ == "conj" and any(
        c.lower_ in lexicon.SUBSET_WORDS for c in anchor.head.children
    ):
        quals.add("subset:other")  # "two other men and one woman": the woman is one of the others
    partners = [c for c in anchor.children if c.dep_ == "conj"]
    if anchor.dep_ == "conj":
        partners.append(anchor.head)
    if found.amount.dimension == "count" and any(_counted(p) for p in partners):
        quals.add("subset:part")  # "149 passengers and eight crew": each is part of the total
    if anchor.head.lower_ in ("including", "include", "among") or (
        anchor.dep_ == "pobj" and anchor.head.lower_ in ("including", "among")
    ):
        quals.add("subset:including")
    clause = list(_clause_tokens(verb, anchor)) if verb is not None else []
    if verb is not None and (
        verb.lemma_.lower() in lexicon.NOT_HANDED_DOWN
        or any(c.lower_ in lexicon.MODALS for c in verb.children if c.dep_ == "aux")
    ):
        clause = [t for t in clause if t.lower_ not in PENALTY_WORDS]
    if verb is not None and verb.lemma_.lower() == "include":
        quals.add("subset:including")
    if verb is not None and verb.lemma_.lower() == "be":
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for mod in subj.children:
                if mod.lower_ in lexicon.SUBSET_WORDS:
                    quals.add("subset:" + mod.lower_)
    related = list(clause)
    if thing is not None:
        for child in thing.children:
            if child.dep_ in ("acl", "relcl") and not _member_clause(child):
                related.extend(child.subtree)
    years = set()
    for tok in related:
        low = tok.lower_
        if low in lexicon.SCOPE_WORDS:
            quals.add("scope:" + low)
        if (
            tok.like_num
            and len(tok.text) == 4
            and tok.text.isdigit()
            and 1800 <= int(tok.text) <= 2100
        ):
            years.add(tok.text)
        if tok.dep_ == "acl" or tok.lower_ in ("decade", "decades"):
            for sub in tok.subtree:
                if sub.text.isdigit() and len(sub.text) == 4 and 1800 <= int(sub.text) <= 2100:
                    years.add(sub.text)
            if tok.lower_ == "decade":  # "in the decade to 2017", not "worst in decades"
                quals.add("scope:decade")
    if any(t.lemma_.lower() in FORECAST_WORDS for t in clause) or (
            verb is not None and verb.lemma_.lower() in FORECAST_WORDS):
        quals.add("scope:forecast")  # "expected to weaken to 90 km/h": not what happened
    for owner in {anchor, thing} - {None}:
        for acl in owner.children:
            if acl.dep_ in ("acl", "relcl") and any(
                c.dep_ == "prep" and c.lower_ in ("for", "of") for c in acl.children
            ):
                quals.add("subset:for")
    if verb is not None:
        for child in verb.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("for", "of")
                and verb.lemma_.lower()
                in ("convict", "find", "sentence", "jail", "arrest", "charge", "acquit", "imprison")
            ):
                quals.add("subset:for")
    pub = _published(article)
    if verb is not None and verb.dep_ in ("advcl", "acl", "xcomp", "conj") and verb.head != verb:
        # "the one that crashed last October, resulting in 189 deaths": its time is the crash's
        related = related + [
            t for c in verb.head.children if c.dep_ in ("npadvmod", "prep") for t in c.subtree
        ]
    # a month of last year anywhere in the sentence puts its figures in that year:
    # "the one that crashed last October, resulting in 189 deaths", said in March.
    # Without a publication date the year is relative ("-1"), resolved when comparing.
    last_year = str(pub.year - 1) if pub is not None else "-1"
    for tok in sent:
        low = tok.lower_.rstrip(".")
        before = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        after = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        dated = after is not None and after.like_num
        if (low == "year" and before == "last") or (
            low in MONTHS
            and len(low) > 3
            and not dated
            and (
                (before == "last"
                and (pub is None or MONTHS[low] >= pub.month))
                or (before == "in"
                and pub is not None
                and MONTHS[low] > pub.month)
            )
        ):
            years.add(last_year)
    if (
        (verb is not None
        and any(c.lower_ in ("can", "could") for c in verb.children if c.dep_ == "aux"))
        or any(t.lemma_ == "capacity" for t in related)
    ):
        quals.add("scope:capacity")  # "can carry up to 210": what it holds, not who was there
    if found.amount.dimension in ("percent", "percentage point"):
        for tok in sent:
            if tok.lemma_.lower() in REGION_WORDS and tok.i > sent.start \
                    and doc[tok.i - 1].pos_ == "PROPN":
                quals.add("where:" + doc[tok.i - 1].text.lower())  # "62.8% in Lviv region"
            if tok.lower_ in STAGE_WORDS or (
                    tok.ent_type_ == "ORDINAL" and tok.i + 1 < sent.end
                    and doc[tok.i + 1].lemma_.lower() in ("round", "ballot", "vote")):
                quals.add("stage:" + tok.lower_)  # "in the first round", "exit polls"
    for year in years:
        quals.add("year:" + year)
    return quals


def _counted(tok: Token) -> bool:
    """A token that is itself counted: "eight crew", "149 passengers"."""
    return tok.like_num or any(c.dep_ == "nummod" and c.like_num for c in tok.children)


def _compared(doc: Doc, whole: Span) -> str | None:
    for tok in doc[whole.end : min(whole.end + 5, len(doc))]:
        if tok.lower_ == "than":
            for nxt in doc[tok.i + 1 : min(tok.i + 4, len(doc))]:
                if nxt.pos_ in ("NOUN", "PROPN"):
                    return nxt.lemma_.lower()
    return None


def _context(doc: Doc, sent: Span, anchor: Token) -> str:
    lo = max(sent.start, anchor.i - CONTEXT_WINDOW)
    hi = min(sent.end, anchor.i + CONTEXT_WINDOW + 1)
    lemmas = {
        t.lemma_.lower()
        for t in doc[lo:hi]
        if t.pos_ in CONTENT_POS and not t.is_stop and not t.like_num and t.is_alpha
    }
    return " ".join(sorted(lemmas))


# --- sentences handed down ---------------------------------------------------------------

_NUM = r"[\w.]+"
_REPRIEVE = (
    r"(?:,?\s+(?:with an?\s+(?P<r1>[\w.-]+?)[- ]years?\s+reprieve"
    r"|suspended for\s+(?P<r2>[\w.-]+)\s+years?))?"
)
_TERM = r"(?P<n>[\w.]+)[- ](?P<unit>years?|months?)"
PENALTY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bsuspended death (?:sentence|penalty)\b", re.I), "suspended death"),
    (re.compile(r"\bdeath (?:sentence|penalty)" + _REPRIEVE, re.I), "death"),
    (re.compile(r"\bsentenc\w*\b[^.;\n]{0,60}?\bto death\b" + _REPRIEVE, re.I), "death"),
    (re.compile(r"\bcapital punishment\b", re.I), "death"),
    (
        re.compile(
            r"\blife (?:imprisonment|sentences?|terms?|in prison|in jail|behind bars)"
            r"(?:\s+without (?:the )?(?:possibility of )?parole)?\b"
            r"|\blife without (?:the )?(?:possibility of )?parole\b",
            re.I,
        ),
        "life",
    ),
    (
        re.compile(r"\b(?:sentenc|jail|imprison)\w*\b[^.;\n]{0,60}?\b(?:to|for) life\b", re.I),
        "life",
    ),
    (
        re.compile(
            r"\b" + _TERM + r"(?:'|’)?\s*(?:in prison|in jail|behind bars|of imprisonment|"
            r"imprisonment|jail terms?|prison terms?|terms?|prison sentences?|sentences?)\b",
            re.I,
        ),
        "prison",
    ),
    (
        re.compile(
            r"\b(?:sentenc|jail|imprison)\w*\b[^.;\n]{0,40}?\b(?:to|for)\s+" + _TERM + r"\b", re.I
        ),
        "prison",
    ),  # "jailed for 12 years", "sentenced to 18 months"
)


def _penalty_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    text = sent.text
    taken: list[tuple[int, int]] = []
    for pattern, ptype in PENALTY_PATTERNS:
        for m in pattern.finditer(text):
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            kind = ptype
            years = None
            precision = 1.0
            groups = m.groupdict()
            reprieve = groups.get("r1") or groups.get("r2")
            if ptype == "death" and reprieve:
                kind, years = "suspended death", parse_number(reprieve)
            elif ptype == "prison":
                years = parse_number(groups["n"])
                if years is None or years <= 0 or years > 100:
                    continue
                if groups["unit"].lower().startswith("month"):
                    years, precision = years / 12, 1 / 12
                elif years != int(years):
                    precision = 0.5 if years * 2 == int(years * 2) else 0.1
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not _handed_down(span) or HYPOTHETICAL.search(
                    text, max(0, m.start() - HYPOTHETICAL_WINDOW), m.start()):
                continue
            approx = HEDGE_BEFORE.search(text, max(0, m.start() - 30), m.start() + 12) is not None
            taken.append((start, end))
            subject = Subject(
                noun=_recipient(sent, span),
                action="sentenced",
                context=_context(doc, sent, span.root),
            )
            yield _make(
                article,
                ClaimKind.SENTENCE,
                start,
                end,
                sent,
                Penalty(type=kind, years=years, precision=precision, approx=approx),
                subject,
            )


HYPOTHETICAL = re.compile(
    r"(?i)\b(?:guidelines?|range|recommend\w*|faced?|facing|faces|maximum|up to|sought|seek\w*|"
    r"asked for|could|would have|potential|possible|as much as)\b[^.;,]*$"
)
"""Words before a term that make it one the law allows or someone asked for, not one given."""

HYPOTHETICAL_WINDOW = 60

HEDGE_BEFORE = re.compile(
    r"(?i)\b(?:nearly|almost|about|around|roughly|just (?:over|under)|"
    r"under|over|more than|less than|some)\s+[\w.-]+\s*[-\s]?(?:years?|months?)"
)


def _handed_down(span: Span) -> bool:
    """False for penalties that are sought, faced, possible or the law in general."""
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            lemma = token.lemma_.lower()
            if lemma in lexicon.NOT_HANDED_DOWN or lemma == "have":
                return False
            if any(c.lower_ in lexicon.MODALS for c in token.children if c.dep_ == "aux"):
                return False
            if any(c.dep_ == "neg" for c in token.children):
                return False
            if lemma not in ("be",):
                return True
        if token.head == token:
            break
        token = token.head
    return True


def _recipient(sent: Span, span: Span) -> str | None:
    people = [e for e in sent.ents if e.label_ == "PERSON" and e.end <= span.start]
    return people[-1].text if people else None


# --- dates -------------------------------------------------------------------------------

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
DURATION_WORDS = frozenset(
    """
    day days week weeks month months year years decade decades hours
    """.split()
)


def _date_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    pub = _published(article)
    title = article.title_span
    in_title = title is not None and sent.start_char < title.end and title.start < sent.end_char
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        value = _date_value(ent, pub, headline=in_title)
        if value is None:
            continue
        start, end = ent.start_char, ent.end_char
        text = article.text[start:end]
        stripped = text.lstrip("(").rstrip(")")
        start += len(text) - len(text.lstrip("("))
        end -= len(text) - len(text.rstrip(")"))
        if not stripped:
            continue
        verb = _governing_verb(ent.root)
        words = [verb.lemma_.lower()] if verb is not None else []
        if verb is not None:
            words += [
                c.lemma_.lower()
                for c in verb.children
                if c.dep_ in ("dobj", "nsubj", "nsubjpass", "acomp")
            ]
        subject = Subject(
            action=lexicon.event_class(words)
            or (verb.lemma_.lower() if verb is not None else None),
            context=_context(doc, sent, ent.root),
        )
        yield _make(article, ClaimKind.DATE, start, end, sent, value, subject)


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


RELATIVE_SHIFT = {"last": -1, "previous": -1, "this": 0, "next": 1}
"""Words that place "last year", "this month", "next year" against the publication date."""
YEAR_SPAN = re.compile(r"\b(?:18|19|20)\d\d\s*[-–/]\s*(?:\d\d|(?:18|19|20)\d\d)\b")
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
FUTURE_HEADS = frozenset({"expect", "schedule", "due", "set", "plan"})
REPORTING = frozenset("say tell report announce state add claim confirm note explain".split())


def _date_value(ent: Span, pub: date | None, *, headline: bool = False) -> DateValue | None:
    words = [t.lower_.rstrip(".") for t in ent]
    future = _future(ent, headline=headline)
    relative = _relative_period(words, pub)
    if relative is not None:
        return relative
    if any(w in DURATION_WORDS for w in words) and not any(w in MONTHS for w in words):
        return None
    if YEAR_SPAN.search(ent.text):
        return None  # "the 2018-19 season", "2015-2018": no one year
    year = next(
        (
            int(t.text)
            for t in ent
            if t.text.isdigit() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100
        ),
        None,
    )
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next(
        (
            int(t.text)
            for t in ent
            if t.text.isdigit() and 1 <= int(t.text) <= 31 and len(t.text) <= 2
        ),
        None,
    )
    weekday = next((w for w in words if w in lexicon.WEEKDAYS), None)
    if month == 5 and "may" in words and year is None and day is None:
        return None  # the modal verb, most likely
    if year and month and day:
        return _safe_date(year, month, day, "day", relative=False)
    if month and day:
        if pub is None:
            return DateValue(iso=f"--{month:02d}-{day:02d}", precision="day", relative=True)
        return _guess_day(month, day, weekday, pub, future=future)
    if year and month:
        return DateValue(iso=f"{year:04d}-{month:02d}", precision="month")
    if year and not weekday:
        if any(w.endswith("s") and w[:-1].isdigit() for w in words):
            return None  # "the 1990s"
        return DateValue(iso=f"{year:04d}", precision="year")
    if month:
        if pub is None:
            return None
        if future:
            guess_year = pub.year if month >= pub.month else pub.year + 1
        else:
            guess_year = pub.year if month <= pub.month else pub.year - 1
        return DateValue(iso=f"{guess_year:04d}-{month:02d}", precision="month", relative=True)
    if weekday:
        if pub is None:
            return DateValue(iso=weekday.capitalize(), precision="weekday", relative=True)
        back = (pub.weekday() - lexicon.WEEKDAYS.index(weekday)) % 7
        resolved = pub - timedelta(days=back)
        if future:
            resolved = pub + timedelta(days=(7 - back) % 7)
        return DateValue(iso=resolved.isoformat(), precision="weekday", relative=True)
    return None


def _relative_period(words: list[str], pub: date | None) -> DateValue | None:
    """ "last year", "this month", "earlier this year", "next month" against the
    publication date; None for anything else ("the past year" is a duration)."""
    if (
        pub is None
        or len(words) < 2
        or words[-1] not in ("year", "month")
        or words[-2] not in RELATIVE_SHIFT
        or any(w.isdigit() for w in words)
    ):
        return None
    if any(w not in ("earlier", "later", "early", "late", "in") for w in words[:-2]):
        return None
    shift = RELATIVE_SHIFT[words[-2]]
    if words[-1] == "year":
        return DateValue(iso=f"{pub.year + shift:04d}", precision="year", relative=True)
    index = pub.year * 12 + pub.month - 1 + shift
    return DateValue(
        iso=f"{index // 12:04d}-{index % 12 + 1:02d}", precision="month", relative=True
    )


def _guess_day(
    month: int, day: int, weekday: str | None, pub: date, *, future: bool
) -> DateValue | None:
    """The year of "March 16" (or "Monday, March 16"): the one its weekday fits, else the
    last such day up to publication, or the next one for an event still to come."""
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == lexicon.WEEKDAYS.index(weekday)]
        if fitting:
            best = min(fitting, key=lambda d: abs((d - pub).days))
            return DateValue(iso=best.isoformat(), precision="day", relative=True)
    past = [d for d in candidates if d <= pub]
    coming = [d for d in candidates if d >= pub]
    pick = min(coming) if future and coming else max(past) if past else None
    if pick is None:
        return None
    return DateValue(iso=pick.isoformat(), precision="day", relative=True)


def _future(ent: Span, *, headline: bool = False) -> bool:
    """True when the clause of a date speaks of what is still to come ("will vote on
    Sunday", "is expected to rule in March", and in the body, where news is told in the
    past, a present tense: "the law takes effect on Saturday")."""
    verb = _governing_verb(ent.root)
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if (
            not headline
            and verb.tag_ in ("VBZ", "VBP")
            and verb.lemma_ not in REPORTING
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            return True
        if verb.dep_ != "xcomp":
            return False
        verb = verb.head
        if verb.lemma_.lower() in FUTURE_HEADS:
            return True
    return False


def _safe_date(
    year: int, month: int, day: int, precision: str, *, relative: bool
) -> DateValue | None:
    try:
        return DateValue(
            iso=date(year, month, day).isoformat(), precision=precision, relative=relative
        )
    except ValueError:
        return None


# --- people and aliases ------------------------------------------------------------------

ALIAS_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in lexicon.ALIAS_CUES) + r")\s*,?\s*[\"“”'‘’]\s*"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)\s*[,.]?\s*[\"”“'’]",
)


def _alias_claims(article: Article, sent: Span) -> Iterator[Claim]:
    for m in ALIAS_RE.finditer(sent.text):
        start = sent.start_char + m.start("name")
        end = sent.start_char + m.end("name")
        name = article.text[start:end]
        subject = Subject(noun="alias", role=m.group(0).split()[0].lower(), context=name)
        yield _make(article, ClaimKind.ALIAS, start, end, sent, name, subject)


def _person_claims(article: Article, doc: Doc, others: list[Claim]) -> Iterator[Claim]:
    aliases = [(c.start, c.end) for c in others if c.kind is ClaimKind.ALIAS]
    lower_words = {t.lower_ for t in doc if t.is_lower}
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    not_people = {e.text.lower() for e in doc.ents if e.label_ in _NOT_PERSON_LABELS} - surnames
    for span in _person_spans(doc):
        cleaned = _clean_name(span)
        if cleaned is None:
            continue
        start, end = cleaned
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
    chairwoman manager founder editor correspondent reporter
    """.split()
)
"""Lowercase role nouns that a name often follows ("prosecution lawyer A Rahmani")."""


def _person_spans(doc: Doc) -> Iterator[Span]:
    """spaCy's PERSON entities, plus capitalised names right after a role noun."""
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            covered.update(range(ent.start, ent.end))
            yield ent
    for tok in doc:
        if tok.lower_ not in ROLE_NOUNS or not tok.is_lower or tok.i + 1 >= len(doc):
            continue
        end = tok.i + 1
        while (
            end < len(doc)
            and end - tok.i <= 3
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and doc[end].ent_type_ not in _NOT_PERSON_LABELS
        ):
            end += 1
        if end - tok.i >= 3 and not covered.intersection(range(tok.i + 1, end)):
            covered.update(range(tok.i + 1, end))
            yield doc[tok.i + 1 : end]
    # a later mention by surname alone ("Kowalska said") is the same person
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    for tok in doc:
        if tok.i not in covered and tok.text in surnames and tok.pos_ == "PROPN":
            covered.add(tok.i)
            yield doc[tok.i : tok.i + 1]


_PLACE_HEADS = frozenset(
    """
    province city county district court village town region state river mountain street
    road university hospital airport port bay island
    """.split()
)


def _not_a_person(span: Span, words: int) -> bool:
    """True when the syntax around a PERSON entity says it names a place, a thing or a
    common noun: "the city of X", "X, the tourist town", "X intermediate court",
    "New Delhi, Mumbai and X", "X is a drug", "took to X", "a storm named X"."""
    root = span.root
    head = root.head
    place = lexicon.PLACE_NOUNS
    if span[-1].lower_ in place or (
        root.dep_ in ("compound", "nmod") and head.lemma_.lower() in place
    ):
        return True
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and (head.head.lemma_.lower() in place or head.head.lower_ in lexicon.COMPASS)
    ):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in place for c in root.children) or (
        root.dep_ == "appos" and head.lemma_.lower() in place
    ):
        return True
    conjuncts = root.conjuncts
    if len(conjuncts) >= 2 and all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in conjuncts):
        return True  # "New Delhi, Mumbai and X": a list of places
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
    ):  # "Follow Ben Kew on ...": a verb starts no name
        toks = toks[1:]
    while toks and (toks[-1].lower_ in ("'s", "’s", "'", "’") or not toks[-1].text[-1].isalnum()):
        toks = toks[:-1]
    if not toks or not toks[0].text[0].isupper():
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


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
            or tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG", "LOC", "DATE")
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
