"""The regular expressions of the scan, compiled once."""

from __future__ import annotations

import re

from .tables import (
    _CASED_UNITS,
    _CURRENCY_SYMBOLS,
    _CURRENCY_WORDS,
    _FRACTIONS,
    _LABELS,
    _MODIFIERS,
    _MONTHS,
    _ONES,
    _ORDINALS,
    _OTHER_UNITS,
    _PHYSICAL_ALIASES,
    _TENS,
    _TIME_WORDS,
    _alternation,
)

_D = "[0-9]"
_NUM_RE = (rf"{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?"  # 2,347 and 14,600.5
           rf"|{_D}{{1,3}}(?:[ \u00a0\u202f]{_D}{{3}})+(?![0-9])"  # 1 200 (a space groups)
           rf"|{_D}{{1,3}}(?:,[ ]{_D}{{3}}){{2,}}(?![0-9])"  # 3, 482, 905 (a slip: two groups)
           rf"|{_D}{{1,2}}(?:,{_D}{{2}})+,{_D}{{3}}(?:\.{_D}+)?"  # 1,50,000 (South Asian)
           rf"|{_D}{{1,3}},{_D}{{1,2}}(?=\s?(?:%|per\s?cent|percent)"  # 35,2% (decimal comma)
           r"|\s?(?:million|billion|trillion|bn|mn)\b)"  # 3,5 billion: no thousands group
           rf"|{_D}+(?:\.{_D}+)?|\.{_D}+")
_GLUED_PREFIX = r"Rs\.?|Re\.?|RM|Rp\.?|INR|USD|EUR|GBP|RMB|CNY|HKD|IDR|SGD|Mw|MW|M"
_TOK = (rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES[1:10])}))?"
        rf"|{_alternation(_ONES)}|hundred|thousand|million|billion|trillion|dozen"
        r"|lakhs?|crores?)")
_SCALE_AHEAD = r"(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)\b"
_HALF_UNITS = ("mile|kilometre|kilometer|metre|meter|kilo|kilogram|kilogramme|pound|ton|tonne"
               "|litre|liter|gallon")
_TIME_AHEAD = rf"(?:{'|'.join(_TIME_WORDS)})\b"

