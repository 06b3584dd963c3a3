"""Tests for factcheck.judge.labels: the question a group of figures answers, in words.

The claims are built by hand (no parse), as in test_reasons.
"""

from __future__ import annotations

import pytest

from factcheck.judge.labels import measure_label
from factcheck.models import ClaimKind

from .test_reasons import claim

P = pytest.param


LABELS = [
    P(claim(84, event="killed"), "people killed", id="person-event"),
    P(claim(12, thing="firefighter", event="injured"), "firefighters injured",
      id="thing-and-event"),
    P(claim(3, unit="day", dimension="duration", thing="day:period", event="close"),
      "period (days, closed)", id="unit-prefixed-thing-and-verb-participle"),
    P(claim(300, unit="m", dimension="length", thing="ship", event="aboard"),
      "ship (aboard)", id="a-non-verb-event-stays-as-it-is"),
    P(claim(50, unit="m", dimension="length", thing="crater", holder="port"),
      "crater of port", id="holder"),
    P(claim(21, unit="storey", dimension="height", thing="storey:building", holder="hotel"),
      "building of hotel (storeys)", id="unit-prefixed-thing-with-holder"),
    P(claim(68, kind=ClaimKind.RATIO, unit="%", dimension="percent", holder="turnout",
            common_holder=True), "turnout", id="a-share-named-by-its-common-noun"),
    P(claim(52, kind=ClaimKind.RATIO, unit="%", dimension="percent", holder="marlow"),
      "vote share of marlow", id="a-candidate-share"),
    P(claim(8, kind=ClaimKind.RATIO, unit="%", dimension="percent", holder="central bank",
            event="rate"), "rate of central bank", id="a-bank-rate-is-no-vote-share"),
    P(claim(14, kind=ClaimKind.RATIO, unit="%", dimension="percent", holder="okoro",
            event="own"), "share of okoro", id="an-owned-share-is-no-vote-share"),
    P(claim(3.2e9, unit="USD", dimension="money", event="sell"), "price paid",
      id="a-sale-price"),
    P(claim(130, unit="USD", dimension="money", event="buy", mode="rate"), "price paid (each)",
      id="a-price-per-share"),
    P(claim(4, unit="°C", dimension="temperature", thing="temperature"), "temperature",
      id="temperature"),
    P(claim(41, unit="second", dimension="duration", thing="margin", event="record"),
      "margin (record)", id="a-record-margin"),
    P(claim(1.2e6, unit="USD", dimension="money", event="forfeit"), "amount (forfeited)",
      id="money-named-by-its-verb"),
    P(claim(30, unit="m", dimension="length", event="fall"), "length (fallen)",
      id="length-named-by-its-verb"),
    P(claim(40, unit="km", dimension="length", mode="remaining"), "length (remaining)",
      id="what-is-left-of-a-distance"),
    P(claim(11.9, unit="kg", dimension="mass", thing="fentanyl", event="seized"),
      "fentanyl (seized)", id="an-event-class-is-already-a-participle"),
]


@pytest.mark.parametrize(("one", "label"), LABELS)
def test_measure_label(one, label: str) -> None:
    """A group is labelled by what its figures count and what happened to them."""
    assert measure_label([one, one]) == label
