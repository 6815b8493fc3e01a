"""Bytes → text lines: find a source file's encoding from its first bytes, then stream it.

UTF-8 (with or without BOM) is expected. UTF-16 (with or without BOM) and Latin-1/cp1252 are
decoded with a warning naming the encoding; binary data and undecodable bytes are an
`InputError` (`file:line: what is wrong — what to do`).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO

from kg.errors import InputError

Warn = Callable[[str], None]
SNIFF_BYTES = 65_536
CHUNK_BYTES = 1 << 20
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
    controls = len(head) - len(head.translate(None, _CONTROL))  # one pass, not one per byte
    if head and controls > len(head) // 100:
        raise _binary(file)
    if head.isascii():
        return "utf-8", None  # ASCII is UTF-8: no need to decode it to know
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


def text_lines(path: Path, warn: Warn, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """The lines of a text file (line ends removed), decoded as its first bytes suggest.

    Only `\n` ends a line (a `\r` before it is removed); UTF-8 and the single-byte encodings
    are decoded `chunk_bytes` of whole lines at a time.
    """
    # Lists of lines flattened by `chain`: no Python frame runs for each line.
    return chain.from_iterable(_line_lists(path, warn, chunk_bytes))


def _line_lists(path: Path, warn: Warn, chunk_bytes: int) -> Iterator[list[str]]:
    file = str(path)
    with path.open("rb") as raw:
        codec, label = sniff(raw.read(SNIFF_BYTES), file)
        if label:
            warn(f"{file}:1: text is {label}, not UTF-8 — decoded as {label}; re-save as UTF-8")
        raw.seek(0)
        if codec.startswith("utf-16"):
            yield from ([line] for line in _wide_lines(raw, codec, file, label))
            return
        first = raw.readline()
        if not first or first == codecs.BOM_UTF8:
            return  # an empty file, or one that is nothing but a BOM, has no lines
        yield [_decode_line(first, codec, file, 1, label).rstrip("\r\n")]
        yield from _narrow_lines(raw, codec.removesuffix("-sig"), file, label, chunk_bytes)


def _narrow_lines(
    raw: IO[bytes], codec: str, file: str, label: str | None, chunk_bytes: int
) -> Iterator[list[str]]:
    """Lines 2… of an ASCII-compatible encoding, decoded a chunk of whole lines at a time
    (one decode per megabyte rather than one per line; a line may span chunks)."""
    number = 2
    pending: list[bytes] = []
    while chunk := raw.read(chunk_bytes):
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            pending.append(chunk)
            continue
        pending.append(chunk[:cut])
        lines = _decode_lines(b"".join(pending), codec, file, number, label)
        pending = [chunk[cut:]]
        number += len(lines)
        yield lines
    if rest := b"".join(pending):
        yield _decode_lines(rest, codec, file, number, label)


def _decode_lines(block: bytes, codec: str, file: str, number: int, label: str | None) -> list[str]:
    """The lines of `block` (whole lines; the last may lack its line end), the first of them
    line `number` of the file."""
    try:
        text = block.decode(codec)
    except UnicodeDecodeError as err:
        # Find the line at fault, with the reason its own decoding gives.
        pieces = block.split(b"\n")
        for offset, line in enumerate(pieces):
            end = b"\n" if offset < len(pieces) - 1 else b""
            _decode_line(line + end, codec, file, number + offset, label)
        raise _undecodable(file, number, label, err) from None  # some line fails first
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if "\r" in text:
        lines = [line.rstrip("\r") for line in lines]
    return lines


def _decode_line(line: bytes, codec: str, file: str, number: int, label: str | None) -> str:
    try:
        return line.decode(codec)
    except UnicodeDecodeError as err:
        raise _undecodable(file, number, label, err) from None


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