_CORE = re.compile(
    rf"""
    (?P<vague>\b
        (?:(?P<vq>several|a\s+few|a\s+couple\s+of|many|some)\s+)?
        (?P<vp>dozens|scores(?=\s+of\b)
            |tens(?=\s+of\s+(?:thousands|millions|billions)\b|\s+(?:to|or)\s+(?:hundreds|thousands)\b)
            |hundreds|thousands|millions|billions|lakhs|crores)
        (?:\s+of\s+(?P<vp2>thousands|millions|billions|lakhs|crores))?\b
      | \b(?P<vq2>several|a\s+few|a\s+couple\s+of|many)\s+
        (?P<vs>dozen|hundred|thousand|million|billion|lakh|crore)
        (?:\s+(?P<vs2>thousand|million|billion))?\b
    )
    | (?P<half>\bhalf\s+an?)(?=\s+(?:{'|'.join(_TIME_WORDS)}|{_HALF_UNITS})\b)
    | (?P<frac>(?<![\w-])(?:(?P<fn>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+
        (?P<fd>third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?
        |(?P<fh>half)))
        (?=\s+of\s)(?!\s+of\s+(?:an?|the)\s+(?:{'|'.join(_TIME_WORDS)}|century|{_HALF_UNITS})\b)
    | (?P<words>\b
        (?:(?P<wa>half\s+an?|(?:an?\s+)?half|an?)[\s-]+(?={_SCALE_AHEAD}))?
        {_TOK}(?:(?:[\s-]+|\s+and\s+){_TOK}){{0,11}}\b
        (?!-(?:{'|'.join(_ORDINALS)}|{'|'.join(_FRACTIONS)})\b)
        (?![\s-]+(?:{'|'.join(_FRACTIONS)})\b)
    )
    | (?P<art>\ban?)(?=\s+{_TIME_AHEAD})
    | (?<![\w.,/])(?:(?P<gpre>(?-i:{_GLUED_PREFIX}))(?=[0-9]))?
      (?P<dig>{_NUM_RE})(?![0-9]|[.,][0-9])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_MASK = re.compile(
    rf"""
      (?:https?://|www\.)\S+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+
    | \b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|in|cn|id|sg|hk|my|au)
      \b(?:/\S*)?
    | (?<!\w)[@#]\w+
    | \+{_D}[0-9\s().-]{{5,}}{_D}
    | \({_D}{{2,4}}\)\s?{_D}{{3,4}}[\s.-]?{_D}{{3,4}}
    | (?<![0-9,.]){_D}{{3}}[.-]{_D}{{3}}[.-]{_D}{{4}}(?![0-9])
    | (?<![0-9,.]){_D}{{3}}-{_D}{{4}}(?![0-9,])
    | (?<![0-9.,]){_D}{{1,2}}(?:[:.]{_D}{{2}})?\s?(?:[ap]\.\s?m\.|[ap]m\b)
    | (?<![0-9.,]){_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?(?![0-9])
    | (?<![0-9.,]){_D}{{1,2}}[.:]?{_D}{{2}}\s?
      (?-i:GMT|UTC|IST|WIB|WITA|WIT|HKT|BST|EST|EDT|PST|CET|hrs)\b
    | \b{_D}{{1,2}}\s+o['’]clock\b
    | (?<![0-9]){_D}+(?:\s?/\s?{_D}+)+
    | (?<![0-9.,]){_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?![0-9])
    | (?<![0-9.,]){_D}{{1,2}}([./-]){_D}{{1,2}}\1{_D}{{2,4}}(?![0-9])
    | (?<![0-9.,]){_D}+(?:\.{_D}+){{2,}}
    | (?<![0-9])['’]?(?:{_D}{{2}})?{_D}0['’]?s\b
    | (?-i:\b(?!(?:Mid|Pre|Post|Early|Late|Over|Under|Top|Age|Ages)-)
           [A-Z][A-Za-z]*-{_D}+[A-Za-z0-9]*)
    | \bcovid-?19\b
    | (?-i:(?<=[0-9]\s)[A-Z][A-Za-z]{{1,5}}\s{_D}{{1,2}}\b)
    | (?-i:\bM{_D}+\b(?![.,]{_D}))
    | (?-i:\b[A-Z]{{2}}[\s-]?{_D}{{3,4}}\b(?![.,]{_D}))
    | (?-i:\b(?:{_MONTHS})\b\.?\s+{_D}{{1,2}}(?:st|nd|rd|th)?(?![0-9]|[.,]{_D}|\s*%))
    | (?-i:\b{_D}{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b)
    | (?-i:\b(?:{_LABELS})\b\.?\s?\#?\s?{_D}+(?:[.,]{_D}+)*[A-Za-z]?(?:-[A-Z0-9]+)?
           (?:\s?(?:,|and|&|or)\s?{_D}+[A-Za-z]?(?:-[A-Z])?)*)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WORD_MASK = re.compile(
    r"""
      \bzero[\s-]+(?:tolerance|sum|hour|day|waste|emissions?|carbon|gravity|rated)\b
    | \b(?:ground|patient)\s+zero\b | \bsub-zero\b
    | \bno[\s-]+one\b | \bone\s+(?:or\s+)?another\b | \bone\s+by\s+one\b
    | \bon\s+the\s+one\s+hand\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_HAS_DIGIT = re.compile("[0-9]")

_MOD_BEFORE = re.compile(rf"(?<![\w.])(?P<mod>{_alternation(_MODIFIERS)})\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<!\w)from\s+$", re.IGNORECASE)
_ART_CONTEXT = re.compile(r"(?<!\w)(?:for|within|lasting|spanning)\s+$", re.IGNORECASE)
_ART_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:later|after|before|earlier|ago)\b", re.IGNORECASE)
_CUR_BEFORE = re.compile(
    rf"(?<![\w$])(?P<cur>{_alternation(_CURRENCY_SYMBOLS)})\s?$")
_MAG_BEFORE = re.compile(
    r"(?<!\w)(?P<mag>(?:Richter\s+)?magnitude(?:\s+of)?|(?-i:Mw?))[\s-]*$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?<!\w)(?P<aged>aged|age)\s+$", re.IGNORECASE)

_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(
    r"(?P<sp>\s*)(?P<sc>million|billion|trillion|thousand|hundred|lakhs?|crores?|dozen"
    r"|mn|bn|tn|m|b|k)(?![\w])",
    re.IGNORECASE,
)
_POSTFIX_AFTER = re.compile(
    r"(?:\s+or\s+(?P<p1>so|more|over)\b|-(?P<p2>odd|plus)\b|(?P<p3>\+)(?![\w+]))",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(
    r"(?P<hy>-|\s+)(?P<u>year|month|week|day)s?(?:-|\s+)old\b"
    r"|(?P<hy2>\s+)(?P<u2>year|month)s?\s+of\s+age\b",
    re.IGNORECASE,
)
_MAG_AFTER = re.compile(
    r"(?P<hy>-|\s+)(?P<u>magnitude|Richter(?:\s+scale)?)\b"
    r"|\s+(?P<u2>on\s+the\s+Richter\s+scale)\b|\s?(?P<u3>(?-i:SR))\b",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(
    rf"(?P<conn>-\s+(?:to|or)\s+|\s*[-–—]\s*|\s+(?:to|and|or)\s+)"
    rf"(?:(?P<cur>{_alternation(_CURRENCY_SYMBOLS)})\s?)?",
    re.IGNORECASE,
)
_UNIT_WORDS = _alternation([*_PHYSICAL_ALIASES, *_CURRENCY_WORDS, *_OTHER_UNITS], hyphens=True)
_UNIT_AFTER = re.compile(
    rf"(?P<hy>-|\s*)(?P<u>{_UNIT_WORDS}"
    rf"|(?-i:{'|'.join(_CASED_UNITS)}))(?![\w])",
    re.IGNORECASE,
)
_TEMP_AFTER = re.compile(
    r"\s?(?:[°º˚]\s?(?P<s1>(?-i:[CF]))"
    r"|(?:degrees?|deg\.?)\s+(?P<s2>celsius|centigrade|fahrenheit|(?-i:[CF]))"
    r"|(?P<s3>celsius|centigrade|fahrenheit))(?![\w])"
    r"|(?P<s4>(?-i:[CF]))(?![\w])",
    re.IGNORECASE,
)
"""A temperature scale after a figure: "46°C", "46 degrees Celsius", "114.6F" (a bare
letter only when glued to the figure)."""
_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,])[-−–]|(?<!\w)minus\s+)$", re.IGNORECASE)
_VAGUE_RANGE = re.compile(r"\s+(?:to|or)\s+", re.IGNORECASE)
_FOLD_AFTER = re.compile(r"-?fold\b", re.IGNORECASE)
_STRONG_AFTER = re.compile(r"-strong\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"-(?P<noun>[a-z]{2,})\b(?!-)")
_NEXT_WORD = re.compile(r"\s+(?P<w>[A-Za-z]+)")
_LEVEL_BEFORE = re.compile(
    r"(?<![0-9.,%])\b(?!(?:18|19|20)[0-9]{2}\b)[0-9][0-9,]*(?![0-9,]*\s*(?:%|per\s?cent|percent))[^.;:0-9%]{0,60}?"
    r"\b(?:down|up)\s+from\s+$", re.IGNORECASE)
"""A count before "down from" or "up from" that the next figure is the earlier level of
("1,342 left on Sunday, down from 1876"): that figure is a count, not a year."""
_WORD_TOKENS = re.compile(r"[A-Za-z]+")


