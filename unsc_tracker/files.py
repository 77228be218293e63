"""The user's files: text read as UTF-8 with errors that say where, and writes never half done.

Every file the library reads from the user (scenarios, data tables, ballot files) is UTF-8, with
or without a byte-order mark. A file saved in another encoding (an editor's "ANSI", Latin-1 or
Windows-1252) is refused, not guessed at: the error names the file, the line, the column and the
byte, and what the byte would be in Windows-1252, so the user can see the file was saved in the
wrong encoding and save it again as UTF-8.

Every file the library writes goes first to a temporary file in the target's folder, which is
flushed and synced to the disk, then renamed over the target (:func:`write_atomic`). A failure at
any point (a full disk, a file size limit, text that cannot be encoded, an interrupt) leaves the
target as it was, byte for byte, and no temporary file behind.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
>>> _ = path.write_bytes("Caf\\xe9\\n".encode("cp1252"))
>>> read_text(path, ValueError, "notes file")
Traceback (most recent call last):
ValueError: .../notes.txt, line 1, column 4: byte 0xe9 is not UTF-8 (in Windows-1252, "ANSI", it is 'é'): save the notes file as UTF-8
>>> write_atomic(path, "Café\\n", ValueError, "notes file") == path, read_text(path, ValueError)
(True, 'Café\\n')
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

__all__ = ["decode", "encoded", "read_text", "write_atomic"]

_Error = Callable[[str], Exception]
"""The caller's error: its class, or a function of the message that makes it."""


def read_text(path: str | os.PathLike[str], error: _Error, what: str = "file") -> str:
    """The text of the UTF-8 file at ``path``; ``error`` (the caller's error class) is raised,
    naming ``what`` the file is, for a file that cannot be read or is not UTF-8."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"a {what} is given by its path (str or Path), not {type(path).__name__}")
    where = Path(path)
    try:
        data = where.read_bytes()
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        raise error(f"{where}: cannot read the {what} ({_reason(err)})") from None
    return decode(data, str(where), error, what)


def decode(data: bytes, where: str, error: _Error, what: str = "file") -> str:
    """``data`` read as UTF-8 (a byte-order mark is dropped); ``error`` names the line, the
    column and the byte that is not UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise error(f"{where}: the {what} is UTF-16 text: save it as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        line = data.count(b"\n", 0, err.start) + 1
        column = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
        byte = data[err.start : err.start + 1]
        try:
            meant = f' (in Windows-1252, "ANSI", it is {byte.decode("cp1252")!r})'
        except UnicodeDecodeError:
            meant = ""
        raise error(
            f"{where}, line {line}, column {column}: byte 0x{byte.hex()} is not UTF-8{meant}: "
            f"save the {what} as UTF-8"
        ) from None


def encoded(text: str, path: str | os.PathLike[str], error: _Error, what: str = "file") -> bytes:
    """``text`` as UTF-8; ``error`` names ``path`` and the line of a lone surrogate, which no
    encoding can write."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as err:
        line = text.count("\n", 0, err.start) + 1
        raise error(
            f"{path}: cannot write the {what}: {text[err.start]!r} on line {line} is a lone "
            "surrogate, not a character UTF-8 can encode; the file was not changed"
        ) from None


def write_atomic(
    path: str | os.PathLike[str], text: str | bytes, error: _Error, what: str = "file"
) -> Path:
    """Write ``text`` (as UTF-8 when it is a string) to ``path`` all at once, or not at all;
    returns ``path``.

    The text goes to a temporary file in the same folder, flushed and synced, which is then
    renamed over the target (a link is followed: the file it points to is replaced). The target
    keeps its permissions; a new file gets those the process's umask allows. Any failure raises
    ``error`` naming the file (or, for an interrupt, lets the interrupt through) and leaves the
    target untouched and no temporary file.
    """
    target = Path(path)
    data = text if isinstance(text, bytes) else encoded(text, target, error, what)
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent
    if not folder.is_dir():
        raise error(f"{target}: cannot write the {what}: no folder {folder}")
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise error(f"{target}: cannot write the {what} ({_reason(err)})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as err:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(err, OSError | ValueError):  # ValueError: a NUL in the path
            raise error(
                f"{target}: cannot write the {what} ({_reason(err)}); the file was not changed"
            ) from None
        raise
    _sync(folder)
    return Path(path)


def _reason(err: Exception) -> str:
    return (err.strerror if isinstance(err, OSError) else None) or str(err)


def _sync(folder: Path) -> None:
    """Make the rename durable: sync the folder that holds the new entry (POSIX only)."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _umask() -> int:
    # Read from /proc where it can be: setting the umask to read it back is not thread-safe.
    with suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        return int(next(line for line in status.splitlines() if line.startswith("Umask:"))[6:], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
