"""Terminal renderers built on rich: coloured when the console allows, plain otherwise.

Every piece of article text is cleaned with :func:`clean_terminal` and wrapped
in :class:`rich.text.Text`, so it is never parsed as markup and cannot carry
escape sequences to the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text

from factcheck.models import (
    Article,
    ArticleCheck,
    Claim,
    ClaimCheck,
    Group,
    Report,
    Severity,
    Status,
    Story,
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
)

__all__ = ["check_to_table", "clean_terminal", "to_table"]

SEVERITY_STYLES = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "blue"}
VERDICT_STYLES = {
    Verdict.CONTRADICTED: "bold red",
    Verdict.CORROBORATED: "green",
    Verdict.ONLY_HERE: "blue",
}
QUOTE_CONTEXT = 50
"""Characters of the sentence kept on each side of the claim in a quote."""


def _text(value: str | None, style: str = "") -> Text:
    return Text(clean_terminal(value or ""), style=style)


def _quote(claim: Claim, articles: dict[str, Article]) -> Text:
    """“…sentence with the claim in bold…” path:start-end."""
    before, text, after = (clean_terminal(part) for part in quote_parts(claim))
    if len(before) > QUOTE_CONTEXT:
        before = "…" + before[-QUOTE_CONTEXT:].lstrip()
    if len(after) > QUOTE_CONTEXT:
        after = after[:QUOTE_CONTEXT].rstrip() + "…"
    quote = Text("“")
    quote.append(before.lstrip())
    quote.append(text, style="bold")
    quote.append(after.rstrip())
    quote.append("”\n")
    quote.append(clean_terminal(provenance(claim, articles)), style="dim")
    return quote


def _outlets(ids: Iterable[str], articles: dict[str, Article]) -> Text:
    return _text(", ".join(outlet_labels(ids, articles)))


def _lines(parts: Sequence[Text]) -> Text:
    return Text("\n").join(parts) if parts else Text("—")


COLUMN_RATIOS = {"Value": 2, "Outlets": 2, "Verdict": 1, "Severity": 1, "What": 2,
                 "Other articles": 3, "Articles": 3, "Published": 2}
"""Shares of the terminal width; quotes ("Evidence", "Claim") get the most."""

NO_WRAP = frozenset({"Verdict", "Severity", "Story"})
"""Columns of one short word, never cut."""


PATH_WIDTH = 60
"""Widest a quote column grows to keep a ``path:start-end`` on one line."""


def _table(
    *columns: str, title: str | None = None, min_widths: dict[str, int] | None = None
) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for name in columns:
        if name in NO_WRAP:
            table.add_column(name, no_wrap=True)
        else:
            # With a ratio, rich takes a column's width as the least it shares out to it.
            width = min((min_widths or {}).get(name, 0), PATH_WIDTH) or None
            table.add_column(name, overflow="fold", ratio=COLUMN_RATIOS.get(name, 5), width=width)
    return table


def _path_width(claims: Iterable[Claim], articles: dict[str, Article]) -> int:
    """The longest ``path:start-end`` among the claims: a quote column at least this wide
    never breaks a path across lines."""
    return max((len(clean_terminal(provenance(c, articles))) for c in claims), default=0)


def _conflicts(groups: Sequence[Group], articles: dict[str, Article]) -> list[Text | Table]:
    """Each conflict: a heading line (severity, what, why), then a table of its positions
    with one quote per article, so a reader sees every side at a glance."""
    parts: list[Text | Table] = [Text("Conflicts", style="bold underline")]
    for number, group in enumerate(groups, 1):
        style = SEVERITY_STYLES.get(group.severity, "") if group.severity else ""
        head = Text(f"{number}. ")
        head.append(f"[{group.severity.value if group.severity else '?'}] ", style=style)
        head.append(clean_terminal(group.about or group.id), style="bold")
        head.append(f"  ({group.relation.value})", style="dim")
        parts.append(head)
        if group.explanation:
            parts.append(_text(group.explanation, "dim"))
        moving = timeline(group, articles)
        if moving:
            parts.append(_text(f"Over time: {moving.note}", "dim"))
        shown = [c for p in group.positions for c in _first_per_article(p.claims)]
        table = _table("Value", "Outlets", "Evidence",
                       min_widths={"Evidence": _path_width(shown, articles)})
        for index, position in enumerate(group.positions):
            value = _text(position.label, style)
            if index == group.majority:
                value.append(" (majority)", style="dim")
            outlets = _outlets(position.articles, articles)
            if 0 < position.independent < len(position.articles):
                outlets.append(f" ({position.independent} independent)", style="dim")
            table.add_row(value, outlets, _lines(_evidence(position.claims, articles)))
        parts.append(table)
    return parts


def _first_per_article(claims: Sequence[Claim]) -> list[Claim]:
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(claim.article, claim)
    return list(first.values())


def _evidence(claims: Sequence[Claim], articles: dict[str, Article]) -> list[Text]:
    """The first quote of each article, and how many more it has."""
    lines: list[Text] = []
    for claim in _first_per_article(claims):
        line = _quote(claim, articles)
        more = sum(c.article == claim.article for c in claims) - 1
        if more:
            line.append(f" (+{more} more)", style="dim")
        lines.append(line)
    return lines


def _compact(groups: Sequence[Group], articles: dict[str, Article], title: str) -> Table:
    table = _table("What", "Value", "Outlets", title=title)
    for group in groups:
        table.add_row(
            _text(group.about or group.id),
            _text(" = ".join(p.label for p in group.positions)),
            _outlets(group.articles, articles),
        )
    return table


def to_table(
    report: Report,
    *,
    min_severity: Severity | str | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> RenderGroup:
    """The report as rich tables: a title line, conflicts, agreements, single-source claims;
    story by story when the articles tell of several stories.

    ``min_severity`` hides conflicts less severe than it (``"medium"`` keeps
    high and medium). With ``cwd``, files are shown relative to it, or by name when
    outside it (:func:`~factcheck.render.values.shown_paths`).
    """
    title = _title(report, min_severity)
    if len(report.stories) <= 1:
        return RenderGroup(title, *_skipped(report), *_body(report, min_severity, cwd))
    parts: list[Text | Table] = [title, *_skipped(report)]
    for story, part in report.story_reports():
        heading = Text(f"\nStory {story.id}: ", style="bold")
        heading.append(clean_terminal(story.title), style="bold")
        heading.append(f" ({plural(len(part.articles), 'article')}")
        heading.append(f", {_dates(story)})" if story.first else ")")
        parts += [heading, *_body(part, min_severity, cwd)]
    return RenderGroup(*parts)


def _title(report: Report, min_severity: Severity | str | None) -> Text:
    all_conflicts = report.by_status(Status.CONFLICT)
    stories = len(report.stories)
    title = Text(
        f"factcheck: {plural(len(report.articles), 'article')}"
        f"{f' in {stories} stories' if stories > 1 else ''}, "
        f"{plural(len(all_conflicts), 'conflict')}, "
        f"{plural(len(report.by_status(Status.AGREEMENT)), 'agreement')}, "
        f"{plural(len(report.by_status(Status.SINGLE)), 'single-source claim')}",
        style="bold",
    )
    shown = _shown(all_conflicts, min_severity)
    if len(shown) != len(all_conflicts):
        title.append(f" ({len(shown)} shown at severity {Severity(min_severity)} or above)")
    return title


def _shown(conflicts: tuple[Group, ...], min_severity) -> tuple[Group, ...]:
    if min_severity is None:
        return conflicts
    floor = Severity(min_severity).rank
    return tuple(g for g in conflicts if g.severity and g.severity.rank <= floor)


def _skipped(report: Report) -> list[Text]:
    lines = []
    for skipped in report.skipped:
        line = Text("skipped ", style="yellow")
        line.append(clean_terminal(f"{skipped.path}: {skipped.reason}"))
        lines.append(line)
    return lines


def _body(report: Report, min_severity, cwd) -> list[Text | Table]:
    """Conflicts (those shown), agreements and single-source claims."""
    articles = articles_by_id(report, cwd=cwd)
    conflicts = _shown(report.by_status(Status.CONFLICT), min_severity)
    agreements = report.by_status(Status.AGREEMENT)
    singles = report.by_status(Status.SINGLE)
    parts: list[Text | Table] = []
    if conflicts:
        parts.extend(_conflicts(conflicts, articles))
    else:
        parts.append(Text("No conflicts."))
    if agreements:
        parts.append(_compact(agreements, articles, "Agreements"))
    if singles:
        parts.append(_compact(singles, articles, "Single-source claims"))
    return parts


def _dates(story: Story) -> str:
    return story.first if story.first == story.last else f"{story.first} to {story.last}"


def stories_to_table(report: Report) -> RenderGroup:
    """The stories of a set of articles (``factcheck stories``) as a rich table."""
    title = Text(
        f"factcheck: {plural(len(report.articles), 'article')} in "
        f"{plural(len(report.stories), 'story', 'stories')}",
        style="bold",
    )
    table = _table("Story", "Title", "Articles", "Published")
    for story in report.stories:
        table.add_row(
            _text(story.id),
            _text(story.title),
            _lines([_text(a) for a in story.articles]),
            _text(_dates(story) if story.first else "—"),
        )
    return RenderGroup(title, *_skipped(report), table)


def _others(claims: Sequence[Claim], articles: dict[str, Article]) -> Text:
    parts = []
    seen: set[tuple[str, str]] = set()
    for claim in claims:
        key = (claim.article, value_label(claim.value))
        if key in seen:
            continue
        seen.add(key)
        line = _outlets([claim.article], articles)
        line.append(": ")
        line.append(clean_terminal(value_label(claim.value)), style="bold")
        parts.append(line)
    return _lines(parts)


def _check_row(check: ClaimCheck, articles: dict[str, Article]) -> list[Text]:
    others = check.contradicting if check.verdict is Verdict.CONTRADICTED else check.supporting
    return [
        Text(check.verdict.value, VERDICT_STYLES.get(check.verdict, "")),
        _quote(check.claim, articles),
        _text(value_label(check.claim.value)),
        _others(others, articles),
    ]


def check_to_table(
    check: ArticleCheck, *, cwd: str | os.PathLike[str] | None = None
) -> RenderGroup:
    """One article's claims with their verdicts, contradicted first, as rich renderables;
    ``cwd`` as for :func:`to_table`."""
    articles = check_articles(check, cwd=cwd)
    order = list(VERDICT_STYLES)
    checks = sorted(check.checks, key=lambda c: order.index(c.verdict))
    counts = {v: sum(c.verdict is v for c in check.checks) for v in Verdict}
    title = Text("factcheck: ", style="bold")
    title.append(clean_terminal(check.article.label), style="bold")
    title.append(
        f", {plural(len(check.checks), 'claim')} against "
        f"{plural(len(check.against), 'article')}: "
        f"{counts[Verdict.CONTRADICTED]} contradicted, "
        f"{counts[Verdict.CORROBORATED]} corroborated, "
        f"{counts[Verdict.ONLY_HERE]} only here"
    )
    if not checks:
        return RenderGroup(title, Text("No claims."))
    width = _path_width((c.claim for c in checks), articles)
    table = _table("Verdict", "Claim", "Value", "Other articles", min_widths={"Claim": width})
    for item in checks:
        table.add_row(*_check_row(item, articles))
    return RenderGroup(title, table)
