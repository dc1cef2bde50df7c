"""Image sizes given on a command line (``1400x900``), shared by ``inspector chart`` and
``inspector-gui --screenshot``."""

from __future__ import annotations

import re

MIN_SIZE, MAX_SIZE = 200, 10000
_SIZE = re.compile(r"^\s*(\d+)\s*[xX×]\s*(\d+)\s*$")


def parse_size(text: str) -> tuple[int, int]:
    """``1400x900`` → ``(1400, 900)``; raises ValueError unless each side is 200 to 10000 pixels."""
    match = _SIZE.match(text)
    width, height = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
    if not (MIN_SIZE <= width <= MAX_SIZE and MIN_SIZE <= height <= MAX_SIZE):
        raise ValueError(f"size {text!r}: expected WIDTHxHEIGHT, each {MIN_SIZE} to {MAX_SIZE} "
                         "pixels, e.g. 1400x900")
    return width, height
