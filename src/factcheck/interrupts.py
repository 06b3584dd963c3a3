"""Ctrl-C that always stops a run, at any stage, with exit status 130.

Python turns SIGINT into a ``KeyboardInterrupt`` wherever the main thread happens to be,
and there it can be lost or disguised:

* code that must not raise swallows it: a weakref callback or a ``__del__`` prints
  "Exception ignored in ..." and goes on, and some C code clears the error (``abc``'s
  ``__subclasscheck__``, met while spaCy is imported); the run then finishes and exits 0;
* code that wraps it: an interrupt inside a class body's ``__set_name__`` becomes a
  ``RuntimeError``, which would read as a bug (exit 70);
* an interrupt that ends a string ``exec`` (dataclasses, namedtuples and pydantic build
  methods that way while modules load) sets CPython's "unhandled KeyboardInterrupt" flag
  even when the exception is caught; under ``python -m`` the interpreter then kills itself
  with SIGINT at exit (status -2), after factcheck printed "Interrupted." and asked for 130.

So factcheck installs its own handler (:func:`handling`): it records the interrupt and
raises :class:`Interrupted`, a subclass that CPython's flag does not match (it compares the
type exactly); each stage calls :func:`checkpoint`, which raises again an interrupt that was
lost; the command reads :func:`pending` to map whatever ends the run after a Ctrl-C to 130;
and once the run is stopping (:func:`stopping`) or over, another Ctrl-C is only recorded.

:func:`checkpoint` also holds a test hook: with ``FACTCHECK_PAUSE_AT=stage`` the run stops at
that stage, creates the file ``$FACTCHECK_PAUSE_FILE`` and waits there for a signal, so that a
test interrupts every stage deterministically instead of guessing when to send the signal.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PAUSE_ENV = "FACTCHECK_PAUSE_AT"
"""Test hook: the stage (one of :data:`STAGES`) to wait at."""
PAUSE_FILE_ENV = "FACTCHECK_PAUSE_FILE"
"""Test hook: the file created when the run waits at that stage."""
PAUSE_LIMIT = 120.0
"""Seconds a paused run waits for its signal before going on."""
STAGES = ("fetch", "load", "parse", "split", "compare", "write")
"""Where a run calls :func:`checkpoint`, in order (``fetch`` while links download)."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, raised by factcheck's handler."""


@dataclass
class _State:
    installed: bool = False
    pending: bool = False
    stopping: bool = False
    owner: bool = False
    paused: bool = False


_state = _State()


def own_process() -> None:
    """Say that this process is the command line's own: when the run ends, Ctrl-C stays
    ignored until the process exits (a test runner's process gets its handler back)."""
    _state.owner = True


def _on_sigint(signum, frame) -> None:
    _state.pending = True
    if not _state.stopping:
        raise Interrupted


@contextmanager
def handling() -> Iterator[None]:
    """Handle Ctrl-C as this module says for the duration of a run (in the main thread;
    elsewhere, and when already handling, nothing changes)."""
    if _state.installed or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _on_sigint)
    _state.installed, _state.pending, _state.stopping = True, False, False
    try:
        yield
    finally:
        _state.stopping = True
        if _state.owner:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run is over: nothing to stop
        else:
            signal.signal(signal.SIGINT, previous)
        _state.installed = False


def pending() -> bool:
    """True once Ctrl-C was pressed during this run."""
    return _state.pending


def stopping() -> None:
    """The run is stopping on an interrupt: a further Ctrl-C is recorded, not raised."""
    _state.stopping = True


def checkpoint(stage: str) -> None:
    """Between two steps of a stage: raise :class:`Interrupted` when a Ctrl-C came and was
    lost on the way (see the module's notes); and the test hook of :data:`PAUSE_ENV`."""
    if _state.pending and not _state.stopping:
        raise Interrupted
    if not _state.paused and os.environ.get(PAUSE_ENV) == stage:
        _state.paused = True
        _pause()


def _pause() -> None:
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).touch()
    deadline = time.monotonic() + PAUSE_LIMIT
    while time.monotonic() < deadline:
        time.sleep(0.05)  # a signal interrupts the sleep; the handler raises here
        if _state.pending and not _state.stopping:
            raise Interrupted


@contextmanager
def deaf_children() -> Iterator[None]:
    """Start worker processes deaf to Ctrl-C without losing one meant for this process.

    A terminal's Ctrl-C reaches the whole process group, workers still starting included;
    they inherit an ignored SIGINT through ``exec`` (Python leaves it ignored), so it is
    ignored here meanwhile. It is also blocked, which keeps a SIGINT sent now pending
    instead of discarded: it reaches this process's handler once that is back.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    from multiprocessing import resource_tracker

    # started now, or it starts with the workers and unblocks SIGINT behind our back
    resource_tracker.ensure_running()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def helpers_deaf() -> Iterator[None]:
    """Start helper threads (a progress bar's) with SIGINT blocked, so that the kernel never
    hands them a Ctrl-C meant for the main thread, which alone runs Python's handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
