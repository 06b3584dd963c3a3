"""Robustness through the command line: odd encodings and shapes, bad input, hostile
text, atomic output, interrupts, a corrupted cache, and fuzzing of loader and extractor."""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from factcheck import cli
from factcheck.articles import files as articles_files
from factcheck.articles import parse_article
from factcheck.cli import main

from .conftest import ARTICLES

TRACEBACK = "Traceback"
ERROR_LINE = re.compile(r"^Error: (?P<path>.+?): (?P<problem>.+); (?P<fix>.+)$")
SGR = re.compile(r"\x1b\[[0-9;]*m")
"""rich's own colour sequences: the only escapes a coloured terminal view may hold."""

BODY = (
    "A court in Xingtai on Thursday jailed nine people for smuggling 11.9 kg of fentanyl.\n\n"
    "Judge Yu Haibin said the gang sold the drug to buyers in the United States.\n"
)
"""Claims in every kind the extractor knows: a count, a quantity, a date, a name."""
COMPANION = (
    "# Court jails twelve over fentanyl\n\n"
    "A court in Xingtai on Thursday jailed twelve people for smuggling 11.9 kg of fentanyl.\n"
)
"""A plain UTF-8 article that disagrees with BODY on the count."""


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout."""
    return CliRunner()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch folder as working directory, so no ./claims.yaml is picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(runner: CliRunner, *args: str | os.PathLike[str], env: dict | None = None):
    """Invoke factcheck; an uncaught exception fails the test with its traceback."""
    return runner.invoke(main, [os.fspath(a) for a in args], catch_exceptions=False, env=env)


def write(path: Path, data: str | bytes) -> Path:
    """Write bytes (or text as UTF-8, line ends untouched) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def claims_of(report: dict) -> Iterator[dict]:
    """Every claim of a JSON report."""
    for group in report["groups"]:
        for position in group["positions"]:
            yield from position["claims"]


def assert_offsets(report: dict, texts: dict[str, str]) -> None:
    """Every claim's text is its article's decoded text[start:end] (texts keyed by path)."""
    paths = {a["id"]: a["path"] for a in report["articles"]}
    for claim in claims_of(report):
        text = texts[paths[claim["article"]]]
        assert claim["text"] == text[claim["start"] : claim["end"]], claim


def assert_error(result, *needles: str) -> re.Match[str]:
    """Exit 2 and exactly one ``Error: <path>: <problem>; <fix>`` line on stderr."""
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert TRACEBACK not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    match = ERROR_LINE.match(lines[0])
    assert match, lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return match


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write may have left behind in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- 1. encodings and shapes ---------------------------------------------------------------

SMART = "“Nine people”, said the judge – a €5 fine in Zürich.\n"
SHAPES = [
    # id, file bytes, codec that decodes them as the loader does, warning expected
    pytest.param(("# Nine jailed\n\n" + BODY).encode("utf-8"), "utf-8", False, id="utf8"),
    pytest.param(codecs.BOM_UTF8 + ("# Nine jailed\n\n" + BODY).encode("utf-8"), "utf-8", False,
                 id="utf8-bom"),
    pytest.param(("# Nine jailed\n\n" + BODY + SMART).encode("utf-16"), "utf-16", False,
                 id="utf16-bom-native"),
    pytest.param(codecs.BOM_UTF16_BE + ("# Nine jailed\n\n" + BODY).encode("utf-16-be"), "utf-16",
                 False, id="utf16-bom-be"),
    pytest.param(("# Nine jailed\n\n" + BODY + SMART).encode("cp1252"), "cp1252", True,
                 id="windows-1252"),
    pytest.param(("# Café\n\n" + BODY + "À Zürich, née.\n").encode("latin-1"), "cp1252", True,
                 id="latin-1-readable-as-1252"),
    pytest.param(("# Café\n\n" + BODY + "Odd \x8d byte.\n").encode("latin-1"), "latin-1", True,
                 id="latin-1-only"),
    pytest.param(("# Nine jailed\r\n\r\n" + BODY.replace("\n", "\r\n")).encode(), "utf-8", False,
                 id="crlf"),
    pytest.param(("# Nine jailed\r\r" + BODY.replace("\n", "\r")).encode(), "utf-8", False,
                 id="cr"),
    pytest.param(("# Nine jailed\r\n\n" + BODY.replace("\n\n", "\r\r\n")).encode(), "utf-8", False,
                 id="mixed-line-ends"),
    pytest.param(
        ("#\u00a0Nine\u00a0jailed\n\n" + BODY.replace(" ", "\u00a0", 6)
         .replace("11.9 kg", "11.9\u202fkg").replace("nine people", "nine\u2009people")
         .replace("Judge ", "Judge\u3000")).encode(),
        "utf-8", False, id="nbsp-and-unicode-spaces",
    ),
    pytest.param(
        ("\u200b# Nine jailed\u200d\n\n" + BODY.replace("nine", "ni\u200bne")
         .replace("Yu", "\u2060Yu").replace("Xingtai", "Xing\u200ctai\ufeff")).encode(),
        "utf-8", False, id="zero-width",
    ),
    pytest.param(("# Long\n\n" + BODY.replace("\n", " ") * 150).encode(), "utf-8", False,
                 id="very-long-line"),
    pytest.param(("# Long\n\n" + "x" * 200_000 + "\n" + BODY).encode(), "utf-8", False,
                 id="very-long-word"),
    pytest.param(b"# Nine jailed in fentanyl case\n", "utf-8", False, id="only-a-title"),
    pytest.param(b"Nine jailed in fentanyl case", "utf-8", False, id="only-a-bare-title"),
    pytest.param(b"# Nine jailed\n\nPublished at: **2019-11-07**\n\nAuthor: **A. Writer**\n",
                 "utf-8", False, id="no-body"),
    pytest.param(b"# A quiet day\n\nNothing much happened and everyone went home early.\n",
                 "utf-8", False, id="no-claims"),
    pytest.param(("\n\n\t  \n# Nine jailed\n\n\n\n\t" + BODY + "\n\n\n   ").encode(),
                 "utf-8", False, id="blank-lines-and-tabs"),
    pytest.param(("# Nine 👮 jailed\n\n" + BODY + "شرطة\u202e nine arrested, 九人 e\u0301\n")
                 .encode(), "utf-8", False, id="emoji-rtl-combining"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "codec", "warns"), SHAPES)
