"""HTML renderers: one self-contained page to open, print or send as an attachment.

The page is made from Jinja2 templates (package data under ``templates/``) with
autoescaping on, and every value the templates print first goes through
:func:`inert`: article text can add no element, attribute, script, style or
link, and carries no control or bidi character. The CSS and the optional
script are inline; a Content-Security-Policy allows exactly those two (by
hash) and nothing else, so the page requests nothing from any host. Links are
made only to an article's own http(s) URL.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from factcheck.models import Article, ArticleCheck, Claim, Group, Report, Status, Verdict
from factcheck.render.chart import chart
from factcheck.render.timeline import timeline
from factcheck.render.values import (
    articles_by_id,
    check_articles,
    clean_terminal,
    outlet_labels,
    plural,
    provenance,
    quote_parts,
    value_label,
    web_link,
)

__all__ = ["check_to_html", "inert", "to_html"]

def inert(value: Any) -> Any:
    """What a template prints: text without controls or bidi characters (markup made here
    passes as it is; autoescaping then escapes the text).

    >>> inert("a\\u202eb\\x1b[31m"), inert(Markup("<b>ok</b>")), inert(3)
    ('ab', Markup('<b>ok</b>'), 3)
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return clean_terminal(value)


def stamp(published: str | None) -> str:
    """A publication date or time for people: "5 Mar 2024, 05:10 UTC".

    >>> stamp("2024-03-05T05:10:00+00:00"), stamp("2023-12-30T21:05:40"), stamp("2024-06")
    ('5 Mar 2024, 05:10 UTC', '30 Dec 2023, 21:05', '2024-06')
    """
    if not published:
        return ""
    try:
        moment = datetime.fromisoformat(published) if len(published) >= 10 else None
    except ValueError:
        moment = None
    if moment is None:
        return published
    day = f"{moment.day} {moment.strftime('%b %Y')}"
    if len(published) <= 10:
        return day
    zone = moment.strftime("%z")
    zone = " UTC" if zone == "+0000" else f" {zone[:3]}:{zone[3:]}" if zone else ""
    return f"{day}, {moment.strftime('%H:%M')}{zone}"


@dataclass(frozen=True)
class Quote:
    """A claim shown in its sentence, with where it comes from."""

    before: str
    text: str
    after: str
    outlet: str
    published: str
    """As stated (ISO 8601), for the ``datetime`` attribute."""
    when: str
    """As people read it."""
    path: str
    start: int
    end: int
    value: str


def quote(claim: Claim, articles: dict[str, Article]) -> Quote:
    """A claim with its sentence split around it and its provenance."""
    before, text, after = quote_parts(claim)
    before, after = before.lstrip(), after.rstrip()
    art = articles.get(claim.article)
    path = provenance(claim, articles).rsplit(":", 1)[0]
    return Quote(
        before=before,
        text=text,
        after=after,
        outlet=art.label if art else claim.article,
        published=art.published or "" if art else "",
        when=stamp(art.published if art else None),
        path=path,
        start=claim.start,
        end=claim.end,
        value=value_label(claim.value),
    )


def _by_article(claims: tuple[Claim, ...], articles: dict[str, Article]) -> list[list[Quote]]:
    """Quotes grouped by article, in the order the articles first appear."""
    grouped: dict[str, list[Quote]] = {}
    for claim in claims:
        grouped.setdefault(claim.article, []).append(quote(claim, articles))
    return list(grouped.values())


def _card(group: Group, articles: dict[str, Article]) -> dict[str, Any]:
    moving = timeline(group, articles)
    return {
        "group": group,
        "chart": chart(moving) if moving else None,
        "positions": [
            {
                "position": position,
                "majority": index == group.majority,
                "outlets": ", ".join(outlet_labels(position.articles, articles)),
                "quotes": _by_article(position.claims, articles),
            }
            for index, position in enumerate(group.positions)
        ],
    }


def _sources(report_articles: tuple[Article, ...], shown: dict[str, Article]) -> list[dict]:
    return [
        {"article": shown[a.id], "when": stamp(a.published), "link": web_link(a.url)}
        for a in report_articles
    ]


