"""Shared fixtures: the real spaCy model, loaded once; paths to the sample data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
SEEDS = SHARED / "gold" / "seeds.yaml"
SCORER = SHARED / "tools" / "score.py"


def pytest_addoption(parser: pytest.Parser) -> None:
    """--update-golden rewrites tests/golden/ from the current output, on purpose only."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden report files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline factcheck uses, loaded once for the session."""
    from factcheck.nlp import load_nlp

    return load_nlp()


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Each test writes its claim cache to a temporary folder, never the user's."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("FACTCHECK_MODEL", raising=False)
    monkeypatch.chdir(os.environ.get("FACTCHECK_TEST_CWD", ROOT))


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """A folder of two small articles that disagree on one figure: one conflict."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, figure in (("a", 37), ("b", 39)):
        (folder / f"{name}.md").write_text(
            f"# Storm\n\nOriginal: [{name.upper()} News](https://{name}.example/)\n\n"
            f"The storm has killed {figure} people, officials said.\n",
            encoding="utf-8",
        )
    return folder
