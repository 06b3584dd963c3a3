"""Tests for the pure renderers: JSON contract, Markdown escaping, terminal safety."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import pytest
from markdown_it import MarkdownIt
from rich.console import Console

from factcheck.models import (
    Amount,
    Article,
    ArticleCheck,
    Claim,
    ClaimCheck,
    ClaimKind,
    DateValue,
    Group,
    Penalty,
    Position,
    Relation,
    Report,
    Severity,
    Skipped,
    Span,
    Status,
    Subject,
    Verdict,
)
from factcheck.render import (
    check_to_json,
    check_to_markdown,
    check_to_table,
    clean_terminal,
    escape_md,
    json_chunks,
    to_json,
    to_markdown,
    to_table,
    value_to_json,
)
from factcheck.render.json import report_to_dict

HOSTILE = (
    "a|b `tick` <script>alert(1)</script> [click](http://evil) ![img](x) "
    "[bold red]boom[/] [link=file:///etc/passwd]x[/link] \x1b[31mred\x1b[0m "
    "\x1b]8;;http://evil\x07osc\x1b]8;;\x07 cr\rlf\nnul\x00 *star* _under_ # hash & amp"
)


def make_article(art_id: str, sentences: list[str], **meta: str | None) -> Article:
    """An article whose text is its sentences, one paragraph each."""
    text = "\n\n".join(sentences)
    return Article(id=art_id, path=f"data/{art_id}.txt", text=text, body=Span(0, len(text)), **meta)


def make_claim(
    article: Article, phrase: str, value, *, kind: ClaimKind = ClaimKind.COUNT, n: int = 0
) -> Claim:
    """A claim on the first occurrence of ``phrase`` in the article, with true offsets."""
    start = article.text.index(phrase)
    s_start = article.text.rfind("\n\n", 0, start) + 1
    s_start = s_start + 1 if s_start else 0
    s_end = article.text.find("\n\n", start)
    s_end = len(article.text) if s_end < 0 else s_end
    return Claim(
        id=f"{article.id}-{n}",
        article=article.id,
        kind=kind,
        text=phrase,
        start=start,
        end=start + len(phrase),
        sentence=article.text[s_start:s_end],
        sentence_start=s_start,
        value=value,
        subject=Subject(noun="people", action="sentence"),
    )


def make_group(gid: str, status: Status, positions: list[tuple[str, list[Claim]]], **kw) -> Group:
    """A group from (label, claims) pairs."""
    return Group(
        id=gid,
        kind=positions[0][1][0].kind,
        status=status,
        relation=kw.pop("relation", Relation.SAME),
        positions=tuple(
            Position(label, tuple(cs), tuple(sorted({c.article for c in cs})))
            for label, cs in positions
        ),
        about=kw.pop("about", gid.replace("-", " ")),
        explanation=kw.pop("explanation", "explained"),
        **kw,
    )


@pytest.fixture
def report() -> Report:
    """Three articles with one conflict, one agreement and one single-source claim."""
    reuters = make_article(
        "reuters",
        ["A court imprisoned nine people on Thursday.", "About 11.9 kg of fentanyl was seized."],
        outlet="Reuters",
        title="Nine jailed",
        author="José Müller",
        published="2019-11-07",
        url="https://reuters.com/a (1)",
    )
    aljazeera = make_article(
        "aljazeera",
        ["The court sentenced 9 people.", "Police seized 26.2 pounds of the drug."],
        outlet="Al Jazeera",
        published="2019-11-08",
        url="javascript:alert(1)",
    )
    hostile = make_article(
        "hostile",
        [f"Officials said three people {HOSTILE} were jailed.", "The leader got life."],
        outlet=f"Evil {HOSTILE}",
        title=f"Title {HOSTILE}",
        author=HOSTILE,
    )
    kg = Amount(11.9, unit="kg", dimension="mass", approx=True, precision=0.1, base_unit="kg")
    lb = Amount(26.2, unit="pound", dimension="mass", scale=0.4536, base_unit="kg", precision=0.1)
    conflict = make_group(
        "people-sentenced",
        Status.CONFLICT,
        [
            (
                "9",
                [
                    make_claim(reuters, "nine people", Amount(9.0)),
                    make_claim(aljazeera, "9 people", Amount(9.0)),
                ],
            ),
            ("3", [make_claim(hostile, f"three people {HOSTILE}", Amount(3.0))]),
        ],
        relation=Relation.CONTRADICTION,
        severity=Severity.HIGH,
        majority=0,
        outliers=("hostile",),
        explanation=f"Outlets disagree {HOSTILE}",
    )
    agreement = make_group(
        "fentanyl-seized",
        Status.AGREEMENT,
        [
            ("about 11.9 kg", [make_claim(reuters, "11.9 kg", kg, kind=ClaimKind.QUANTITY, n=1)]),
            (
                "26.2 pound",
                [make_claim(aljazeera, "26.2 pounds", lb, kind=ClaimKind.QUANTITY, n=1)],
            ),
        ],
        relation=Relation.CONVERTED,
    )
    single = make_group(
        "leader-sentence",
        Status.SINGLE,
        [("life", [make_claim(hostile, "life", Penalty("life"), kind=ClaimKind.SENTENCE, n=1)])],
        relation=Relation.SINGLE,
    )
    return Report(
        articles=(reuters, aljazeera, hostile),
        groups=(conflict, agreement, single),
        skipped=(Skipped(f"bad|{HOSTILE}.txt", "not UTF-8"),),
    )


@pytest.fixture
def check(report: Report) -> ArticleCheck:
    """The hostile article checked against the two others."""
    conflict, _, single = report.groups
    nine, three = conflict.positions
    return ArticleCheck(
        article=report.articles[2],
        against=report.articles[:2],
        checks=(
            ClaimCheck(three.claims[0], Verdict.CONTRADICTED, conflict.id, (), nine.claims),
            ClaimCheck(single.claims[0], Verdict.ONLY_HERE, single.id),
        ),
        report=report,
    )


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def _split_row(line: str) -> list[str]:
    """Cells of a Markdown table row, splitting only on unescaped pipes."""
    cells, cell, i = [], "", 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line):
            cell += line[i : i + 2]
            i += 2
            continue
        if line[i] == "|":
            cells.append(cell)
            cell = ""
        else:
            cell += line[i]
        i += 1
    cells.append(cell)
    return cells[1:-1]


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every table of a Markdown text as rows of raw cells (header first, rule dropped)."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            if not re.fullmatch(r"\|( --- \|)+", line):
                tables[-1].append(_split_row(line))
        previous = line
    return tables


def _console_text(renderable, width: int = 100) -> str:
    console = Console(
        width=width,
        no_color=True,
        color_system=None,
        force_terminal=False,
        record=True,
        file=io.StringIO(),
    )
    console.print(renderable)
    return console.export_text()


# JSON


def test_json_has_contract_fields(report: Report) -> None:
    """The report JSON carries every field the scorer reads."""
    data = json.loads(to_json(report))
    assert data["schema"] == "factcheck.report/1"
    assert [a["id"] for a in data["articles"]] == ["reuters", "aljazeera", "hostile"]
    assert data["articles"][0]["path"] == "data/reuters.txt"
    assert data["articles"][0]["outlet"] == "Reuters"
    group = data["groups"][0]
    assert group["id"] == "people-sentenced"
    assert (group["kind"], group["status"]) == ("count", "conflict")
    claim = group["positions"][0]["claims"][0]
    assert set(claim) >= {"article", "text", "value", "start", "end", "sentence"}
    art = report.article(claim["article"])
    assert art.text[claim["start"] : claim["end"]] == claim["text"] == "nine people"
    assert claim["sentence"] == "A court imprisoned nine people on Thursday."


def test_json_summary_counts(report: Report) -> None:
    """The summary counts groups by status and lists skipped files."""
    summary = json.loads(to_json(report))["summary"]
    assert summary["articles"] == 3
    assert (summary["conflicts"], summary["agreements"], summary["single"]) == (1, 1, 1)
    assert summary["skipped"][0]["reason"] == "not UTF-8"


def test_json_is_byte_identical(report: Report) -> None:
    """Two renderings of the same report are byte-identical and end in a newline."""
    first = to_json(report)
    assert first == to_json(report)
    assert first.endswith("}\n")
    assert first.encode() == to_json(report).encode()


def test_json_written_a_group_at_a_time_is_the_whole_dump(report: Report) -> None:
    """The chunks a large report is written in join to exactly the JSON of the whole
    report as one object, with groups and without."""
    whole = json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
    chunks = list(json_chunks(report))
    assert len(chunks) == len(report.groups) + 2
    assert "".join(chunks) == whole
    empty = replace(report, groups=())
    assert "".join(json_chunks(empty)) == (
        json.dumps(report_to_dict(empty), ensure_ascii=False, indent=2) + "\n"
    )


def test_json_counts_are_plain_ints(report: Report) -> None:
    """An exact count is a plain int, both for the position and its claims."""
    position = json.loads(to_json(report))["groups"][0]["positions"][0]
    assert position["value"] == 9 and type(position["value"]) is int
    assert '"value": 9,' in to_json(report)
    assert all(type(c["value"]) is int for c in position["claims"])


def test_json_amount_object(report: Report) -> None:
    """A quantity is an object with amount, unit and a base interval."""
    value = json.loads(to_json(report))["groups"][1]["positions"][1]["value"]
    assert value["amount"] == 26.2 and value["unit"] == "pound"
    assert value["base"]["unit"] == "kg"
    assert value["base"]["low"] < 26.2 * 0.4536 < value["base"]["high"]


def test_json_open_interval_is_null() -> None:
    """Unbounded intervals serialise their infinite end as null."""
    value = value_to_json(Amount(100.0, low=100.0, low_open=True))
    assert value["low"] == 100 and value["low_open"] is True
    assert value["base"]["high"] is None


def test_json_other_values() -> None:
    """Dates are ISO strings, penalties objects, names strings."""
    assert value_to_json(DateValue("2017-08", "month")) == "2017-08"
    assert value_to_json(Penalty("prison", 5.0)) == {
        "type": "prison",
        "years": 5,
        "amount": 5,
        "label": "5 years in prison",
    }
    assert value_to_json("Yu Haibin") == "Yu Haibin"


def test_json_keeps_unicode_and_group_order(report: Report) -> None:
    """Non-ASCII text is written as is and groups keep report order."""
    text = to_json(report)
    assert '"author": "José Müller"' in text
    assert [g["id"] for g in json.loads(text)["groups"]] == [g.id for g in report.groups]


def test_check_json(check: ArticleCheck) -> None:
    """The check JSON has the schema, summary and per-claim verdicts."""
    text = check_to_json(check)
    assert text == check_to_json(check)
    data = json.loads(text)
    assert data["schema"] == "factcheck.claim/1"
    assert data["against"] == ["reuters", "aljazeera"]
    assert data["summary"] == {"claims": 2, "corroborated": 0, "contradicted": 1, "only_here": 1}
    first = data["claims"][0]
    assert first["verdict"] == "contradicted" and first["group"] == "people-sentenced"
    assert [c["value"] for c in first["contradicting"]] == [9, 9]


# Markdown


def test_markdown_sections_and_tables(report: Report) -> None:
    """The Markdown report has its title, sections and tables."""
    md = to_markdown(report)
    assert md.startswith("# factcheck report\n")
    for heading in ("## Sources", "## Conflicts", "## Agreements", "## Single-source claims"):
        assert f"\n{heading}\n" in md
    assert "\n### 1. people sentenced\n" in md
    assert "**nine people**" in md
    assert "data/reuters.txt:19-30" in md
    html = _html(md)
    assert html.count("<table>") == 4
    assert "<th>Outlet</th>" in html and "<th>Claims</th>" in html


def test_markdown_summary(report: Report) -> None:
    """The summary paragraph counts articles, outlets, dates, findings and skipped files."""
    md = to_markdown(report)
    assert "Compared **3 articles** from 3 outlets" in md
    assert "published 2019-11-07 to 2019-11-08" in md
    assert "**1 conflict**, 1 agreement and 1 single-source claim" in md
    assert "Skipped 1 file" in md


def test_markdown_neutralises_hostile_text(report: Report) -> None:
    """Hostile article text yields no script, no evil link, no image, no control bytes."""
    md = to_markdown(report)
    html = _html(md)
    assert "<script" not in html
    assert '<a href="http://evil' not in html
    assert '<a href="javascript' not in html
    assert "<img" not in html
    assert "<code>" not in html and "<em>" not in html
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", md)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_table_rows_keep_their_cells(report: Report) -> None:
    """Every table row has as many cells as its header, hostile pipes notwithstanding."""
    tables = _tables(to_markdown(report))
    assert [len(t[0]) for t in tables] == [6, 3, 3, 3]
    for table in tables:
        assert all(len(row) == len(table[0]) for row in table)
    tokens = MarkdownIt("commonmark").enable("table").parse(to_markdown(report))
    widths, row = [], 0
    for token in tokens:
        if token.type == "tr_open":
            row = 0
        elif token.type in ("td_open", "th_open"):
            row += 1
        elif token.type == "tr_close":
            widths.append(row)
    assert set(widths) <= {3, 6}


def test_markdown_hostile_text_survives_as_text(report: Report) -> None:
    """The hostile title reads back intact (minus controls) in its Sources cell."""
    html = _html(to_markdown(report))
    assert "a|b `tick`" in html.replace("&amp;", "&")
    assert "[click](http://evil) ![img](x)" in html
    assert "[bold red]boom[/]" in html


def test_markdown_links_only_http(report: Report) -> None:
    """Only http(s) URLs become links, with parentheses and spaces encoded."""
    md = to_markdown(report)
    assert "[reuters.com](https://reuters.com/a%20%281%29)" in md
    assert '<a href="javascript' not in _html(md)


def test_escape_md_single_line() -> None:
    """Newlines, carriage returns and NUL never reach the Markdown."""
    assert escape_md("a\r\nb\nc\rd\x00e") == "a b c de"
    assert escape_md("# head") == "\\# head"


def test_check_markdown(check: ArticleCheck) -> None:
    """The check Markdown lists contradicted claims with the other outlets' values."""
    md = check_to_markdown(check)
    assert md.startswith("# factcheck claim check\n")
    assert "## Contradicted" in md and "## Only here" in md
    assert "Reuters: **nine people** = 9" in md
    html = _html(md)
    assert "<script" not in html and "<img" not in html
    for table in _tables(md):
        assert all(len(row) == len(table[0]) for row in table)


