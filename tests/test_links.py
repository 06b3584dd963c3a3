"""Links through the CLI, served by a local server on 127.0.0.1 (tests/pages.py): fetching,
its limits, failures, the page cache and --urls."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.articles import FETCH_TIMEOUT
from factcheck.articles.links import FETCH_WORKERS, MAX_REDIRECTS, PageCache, link_stem
from factcheck.cli.options import FETCH_TIMEOUT as CLI_FETCH_TIMEOUT

from .clirun import run
from .pages import SLOW_SECONDS, Served, serve

GOOD = ("courier.html", "notes.html", "wire.html")


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    """The local server, with any proxy setting removed so requests stay on this machine."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    with serve() as served:
        yield served


def report_of(result) -> dict:
    """The JSON report a successful run printed."""
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_compare_links(site: Served) -> None:
    """Links are fetched and compared: each page's article, named by its link, in order."""
    urls = [site.url(name) for name in GOOD]
    report = report_of(run("compare", *urls, "--format", "json", "--no-claims"))
    articles = report["articles"]
    assert [a["path"] for a in articles] == urls
    assert [a["id"] for a in articles] == ["courier", "notes", "wire"]
    assert [a["outlet"] for a in articles] == ["Valley Courier", "Riverside Notes", "Northern Wire"]
    assert {a["kind"] for a in articles} == {"link"}
    assert [a["source"] for a in articles] == urls
    texts = {a["id"]: a["text"] for a in articles}
    for group in report["groups"]:
        for position in group["positions"]:
            for claim in position["claims"]:
                assert texts[claim["article"]][claim["start"] : claim["end"]] == claim["text"]
    killed = [g for g in report["groups"] if g["status"] == "conflict" and "killed" in g["about"]]
    assert killed and {p["label"] for p in killed[0]["positions"]} == {"42", "40"}


FAILURES = [
    pytest.param("missing.html", (), "HTTP error 404 Not Found", id="not-found"),
    pytest.param("slow.html", ("--timeout", "0.5"), "no answer within 0.5 s (timed out)",
                 id="timeout"),
    pytest.param("loop.html", (), f"too many redirects (more than {MAX_REDIRECTS}, or a loop)",
                 id="redirect-loop"),
    pytest.param("report.pdf", (), "is not a web page (it is application/pdf)", id="not-html"),
    pytest.param("empty.html", (), "page is empty", id="empty"),
    pytest.param("to-file.html", (), "redirects to a file: address", id="redirect-to-file"),
    pytest.param("big.html", ("--max-bytes", "100000"), "page is 116,012 bytes, over the 100,000",
                 id="too-large"),
    pytest.param("nothing-here.html", (), "HTTP error 404", id="unknown-path"),
]


@pytest.mark.parametrize(("name", "options", "problem"), FAILURES)
def test_failing_link_is_skipped_with_one_line(
    site: Served, name: str, options: tuple[str, ...], problem: str
) -> None:
    """A link that fails gets one line saying why, and the others are compared."""
    bad = site.url(name)
    result = run("compare", site.url("courier.html"), bad, site.url("wire.html"), *options,
                 "--format", "json", "--no-claims")
    report = report_of(result)
    assert [a["id"] for a in report["articles"]] == ["courier", "wire"]
    lines = [line for line in result.stderr.splitlines() if line.startswith("Skipped ")]
    assert len(lines) == 1 and lines[0].startswith(f"Skipped {bad}: {problem}"), lines
    assert [s["path"] for s in report["summary"]["skipped"]] == [bad]
    assert report["summary"]["skipped"][0]["reason"].startswith(problem)
    assert "Traceback" not in result.stderr


def test_failing_link_with_strict_stops(site: Served, tmp_path: Path) -> None:
    """With --strict a link that fails is one Error line, exit 2, and no report is written."""
    out = tmp_path / "report.json"
    result = run("compare", site.url("courier.html"), site.url("missing.html"), "--strict",
                 "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: {site.url('missing.html')}: HTTP error 404 Not Found; check the link, "
        "or save the page and give the file"
    ]
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_only_failing_links_is_an_error(site: Served) -> None:
    """When no link gives an article the run is one Error line and exit 2."""
    result = run("compare", site.url("missing.html"), site.url("report.pdf"), "--format", "json")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and "no article could be read" in errors[0]
    assert result.stdout == ""


def test_urls_file(site: Served, tmp_path: Path) -> None:
    """--urls reads one link a line, skips blank lines and # comments, and names a bad line."""
    listing = tmp_path / "links.txt"
    listing.write_text(
        f"# the flood\n\n{site.url('courier.html')}\n  {site.url('notes.html')}  \n"
        f"not a link\n# {site.url('wire.html')}\n",
        encoding="utf-8",
    )
    result = run("compare", "--urls", listing, "--format", "json", "--no-claims")
    report = report_of(result)
    assert [a["id"] for a in report["articles"]] == ["courier", "notes"]
    assert report["summary"]["skipped"] == [
        {"path": f"{listing}:5",
         "reason": "line is not an http:// or https:// link; fix or remove it"}
    ]  # fmt: skip
    assert f"Skipped {listing}:5: line is not an http:// or https:// link" in result.stderr
    assert "/wire.html" not in " ".join(site.paths())


