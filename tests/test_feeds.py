"""Feeds through the CLI: JSON Lines with good and bad lines, JSON arrays, field names, and
offsets into each item's own text field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .clirun import refused, run
from .conftest import ARTICLES

COURIER = {
    "title": "Arden valley flood leaves 42 dead",
    "text": "At least 42 people were killed when the Arden river burst its banks on Thursday, "
    "officials said.\n\nGovernor Elena Marsh said 600 people were still missing.",
    "url": "https://valleycourier.example/arden-flood",
    "outlet": "Valley Courier",
    "published": "2024-05-03T09:30:00Z",
    "author": "Maria Lind",
    "tags": ["flood", "weather"],
}
NOTES = {
    "title": "What I saw in the Arden valley",
    "body": "Officials now say 40 people were killed, and 60 people are still missing.",
    "source": {"id": "riverside", "name": "Riverside Notes"},
    "date": "Sat, 04 May 2024 18:05:00 +0100",
    "author": ["Tom Avery", "Ann Lee"],
}
WIRE = {
    "title": "Death toll in Arden valley flood rises to 42",
    "text": "Death toll in Arden valley flood rises to 42\nThe death toll rose to 42 on Friday, "
    "as rescuers searched for 600 people still missing.",
    "source": "Northern Wire",
}


def line(item: object) -> str:
    """One JSON Lines line."""
    return json.dumps(item, ensure_ascii=False)


def claims_of(report: dict) -> list[dict]:
    """Every claim of a report."""
    return [c for g in report["groups"] for p in g["positions"] for c in p["claims"]]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    """A feed of three articles and six bad lines, with a blank line among them."""
    path = tmp_path / "flood.jsonl"
    lines = [
        line(COURIER),                       # 1
        "{not json",                         # 2
        line(NOTES),                         # 3
        "",                                  # 4: blank, ignored
        line(["a", "list"]),                 # 5
        line({"title": "No text"}),          # 6
        line({**WIRE, "title": 42}),         # 7
        line({"text": "   "}),               # 8
        line(WIRE),                          # 9
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


BAD_LINES = [
    (2, "line is not valid JSON (Expecting property name enclosed in double quotes at column 2);"
        " write one JSON object a line, with the article in 'text'"),
    (5, "item is a list, not an object; write one JSON object a line, with the article in 'text'"),
    (6, "item has no text; give the article in a 'text' or 'body' field"),
    (7, "field 'title' is a number, not text; write one JSON object a line, with the article in "
        "'text'"),
    (8, "item has no text; give the article in a 'text' or 'body' field"),
]


def test_jsonl_feed_with_bad_lines(feed: Path) -> None:
    """Good lines become articles; each bad line is skipped with its file and line number."""
    result = run("compare", feed, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [a["id"] for a in report["articles"]] == ["flood-1", "flood-3", "flood-9"]
    assert [a["source"] for a in report["articles"]] == [f"{feed}:1", f"{feed}:3", f"{feed}:9"]
    assert {(a["kind"], a["path"]) for a in report["articles"]} == {("feed", str(feed))}
    assert report["summary"]["skipped"] == [
        {"path": f"{feed}:{n}", "reason": reason} for n, reason in BAD_LINES
    ]
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped ")]
    assert skipped == [f"Skipped {feed}:{n}: {reason}" for n, reason in BAD_LINES]
    assert result.stderr.splitlines()[-1].endswith(
        "; skipped 5: " + ", ".join(f"{feed}:{n}" for n, _ in BAD_LINES)
    )


def test_feed_fields(feed: Path) -> None:
    """text or body, outlet or source (a name, or an object's name), published or date,
    author as a name or a list; unknown fields ignored."""
    report = json.loads(run("compare", feed, "--format", "json", "--no-claims", "-q").stdout)
    got = [
        {k: a[k] for k in ("title", "outlet", "author", "published", "url")}
        for a in report["articles"]
    ]
    assert got == [
        {"title": COURIER["title"], "outlet": "Valley Courier", "author": "Maria Lind",
         "published": "2024-05-03T09:30:00Z", "url": COURIER["url"]},
        {"title": NOTES["title"], "outlet": "Riverside Notes", "author": "Tom Avery, Ann Lee",
         "published": "2024-05-04T18:05:00+01:00", "url": None},
        {"title": WIRE["title"], "outlet": "Northern Wire", "author": None, "published": None,
         "url": None},
    ]  # fmt: skip


def test_offsets_index_the_text_field(feed: Path) -> None:
    """A claim's start:end indexes the item's own text field, exactly; a headline the text
    does not open with follows it after a blank line, where headline claims index it."""
    report = json.loads(run("compare", feed, "--format", "json", "--no-claims", "-q").stdout)
    fields = {"flood-1": COURIER["text"], "flood-3": NOTES["body"], "flood-9": WIRE["text"]}
    texts = {a["id"]: a["text"] for a in report["articles"]}
    assert texts["flood-1"] == f"{COURIER['text']}\n\n{COURIER['title']}"
    assert texts["flood-9"] == WIRE["text"]  # it opens with its title: nothing added
    claims = claims_of(report)
    assert len(claims) >= 8
    for claim in claims:
        assert texts[claim["article"]][claim["start"] : claim["end"]] == claim["text"]
        field = fields[claim["article"]]
        if claim["end"] <= len(field):
            assert field[claim["start"] : claim["end"]] == claim["text"]
        else:
            assert claim["in_title"]
    assert any(c["in_title"] and c["article"] == "flood-1" for c in claims)


def test_feed_articles_are_compared(feed: Path) -> None:
    """Feed items are compared like files: 42 killed against 40."""
    report = json.loads(run("compare", feed, "--format", "json", "--no-claims", "-q").stdout)
    conflicts = {
        g["about"]: sorted(p["label"] for p in g["positions"])
        for g in report["groups"] if g["status"] == "conflict"
    }
    assert conflicts.get("people killed") == ["40", "42"]


def test_table_cites_the_feed_line(feed: Path) -> None:
    """The terminal report cites a feed item's claims by file, line and offsets."""
    result = run("compare", feed, "--no-claims", "-q")
    assert result.exit_code == 0
    flat = result.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert f"{feed}:3:".replace(" ", "") in flat


def test_strict_stops_at_the_first_bad_line(feed: Path, tmp_path: Path) -> None:
    """With --strict the first bad line is one Error line, exit 2, and nothing is written."""
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    result = run("compare", feed, "--strict", "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"Error: {feed}:{BAD_LINES[0][0]}: {BAD_LINES[0][1]}"]
    assert list(out.parent.iterdir()) == []


def test_json_array(tmp_path: Path) -> None:
    """A .json file holding an array of articles is a feed; items are named by their line."""
    path = tmp_path / "flood.json"
    path.write_text(json.dumps([COURIER, 7, NOTES], indent=2), encoding="utf-8")
    result = run("compare", path, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [n for n, text in enumerate(lines, start=1) if text in ("  {", "  7,")]
    assert [a["source"] for a in report["articles"]] == [f"{path}:{n}" for n in starts[::2]]
    assert [a["id"] for a in report["articles"]] == [f"flood-{starts[0]}", f"flood-{starts[2]}"]
    assert report["summary"]["skipped"] == [
        {"path": f"{path}:{starts[1]}",
         "reason": "item is a number, not an object; write one JSON object a line, with the "
                   "article in 'text'"}
    ]  # fmt: skip
    assert [a["outlet"] for a in report["articles"]] == ["Valley Courier", "Riverside Notes"]


def test_folder_reads_jsonl_not_json(tmp_path: Path) -> None:
    """A folder scan reads .jsonl feeds but not .json files (reports often sit there)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "flood.jsonl").write_text(line(COURIER) + "\n" + line(NOTES) + "\n", "utf-8")
    (folder / "report.json").write_text('{"schema": "factcheck.report/1"}', "utf-8")
    result = run("compare", folder, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["flood-1", "flood-2"]
    assert "report.json" not in result.stderr


def test_feed_beside_text_files(tmp_path: Path) -> None:
    """Feeds and text files mix; ids stay unique."""
    path = tmp_path / "reuters.jsonl"
    path.write_text(line(COURIER) + "\n", "utf-8")
    result = run("compare", ARTICLES / "reuters.txt", path, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["reuters", "reuters-1"]


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_FEEDS = [
    pytest.param("f.jsonl", b"", (), "f.jsonl: file is empty", id="empty-jsonl"),
    pytest.param("f.jsonl", b"\n\n", (), "f.jsonl: feed has no articles", id="blank-jsonl"),
    pytest.param("f.jsonl", b"{not json\n", (), "f.jsonl: feed has no articles (line 1: line is "
                 "not valid JSON", id="one-bad-line"),
    pytest.param("f.jsonl", b"[1]\n\n{}\n", (), "f.jsonl: feed has no articles (line 1: item is a "
                 "list, not an object; 1 more bad lines); write one JSON object a line",
                 id="only-bad-lines"),
    pytest.param("f.jsonl", b"\x89PNG\r\n\x1a\n\0\0", (), "f.jsonl: file is a PNG image",
                 id="png"),
    pytest.param("f.jsonl", b'{"text": "caf\xe9 fire"}\n', (), "f.jsonl: feed has no articles "
                 "(line 1: line is not UTF-8 (bad bytes at offset 13)); re-save it as UTF-8",
                 id="not-utf8"),
    pytest.param("f.jsonl", b'{"text": "' + b"x" * 200 + b'"}\n', ("--max-bytes", "100"),
                 "f.jsonl: feed has no articles (line 1: line is over the 100-byte limit); pass "
                 "--max-bytes to raise it", id="line-too-long"),
    pytest.param("f.json", b'{"text": "one"}', (), "f.json: file is not a JSON array of articles",
                 id="object-not-array"),
    pytest.param("f.json", b'[{"text": "one"},\n {"text": ', (), "f.json: file is not valid JSON",
                 id="broken-array"),
    pytest.param("f.json", b'[{"text": "a b"},\n\n {"text": "c"} x]', (),
                 "f.json: file is not valid JSON (expected ',' or ']' at line 3)",
                 id="array-without-comma"),
    pytest.param("f.json", b"[]", (), "f.json: feed has no articles", id="empty-array"),
]


@pytest.mark.parametrize(("name", "data", "options", "message"), BAD_FEEDS)
def test_bad_feed_is_one_line(tmp_path: Path, name: str, data: bytes, options: tuple[str, ...],
                              message: str) -> None:
    """A feed that gives no article is one Error line naming it (and the line), exit 2."""
    path = _bytes(tmp_path / name, data)
    assert refused(path, tmp_path, *options).startswith(f"Error: {tmp_path / message}")


def test_claim_refuses_a_feed_as_the_article(feed: Path) -> None:
    """A feed holds many articles: claim says to give it with --against."""
    result = run("claim", feed)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {feed}: is a feed, which holds many articles; give one article here, and the "
        "feed with --against"
    ]


def test_claim_against_a_feed(feed: Path, tmp_path: Path) -> None:
    """claim checks one article against the items of a feed."""
    article = tmp_path / "ledger.md"
    article.write_text("# Arden flood\n\nOfficials confirmed that 42 people had died.\n", "utf-8")
    result = run("claim", article, "--against", feed, "--format", "json", "--no-claims", "-q")
    assert result.exit_code == 0, result.stderr
    check = json.loads(result.stdout)
    assert check["against"] == ["flood-1", "flood-3", "flood-9"]
    verdicts = {c["claim"]["text"]: c["verdict"] for c in check["claims"]}
    assert verdicts["42 people"] == "contradicted"


def test_many_bad_lines_stay_readable(tmp_path: Path) -> None:
    """A feed with many bad lines names twenty on stderr and ten in the summary; the JSON
    lists them all."""
    path = tmp_path / "noisy.jsonl"
    path.write_text(line(COURIER) + "\n" + "{oops\n" * 30 + line(NOTES) + "\n", "utf-8")
    result = run("compare", path, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert sum(x.startswith(f"Skipped {path}:") for x in lines) == 20
    assert "Skipped 10 more (listed in the JSON report)" in lines
    assert lines[-1].endswith(f"{path}:11 and 20 more")
    assert len(json.loads(result.stdout)["summary"]["skipped"]) == 30
