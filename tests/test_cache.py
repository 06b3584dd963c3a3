"""The claim and report cache: warm runs reuse it, changes and corruption rebuild it.

Runs use the real model on two short sample articles, one process (``--jobs 1``),
so that calls to the extractor can be counted; one test runs real worker processes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import cache, pipeline
from factcheck.articles import load_articles
from factcheck.cli import main

from .conftest import ARTICLES

SAMPLES = ("reuters.txt", "aljazeera.txt")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two sample articles in a folder of their own."""
    target = tmp_path / "in"
    target.mkdir()
    for name in SAMPLES:
        shutil.copy(ARTICLES / name, target / name)
    return target


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles the extractor is run on, in order."""
    from factcheck import extract

    seen: list[str] = []
    real = extract.extract_claims

    def counting(article, doc):
        seen.append(article.id)
        return real(article, doc)

    monkeypatch.setattr(extract, "extract_claims", counting)
    return seen


def compare(*paths: Path, extra: tuple[str, ...] = ()) -> str:
    """``factcheck compare PATHS --format json`` in this process, one parsing process."""
    args = ["compare", *map(str, paths), "--format", "json", "--no-claims", "-q", "--jobs", "1"]
    result = CliRunner().invoke(main, [*args, *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def root() -> Path:
    return Path(os.environ["FACTCHECK_CACHE_DIR"])


def entries(kind: str = "*.pickle") -> list[Path]:
    return sorted(root().rglob(kind))


def test_warm_run_reuses_the_cache(folder: Path, calls: list[str]) -> None:
    """A second run on unchanged files extracts nothing and gives the same report."""
    first = compare(folder)
    assert sorted(calls) == ["aljazeera", "reuters"]
    assert len(entries()) == 2 and len(entries("*.report")) == 1
    calls.clear()
    assert compare(folder) == first
    assert calls == []


def test_a_report_is_stored_and_read_a_part_at_a_time(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report is pickled in parts of REPORT_PART groups; read back, it is the same
    report, groups in order."""
    monkeypatch.setattr(cache, "REPORT_PART", 3)
    loaded = load_articles(folder)
    report = pipeline.build_report([], loaded=loaded, jobs=1)
    assert len(report.groups) > 6
    store = cache.ReportCache.open(None)
    key = store.key(loaded.articles, loaded.skipped, None)
    parts = cache.read_parts(store.root / f"{key}.report", magic=cache.REPORT_MAGIC)
    assert [len(p) for p in parts[1:]] == [3] * (len(report.groups) // 3) + (
        [len(report.groups) % 3] if len(report.groups) % 3 else []
    )
    assert parts[0].groups == ()
    assert store.get(key) == report


def test_a_large_parse_spills_claims_to_the_cache_and_reads_them_back(
    folder: Path, calls: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """From SPILL_MIN articles the parent keeps claims on disk while parsing and reads them
    back after: the same claims, each article parsed once; an entry gone in between is
    parsed again."""
    loaded = load_articles(folder)
    expected = pipeline.read_all(loaded.articles, use_cache=False)
    calls.clear()
    monkeypatch.setattr(pipeline, "SPILL_MIN", 1)
    read_back: list[str] = []
    real_get = cache.ClaimCache.get

    def get(self, article):
        read_back.append(article.id)
        return real_get(self, article)

    monkeypatch.setattr(cache.ClaimCache, "get", get)
    assert pipeline.read_all(loaded.articles) == expected
    assert sorted(calls) == ["aljazeera", "reuters"]
    assert sorted(read_back) == sorted(["aljazeera", "reuters"] * 2)  # looked up, read back
    for entry in entries():
        entry.unlink()
    gone = {"reuters"}

    def forgetful_put(self, article, entry):  # written, then lost before it is read back
        return True if article.id in gone else cache.write_entry(self._path(article), entry)

    monkeypatch.setattr(cache.ClaimCache, "put", forgetful_put)
    calls.clear()
    assert pipeline.read_all(loaded.articles) == expected
    assert sorted(calls) == ["aljazeera", "reuters", "reuters"]


def test_claims_are_reused_without_the_report(folder: Path, calls: list[str]) -> None:
    """With the report gone, a warm run reads the claims back instead of parsing again."""
    first = compare(folder)
    for report in entries("*.report"):
        report.unlink()
    calls.clear()
    assert compare(folder) == first
    assert calls == []


def test_warm_run_does_not_import_spacy(folder: Path) -> None:
    """In a fresh process, a warm run never imports spaCy (nor thinc)."""
    compare(folder)
    script = (
        "import sys, json\n"
        "from factcheck.cli import main\n"
        "try:\n"
        f"    main(['compare', {str(folder)!r}, '--format', 'json', '--no-claims', '-q',"
        f" '-o', {os.devnull!r}])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('spacy', 'thinc'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=True,
        timeout=120,
    )
    assert json.loads(done.stdout) == []


def test_changed_file_is_parsed_again(folder: Path, calls: list[str]) -> None:
    """Editing one article re-parses that article only, and the report follows the edit."""
    compare(folder)
    path = folder / "reuters.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("nine people", "eleven people"), encoding="utf-8"
    )
    calls.clear()
    report = compare(folder)
    assert calls == ["reuters"]
    assert '"eleven people"' in report
    assert report == compare(folder, extra=("--no-cache",))