def test_urls_file_mixes_with_paths(site: Served, tmp_path: Path) -> None:
    """Files, links and --urls lists can be given together; each article is read once."""
    listing = tmp_path / "links.txt"
    listing.write_text(f"{site.url('notes.html')}\n{site.url('courier.html')}\n", encoding="utf-8")
    page = Path("data/pages/wire.html")
    result = run("compare", page, site.url("courier.html"), "--urls", listing,
                 "--format", "json", "--no-claims")
    report = report_of(result)
    assert [a["id"] for a in report["articles"]] == ["wire", "courier", "notes"]
    assert f"{site.url('courier.html')}: given more than once" in result.stderr


def test_second_run_works_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are kept in the cache, headers included: a second run needs no server."""
    with serve() as site:
        urls = [site.url(name) for name in GOOD]
        first = run("compare", *urls, "--format", "json", "--no-claims")
        assert first.exit_code == 0, first.stderr
        assert len(site.requests) == 3
    second = run("compare", *urls, "--format", "json", "--no-claims")
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout
    page = PageCache().get(urls[0])
    assert page is not None and page.content_type == "text/html" and page.status == 200
    assert ("Content-Type", "text/html; charset=utf-8") in page.headers


def test_no_cache_fetches_again(site: Served) -> None:
    """--no-cache fetches every link again (and keeps the new copy)."""
    url = site.url("courier.html")
    for _ in range(2):
        assert run("compare", url, site.url("wire.html"), "-q", "--no-claims").exit_code == 0
    assert site.paths().count("/courier.html") == 1
    assert run("compare", url, site.url("wire.html"), "-q", "--no-cache").exit_code == 0
    assert site.paths().count("/courier.html") == 2


def test_failed_link_is_not_cached(site: Served) -> None:
    """A link that failed is tried again on the next run."""
    for _ in range(2):
        run("compare", site.url("courier.html"), site.url("missing.html"), "-q", "--no-claims")
    assert site.paths().count("/missing.html") == 2


def test_user_agent_names_factcheck_and_its_version(site: Served) -> None:
    """Every request says it comes from factcheck, with its version."""
    from factcheck.cli.options import _version

    run("compare", site.url("courier.html"), site.url("notes.html"), "-q", "--no-claims")
    agents = {headers.get("User-Agent") for _, headers in site.requests}
    assert len(agents) == 1
    assert agents.pop().startswith(f"factcheck/{_version()} ")


def test_few_pages_at_a_time(site: Served) -> None:
    """Pages are fetched in parallel, but never more than FETCH_WORKERS at once."""
    urls = [site.url(f"delay/page-{n}.html") for n in range(3 * FETCH_WORKERS)]
    result = run("compare", *urls, "-q", "--no-claims", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(site.requests) == len(urls)
    assert 2 <= site.most_in_flight <= FETCH_WORKERS


def test_redirect_is_followed(site: Served) -> None:
    """A redirect is followed; the article keeps the link given, and the page's address."""
    result = run("compare", site.url("moved.html"), site.url("courier.html"), "--format", "json",
                 "--no-claims")
    moved = report_of(result)["articles"][0]
    assert moved["path"] == site.url("moved.html")
    assert moved["title"] == "Death toll in Arden valley flood rises to 42"
    assert moved["url"] == site.url("wire.html")


def test_charset_from_the_header(site: Served) -> None:
    """A page in Latin-1, said so by its Content-Type header, is decoded right."""
    result = run("compare", site.url("latin1.html"), site.url("courier.html"), "--format", "json",
                 "--no-claims")
    page = report_of(result)["articles"][0]
    assert page["title"] == "Café fire kills 3"
    assert "through a café in the old town" in page["text"]


def test_table_names_the_link(site: Served) -> None:
    """The terminal report cites a link's claims by the link and their offsets."""
    result = run("compare", site.url("courier.html"), site.url("notes.html"), "--no-claims")
    assert result.exit_code == 0, result.stderr
    assert f"{site.url('notes.html')}:" in result.stdout.replace("\n", "").replace("│", "")


def test_claim_checks_a_link_against_pages(site: Served) -> None:
    """claim takes a link, checked against --against (pages, folders, links)."""
    result = run("claim", site.url("notes.html"), "--against", "data/pages", "--format", "json",
                 "--no-claims")
    assert result.exit_code == 0, result.stderr
    check = json.loads(result.stdout)
    assert check["article"]["path"] == site.url("notes.html")
    assert check["article"]["kind"] == "link"
    assert check["article"]["id"] == "notes-2"  # the saved copy in data/pages is "notes"
    assert check["against"] == ["courier", "ledger", "notes", "wire"]
    assert check["summary"]["contradicted"] >= 1


def test_claim_on_a_link_needs_against(site: Served) -> None:
    """A link has no folder of other articles: claim asks for --against (usage error)."""
    result = run("claim", site.url("notes.html"))
    assert result.exit_code == 2
    assert "give --against" in result.stderr
    assert site.requests == []


def test_compare_needs_something_to_compare() -> None:
    """compare without paths, links or --urls is a usage error."""
    result = run("compare")
    assert result.exit_code == 2
    assert "give article files, folders or links, or --urls FILE" in result.stderr


def test_link_ids_and_default_timeout() -> None:
    """A link's id is the last part of its path; the CLI's default timeout is the library's."""
    assert link_stem("https://news.example/a/b/flood-toll.html?x=1") == "flood-toll"
    assert link_stem("https://www.news.example/") == "news.example"
    assert CLI_FETCH_TIMEOUT == FETCH_TIMEOUT
    assert SLOW_SECONDS > 0.5  # the timeout case waits less than the server sleeps
