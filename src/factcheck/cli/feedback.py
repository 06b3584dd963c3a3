"""What a run tells the user on stderr, and how it ends: warnings, the summary line,
the progress bar, errors as one line, exit codes."""

from __future__ import annotations

import io
import os
import sys
from contextlib import contextmanager

import click

from .. import interrupts
from ..errors import FactcheckError
from .output import printable

SEVERITIES = ("high", "medium", "low")
INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""
INTERNAL_ERROR = 70
"""Exit status for a bug in factcheck (EX_SOFTWARE), apart from 1 (conflicts) and 2 (input)."""
DEBUG_ENV = "FACTCHECK_DEBUG"
"""Set it to see the traceback of an internal error instead of one line."""

def _stderr(line: str) -> None:
    click.echo(printable(line), err=True)


def _warn(warnings, quiet: bool) -> None:
    if quiet:
        return
    for warning in warnings:
        _stderr(f"Warning: {warning}")


SKIPPED_SHOWN = 20
"""Skipped inputs named one a line on stderr; the rest are counted (the JSON lists all)."""
SUMMARY_SKIPPED = 10
"""Skipped inputs the summary line names (a feed may have thousands of bad lines)."""


def _skipped(skipped, quiet: bool) -> None:
    """One line for each input skipped (a file, a link, a feed line), as it is skipped."""
    if quiet:
        return
    for item in skipped[:SKIPPED_SHOWN]:
        _stderr(f"Skipped {item.path}: {item.reason}")
    if len(skipped) > SKIPPED_SHOWN:
        _stderr(f"Skipped {len(skipped) - SKIPPED_SHOWN} more (listed in the JSON report)")


def _summary(report) -> None:
    from ..models import Status
    from ..render.values import plural

    conflicts = len(report.by_status(Status.CONFLICT))
    agreements = len(report.by_status(Status.AGREEMENT))
    single = len(report.by_status(Status.SINGLE))
    stories = f" in {len(report.stories)} stories" if len(report.stories) > 1 else ""
    line = (
        f"{plural(len(report.articles), 'article')}{stories}: {plural(conflicts, 'conflict')}, "
        f"{plural(agreements, 'agreement')}, {plural(single, 'single-source claim')}"
    )
    if report.claim_book:
        line += f" (claim book: {report.claim_book})"
    if report.skipped:
        named = ", ".join(s.path for s in report.skipped[:SUMMARY_SKIPPED])
        more = len(report.skipped) - SUMMARY_SKIPPED
        line += f"; skipped {len(report.skipped)}: {named}" + (f" and {more} more" * (more > 0))
    _stderr(line)


def _exit_code(report, fail_on: str | None) -> int:
    from ..models import Status

    if fail_on == "conflict" and report.by_status(Status.CONFLICT):
        return 1
    if fail_on == "any" and report.groups:
        return 1
    return 0


PROGRESS_DELAY = 1.0
"""Seconds a run goes on before its progress bar shows: quick runs (warm ones) stay quiet."""


@contextmanager
def _progress(quiet: bool):
    """A progress bar on stderr for runs that take more than :data:`PROGRESS_DELAY`
    seconds; none with ``--quiet`` or when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    import threading

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=_stderr_console(),
    )
    task = bar.add_task("Reading articles", total=None)
    lock = threading.Lock()
    state = {"shown": False, "over": False}

    def show() -> None:
        with lock:
            if not state["over"]:
                bar.start()
                state["shown"] = True

    timer = threading.Timer(PROGRESS_DELAY, show)
    timer.daemon = True
    with interrupts.helpers_deaf():  # the timer's thread, and the bar's that it starts
        timer.start()

    stage = {"name": "Parsing articles"}

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=stage["name"])

    def next_stage(name: str) -> None:
        stage["name"] = name
        bar.update(task, completed=0, total=None, description=name)

    update.stage = next_stage  # the pipeline's later stages ("Comparing stories")

    try:
        yield update
    finally:
        timer.cancel()
        with lock:
            state["over"] = True
            if state["shown"]:
                bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def _errors():
    """Domain errors become one ``Error:`` line and exit 2; Ctrl-C exits 130 quietly, whatever
    it interrupted; any other exception is a bug: one line and exit 70
    (``$FACTCHECK_DEBUG`` shows it). See :mod:`factcheck.interrupts`."""
    with interrupts.handling():
        try:
            yield
        except KeyboardInterrupt:
            _interrupted()
        except FactcheckError as exc:
            if interrupts.pending():  # a Ctrl-C that a library turned into another error
                _interrupted()
            _stderr(f"Error: {exc.message}")
            sys.exit(2)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(0)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            if interrupts.pending():
                _interrupted()
            if os.environ.get(DEBUG_ENV):
                raise
            _stderr(
                f"Error: internal error ({type(exc).__name__}: {exc}); this is a bug in "
                f"factcheck, please report it with the input (set {DEBUG_ENV}=1 for the "
                "traceback)"
            )
            sys.exit(INTERNAL_ERROR)


def _interrupted() -> None:
    interrupts.stopping()
    _stderr("Interrupted.")
    sys.exit(INTERRUPTED)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
