"""Run one step of the build in a forked child process and get its result back.

For a step whose working memory grows with the catalogue (the key table while keys are
assigned): the child's memory goes back to the system when it exits, where the build process
would keep it (Python rarely returns freed memory), and the map + validate workers forked
afterwards do not start from it. Or for a step that can run beside the build process's own
work (harvesting beside the dumps): it gets a core and an interpreter lock of its own. The
result, or the exception, comes back pickled; kg's errors keep their fields (an `InputError`
still names its file and line).
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def in_child(step: Callable[..., T], *args: Any) -> T:
    """`step(*args)` in a forked process: its result, or its exception raised here."""
    return started_in_child(step, *args).result()


def started_in_child(step: Callable[..., T], *args: Any) -> Running[T]:
    """`step(*args)` started in a forked process while this one goes on; `result()` waits.
    Fork before starting threads: a forked child gets only the thread that forked it."""
    return Running(step, *args)


class Running(Generic[T]):
    """A step running in a forked child process."""

    def __init__(self, step: Callable[..., T], *args: Any) -> None:
        fork = multiprocessing.get_context("fork")
        self._name = step.__name__
        self._receive, send = fork.Pipe(duplex=False)
        self._process = fork.Process(target=_run, args=(send, step, args), daemon=True)
        self._process.start()
        send.close()

    def result(self) -> T:
        """The step's result, or its exception raised here, once the child has ended."""
        try:
            kind, payload = self._receive.recv()
        except EOFError:
            self._process.join()
            died = f"a build step died ({self._name}, exit {self._process.exitcode})"
            raise RuntimeError(died) from None
        finally:
            self._receive.close()
        self._process.join()
        if kind == "error":
            raise rebuilt(*payload)
        return payload  # type: ignore[no-any-return]

    def stop(self) -> None:
        """End the child at once (the build failed elsewhere: its work is not wanted)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receive.close()


def _run(send: Any, step: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        result: tuple[str, Any] = ("ok", step(*args))
    except BaseException as err:  # every failure goes back to the build process
        result = ("error", error_fields(err))
    try:
        send.send(result)
    except Exception as err:  # an answer that does not pickle: say so rather than die mute
        send.send(("error", (RuntimeError, (f"{step.__name__}: {err}",), {}, "")))
    send.close()


def error_fields(err: BaseException) -> tuple[Any, ...]:
    """What `rebuilt` needs to raise `err` again in another process (it pickles)."""
    return (type(err), err.args, vars(err), traceback.format_exc())


def rebuilt(
    kind: type[BaseException], args: tuple[Any, ...], fields: dict[str, Any], trace: str
) -> BaseException:
    """The child's exception as an instance of its own class, whatever its constructor takes."""
    error = kind.__new__(kind)
    error.args = args
    vars(error).update(fields)
    error.add_note(f"(in a build step's child process)\n{trace}")
    return error