def test_encodings_and_shapes(
    runner: CliRunner, work: Path, data: bytes, codec: str, warns: bool
) -> None:
    """Any encoding or shape compares as JSON, with offsets into the decoded text."""
    odd = write(work / "odd.txt", data)
    plain = write(work / "plain.txt", COMPANION)
    result = run(runner, "compare", odd, plain, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    assert TRACEBACK not in result.stderr
    report = json.loads(result.stdout)
    assert [a["path"] for a in report["articles"]] == [str(odd), str(plain)]
    texts = {str(odd): data.decode(codec), str(plain): COMPANION}
    assert_offsets(report, texts)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    if warns:
        assert warnings == [
            f"Warning: {odd}: decoded as "
            f"{'Latin-1' if codec == 'latin-1' else 'Windows-1252'}"
            " (not UTF-8); re-save it as UTF-8 to silence this"
        ]
    else:
        assert warnings == []


def test_text_longer_than_the_parser_takes(runner: CliRunner, work: Path) -> None:
    """A file within --max-bytes but too long for the parser is an input error, not a crash."""
    big = write(work / "big.txt", "# Big\n\n" + "Nine people were jailed. " * 48_000)
    result = run(runner, "compare", big, "--format", "json")
    assert_error(result, f"{big}: ", "characters", "split it")


def test_every_claim_kind_offsets_on_samples(runner: CliRunner, work: Path) -> None:
    """The sample articles, re-encoded as UTF-16 with CRLF, keep exact offsets."""
    texts = {}
    for source in sorted(ARTICLES.glob("*.txt"))[:3]:
        text = source.read_bytes().decode("utf-8").replace("\n", "\r\n")
        path = write(work / source.name, text.encode("utf-16"))
        texts[str(path)] = text
    result = run(runner, "compare", *texts, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert sum(1 for _ in claims_of(report)) > 20
    assert_offsets(report, texts)


# --- 2. bad input --------------------------------------------------------------------------


def _loop(folder: Path) -> Path:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return folder / "a.txt"


def _broken_link(folder: Path) -> Path:
    (folder / "c.txt").symlink_to(folder / "gone.txt")
    return folder / "c.txt"


def _folder(folder: Path, *names: str) -> Path:
    target = folder / "articles"
    target.mkdir()
    for name in names:
        write(target / name, COMPANION)
    return target


BAD_INPUTS = [
    # id, make the bad path, extra options, words the Error line must hold
    pytest.param(lambda d: d / "nope.txt", (), ("no such file or folder", "check the path"),
                 id="missing-path"),
    pytest.param(lambda d: _folder(d), (), ("folder has no articles (.txt, .md",),
                 id="empty-folder"),
    pytest.param(lambda d: _folder(d, "notes.csv", ".hidden.txt", "report.json"), (),
                 ("folder has no articles (.txt, .md",), id="folder-without-articles"),
    pytest.param(lambda d: write(d / "e.txt", b""), (), ("file is empty",), id="empty-file"),
    pytest.param(lambda d: write(d / "w.txt", " \r\n\t\u00a0\u200b\n"), (), ("file is empty",),
                 id="whitespace-only"),
    pytest.param(lambda d: write(d / "bom.txt", codecs.BOM_UTF8), (), ("file is empty",),
                 id="only-a-bom"),
    pytest.param(lambda d: write(d / "p.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), (),
                 ("file is a PNG image, not text", "plain text"), id="png"),
    pytest.param(lambda d: write(d / "z.txt", b"PK\x03\x04\x14\0\0\0\x08\0"), (),
                 ("file is a ZIP archive",), id="zip"),
    pytest.param(lambda d: write(d / "d.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), (),
                 ("file is a PDF document",), id="pdf"),
    pytest.param(lambda d: write(d / "elf.txt", b"\x7fELF\x02\x01\x01\0\0\0\0"), (),
                 ("file looks binary",), id="nul-bytes"),
    pytest.param(lambda d: write(d / "u8.txt", codecs.BOM_UTF8 + b"caf\xe9 \xff"), (),
                 ("not valid UTF-8", "offset"), id="undecodable-utf8-with-bom"),
    pytest.param(lambda d: write(d / "u16.txt", codecs.BOM_UTF16_LE + b"a\0b"), (),
                 ("not valid UTF-16",), id="undecodable-utf16"),
    pytest.param(lambda d: write(d / "u16s.txt", codecs.BOM_UTF16_LE + b"\x00\xd8a\x00"), (),
                 ("not valid UTF-16",), id="utf16-lone-surrogate"),
    pytest.param(_loop, (), ("symbolic link loop", "fix the link"), id="symlink-loop"),
    pytest.param(_broken_link, (), ("broken symbolic link",), id="broken-symlink"),
    pytest.param(lambda d: write(d / "big.txt", "# Big\n\n" + "Nine were jailed. " * 20),
                 ("--max-bytes", "100"), ("over the 100-byte limit", "--max-bytes"),
                 id="over-max-bytes"),
    pytest.param(lambda d: write(d / "bad\x1b[31m\x07name.txt", b""), (),
                 ("file is empty", "\\x1b[31m\\x07name.txt"), id="hostile-file-name"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "options", "needles"), BAD_INPUTS)
def test_bad_input(
    runner: CliRunner,
    work: Path,
    make: Callable[[Path], Path],
    options: tuple[str, ...],
    needles: tuple[str, ...],
) -> None:
    """Bad input: one Error line naming the path, exit 2, no traceback, nothing written."""
    target = make(work)
    out = work / "out" / "report.json"
    out.parent.mkdir()
    result = run(runner, "compare", target, *options, "--format", "json", "-o", out)
    match = assert_error(result, *needles)
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert match["path"] == cli.printable(str(target))
    assert list(out.parent.iterdir()) == []


def test_unreadable_file(runner: CliRunner, work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without read permission is an Error line (simulated: the tests run as root)."""
    locked = write(work / "locked.txt", COMPANION)
    real_open = open

    def guarded(file, *args, **kwargs):
        if os.fspath(file) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(locked))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(articles_files, "open", guarded, raising=False)
    result = run(runner, "compare", locked, "--format", "json")
    assert_error(result, f"{locked}: permission denied", "chmod")


def test_one_bad_file_among_several_is_skipped(runner: CliRunner, work: Path) -> None:
    """With several articles a bad one is skipped and named; --strict fails instead."""
    folder = _folder(work, "a.txt", "b.txt")
    bad = write(folder / "c.txt", b"\x89PNG\r\n\x1a\n\0")
    result = run(runner, "compare", folder, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [a["id"] for a in report["articles"]] == ["a", "b"]
    assert report["summary"]["skipped"] == [
        {
            "path": str(bad),
            "reason": "file is a PNG image, not text; save the article as plain text (.txt or .md)",
        }
    ]
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.endswith(f"; skipped 1: {bad}")
    out = work / "strict.json"
    strict = run(runner, "compare", folder, "--strict", "--format", "json", "-o", out)
    assert_error(strict, f"{bad}: file is a PNG image")
    assert not out.exists()


def test_claim_command_bad_article(runner: CliRunner, work: Path) -> None:
    """factcheck claim on an unreadable article is an Error line, exit 2."""
    bad = write(work / "bad.txt", b"PK\x03\x04")
    write(work / "other.txt", COMPANION)
    result = run(runner, "claim", bad, "--format", "json")
    assert_error(result, f"{bad}: file is a ZIP archive")


BAD_BOOKS = [
    # id, claims.yaml text, line, column, words the message must hold
    pytest.param("topics: [a, b\n", 2, 1, "expected ',' or ']'", id="unclosed-list"),
    pytest.param("topics:\n\t- id: x\n", 2, 1, "tab", id="tab-indent"),
    pytest.param("topics:\n  - id: x\n   kind: count\n", 3, 4, "expected <block end>",
                 id="bad-indent"),
    pytest.param("topics: " + "[" * 5000 + "]" * 5000 + "\n", 0, 0, "nested too deeply",
                 id="nested-too-deeply"),
    pytest.param("- id: x\n", 1, 1, "must be a mapping", id="top-level-list"),
    pytest.param("just words\n", 1, 1, "must be a mapping", id="top-level-scalar"),
    pytest.param("topics: []\ntopic:\n  - id: x\n", 2, 1, "unknown section 'topic'",
                 id="unknown-section"),
    pytest.param("topics:\n  - question: How many?\n", 2, 5, "topic has no id",
                 id="topic-without-id"),
    pytest.param("topics:\n  - id: 12\n", 2, 9, "topic id must be text", id="topic-id-a-number"),
    pytest.param("topics:\n  - id: x\n    kind: colour\n", 3, 11, "unknown kind 'colour'",
                 id="unknown-kind"),
    pytest.param("topics:\n  - id: x\n    cue: [a]\n", 3, 5, "unknown topic key 'cue'",
                 id="unknown-topic-key"),
    pytest.param("topics:\n  - id: x\n    cues: jailed\n", 3, 11, "cues of topic 'x'",
                 id="cues-not-list"),
    pytest.param("topics:\n  - id: x\n  - id: x\n", 3, 9, "topic id 'x' is used twice",
                 id="duplicate-topic"),
    pytest.param("topics: people\n", 1, 9, "'topics' must be a list", id="section-not-list"),
    pytest.param("topics:\n  - people\n", 2, 5, "must be a mapping", id="entry-not-mapping"),
    pytest.param("names:\n  - same: [Yu Haibin]\n", 2, 11, "at least two names",
                 id="names-one-name"),
    pytest.param("names:\n  - same: [A B, C D]\n    different: [A B, E F]\n", 2, 5,
                 "exactly one key", id="names-two-keys"),
    pytest.param("topics:\n  - id: x\nreferences:\n  - topic: y\n    value: 9\n", 4, 12,
                 "unknown topic 'y'", id="reference-unknown-topic"),
    pytest.param("topics:\n  - id: x\nreferences:\n  - topic: x\n", 4, 5, "has no value",
                 id="reference-without-value"),
    pytest.param("topics:\n  - id: x\nreferences:\n  - topic: x\n    value: {a: 1}\n", 5, 12,
                 "value must be a number, date or text", id="reference-value-mapping"),
    pytest.param("topics: []\ntopics: []\n", 2, 1, "duplicate key 'topics'", id="duplicate-key"),
    pytest.param("topics: !!python/object/apply:os.system [echo hi]\n", 1, 9,
                 "could not determine a constructor", id="python-tag"),
    pytest.param("a: &a [x, x, x]\nb: &b [*a, *a, *a]\ntopics: [*b, *b]\n", 1, 1,
                 "unknown section 'a'", id="alias-bomb-shape"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "column", "words"), BAD_BOOKS)
def test_malformed_claim_book(
    runner: CliRunner, work: Path, text: str, line: int, column: int, words: str
) -> None:
    """A malformed claims.yaml is one Error line with line and column, before any parsing."""
    write(work / "claims.yaml", text)
    article = write(work / "a.txt", COMPANION)
    out = work / "out.json"
    result = run(runner, "compare", article, "--format", "json", "-o", out)
    where = f"line {line}, column {column}: " if line else ": "
    match = assert_error(result, where, words)
    assert match["path"] == "claims.yaml"
    assert not out.exists()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(
            b"topics:\n  - id: caf\xe9\n", "not UTF-8 (bad byte at offset 19)", id="latin-1"
        ),
        pytest.param(b"\x89PNG\r\n\x1a\n\0", "not UTF-8", id="binary"),
    ],
)
def test_unreadable_claim_book(runner: CliRunner, work: Path, data: bytes, words: str) -> None:
    """A claim book that is not UTF-8 text is one Error line saying so."""
    book = write(work / "book.yaml", data)
    article = write(work / "a.txt", COMPANION)
    result = run(runner, "compare", article, "--claims", book, "--format", "json")
    assert_error(result, f"{book}: ", words, "--no-claims")


def test_claim_book_with_bom_and_crlf(runner: CliRunner, work: Path) -> None:
    """A claim book saved by Windows tools (BOM, CRLF) reads fine."""
    text = "topics:\r\n  - id: jailed\r\n    cues: [jailed]\r\n"
    write(work / "claims.yaml", codecs.BOM_UTF8 + text.encode())
    article = write(work / "a.txt", COMPANION)
    result = run(runner, "compare", article, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "claim book: claims.yaml" in result.stderr


# --- 3. hostile text -----------------------------------------------------------------------

HOSTILE = (
    "[bold red]x[/] [link=file:///etc/passwd]y[/link] \x1b[31mred\x1b[0m "
    "\x1b]8;;http://evil.example\x07osc\x1b]8;;\x07 \x07\x08\x0b\x7f\x9b2J "
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [click](http://evil.example) "
    "![img](http://evil.example/i.png) <http://evil.example/auto> a|b `tick` ```fence``` "
    "**bold** _em_ # hash &amp; \u202eevil\u202c"
)
"""Rich markup, ANSI/OSC escapes, controls, HTML, Markdown links and images, pipes,
backticks and a bidi override."""


INLINE = (
    "[bold red]x[/] \x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07osc\x1b]8;;\x07 "
    "<script>alert(1)</script> [click](http://evil.example) a|b `tick` \u202eevil\u202c"
)
"""Hostile pieces inside the sentences that carry the conflicting count and the name."""


def hostile_article(count: str, outlet: str) -> str:
    """An article with hostile text in its title, outlet line and claim sentences."""
    return (
        f"# Court jails {count} {HOSTILE}\n\n"
        f"Original: [{outlet} {HOSTILE}](https://example.com/{outlet.lower()})\n\n"
        f"Author: **Jane Doe {HOSTILE}**\n\n"
        f"A court jailed {count} people for smuggling fentanyl {INLINE} on Thursday, "
        "judge Yu Haibin said.\n\n"
        f"{HOSTILE} Police seized 11.9 kg of drugs {HOSTILE} in 2017.\n"
    )


@pytest.fixture
def hostile(work: Path) -> dict[str, str]:
    """Two conflicting hostile articles, keyed by path, with their texts."""
    texts = {}
    for name, count, outlet in (("a.txt", "nine", "Reuters"), ("b.txt", "twelve", "Wire")):
        text = hostile_article(count, outlet)
        write(work / "in" / name, text)
        texts[str(Path("in") / name)] = text
    return texts


def test_hostile_json_is_exact(runner: CliRunner, hostile: dict[str, str]) -> None:
    """The JSON report is valid and keeps hostile text byte for byte."""
    result = run(runner, "compare", "in", "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["conflicts"] >= 1
    assert all(a["title"].endswith(HOSTILE) for a in report["articles"])
    assert [a["outlet"] for a in report["articles"]] == [f"Reuters {HOSTILE}", f"Wire {HOSTILE}"]
    assert_offsets(report, hostile)
    counts = [
        c
        for g in report["groups"]
        if g["status"] == "conflict"
        for c in claims_of({"groups": [g]})
        if c["text"] in ("nine people", "twelve people")
    ]
    assert len(counts) == 2
    for piece in (
        "[bold red]x[/]",
        "\x1b[31mred",
        "\x1b]8;;http://evil.example\x07",
        "<script>alert(1)</script>",
    ):
        assert all(piece in c["sentence"] for c in counts), piece
    names = [c for c in claims_of(report) if c["kind"] == "person"]
    assert names
    for piece in ("[click](http://evil.example)", "a|b `tick`", "\u202eevil\u202c"):
        assert all(piece in c["sentence"] for c in names), piece


def test_escape_sequences_make_no_claims(runner: CliRunner, work: Path) -> None:
    """Terminal escape sequences in an article are not read as amounts."""
    text = "# Storm\n\nThe \x1b[1mstorm\x1b[0m hit the \x1b[31mcoast\x1b[0m on Monday.\n"
    write(work / "a.txt", text)
    result = run(runner, "compare", "a.txt", "--format", "json", "--no-claims")
    assert result.exit_code == 0
    assert [
        c["text"]
        for c in claims_of(json.loads(result.stdout))
        if c["kind"] in ("quantity", "count")
    ] == []


@pytest.mark.parametrize(
    "env",
    [
        pytest.param({"COLUMNS": "2000"}, id="plain"),
        pytest.param({"COLUMNS": "2000", "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}, id="colour"),
    ],
)
def test_hostile_table_is_inert(runner: CliRunner, hostile: dict[str, str], env: dict) -> None:
    """The terminal view shows markup literally and passes no escape or control through."""
    result = run(runner, "compare", "in", "--no-claims", env=env)
    assert result.exit_code == 0, result.stderr
    if "FORCE_COLOR" in env:
        assert SGR.search(result.stdout), "the colour view was not exercised"
    shown = SGR.sub("", result.stdout)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", shown)
    assert "[bold red]x[/] [link=file:///etc/passwd]y[/link]" in shown
    assert "<script>alert(1)</script>" in shown
    assert "Conflicts" in shown
    for line in result.stderr.splitlines():
        assert "\x1b" not in line


def _cells(tokens) -> list[list[int]]:
    """Cells per row of every table in a markdown-it token stream."""
    tables, rows = [], None
    for token in tokens:
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            rows.append(0)
        elif token.type in ("th_open", "td_open"):
            rows[-1] += 1
        elif token.type == "table_close":
            tables.append(rows)
    return tables


def test_hostile_markdown_is_inert(runner: CliRunner, hostile: dict[str, str]) -> None:
    """The Markdown report renders no script, image or injected link, and tables keep shape."""
    out = Path("report.md")
    result = run(runner, "compare", "in", "--format", "markdown", "-o", out, "--no-claims")
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text
    md = MarkdownIt("commonmark").enable("table")
    html = md.render(text)
    assert (
        "<script" not in html
        and "<img" not in html
        and "onerror" not in html.replace("onerror=alert(1)&gt;", "")
    )
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    assert set(hrefs) <= {"https://example.com/reuters", "https://example.com/wire"}, hrefs
    assert "[bold red]x[/]" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    tables = _cells(md.parse(text))
    assert len(tables) >= 3
    for rows in tables:
        assert len(set(rows)) == 1, rows


def test_hostile_claim_command(runner: CliRunner, hostile: dict[str, str]) -> None:
    """factcheck claim keeps hostile text out of the terminal, the summary and Markdown."""
    result = run(runner, "claim", "in/a.txt", "--no-claims", env={"COLUMNS": "2000"})
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "[bold red]x[/]" in result.stdout
    md = run(runner, "claim", "in/a.txt", "--format", "markdown", "--no-claims", "-q")
    html = MarkdownIt("commonmark").enable("table").render(md.stdout)
    assert "<script" not in html and "<img" not in html
    assert not re.findall(r'<a href="(?!https://example\.com/)', html)
    for rows in _cells(MarkdownIt("commonmark").enable("table").parse(md.stdout)):
        assert len(set(rows)) == 1, rows


class _Opened:
    """Files opened while armed, from Python's audit events."""

    armed = False
    paths: list[tuple[str, str]] = []  # noqa: RUF012 - one shared recorder per process

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.armed and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            path = os.fsdecode(args[0])
            mode = args[1] if isinstance(args[1], str) else ""
            flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
            writing = any(c in mode for c in "wax+") or bool(
                flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
            )
            cls.paths.append((path, "w" if writing else "r"))


sys.addaudithook(_Opened.hook)


def test_article_text_opens_no_other_file(
    runner: CliRunner, hostile: dict[str, str], nlp, work: Path
) -> None:
    """Paths and URLs named in articles are never opened; writes go to the output and cache."""
    for path in hostile:
        text = hostile[path] + "See file:///etc/shadow, ../../etc/hosts and ~/.ssh/id_rsa.\n"
        write(work / path, text)
    _Opened.paths = []
    _Opened.armed = True
    try:
        result = run(runner, "compare", "in", "--format", "markdown", "-o", "r.md", "--no-claims")
    finally:
        _Opened.armed = False
    assert result.exit_code == 0, result.stderr
    cache = os.environ["FACTCHECK_CACHE_DIR"]
    for path, how in _Opened.paths:
        assert not re.search(r"passwd|shadow|hosts|id_rsa|evil", path), path
        if how == "w":
            full = os.path.abspath(path)
            assert full.startswith((cache, str(work))), path
            assert not full.startswith(str(work / "in")), path


# --- 4. atomic output ----------------------------------------------------------------------


@pytest.fixture
def previous(work: Path) -> Path:
    """An article folder and an earlier report beside it."""
    write(work / "in" / "a.txt", "# Nine jailed\n\n" + BODY)
    write(work / "in" / "b.txt", COMPANION)
    out = write(work / "report.json", "previous report\n")
    out.chmod(0o640)
    return out


def _boom(exc: BaseException):
    def raiser(*args, **kwargs):
        raise exc

    return raiser


FAILURES = [
    # id, what to patch, exception, exit status
    pytest.param("render", RuntimeError("renderer bug"), 70, id="render-raises"),
    pytest.param("render", KeyboardInterrupt(), 130, id="render-interrupted"),
    pytest.param(
        "replace", OSError(errno.EXDEV, "Invalid cross-device link"), 2, id="replace-fails"
    ),
    pytest.param("replace", KeyboardInterrupt(), 130, id="replace-interrupted"),
    pytest.param("write", OSError(errno.ENOSPC, "No space left on device"), 2, id="disk-full"),
    pytest.param("write", KeyboardInterrupt(), 130, id="write-interrupted"),
]


@pytest.mark.parametrize(("where", "exc", "status"), FAILURES)
def test_failed_write_keeps_previous_report(
    runner: CliRunner,
    previous: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    exc: BaseException,
    status: int,
) -> None:
    """A run that fails or is interrupted while writing leaves the old report and no temp file."""
    if where == "render":
        monkeypatch.setattr(cli, "_render", _boom(exc))
    elif where == "replace":
        real = os.replace

        def replace(src, dst, *args, **kwargs):
            if os.fspath(dst) == str(previous):
                raise exc
            return real(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, "replace", replace)
    else:
        real_fdopen = os.fdopen

        class Failing(io.TextIOWrapper):
            def write(self, text):
                super().write(text[:10])
                self.flush()
                raise exc

        def fdopen(fd, mode="r", *args, **kwargs):
            if "w" in mode and "b" not in mode:
                return Failing(real_fdopen(fd, "wb"), encoding="utf-8")
            return real_fdopen(fd, mode, *args, **kwargs)

        monkeypatch.setattr(os, "fdopen", fdopen)
    result = run(runner, "compare", "in", "--format", "json", "-o", previous, "--no-claims")
    assert result.exit_code == status, result.stderr
    assert TRACEBACK not in result.output
    assert previous.read_text(encoding="utf-8") == "previous report\n"
    assert stat.S_IMODE(previous.stat().st_mode) == 0o640
    assert leftovers(previous.parent) == []
    if status == 130:
        assert result.stderr.strip().splitlines()[-1] == "Interrupted."
    else:
        assert result.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_overwrite_keeps_mode_and_links(runner: CliRunner, previous: Path) -> None:
    """A rewritten report keeps its permissions, a linked report is written through the link."""
    link = Path("link.json")
    link.symlink_to(previous.name)
    result = run(runner, "compare", "in", "--format", "json", "-o", link, "-q", "--no-claims")
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert json.loads(previous.read_text(encoding="utf-8"))["schema"] == "factcheck.report/1"
    assert stat.S_IMODE(previous.stat().st_mode) == 0o640
    fresh = Path("fresh.json")
    result = run(runner, "compare", "in", "--format", "json", "-o", fresh, "-q", "--no-claims")
    assert result.exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_output_to_a_fifo(runner: CliRunner, previous: Path) -> None:
    """A special file such as a FIFO (or /dev/null) is written into, never replaced."""
    fifo = Path("pipe.json")
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(runner, "compare", "in", "--format", "json", "-o", fifo, "-q", "--no-claims")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got[0])["schema"] == "factcheck.report/1"
    assert leftovers(Path(".")) == []


def _hardlink(work: Path) -> list[str]:
    os.link(work / "in" / "a.txt", work / "hard.txt")
    return ["compare", "in", "-o", "hard.txt"]


def _symlink(work: Path) -> list[str]:
    (work / "soft.json").symlink_to(work / "in" / "b.txt")
    return ["compare", "in", "-o", "soft.json"]


def _claims_yaml(work: Path) -> list[str]:
    write(work / "book.yaml", "topics: []\n")
    return ["compare", "in", "--claims", "book.yaml", "-o", "book.yaml"]


def _default_book(work: Path) -> list[str]:
    write(work / "claims.yaml", "topics: []\n")
    return ["compare", "in", "-o", "claims.yaml"]


REFUSED = [
    # id, arguments (made in the scratch folder), words of the Error line
    pytest.param(lambda w: ["compare", "in/a.txt", "in/b.txt", "-o", "in/b.txt"], "input article",
                 id="article-file"),
    pytest.param(lambda w: ["compare", "in", "-o", "in/a.txt"], "input article",
                 id="article-in-folder"),
    pytest.param(lambda w: ["compare", "in", "-o", "in/new.md"], "would be read as an article",
                 id="new-article-in-folder"),
    pytest.param(lambda w: ["compare", "in", "-o", "./in/../in/a.txt"], "input article",
                 id="article-other-spelling"),
    pytest.param(_hardlink, "input", id="hard-link-to-article"),
    pytest.param(_symlink, "input article", id="symlink-to-article"),
    pytest.param(_claims_yaml, "claim book", id="claims-file"),
    pytest.param(_default_book, "claim book", id="default-claims-file"),
    pytest.param(lambda w: ["claim", "in/a.txt", "-o", "in/a.txt"], "input article",
                 id="claim-own-article"),
    pytest.param(lambda w: ["claim", "in/a.txt", "--against", "in/b.txt", "-o", "in/b.txt"],
                 "input article", id="claim-against-article"),
    pytest.param(lambda w: ["compare", "in", "-o", "missing/r.json"], "does not exist",
                 id="missing-folder"),
    pytest.param(lambda w: ["compare", "in", "-o", "report.json/r.json"], "not a folder",
                 id="parent-is-a-file"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "words"), REFUSED)
def test_output_refused_before_work(
    runner: CliRunner, previous: Path, work: Path, monkeypatch: pytest.MonkeyPatch, make, words: str
) -> None:
    """-o that would clobber an input or cannot be written is refused before any parsing."""
    monkeypatch.setattr("factcheck.pipeline.build_report", _boom(AssertionError("work done")))
    snapshot = {p: p.read_bytes() for p in work.rglob("*") if p.is_file() and not p.is_symlink()}
    result = run(runner, *make(work))
    assert_error(result, words)
    assert {p: p.read_bytes() for p in snapshot} == snapshot


def test_unwritable_output_refused_before_work(
    runner: CliRunner, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output folder without write permission is refused first (simulated for root)."""
    monkeypatch.setattr("factcheck.pipeline.build_report", _boom(AssertionError("work done")))
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real(p, mode, **kw)
    )
    result = run(runner, "compare", "in", "-o", "report.json")
    assert_error(result, "report.json: cannot be written (permission denied)")
    assert previous.read_text(encoding="utf-8") == "previous report\n"


def test_surrogate_file_name_is_reported(runner: CliRunner, work: Path) -> None:
    """A file name that is not valid UTF-8 still gives a valid JSON report and clean messages."""
    folder = work / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(COMPANION.encode())
    with open(os.fsencode(folder) + b"/\xffbad.txt", "wb") as handle:
        handle.write(b"")
    result = run(runner, "compare", folder, "--format", "json", "-o", "r.json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    report = json.loads(Path("r.json").read_text(encoding="utf-8"))
    assert report["articles"][0]["path"] == os.fsdecode(raw)
    assert "\\xff" in result.stderr or "\\udcff" in result.stderr


def _factcheck(*args: str, cwd: Path, timeout: float = 120, **env: str):
    """Run factcheck in a real process (its own cache folder) and return the result."""
    environ = {**os.environ, "FACTCHECK_CACHE_DIR": str(cwd / ".cache"), **env}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def test_fifo_in_a_folder_is_not_waited_on(previous: Path) -> None:
    """A FIFO named like an article in a folder is left out instead of blocking the run."""
    os.mkfifo(previous.parent / "in" / "pipe.txt")
    done = _factcheck(
        "compare", "in", "--format", "json", "--no-claims", "-q", cwd=previous.parent, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert [a["id"] for a in json.loads(done.stdout)["articles"]] == ["a", "b"]


def test_stdout_that_cannot_encode_the_report(previous: Path) -> None:
    """An ASCII-only stdout gives one Error line with a fix, not a UnicodeEncodeError."""
    done = _factcheck(
        "compare", "in", "--no-claims", "-q", cwd=previous.parent, PYTHONIOENCODING="ascii"
    )
    assert done.returncode == 2
    err = done.stderr.decode()
    assert TRACEBACK not in err
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith("Error: standard output: its encoding (ascii) cannot show")
    )
    assert "PYTHONIOENCODING=utf-8" in err


def test_closed_pipe_is_quiet(previous: Path) -> None:
    """Piping into a reader that stops early (| head) ends without a traceback."""
    for i in range(30):
        write(previous.parent / "in" / f"copy{i}.txt", COMPANION.replace("twelve", str(10 + i)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "compare", "in", "--format", "json", "--no-claims"],
        cwd=previous.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "FACTCHECK_CACHE_DIR": str(previous.parent / ".cache")},
    )
    assert proc.stdout.read(10) == b'{\n  "schem'
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert TRACEBACK not in err and "Exception ignored" not in err


# --- 5. interrupts and the cache -----------------------------------------------------------


def test_interrupt_inside_the_pipeline(
    runner: CliRunner, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while extracting exits 130 quietly and keeps the previous report."""
    monkeypatch.setattr("factcheck.extract.extract_claims", _boom(KeyboardInterrupt()))
    result = run(runner, "compare", "in", "--format", "json", "-o", previous, "--no-claims")
    assert result.exit_code == 130
    assert result.stderr == "Interrupted.\n"
    assert previous.read_text(encoding="utf-8") == "previous report\n"
    assert leftovers(previous.parent) == []


def test_interrupted_cache_write_leaves_no_temp_file(
    runner: CliRunner, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a cache entry is stored leaves no temporary file in the cache."""
    cache = Path(os.environ["FACTCHECK_CACHE_DIR"])
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.fspath(dst).startswith(str(cache)):
            raise KeyboardInterrupt
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = run(runner, "compare", "in", "--format", "json", "-o", previous, "--no-claims")
    assert result.exit_code == 130
    assert [p for p in cache.rglob("*") if p.is_file()] == []
    assert previous.read_text(encoding="utf-8") == "previous report\n"


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flip(data: bytes) -> bytes:
    return data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:]


def _wrong_type(data: bytes) -> bytes:
    import hashlib
    import pickle

    from factcheck.cache import MAGIC

    payload = pickle.dumps({"not": "claims"})
    return MAGIC + hashlib.sha256(payload).digest() + payload


CORRUPTIONS = [
    pytest.param(lambda d: b"", id="empty"),
    pytest.param(_truncate, id="truncated"),
    pytest.param(_flip, id="flipped-byte"),
    pytest.param(lambda d: b"garbage" * 10, id="garbage"),
    pytest.param(
        lambda d: d.replace(b"factcheck-claims/1", b"factcheck-claims/0", 1), id="old-magic"
    ),
    pytest.param(_wrong_type, id="valid-digest-wrong-type"),
]


@pytest.mark.parametrize("corrupt", CORRUPTIONS)
def test_corrupted_cache_is_rebuilt(
    runner: CliRunner, previous: Path, corrupt: Callable[[bytes], bytes]
) -> None:
    """A corrupted cache entry is ignored, the article parsed again and the entry rewritten."""
    from factcheck.cache import MAGIC

    args = ("compare", "in", "--format", "json", "--no-claims", "-q")
    first = run(runner, *args)
    assert first.exit_code == 0
    entries = sorted(Path(os.environ["FACTCHECK_CACHE_DIR"]).rglob("*.pickle"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(corrupt(entry.read_bytes()))
    second = run(runner, *args)
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout
    for entry in entries:
        data = entry.read_bytes()
        assert data.startswith(MAGIC) and len(data) > 100


def test_cache_ignores_entries_of_other_code(
    runner: CliRunner, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries written by other extraction code are not read back (stale claims, old records)."""
    from factcheck import cache

    args = ("compare", "in", "--format", "json", "--no-claims", "-q")
    assert run(runner, *args).exit_code == 0
    root = Path(os.environ["FACTCHECK_CACHE_DIR"])
    before = set(root.rglob("*.pickle"))
    monkeypatch.setattr(cache, "code_key", lambda: "another-checkout")
    assert run(runner, *args).exit_code == 0
    after = set(root.rglob("*.pickle"))
    assert len(after - before) == 2


def test_cache_folder_unusable(
    runner: CliRunner, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache path that is a file (or unwritable) is skipped; the run still succeeds."""
    blocker = write(previous.parent / "cache-is-a-file", "x")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))
    result = run(runner, "compare", "in", "--format", "json", "--no-claims", "-q")
    assert result.exit_code == 0, result.stderr
    assert blocker.read_text() == "x"


# --- 6. fuzzing ----------------------------------------------------------------------------

NEWSY = [
    "nine", "twelve", "11.9 kg", "1,030,000", "more than 20", "20 to 30 percent", "$5 million",
    "Rs 1 lakh", "in August 2017", "on Thursday", "Yu Haibin", "Judge Bhupinder Singh",
    "sentenced", "to death", "life in prison", "five years", "people", "were jailed", "arrested",
    ", ", ". ", "\n", "\r\n", "\r", "\u00a0", "\u200b", "\ufeff", "# ", "Published at: **",
    "**", "Author: ", "(", ")", "\"", "“", "”", "'", "-", "–", "½", "٣", "𝟗", "\x1b[31m",
]  # fmt: skip
news_text = st.lists(st.one_of(st.sampled_from(NEWSY), st.text(max_size=12)), max_size=40).map(
    "".join
)
"""Arbitrary Unicode mixed with the words, numbers and layout that trigger claims."""


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(), news_text))
def test_fuzz_loader(text: str) -> None:
    """parse_article never raises and its spans index the text."""
    article = parse_article(text, article_id="f", path="f.txt")
    assert article.text == text
    assert 0 <= article.body.start <= article.body.end <= len(text)
    if article.title_span is not None:
        assert text[article.title_span.start : article.title_span.end] == article.title


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(), news_text))
def test_fuzz_find_amounts(text: str) -> None:
    """find_amounts never raises and every span lies inside the text, number inside whole."""
    from factcheck.quantities import find_amounts

    for found in find_amounts(text):
        assert 0 <= found.start <= found.number_start <= found.number_end <= found.end <= len(text)


@settings(max_examples=40, deadline=None)
@given(text=st.one_of(st.text(), news_text))
def test_fuzz_extract(nlp, text: str) -> None:
    """extract_claims never raises and every claim's text is article.text[start:end]."""
    from factcheck.extract import extract_claims

    article = parse_article(text, article_id="f", path="f.txt")
    for claim in extract_claims(article, nlp(article.text)):
        assert claim.text == article.text[claim.start : claim.end]
        assert claim.article == "f"
