"""Bytes → text lines: find a source file's encoding from its first bytes, then stream it.

UTF-8 (with or without BOM) is expected. UTF-16 (with or without BOM) and Latin-1/cp1252 are
decoded with a warning naming the encoding; binary data and undecodable bytes are an
`InputError` (`file:line: what is wrong — what to do`).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputError

Warn = Callable[[str], None]
SNIFF_BYTES = 65_536
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", None),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Control characters that never occur in text (tab, newlines, form feed and ESC excepted).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def sniff(head: bytes, file: str) -> tuple[str, str | None]:
    """(codec, label to warn about or None) for a file starting with `head`."""
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return codec, label
    if b"\x00" in head:
        return _utf16_without_bom(head, file)
    if head and sum(head.count(bytes([c])) for c in _CONTROL) > len(head) // 100:
        raise _binary(file)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1252")
        return "cp1252", "Windows-1252 (cp1252)"
    except UnicodeDecodeError:
        return "latin-1", "Latin-1 (ISO-8859-1)"


def _utf16_without_bom(head: bytes, file: str) -> tuple[str, str]:
    # Mostly-ASCII UTF-16 has a zero in every other byte: odd positions for little-endian.
    sample = head[: len(head) - len(head) % 2]
    half = max(len(sample) // 2, 1)
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > 0.6 * half and even < 0.05 * half:
        return "utf-16-le", "UTF-16 (little-endian, no BOM)"
    if even > 0.6 * half and odd < 0.05 * half:
        return "utf-16-be", "UTF-16 (big-endian, no BOM)"
    raise _binary(file)


def _binary(file: str) -> InputError:
    return InputError(
        file, 1, "binary data, not text", "give a catalogue page (.txt), JSON Lines or CSV file"
    )


def text_lines(path: Path, warn: Warn) -> Iterator[str]:
    """The lines of a text file (line ends removed), decoded as its first bytes suggest."""
    file = str(path)
    with path.open("rb") as raw:
        codec, label = sniff(raw.read(SNIFF_BYTES), file)
        if label:
            warn(f"{file}:1: text is {label}, not UTF-8 — decoded as {label}; re-save as UTF-8")
        raw.seek(0)
        if codec.startswith("utf-16"):
            yield from _wide_lines(raw, codec, file, label)
            return
        for number, line in enumerate(raw, start=1):
            if number == 1 and line == codecs.BOM_UTF8:
                continue  # a file that is nothing but a BOM has no lines
            try:
                text = line.decode(codec if number == 1 else codec.removesuffix("-sig"))
            except UnicodeDecodeError as err:
                raise _undecodable(file, number, label, err) from None
            yield text.rstrip("\r\n")


def _wide_lines(raw: IO[bytes], codec: str, file: str, label: str | None) -> Iterator[str]:
    # UTF-16 cannot be split on the byte b"\n": decode through a text wrapper instead.
    text = io.TextIOWrapper(raw, encoding=codec, errors="strict", newline=None)
    number = 0
    try:
        for number, line in enumerate(text, start=1):  # noqa: B007
            yield line.rstrip("\n")
    except UnicodeDecodeError as err:
        raise _undecodable(file, number + 1, label, err) from None
    finally:
        text.detach()


def _undecodable(file: str, line: int, label: str | None, err: UnicodeDecodeError) -> InputError:
    return InputError(
        file, line, f"bytes that are not valid {label or 'UTF-8'} ({err.reason})",
        "re-save the file as UTF-8",
    )  # fmt: skip
