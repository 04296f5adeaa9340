"""The batch's worker pool: apply one function to many pages, in N processes, results in input order.

``run_pages`` takes the ``Item``s a ``PageReader`` yields and gives back one
result per page, in input order, with a bounded number of pages in flight. A
page whose work raises gives an error, not the batch's end; a worker process
that dies (killed, out of memory, crashed) costs only the page it was on:
the pool is rebuilt and the pages it lost are run again one by one, to blame
only the page that kills its worker.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

import attrs

from qhnews._errors import QhnewsError

__all__ = ["Item", "run_pages"]

T = TypeVar("T")

#: Pages in flight per worker process: enough to keep workers busy while the
#: head of the queue is slow, few enough to keep memory flat.
_WINDOW_PER_JOB = 8

#: One page to work on: ``(source, text, None)``, or ``(source, None, error)``
#: for an input that could not be read.
Item = tuple[str, str | None, str | None]


def _call(work: Callable[[str, str], T], source: str, text: str) -> tuple[T | None, str | None]:
    """Run ``work`` on one page; an exception becomes the page's error, not the batch's."""
    try:
        return work(source, text), None
    except QhnewsError as exc:
        return None, str(exc)
    except Exception as exc:  # a parser bug on one page must not stop the others
        return None, _describe(source, exc)


def _describe(source: str, exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{source}: cannot parse ({type(exc).__name__}{': ' + lines[0] if lines else ''})"


def _quiet_worker() -> None:  # pragma: no cover - runs in the worker processes
    # Ctrl-C is the parent's to handle: it cancels what is queued and waits for what runs.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@attrs.define
class _Slot(Generic[T]):
    source: str
    text: str | None
    error: str | None
    future: Future[tuple[T | None, str | None]] | None = None


class _Pool(Generic[T]):
    """A process pool that survives a worker dying (killed, out of memory, crashed)."""

    def __init__(self, work: Callable[[str, str], T], jobs: int) -> None:
        self.work, self.jobs = work, jobs
        self.pool = self._new(jobs)

    @staticmethod
    def _new(jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_worker)

    def submit(self, slot: _Slot[T]) -> None:
        if slot.text is not None:
            slot.future = self.pool.submit(_call, self.work, slot.source, slot.text)

    def result(self, slot: _Slot[T], pending: Iterable[_Slot[T]]) -> tuple[str, T | None, str | None]:
        if slot.future is None:
            return slot.source, None, slot.error
        try:
            value, error = slot.future.result()
        except BrokenProcessPool:
            self._recover([slot, *pending])
            assert slot.future is not None
            value, error = slot.future.result()
        except Exception as exc:  # e.g. a result that cannot be pickled: this page's error
            value, error = None, _describe(slot.source, exc)
        return slot.source, value, error

    def _recover(self, slots: list[_Slot[T]]) -> None:
        """Run each page the broken pool lost alone, to blame only the one that kills its worker."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        for slot in slots:
            lost = slot.future
            if lost is None or lost.cancelled() or not isinstance(lost.exception(), BrokenProcessPool):
                continue
            assert slot.text is not None
            solo = self._new(1)
            result: tuple[T | None, str | None]
            try:
                result = solo.submit(_call, self.work, slot.source, slot.text).result()
            except BrokenProcessPool:
                result = (None, f"{slot.source}: worker process died while parsing this page")
            except Exception as exc:  # as in result()
                result = (None, _describe(slot.source, exc))
            finally:
                solo.shutdown(wait=True, cancel_futures=True)
            slot.future = Future()
            slot.future.set_result(result)
        self.pool = self._new(self.jobs)
        for slot in slots:  # pages submitted to the old pool and never started
            if slot.future is not None and slot.future.cancelled():
                self.submit(slot)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_pages(
    items: Iterable[Item], work: Callable[[str, str], T], *, jobs: int = 1
) -> Generator[tuple[str, T | None, str | None], None, None]:
    """Apply ``work(source, text)`` to every page, in ``jobs`` processes, yielding in input order.

    Yields ``(source, value, None)`` for a page ``work`` handled and
    ``(source, None, error)`` for one it raised on or that could not be read.
    With ``jobs > 1``, ``work`` must be picklable (a module-level function or a
    ``functools.partial`` of one); results are yielded as soon as every page
    before them is done, with a bounded number of pages in flight.
    """
    if jobs <= 1:
        for source, text, error in items:
            if text is None:
                yield source, None, error
            else:
                yield (source, *_call(work, source, text))
        return
    pool: _Pool[T] = _Pool(work, jobs)
    queue: deque[_Slot[T]] = deque()
    try:
        for source, text, error in items:
            slot: _Slot[T] = _Slot(source, text, error)
            pool.submit(slot)
            queue.append(slot)
            while len(queue) > jobs * _WINDOW_PER_JOB or (queue and _ready(queue[0])):
                head = queue.popleft()
                yield pool.result(head, queue)
        while queue:
            head = queue.popleft()
            yield pool.result(head, queue)
    finally:
        pool.close()


def _ready(slot: _Slot[T]) -> bool:
    return slot.future is None or slot.future.done()
