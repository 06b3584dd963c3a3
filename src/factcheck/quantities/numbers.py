"""Numbers in digits and in words, with the precision they are stated at."""

from __future__ import annotations

import re
from typing import NamedTuple

from text_to_num import text2num

from .patterns import _CORE, _HALF_AFTER, _SCALE_AFTER, _WORD_TOKENS
from .tables import _BIG, _MONEY_ONLY_SCALES, _MULT, _SCALE_SUFFIX, MAX_DIGITS


class _Num(NamedTuple):
    start: int  # numeric part incl. a glued prefix ("Rs100", "M7.5")
    num_start: int
    end: int  # after the scale word or "and a half"
    value: float
    precision: float
    year_like: bool  # four plain digits


def _int_precision(value: float) -> float:
    """1 below 1000; else 10 ** (trailing zeros), but a round figure in digits is read to
    two significant figures at least: 36,000 -> 1000, 2,347 -> 1, 40,000 -> 1000 (so
    "40,000" and "42,000" differ, as a reader takes them to)."""
    if value < 1000:
        return 1.0
    n = int(value)
    zeros = 0
    while n and n % 10 == 0 and zeros < MAX_DIGITS:
        n //= 10
        zeros += 1
    digits = len(str(int(value)))
    return 10.0 ** min(zeros, max(digits - 2, 0))


def _scaled_precision(mantissa: float, mantissa_precision: float | None, scale: float) -> float:
    """Resolution of "2.05 million" (10000) or "a million" (100000)."""
    if mantissa_precision is None:  # a whole mantissa: "2 million", "20 million"
        mantissa_precision = 0.1 if mantissa < 10 else 1.0
    return mantissa_precision * scale


def _words_value(phrase: str) -> tuple[float, float] | None:
    """Value and precision of a spelled-out number, or None."""
    tokens = phrase.lower().replace("-", " ").split()
    factor = 1.0
    article = False
    if len(tokens) > 2 and tokens[0] in ("a", "an") and tokens[1] == "half":
        tokens = tokens[1:]  # "a half-dozen", "a half million": half of one
    if len(tokens) > 1 and tokens[0] == "half" and tokens[1] in ("a", "an"):
        factor, tokens, article = 0.5, tokens[2:], True
    elif len(tokens) > 1 and tokens[0] == "half" and (tokens[1] in _MULT or tokens[1] in _BIG):
        factor, tokens, article = 0.5, tokens[1:], True
    elif tokens and tokens[0] in ("a", "an"):
        tokens, article = ["one", *tokens[1:]], True
    if not tokens or ((tokens[0] in _BIG or tokens[0] in _MULT) and not article):
        return None
    mult = 1.0
    last = tokens[-1]
    if last in _MULT:
        mult = _MULT[tokens.pop()]
        if not tokens and not article:
            return None
        tokens = tokens or ["one"]  # "half a dozen"
    try:
        base = float(text2num(" ".join(tokens), "en"))
    except ValueError:
        return None
    value = base * mult * factor
    scale = mult if last in ("lakh", "lakhs", "crore", "crores") else _BIG.get(last, 0.0)
    if scale >= 1e5 and value:
        mantissa = value / scale
        whole = float(mantissa).is_integer()
        return value, _scaled_precision(mantissa, None if whole else 0.1, scale)
    return value, _int_precision(value) if value.is_integer() else 0.5


def _read_words(text: str, start: int, end: int) -> tuple[int, float, float] | None:
    """The longest prefix of ``text[start:end]`` that reads as a number."""
    value = _words_value(text[start:end])
    if value is not None:
        return end, *value
    ends = [t.end() for t in _WORD_TOKENS.finditer(text, start, end)
            if t.group().lower() != "and"]
    for stop in reversed(ends[:-1]):
        value = _words_value(text[start:stop])
        if value is not None:
            return stop, *value
    return None


_GROUP_SPACES = re.compile(",?[ \u00a0\u202f]")


