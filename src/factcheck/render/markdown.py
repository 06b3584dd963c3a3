"""Markdown renderers: a discrepancy report to paste into issues and newsroom channels.

Every piece of article-derived text goes through :func:`escape_md`, and the
layout never starts a line with such text, so an article cannot break a
table, open a link or inject HTML.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from factcheck.models import (
    Article,
    ArticleCheck,
    Claim,
    ClaimCheck,
    Group,
    Report,
    Status,
    Verdict,
)
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

EMPTY_CELL = "—"
"""What a table shows for a missing value."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")


def escape_md(text: str) -> str:
    r"""Article text made inert for Markdown: one line, no syntax, no HTML.

    Controls and escape sequences are dropped, line breaks become spaces, and
    the characters that Markdown or GitHub tables give a meaning
    (``\ ` * _ [ ] < > | & # ~``) are backslash-escaped, so links, images,
    emphasis, code, HTML and table cells cannot form.

    >>> escape_md("a|b <script> [x](http://e)")
    'a\\|b \\<script\\> \\[x\\](http://e)'
    >>> escape_md("line\none")
    'line one'
    """
    return _MD_SPECIAL.sub(r"\\\1", clean_terminal(text))


def md_link(url: str | None) -> str:
    """A link for http(s) URLs (the host as text), else the escaped text.

    >>> md_link("https://example.com/a (b)")
    '[example.com](https://example.com/a%20%28b%29)'
    >>> md_link("javascript:alert(1)")
    'javascript:alert(1)'
    """
    if not url:
        return EMPTY_CELL
    link = web_link(url)
    if link is None:
        return escape_md(url)
    href, host = link
    return f"[{escape_md(host)}]({href})"


def _cell(text: str | None) -> str:
    return escape_md(text) if text else EMPTY_CELL


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _quote(claim: Claim, articles: dict[str, Article]) -> str:
    """“sentence with **claim**” (path:start-end), all escaped."""
    before, text, after = quote_parts(claim)
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    bold = f"**{escape_md(core)}**" if core else ""
    body = escape_md(before + lead) + bold + escape_md(trail + after)
    return f"“{body.strip()}” ({escape_md(provenance(claim, articles))})"


def _outlets(ids: Iterable[str], articles: dict[str, Article]) -> str:
    return ", ".join(escape_md(label) for label in outlet_labels(ids, articles)) or EMPTY_CELL


def _summary(report: Report) -> str:
    n_articles = len(report.articles)
    outlets = sorted({a.outlet for a in report.articles if a.outlet})
    text = f"Compared **{plural(n_articles, 'article')}**"
    if len(report.stories) > 1:
        text += f" in **{plural(len(report.stories), 'story', 'stories')}**"
    if outlets:
        names = ", ".join(escape_md(o) for o in outlets)
        text += f" from {plural(len(outlets), 'outlet')} ({names})"
    dates = sorted(a.published for a in report.articles if a.published)
    if dates:
        first, last = escape_md(dates[0]), escape_md(dates[-1])
        text += f", published {first}" if first == last else f", published {first} to {last}"
    conflicts = len(report.by_status(Status.CONFLICT))
    agreements = len(report.by_status(Status.AGREEMENT))
    singles = len(report.by_status(Status.SINGLE))
    text += (
        f". Found **{plural(conflicts, 'conflict')}**, {plural(agreements, 'agreement')}"
        f" and {plural(singles, 'single-source claim')}."
    )
    if report.skipped:
        files = "; ".join(f"{escape_md(s.path)} ({escape_md(s.reason)})" for s in report.skipped)
        text += f" Skipped {plural(len(report.skipped), 'file')}: {files}."
    return text


def _sources(report: Report) -> list[str]:
    rows = (
        [
            escape_md(a.id),
            _cell(a.outlet),
            _cell(a.title),
            _cell(a.author),
            _cell(a.published),
            md_link(a.url),
        ]
        for a in report.articles
    )
    return _table(["Article", "Outlet", "Title", "Author", "Date", "Link"], rows)


def _conflict(number: int, group: Group, articles: dict[str, Article], level: int = 3) -> list[str]:
    severity = group.severity.value if group.severity else "unrated"
    meta = (
        f"Severity: **{severity}** · Relation: {escape_md(group.relation.value)}"
        f" · Kind: {escape_md(group.kind.value)} · Group: {escape_md(group.id)}"
    )
    rows = []
    for index, position in enumerate(group.positions):
        value = escape_md(position.label) or EMPTY_CELL
        if index == group.majority:
            value += " (majority)"
        quotes = "<br>".join(_quote(c, articles) for c in position.claims) or EMPTY_CELL
        outlets = _outlets(position.articles, articles)
        if 0 < position.independent < len(position.articles):
            outlets += f" ({position.independent} independent)"
        rows.append([value, outlets, quotes])
    lines = [f"{'#' * level} {number}. {escape_md(group.about or group.id)}", "", meta, ""]
    if group.explanation:
        lines += [f"Why: {escape_md(group.explanation)}", ""]
    moving = timeline(group, articles)
    if moving:
        lines += [f"Over time: {escape_md(moving.note)}", ""]
    if group.reference:
        lines += [f"Reference: {escape_md(group.reference)}", ""]
    return lines + _table(["Value", "Outlets", "Claims"], rows)


