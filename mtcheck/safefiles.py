"""File access that never loses what the user wrote and never leaves the checked tree.

* ``read_regular``: only regular files are read (``stat`` before ``open``, ``fstat`` after),
  so a FIFO, a device or a socket is refused instead of blocking or filling memory, and the
  size limit is enforced while reading, not trusted from ``st_size``.
* ``confined``: while a folder is checked, files that mtcheck finds by itself (walked
  targets, sources found by name, sources a JSON export names) must resolve inside the tree
  they were found in: a symlink to ``/etc/passwd`` is refused, never read or rewritten.
* ``atomic_write``: a temporary file beside the destination, ``fsync``, then ``os.replace``;
  a failed write (full disk, encoding error) leaves the previous file as it was.
* ``refuse_overwrite``: a report or baseline path that is one of the run's inputs (compared
  by resolved path and by inode) is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

MAX_BYTES = 20 * 1024 * 1024

_ROOT: contextvars.ContextVar[tuple[str, frozenset[str]] | None] = contextvars.ContextVar("mtcheck_read_root", default=None)


class UnsafePath(Exception):
    """A path mtcheck will not read or write; ``str()`` is the problem, without the path."""


def _real(path: str | Path) -> str:
    return os.path.realpath(os.path.abspath(path))


def is_within(path: str | Path, root: str | Path) -> bool:
    """Whether ``path`` (symlinks resolved) lies inside the folder ``root`` (resolved)."""
    real, top = _real(path), _real(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


@contextlib.contextmanager
def confined(root: str | Path | None, exempt: Iterable[str | Path] = ()) -> Iterator[None]:
    """Within the block, ``read_regular`` refuses files outside ``root`` except ``exempt`` ones
    (the files named on the command line, which the user chose)."""
    if root is None:
        yield
        return
    token = _ROOT.set((_real(root), frozenset(os.path.abspath(p) for p in exempt)))
    try:
        yield
    finally:
        _ROOT.reset(token)


def check_confined(path: str | Path) -> None:
    """Raise ``UnsafePath`` when ``path`` leads outside the active root (see ``confined``)."""
    active = _ROOT.get()
    if active is None:
        return
    root, exempt = active
    if os.path.abspath(path) in exempt or is_within(path, root):
        return
    raise UnsafePath(f"is a link to a file outside {root}; not read (name the file itself to check it)")


def read_regular(path: str | Path, limit: int = MAX_BYTES, *, anywhere: bool = False) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``UnsafePath``/``OSError`` else.
    ``anywhere``: a file the user named in the settings (a glossary, a baseline), read outside
    the active root too (see ``confined``)."""
    if not anywhere:
        check_confined(path)
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise UnsafePath("is not a regular file (a FIFO, device or socket); not read")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped between stat and open
            raise UnsafePath("is not a regular file (a FIFO, device or socket); not read")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise UnsafePath(f"file too large (over {limit / 2**20:.0f} MiB, the limit)")
    return data


def read_text(path: str | Path, encoding: str = "utf-8", *, anywhere: bool = False) -> str:
    """The text of a regular file (``read_regular``: never a FIFO, a device or a file over the limit)."""
    return read_regular(path, anywhere=anywhere).decode(encoding)


def read_json(path: Path, kind: str, missing: str, error: type[Exception]) -> object:
    """The value of a JSON file of mtcheck's own (a baseline, editors' decisions), or ``error``
    with one line: ``missing`` says how to make the file."""
    import json

    try:
        return json.loads(read_text(path, anywhere=True))
    except FileNotFoundError:
        raise error(f"{path}: no such {kind} file ({missing})") from None
    except (OSError, UnicodeDecodeError, UnsafePath) as e:
        raise error(f"{path}: cannot read {kind} ({getattr(e, 'strerror', None) or e})") from None
    except json.JSONDecodeError as e:
        raise error(f"{path}: not a {kind} file (invalid JSON at line {e.lineno})") from None
    except (ValueError, RecursionError):  # a number over 4,300 digits, nesting past the stack
        raise error(f"{path}: not a {kind} file (JSON nested too deeply or a number too long)") from None


def atomic_write(path: Path, data: bytes | str | Iterable[str], *, mode: int | None = None, before_replace=None) -> None:
    """Replace ``path`` with ``data`` all at once (keeping an existing file's mode and owner).

    ``data`` may come in pieces (text written as it is made: a large report is never whole in
    memory). A symlink is followed (the file it names is replaced, the link kept). Anything that
    fails before the final ``os.replace`` leaves the old file untouched and no temporary file behind.
    """
    pieces = [data] if isinstance(data, (bytes, str)) else data
    if _is_stream(path):  # -o /dev/stdout, a pipe: written as it is, not replaced
        with open(path, "wb") as f:
            _write_pieces(f, pieces)
        return
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if mode is None:
        mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    import tempfile  # only when writing: a check that prints its report never needs it

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".mtcheck-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            _write_pieces(f, pieces)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if st is not None:
            with contextlib.suppress(OSError, AttributeError):  # not the owner: keep ours
                os.chown(tmp, st.st_uid, st.st_gid)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_pieces(f: IO[bytes], pieces: Iterable[bytes | str]) -> None:
    for piece in pieces:
        f.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


class PendingFile:
    """A text file written beside ``path`` and put in its place only by ``commit``.

    Until then the previous ``path`` (if any) is untouched; ``discard`` removes the draft.
    """

    def __init__(self, path: Path) -> None:
        self._tmp: str | None = None
        self._error: OSError | None = None  # a failed write, raised by ``commit``
        if _is_stream(path):  # -o /dev/stdout, a pipe: written as it comes
            self.path = path
            self._file = open(path, "w", encoding="utf-8")
            return
        self.path = Path(os.path.realpath(path)) if path.is_symlink() else path
        import tempfile

        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".mtcheck-tmp", dir=self.path.parent)
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, text: str) -> None:
        if self._error is None:
            try:
                self._file.write(text)
            except OSError as e:
                self._error = e

    def flush(self) -> None:
        if self._error is None:
            try:
                self._file.flush()
            except OSError as e:
                self._error = e

    def commit(self) -> None:
        if self._tmp is None:
            self._file.close()
            return
        try:
            if self._error is not None:
                raise self._error
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.chmod(self._tmp, 0o666 & ~_umask())
            os.replace(self._tmp, self.path)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)


def write_in_place(path: Path, data: bytes, before_write=None) -> None:
    """Overwrite ``path``'s content in place (keeps its inode: hard links stay linked)."""
    if before_write is not None:
        before_write()
    with open(path, "r+b") as f:
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())


def _is_stream(path: Path) -> bool:
    """Whether ``path`` (links followed) exists and is not a regular file: a terminal, a pipe."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: the same resolved path, or the same inode."""
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_overwrite(output: Path, inputs: Iterable[str | Path], what: str) -> None:
    """Raise ``UnsafePath`` when writing ``what`` to ``output`` would replace one of ``inputs``."""
    if output.is_dir():
        raise UnsafePath(f"is a directory; the {what} needs a file name")
    for p in inputs:
        if same_file(output, p):
            raise UnsafePath(f"is an input of this run ({p}); the {what} would replace it: choose another file")