def test_partly_warm_run_matches_a_cold_one(folder: Path, calls: list[str]) -> None:
    """Claims come in article order whatever is cached, so the report does not depend on it."""
    compare(folder / "reuters.txt")
    calls.clear()
    warm = compare(folder)
    assert calls == ["aljazeera"]
    assert warm == compare(folder, extra=("--no-cache",))


def _flip(data: bytes) -> bytes:
    return data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:]


@pytest.mark.parametrize(
    "corrupt",
    [
        pytest.param(_flip, id="flipped-byte"),
        pytest.param(lambda d: d[: len(d) // 2], id="torn"),
        pytest.param(lambda d: b"", id="empty"),
    ],
)
def test_corrupted_entries_are_ignored_and_rebuilt(
    folder: Path, calls: list[str], corrupt: Callable[[bytes], bytes]
) -> None:
    """A corrupted claim entry is parsed again and rewritten; a corrupted report is rebuilt."""
    first = compare(folder)
    article = next(a for a in load_articles(folder).articles if a.id == "reuters")
    reuters = cache.ClaimCache.open(None)._path(article)
    reuters.write_bytes(corrupt(reuters.read_bytes()))
    (report,) = entries("*.report")
    report.write_bytes(corrupt(report.read_bytes()))
    calls.clear()
    assert compare(folder) == first
    assert calls == ["reuters"]
    assert reuters.read_bytes().startswith(cache.MAGIC)
    assert cache.ReportCache.open(None).get(report.stem) is not None
    calls.clear()
    assert compare(folder) == first
    assert calls == []


def test_no_cache_bypasses_it(folder: Path, calls: list[str]) -> None:
    """--no-cache parses every article again and neither reads nor writes the cache."""
    first = compare(folder)
    before = {p: p.read_bytes() for p in root().rglob("*") if p.is_file()}
    calls.clear()
    assert compare(folder, extra=("--no-cache",)) == first
    assert sorted(calls) == ["aljazeera", "reuters"]
    assert {p: p.read_bytes() for p in root().rglob("*") if p.is_file()} == before


def test_no_cache_writes_nothing(folder: Path, calls: list[str]) -> None:
    """A --no-cache run on a cold cache leaves the cache folder empty."""
    compare(folder, extra=("--no-cache",))
    assert [p for p in root().rglob("*") if p.is_file()] == []


def test_cache_folder_from_environment(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FACTCHECK_CACHE_DIR wins; without it, XDG_CACHE_HOME/factcheck is used."""
    explicit, xdg = tmp_path / "explicit", tmp_path / "xdg"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(explicit))
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    assert cache.cache_dir() == explicit
    compare(folder)
    assert len(list(explicit.rglob("*.pickle"))) == 2
    assert not xdg.exists()
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    assert cache.cache_dir() == xdg / "factcheck"
    compare(folder)
    assert len(list((xdg / "factcheck").rglob("*.pickle"))) == 2


def test_jobs_auto_by_articles_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """auto (None) parses a few articles here and many with one process per core."""
    monkeypatch.setattr(pipeline, "_cores", lambda: 4)
    monkeypatch.setattr(pipeline, "_chunk_size", lambda: 8)
    assert pipeline.jobs_for(None, pipeline.PARALLEL_MIN - 1) == 1
    assert pipeline.jobs_for(None, 1000) == 4
    assert pipeline.jobs_for(0, 1000) == 4
    assert pipeline.jobs_for(3, 1000) == 3
    assert pipeline.jobs_for(4, 9) == 2  # never more processes than batches


@pytest.mark.parametrize("value", ["0", "3", "auto", "AUTO"])
def test_jobs_option_accepts_numbers_and_auto(folder: Path, value: str) -> None:
    """--jobs takes a whole number or auto."""
    result = CliRunner().invoke(
        main, ["compare", str(folder), "--jobs", value, "-q", "--no-claims", "-o", os.devnull]
    )
    assert result.exit_code == 0, result.output


def test_jobs_option_rejects_others(folder: Path) -> None:
    """--jobs -1 or --jobs many is a usage error."""
    for value in ("-1", "many"):
        result = CliRunner().invoke(main, ["compare", str(folder), "--jobs", value])
        assert result.exit_code == 2
        assert "'auto' or a whole number" in result.output


def test_worker_processes_give_the_same_claims(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims from two worker processes equal those parsed in this one, in order."""
    monkeypatch.setattr(pipeline, "_chunk_size", lambda: 1)  # one article per batch
    articles = load_articles(folder).articles * 2
    alone = pipeline.extract_all(articles[:2], jobs=1, use_cache=False)
    assert pipeline.extract_all(articles, jobs=2, use_cache=False) == alone * 2
