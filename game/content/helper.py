"""Other processes that share the validator's work on big banks, on machines with two or more
cores. `Forked` runs one piece of work in a forked copy of the validator: started before the
bank is read, it can load what it needs meanwhile and be sent its input (the reading-level
helper loads the pronouncing dictionary); started after, it has the whole bank already and nothing
needs sending (the text-fit check).

The work is the same as in one process (the same functions); only where it runs differs. It is
used where processes can be forked (Linux); elsewhere, or if a helper fails in any way, the
validator does the work itself.
"""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")

BIG_BANK_BYTES = 400_000  # about 800 items: below this, one process is quick enough


def wanted(total_bytes: int) -> bool:
    return total_bytes >= BIG_BANK_BYTES and usable()


def usable() -> bool:
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2


class Forked(Generic[T]):
    """`work(connection)` run in a forked copy of this process; `send` gives it input (it
    receives with `connection.recv()`), and `result()` is what it returned."""

    def __init__(self, work: Callable[[Connection], T]) -> None:
        import multiprocessing
        context = multiprocessing.get_context("fork")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_run, args=(work, child), daemon=True)
        self.process.start()
        child.close()

    def send(self, value: Any) -> None:
        # from a thread: a large message would otherwise wait for the helper to read it
        threading.Thread(target=self.conn.send, args=(value,), daemon=True).start()

    def result(self, timeout: float = 300.0) -> T:
        """What `work` returned; raises RuntimeError if it failed, stopped or took too long."""
        try:
            if not self.conn.poll(timeout):
                raise RuntimeError("the helper took too long")
            status, payload = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise RuntimeError(f"the helper stopped ({exc})") from None
        finally:
            self.conn.close()
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(timeout=5)
        if status != "ok":
            raise RuntimeError(payload)
        return payload


def _run(work: Callable[[Connection], Any], conn: Connection) -> None:
    try:
        conn.send(("ok", work(conn)))
    except EOFError:  # the validator stopped before sending the input
        pass
    except BaseException as exc:  # reported to the validator, which then does the work itself
        try:
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        conn.close()


def reading_level_and_duplicates(conn: Connection) -> tuple[list[float], dict]:
    """For the texts sent, and the texts compared for duplicates: each text's reading grade,
    and the duplicate and near-duplicate pairs (checks.reading_grades and
    checks.duplicate_pairs, in a helper)."""
    from game.content import checks
    grade = checks.flesch_kincaid_grader()  # loads the dictionary while the bank is read
    texts, compared = conn.recv()
    return [grade(text) for text in texts], checks.duplicate_pairs(compared)