def _values(group: Group) -> str:
    return " = ".join(escape_md(p.label) for p in group.positions) or EMPTY_CELL


def _compact(groups: Sequence[Group], articles: dict[str, Article], outlets: str) -> list[str]:
    if not groups:
        return ["None."]
    rows = ([_cell(g.about or g.id), _values(g), _outlets(g.articles, articles)] for g in groups)
    return _table(["What", "Value", outlets], rows)


def to_markdown(report: Report, *, cwd: str | os.PathLike[str] | None = None) -> str:
    """The report as a Markdown discrepancy report, ending in a newline; story by story
    when the articles tell of several stories.

    With ``cwd``, files are shown relative to it, or by name when outside it.
    """
    lines = ["# factcheck report", "", _summary(report), ""]
    if len(report.stories) <= 1:
        return "\n".join(lines + _body(report, level=2, cwd=cwd)) + "\n"
    lines += ["## Stories", "", *_stories(report), ""]
    for story, part in report.story_reports():
        lines += [f"## Story {escape_md(story.id)}: {escape_md(story.title)}", ""]
        lines += [_summary(part), "", *_body(part, level=3, cwd=cwd), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _body(report: Report, *, level: int, cwd) -> list[str]:
    """Sources, conflicts, agreements and single-source claims, headings at ``level``."""
    articles = articles_by_id(report, cwd=cwd)
    head = "#" * level
    lines = [f"{head} Sources", ""]
    lines += _sources(report) if report.articles else ["None."]
    lines += ["", f"{head} Conflicts", ""]
    conflicts = report.by_status(Status.CONFLICT)
    for number, group in enumerate(conflicts, 1):
        lines += [*_conflict(number, group, articles, level + 1), ""]
    if not conflicts:
        lines += ["None.", ""]
    lines += [f"{head} Agreements", ""]
    lines += _compact(report.by_status(Status.AGREEMENT), articles, "Outlets")
    lines += ["", f"{head} Single-source claims", ""]
    lines += _compact(report.by_status(Status.SINGLE), articles, "Outlet")
    return lines


def _stories(report: Report) -> list[str]:
    rows = (
        [
            escape_md(story.id),
            _cell(story.title),
            ", ".join(escape_md(a) for a in story.articles),
            _cell(_dates(story)),
        ]
        for story in report.stories
    )
    return _table(["Story", "Title", "Articles", "Published"], rows)


def _dates(story) -> str | None:
    if story.first is None:
        return None
    return story.first if story.first == story.last else f"{story.first} to {story.last}"


def stories_to_markdown(report: Report) -> str:
    """The stories of a set of articles (``factcheck stories``), ending in a newline."""
    found = (
        f"Found **{plural(len(report.stories), 'story', 'stories')}** in "
        f"{plural(len(report.articles), 'article')}."
    )
    return "\n".join(["# factcheck stories", "", found, "", *_stories(report)]) + "\n"


def _others(claims: Sequence[Claim], articles: dict[str, Article]) -> str:
    if not claims:
        return EMPTY_CELL
    return "<br>".join(
        f"{_outlets([c.article], articles)}: **{escape_md(c.text.strip())}**"
        f" = {escape_md(value_label(c.value))} ({escape_md(provenance(c, articles))})"
        for c in claims
    )


def _check_rows(checks: Sequence[ClaimCheck], articles: dict[str, Article]) -> list[str]:
    if not checks:
        return ["None."]
    rows = (
        [
            _quote(c.claim, articles),
            escape_md(value_label(c.claim.value)) or EMPTY_CELL,
            _others(c.supporting, articles),
            _others(c.contradicting, articles),
        ]
        for c in checks
    )
    return _table(["Claim", "Value", "Supported by", "Contradicted by"], rows)


def check_to_markdown(check: ArticleCheck, *, cwd: str | os.PathLike[str] | None = None) -> str:
    """One article's claims checked against the others, as Markdown ending in a newline;
    ``cwd`` as for :func:`to_markdown`."""
    articles = check_articles(check, cwd=cwd)
    by_verdict = {v: [c for c in check.checks if c.verdict is v] for v in Verdict}
    art = articles.get(check.article.id, check.article)
    title = f" (“{escape_md(art.title)}”)" if art.title else ""
    against = ", ".join(escape_md(a.label) for a in check.against) or "no other article"
    summary = (
        f"Checked **{plural(len(check.checks), 'claim')}** of {escape_md(art.label)}{title},"
        f" {escape_md(art.path)}, against {plural(len(check.against), 'article')}"
        f" ({against}): **{len(by_verdict[Verdict.CONTRADICTED])} contradicted**,"
        f" {len(by_verdict[Verdict.CORROBORATED])} corroborated,"
        f" {len(by_verdict[Verdict.ONLY_HERE])} only here."
    )
    lines = ["# factcheck claim check", "", summary]
    for verdict, heading in (
        (Verdict.CONTRADICTED, "Contradicted"),
        (Verdict.CORROBORATED, "Corroborated"),
        (Verdict.ONLY_HERE, "Only here"),
    ):
        lines += ["", f"## {heading}", "", *_check_rows(by_verdict[verdict], articles)]
    return "\n".join(lines) + "\n"
