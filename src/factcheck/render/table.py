"""Terminal renderers built on rich: coloured when the console allows, plain otherwise.

Every piece of article text is cleaned with :func:`clean_terminal` and wrapped
in :class:`rich.text.Text`, so it is never parsed as markup and cannot carry
escape sequences to the terminal.
"""

from __future__ import annotations

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
    Verdict,
)
from factcheck.render.values import (
    articles_by_id,
    clean_terminal,
    outlet_labels,
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


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


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
                 "Other articles": 3}
"""Shares of the terminal width; quotes ("Evidence", "Claim") get the most."""

NO_WRAP = frozenset({"Verdict", "Severity"})
"""Columns of one short word, never cut."""


def _table(*columns: str, title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=True)
    for name in columns:
        if name in NO_WRAP:
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name, overflow="fold", ratio=COLUMN_RATIOS.get(name, 5))
    return table


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
        table = _table("Value", "Outlets", "Evidence")
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


def _evidence(claims: Sequence[Claim], articles: dict[str, Article]) -> list[Text]:
    """The first quote of each article, and how many more it has."""
    seen: dict[str, int] = {}
    lines: list[Text] = []
    for claim in claims:
        if claim.article in seen:
            seen[claim.article] += 1
            continue
        seen[claim.article] = 0
        lines.append(_quote(claim, articles))
    for line, (_article, more) in zip(lines, seen.items(), strict=True):
        if more:
            line.append(f" (+{more} more)", style="dim")
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


def to_table(report: Report, *, min_severity: Severity | str | None = None) -> RenderGroup:
    """The report as rich tables: a title line, conflicts, agreements, single-source claims;
    story by story when the articles tell of several stories.

    ``min_severity`` hides conflicts less severe than it (``"medium"`` keeps
    high and medium).
    """
    title = _title(report, min_severity)
    if len(report.stories) <= 1:
        return RenderGroup(title, *_skipped(report), *_body(report, min_severity))
    parts: list[Text | Table] = [title, *_skipped(report)]
    for story, part in report.story_reports():
        heading = Text(f"\nStory {story.id}: ", style="bold")
        heading.append(clean_terminal(story.title), style="bold")
        heading.append(f" ({_plural(len(part.articles), 'article')}")
        dates = story.first if story.first == story.last else f"{story.first} to {story.last}"
        heading.append(f", {dates})" if story.first else ")")
        parts += [heading, *_body(part, min_severity)]
    return RenderGroup(*parts)


def _title(report: Report, min_severity: Severity | str | None) -> Text:
    all_conflicts = report.by_status(Status.CONFLICT)
    stories = len(report.stories)
    title = Text(
        f"factcheck: {_plural(len(report.articles), 'article')}"
        f"{f' in {stories} stories' if stories > 1 else ''}, "
        f"{_plural(len(all_conflicts), 'conflict')}, "
        f"{_plural(len(report.by_status(Status.AGREEMENT)), 'agreement')}, "
        f"{_plural(len(report.by_status(Status.SINGLE)), 'single-source claim')}",
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


def _body(report: Report, min_severity) -> list[Text | Table]:
    """Conflicts (those shown), agreements and single-source claims."""
    articles = articles_by_id(report)
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


def stories_to_table(report: Report) -> RenderGroup:
    """The stories of a set of articles (``factcheck stories``) as a rich table."""
    title = Text(
        f"factcheck: {_plural(len(report.articles), 'article')} in "
        f"{_plural(len(report.stories), 'story', 'stories')}",
        style="bold",
    )
    table = _table("Story", "Title", "Articles", "Published")
    for story in report.stories:
        dates = story.first if story.first == story.last else f"{story.first} to {story.last}"
        table.add_row(
            _text(story.id),
            _text(story.title),
            _text("\n".join(story.articles)),
            _text(dates if story.first else "—"),
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


def check_to_table(check: ArticleCheck) -> RenderGroup:
    """One article's claims with their verdicts, contradicted first, as rich renderables."""
    articles = articles_by_id(check.report)
    for art in (check.article, *check.against):
        articles.setdefault(art.id, art)
    order = list(VERDICT_STYLES)
    checks = sorted(check.checks, key=lambda c: order.index(c.verdict))
    counts = {v: sum(c.verdict is v for c in check.checks) for v in Verdict}
    title = Text("factcheck: ", style="bold")
    title.append(clean_terminal(check.article.label), style="bold")
    title.append(
        f", {_plural(len(check.checks), 'claim')} against "
        f"{_plural(len(check.against), 'article')}: "
        f"{counts[Verdict.CONTRADICTED]} contradicted, "
        f"{counts[Verdict.CORROBORATED]} corroborated, "
        f"{counts[Verdict.ONLY_HERE]} only here"
    )
    if not checks:
        return RenderGroup(title, Text("No claims."))
    table = _table("Verdict", "Claim", "Value", "Other articles")
    for item in checks:
        table.add_row(*_check_row(item, articles))
    return RenderGroup(title, table)
