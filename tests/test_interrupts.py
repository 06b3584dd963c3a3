"""Ctrl-C stops a run at every stage with 130 and leaves the old report: real processes held
at each stage by the ``FACTCHECK_PAUSE_AT`` hook, so that no test guesses when to signal."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import interrupts
from factcheck.cli import main
from factcheck.nlp import BATCH_SIZE

from .pages import serve

BODY = (
    "# Nine jailed\n\n"
    "A court in Xingtai on Thursday jailed nine people for smuggling 11.9 kg of fentanyl.\n"
)
COMPANION = (
    "# Court jails twelve over fentanyl\n\n"
    "A court in Xingtai on Thursday jailed twelve people for smuggling 11.9 kg of fentanyl.\n"
)
PREVIOUS = "previous report\n"
WAIT = 180.0
"""Seconds a test waits for the run to reach its stage (a loaded machine is slow)."""


def _command(*extra: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", "compare", "in", "--format", "json",
            "-o", "report.json", "--no-claims", *extra]  # fmt: skip


def _env(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != interrupts.PAUSE_ENV}
    return {**env, "FACTCHECK_CACHE_DIR": str(root / "cache"), **extra}


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two articles and a cache holding their claims, but not their report."""
    root = tmp_path_factory.mktemp("warm")
    (root / "in").mkdir()
    (root / "in" / "a.md").write_text(BODY, encoding="utf-8")
    (root / "in" / "b.md").write_text(COMPANION, encoding="utf-8")
    done = subprocess.run(_command("-q"), cwd=root, env=_env(root), capture_output=True,
                          text=True, timeout=WAIT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    shutil.rmtree(root / "cache" / "reports")
    (root / "report.json").unlink()
    return root


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


WORKER_ARTICLES = 2 * BATCH_SIZE
STAGES = [
    pytest.param("load", (), id="load"),
    pytest.param("parse", ("--no-cache",), id="parse"),
    pytest.param("parse", ("--no-cache", "--jobs", "2"), id="parse-in-workers"),
    pytest.param("compare", (), id="compare"),
    pytest.param("write", (), id="write"),
]


@pytest.mark.parametrize(("stage", "extra"), STAGES)
def test_sigint_at_each_stage(warm: Path, tmp_path: Path, stage: str, extra: tuple) -> None:
    """SIGINT to a run held at a stage: exit 130, "Interrupted.", the old report intact."""
    shutil.copytree(warm, tmp_path, dirs_exist_ok=True)
    if "--jobs" in extra:  # workers take a batch of articles each: give them two batches
        for i in range(WORKER_ARTICLES):
            shutil.copy(tmp_path / "in" / "a.md", tmp_path / "in" / f"copy-{i}.md")
    (tmp_path / "report.json").write_text(PREVIOUS, encoding="utf-8")
    marker = tmp_path / "paused"
    env = _env(tmp_path, **{interrupts.PAUSE_ENV: stage, interrupts.PAUSE_FILE_ENV: str(marker)})
    proc = subprocess.Popen(_command(*extra), cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        deadline = time.monotonic() + WAIT
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), proc.communicate(timeout=WAIT)[1].decode()
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode()
    assert proc.returncode == 130, err
    assert err.rstrip().endswith("Interrupted."), err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    if "--jobs" in extra:
        assert workers, "the run had no worker processes to stop"
        time.sleep(0.5)
        assert [p for p in workers if _alive(p)] == []


def test_sigint_while_fetching_links(tmp_path: Path) -> None:
    """SIGINT while links download (one slow to answer): exit 130, the old report intact."""
    env = {k: v for k, v in _env(tmp_path).items() if "proxy" not in k.lower()}
    marker = tmp_path / "paused"
    env.update({interrupts.PAUSE_ENV: "fetch", interrupts.PAUSE_FILE_ENV: str(marker)})
    (tmp_path / "report.json").write_text(PREVIOUS, encoding="utf-8")
    with serve() as site:
        command = [*_command()[:4], site.url("slow.html"), site.url("courier.html"),
                   *_command()[5:]]  # fmt: skip
        proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)  # fmt: skip
        try:
            deadline = time.monotonic() + WAIT
            while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert marker.exists(), proc.communicate(timeout=WAIT)[1].decode()
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=WAIT)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 130, err.decode()
    assert err.decode().rstrip().endswith("Interrupted.")
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == PREVIOUS


def test_an_unpaused_run_goes_through(warm: Path, tmp_path: Path) -> None:
    """The hook set for another stage name leaves the run alone."""
    shutil.copytree(warm, tmp_path, dirs_exist_ok=True)
    env = _env(tmp_path, **{interrupts.PAUSE_ENV: "nowhere"})
    done = subprocess.run(_command("-q"), cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=WAIT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.json").read_text(encoding="utf-8").startswith("{")


def test_an_interrupt_a_library_swallowed_still_stops(
    warm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C caught and dropped on the way (a __del__, a weakref callback) stops the run
    at the next checkpoint."""
    shutil.copytree(warm, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "report.json").write_text(PREVIOUS, encoding="utf-8")
    real = __import__("factcheck.judge", fromlist=["compare"]).compare

    def swallowing(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler raises in here
        except KeyboardInterrupt:
            pass  # what "Exception ignored in ..." amounts to
        return real(*args, **kwargs)

    monkeypatch.setattr("factcheck.judge.compare", swallowing)
    result = CliRunner().invoke(main, _command()[3:])
    assert result.exit_code == 130, result.output
    assert result.stderr == "Interrupted.\n"
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == PREVIOUS


def test_an_interrupt_a_library_wrapped_is_still_an_interrupt(
    warm: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C that surfaces as another exception (``__set_name__`` wraps it in a
    RuntimeError) exits 130, not 70."""
    shutil.copytree(warm, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))

    def wrapping(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__") from exc

    monkeypatch.setattr("factcheck.judge.compare", wrapping)
    result = CliRunner().invoke(main, _command()[3:])
    assert result.exit_code == 130, result.output
    assert result.stderr == "Interrupted.\n"


def test_the_handler_is_given_back(warm: Path, tmp_path: Path, monkeypatch) -> None:
    """A run inside another program (a test runner) leaves its SIGINT handler as it was."""
    shutil.copytree(warm, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    before = signal.getsignal(signal.SIGINT)
    assert CliRunner().invoke(main, _command("-q")[3:]).exit_code == 0
    assert signal.getsignal(signal.SIGINT) is before


PROBE = """
import os, signal, sys
from factcheck import interrupts

with interrupts.handling() if "handled" in sys.argv else open(os.devnull) as _:
    try:
        exec("os.kill(os.getpid(), signal.SIGINT)\\nfor _ in range(10**8): pass")
    except KeyboardInterrupt:
        sys.exit(130)
"""


@pytest.mark.parametrize(("mode", "status"), [("handled", 130), ("plain", -signal.SIGINT)])
def test_an_interrupted_string_exec_under_python_m(tmp_path: Path, mode: str, status: int) -> None:
    """CPython kills a ``python -m`` process with SIGINT at exit when an interrupt ended a
    string ``exec``, even one caught and turned into ``sys.exit(130)``; factcheck's own
    interrupt (a KeyboardInterrupt subclass) is not taken for that."""
    (tmp_path / "probe.py").write_text(textwrap.dedent(PROBE), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    done = subprocess.run([sys.executable, "-m", "probe", mode], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=WAIT)  # fmt: skip
    assert done.returncode == status, done.stderr