def _summary(report: Report) -> dict[str, Any]:
    dated = sorted(
        (a.published for a in report.articles if a.published), key=lambda p: (p[:10], p)
    )
    counts = {s: len(report.by_status(s)) for s in Status}
    return {
        "articles": plural(len(report.articles), "article"),
        "outlets": sorted({a.outlet for a in report.articles if a.outlet}),
        "first": (dated[0], stamp(dated[0])) if dated else None,
        "last": (dated[-1], stamp(dated[-1])) if dated else None,
        "conflicts": plural(counts[Status.CONFLICT], "conflict"),
        "agreements": plural(counts[Status.AGREEMENT], "agreement"),
        "singles": plural(counts[Status.SINGLE], "single-source claim"),
    }


def _rows(report: Report, articles: dict[str, Article]) -> list[dict[str, Any]]:
    """Agreements and single-source claims, one row per group."""
    return [
        {
            "status": "agreement" if group.status is Status.AGREEMENT else "single source",
            "group": group,
            "figure": " = ".join(p.label for p in group.positions),
            "outlets": ", ".join(outlet_labels(group.articles, articles)),
            "quote": quote(group.claims[0], articles),
        }
        for group in report.groups
        if group.status is not Status.CONFLICT
    ]


def to_html(report: Report, *, cwd: str | os.PathLike[str] | None = None) -> str:
    """The report as one self-contained HTML page: a summary, each conflict as a card with
    the positions side by side (and a timeline when the figure moved), a sortable table of
    agreements and single-source claims, and the sources.

    With ``cwd``, files are shown relative to it, or by name when outside it.
    """
    articles = articles_by_id(report, cwd=cwd)
    return _render(
        "report.html.j2",
        title="factcheck report",
        summary=_summary(report),
        skipped=report.skipped,
        cards=[_card(g, articles) for g in report.by_status(Status.CONFLICT)],
        rows=_rows(report, articles),
        sources=_sources(report.articles, articles),
    )


def check_to_html(check: ArticleCheck, *, cwd: str | os.PathLike[str] | None = None) -> str:
    """One article's claims checked against the others, as a self-contained HTML page:
    each contradicted claim as a card beside what the others say, then every claim in a
    sortable table, then the sources. ``cwd`` as for :func:`to_html`."""
    articles = check_articles(check, cwd=cwd)
    order = [Verdict.CONTRADICTED, Verdict.CORROBORATED, Verdict.ONLY_HERE]
    checks = sorted(check.checks, key=lambda c: order.index(c.verdict))
    counts = {v: sum(c.verdict is v for c in check.checks) for v in Verdict}
    everyone = (check.article, *check.against)
    groups = {g.id: g for g in check.report.groups}
    return _render(
        "check.html.j2",
        title=f"factcheck: {check.article.label}",
        article=articles.get(check.article.id, check.article),
        against=plural(len(check.against), "article"),
        against_names=", ".join(outlet_labels((a.id for a in check.against), articles)),
        counts={v.value: counts[v] for v in Verdict},
        total=plural(len(check.checks), "claim"),
        contradicted=[
            {
                "check": c,
                "group": groups.get(c.group_id),
                "quote": quote(c.claim, articles),
                "others": _by_value(c.contradicting, articles),
            }
            for c in checks
            if c.verdict is Verdict.CONTRADICTED
        ],
        rows=[
            {
                "check": c,
                "quote": quote(c.claim, articles),
                "others": _by_value(
                    c.contradicting if c.verdict is Verdict.CONTRADICTED else c.supporting,
                    articles,
                ),
            }
            for c in checks
        ],
        sources=_sources(everyone, articles),
    )


def _by_value(claims: tuple[Claim, ...], articles: dict[str, Article]) -> list[dict[str, Any]]:
    """Other articles' claims grouped by the value they state."""
    grouped: dict[str, list[Quote]] = {}
    for claim in claims:
        grouped.setdefault(value_label(claim.value), []).append(quote(claim, articles))
    return [{"value": value, "quotes": quotes} for value, quotes in grouped.items()]


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("factcheck.render", "templates"),
        autoescape=True,
        finalize=inert,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


@cache
def _asset(name: str) -> tuple[Markup, str]:
    """A static file of the page (CSS or script) and its CSP hash source."""
    text = (resources.files("factcheck.render") / "templates" / name).read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def _render(template: str, **context: Any) -> str:
    style, style_hash = _asset("report.css")
    script, script_hash = _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {style_hash}; script-src {script_hash}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return _environment().get_template(template).render(
        style=style, script=script, policy=policy, **context
    )