# Terminal


def test_table_renders_findings(report: Report) -> None:
    """The terminal output has the title line and the three kinds of finding."""
    out = _console_text(to_table(report))
    assert out.startswith("factcheck: 3 articles, 1 conflict, 1 agreement, 1 single-source claim")
    assert "Conflicts" in out and "Agreements" in out and "Single-source claims" in out
    assert "people sentenced" in out and "fentanyl seized" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_table_is_inert_in_terminal(report: Report) -> None:
    """Rich markup in article text shows literally; no ESC or control byte gets out."""
    out = _console_text(to_table(report))
    assert "[bold red]boom[/]" in out
    wide = _console_text(to_table(report), width=400)
    assert "[link=file:///etc/passwd]x[/link]" in wide
    assert "<script>alert(1)</script>" in wide
    assert "\x1b" not in out and "\x07" not in out and "\x00" not in out and "\r" not in out


def test_table_colour_console_has_no_article_escapes(report: Report) -> None:
    """With colour on, the only escape sequences are rich's own styles (SGR)."""
    buffer = io.StringIO()
    Console(width=100, file=buffer, force_terminal=True, color_system="standard").print(
        to_table(report)
    )
    out = buffer.getvalue()
    assert "\x1b[31m" in out or "\x1b[1;31m" in out
    assert "\x1b]" not in out and "\x07" not in out