def _ungrouped(digits: str) -> str:
    """ "1 200" (thousands grouped by a space, thin or not) as "1,200"; a comma before one
    or two digits ("35,2" before a percent sign) as the decimal point it is."""
    if _DECIMAL_COMMA.fullmatch(digits):
        return digits.replace(",", ".")
    return _GROUP_SPACES.sub(",", digits)


_DECIMAL_COMMA = re.compile(r"[0-9]{1,3},[0-9]{1,2}")


def _read_number(text: str, m: re.Match[str], *, money: bool) -> _Num | None:
    """Read the digits or words matched by ``_CORE``, plus "and a half" and a scale word."""
    digits = m.group("dig")
    if m.group("half") is not None:
        return _Num(m.start(), m.start(), m.end(), 0.5, 0.5, False)
    if digits is not None:
        digits = _ungrouped(digits)
        if len(digits.replace(",", "").replace(".", "")) > MAX_DIGITS:
            return None
        start, num_start, end = m.start(), m.start("dig"), m.end("dig")
        mantissa = float(digits.replace(",", ""))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        mprec: float | None = 10.0**-decimals if decimals else None
    else:
        read = _read_words(text, m.start("words"), m.end("words"))
        if read is None:
            return None
        end, mantissa, words_prec = read
        start = num_start = m.start("words")
        last = text[start:end].replace("-", " ").split()[-1].lower()
        if last in _BIG or last in _MULT or not mantissa.is_integer():
            return _Num(start, num_start, end, mantissa, words_prec, False)
        mprec = None
    half = _HALF_AFTER.match(text, end)
    if half:
        mantissa, mprec, end = mantissa + 0.5, 0.5, half.end()
    scale_m = _SCALE_AFTER.match(text, end)
    if scale_m:
        word = scale_m.group("sc").lower()
        if word in _MONEY_ONLY_SCALES:
            allowed = money and not scale_m.group("sp")  # "$5m", "$5bn", "Rs5k"
        elif word in ("mn", "bn", "tn"):
            allowed = True
        else:  # number words carry their own: "one and a half million" only
            allowed = digits is not None or half is not None
        if allowed:
            scale = _SCALE_SUFFIX[word]
            then = _SCALE_AFTER.match(text, scale_m.end())
            if word.startswith(("lakh", "thousand", "hundred")) and then is not None \
                    and then.group("sc").lower().startswith("crore") and then.group("sp"):
                scale *= 1e7  # "Rs 2.4 lakh crore": a lakh of crores
                scale_m = then
            value = mantissa * scale
            if word == "dozen" or scale < 1e3:
                precision = _int_precision(value) if value.is_integer() else scale / 2
            elif half is not None:
                precision = scale / 10
            else:
                precision = _scaled_precision(mantissa, mprec, scale)
            return _Num(start, num_start, scale_m.end(), value, precision, False)
    if mprec is None:
        mprec = _int_precision(mantissa)
    year_like = digits is not None and half is None and len(digits) == 4 and digits.isdigit()
    return _Num(start, num_start, end, mantissa, mprec, year_like)


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words, or None.

    >>> parse_number("nine"), parse_number("2,347"), parse_number("2.5 million")
    (9.0, 2347.0, 2500000.0)
    >>> parse_number("a dozen"), parse_number("twenty-one"), parse_number("four and a half")
    (12.0, 21.0, 4.5)
    >>> parse_number("2.4 lakh crore")
    2400000000000.0
    >>> parse_number("1 lakh"), parse_number("2 crore"), parse_number("half a million")
    (100000.0, 20000000.0, 500000.0)
    >>> parse_number("hundreds") is None, parse_number("first") is None
    (True, True)
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    m = _CORE.match(s)
    if not m or (m.group("dig") is None and m.group("words") is None) or m.group("gpre"):
        return None
    num = _read_number(s, m, money=False)
    if num is None or num.end != len(s):
        return None
    return num.value


