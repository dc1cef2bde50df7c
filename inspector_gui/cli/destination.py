"""Where a command writes its file: the path given, or standard output for ``-o -`` (so a summary
or a chart can be piped). Binary formats are refused when standard output is a terminal, where
their bytes would only garble the screen."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inspector_gui.cli.common import fail
from inspector_gui.cli.output import say
from inspector_gui.exchange.atomic import check_target

STDOUT = Path("-")
BINARY_FORMATS = frozenset({"pdf", "png", "xlsx", "ods"})


def to_stdout(output: Path) -> bool:
    return output == STDOUT


def check_destination(output: Path, fmt: str, force: bool) -> None:
    """Refuse, before any work, a file we must not write or binary bytes meant for a terminal."""
    if not to_stdout(output):
        check_target(output, force)
    elif fmt in BINARY_FORMATS and sys.stdout.isatty():
        fail(f"-o -: {fmt.upper()} is binary and standard output is a terminal; "
             "redirect it (> FILE or | program) or give a file name")


@contextmanager
def destination(output: Path, fmt: str) -> Iterator[Path]:
    """The path to write to: ``output`` itself, or for ``-`` a temporary file whose bytes go to
    standard output once the block has written it whole: exactly to a pipe or file, a text format
    with its controls shown as escapes (as :func:`say` shows data) to a terminal."""
    if not to_stdout(output):
        yield output
        return
    with tempfile.TemporaryDirectory(prefix="inspector-") as folder:
        temp = Path(folder) / f"output.{fmt}"
        yield temp
        data = temp.read_bytes()
        if sys.stdout.isatty() and fmt not in BINARY_FORMATS:
            say(data.decode("utf-8-sig", errors="replace"), data=True)  # escaped for the screen
            return
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def shown(output: Path) -> str:
    """How messages name the destination."""
    return "standard output" if to_stdout(output) else str(output)


def report(message: str, output: Path) -> None:
    """What was written: on stdout, or on stderr when stdout carries the file itself."""
    say(message, err=to_stdout(output))