def test_table_min_severity(report: Report) -> None:
    """Conflicts below the minimum severity are hidden."""
    out = _console_text(to_table(report, min_severity="high"))
    assert "people sentenced" in out
    hidden = _console_text(to_table(report, min_severity=Severity.HIGH))
    assert hidden == out


def test_check_table(check: ArticleCheck) -> None:
    """The check table lists verdicts with the other outlets' values, safely."""
    out = _console_text(check_to_table(check))
    assert "contradicted" in out and "only-here" in out
    assert "Reuters: 9" in out
    assert "\x1b" not in out


def test_clean_terminal() -> None:
    """Escape sequences, controls and bidi overrides go; other Unicode stays."""
    assert clean_terminal("\x1b[31mred\x1b[0m") == "red"
    assert clean_terminal("\x1b]8;;http://evil\x07x\x1b]8;;\x1b\\") == "x"
    assert clean_terminal("a\u202eb\u2066c\x7fd\x80e") == "abcde"
    assert clean_terminal("Zürich 北京 — “ok”") == "Zürich 北京 — “ok”"


def test_empty_report_renders() -> None:
    """A report with no articles or groups renders in every format."""
    empty = Report(articles=(), groups=())
    assert json.loads(to_json(empty))["summary"]["groups"] == 0
    md = to_markdown(empty)
    assert "## Conflicts\n\nNone." in md and "## Single-source claims\n\nNone." in md
    assert "No conflicts." in _console_text(to_table(empty))
