"""Safe fixes: apply the replacements that rules mark safe (``Finding.fix``), and nothing else.

Guarantees, each tested:

* only findings with ``fix`` set (rules with ``safe_fix``), not suppressed, optionally only
  some rules, are applied; text outside their spans is byte-identical (a leading BOM and
  every line ending are kept);
* overlapping fixes are resolved deterministically: by start, then the longer span, then
  rule id; the losers are retried on the next pass, and passes repeat (at most
  ``MAX_PASSES``) until no fix is left, so running ``fix`` twice changes nothing the second
  time;
* the write is atomic (a temporary file in the same folder, ``fsync``, ``os.replace``) and
  keeps the file's permission bits; a symlink is followed and the file it names updated; a
  file with several hard links is rewritten in place (after its backup) so the links stay
  one file; a read-only file is refused;
* the original is copied to a backup first unless ``backup=False``: ``FILE.orig``, or
  ``FILE.2.orig``, ``FILE.3.orig``… when earlier backups exist (a backup is never
  overwritten); the backup's modification time is set to the fixed file's, so ``undo``
  (``mtcheck fix --undo``) restores the newest backup only while the file is as ``fix``
  left it (``force=True`` restores anyway);
* if the file changed on disk between the read and the write (mtime, size or content),
  nothing is written and ``FileChanged`` is raised.
"""

from __future__ import annotations

import difflib
import glob
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mtcheck.model import Finding
from mtcheck.safefiles import UnsafePath, atomic_write, read_regular, write_in_place

MAX_PASSES = 10
BOM = "\ufeff".encode()


class FixError(Exception):
    """A file that cannot be fixed; ``str()`` is the one-line message naming it."""


class FileChanged(FixError):
    """The file changed on disk while it was being fixed: it was not overwritten."""


@dataclass
class Snapshot:
    """A file's bytes and the stat figures that tell whether it changed since."""

    path: Path
    data: bytes
    mtime_ns: int
    size: int
    mode: int
    digest: str
    links: int = 1

    @classmethod
    def take(cls, path: Path) -> "Snapshot":
        try:
            data = read_regular(path)
            st = path.stat()
        except UnsafePath as e:
            raise FixError(f"{path}: {e}") from None
        except OSError as e:
            raise FixError(f"{path}: cannot read ({e.strerror or e})") from None
        return cls(path, data, st.st_mtime_ns, st.st_size, st.st_mode, hashlib.sha256(data).hexdigest(), st.st_nlink)

    def unchanged(self) -> bool:
        try:
            st = self.path.stat()
            if (st.st_mtime_ns, st.st_size) != (self.mtime_ns, self.size):
                return False
            return hashlib.sha256(self.path.read_bytes()).hexdigest() == self.digest
        except OSError:
            return False


@dataclass
class FixOutcome:
    path: Path
    original: str
    fixed: str
    applied: list[Finding] = field(default_factory=list)
    passes: int = 0
    unresolved: int = 0  # fixes still pending after MAX_PASSES (fix loop)
    written: bool = False
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        return unified_diff(self.original, self.fixed, str(self.path))


def select_fixes(findings: list[Finding], rules: set[str] | None = None) -> tuple[list[Finding], list[Finding]]:
    """The fixes to apply now and those deferred because they overlap an accepted one.

    Candidates: ``fix`` set, a target span, not suppressed, rule in ``rules`` (if given), and
    a replacement that differs from the text. Order: start, longer span first, rule id, fix
    text — so the choice never depends on the order the rules ran in.
    """
    candidates = [
        f
        for f in findings
        if f.fix is not None and f.target is not None and not f.suppressed and (rules is None or f.rule in rules)
    ]
    candidates.sort(key=lambda f: (f.target.start, -(f.target.end - f.target.start), f.rule, f.fix))
    accepted: list[Finding] = []
    deferred: list[Finding] = []
    for f in candidates:
        s, e = f.target.start, f.target.end
        if accepted:
            last = accepted[-1].target
            overlaps = s < last.end or (s == e == last.start == last.end)
            if overlaps:
                same = s == last.start and e == last.end and f.fix == accepted[-1].fix
                if not same:
                    deferred.append(f)
                continue
        accepted.append(f)
    return accepted, deferred


def apply_fixes(text: str, fixes: list[Finding], encode=None) -> str:
    """``text`` with each fix's span replaced (fixes must not overlap; see ``select_fixes``).

    ``encode(finding)`` turns the replacement into what the file format needs at that span
    (HTML/XLIFF escaping, JSON string escaping); by default it is inserted as is.
    """
    out = []
    pos = 0
    for f in sorted(fixes, key=lambda f: (f.target.start, f.target.end)):
        assert f.target.start >= pos, "overlapping fixes"
        out.append(text[pos : f.target.start])
        out.append(encode(f) if encode else f.fix)
        pos = f.target.end
    out.append(text[pos:])
    return "".join(out)


def unified_diff(old: str, new: str, path: str) -> str:
    """A ``git diff``-style unified diff, marking a last line without a newline."""
    lines = []
    before, after = (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")
    for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=before, tofile=after):
        lines.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def _decode(snapshot: Snapshot) -> tuple[bytes, str]:
    data = snapshot.data
    bom = BOM if data.startswith(BOM) else b""
    try:
        return bom, data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError as e:
        raise FixError(f"{snapshot.path}: not valid UTF-8 (byte {e.start + len(bom)}); nothing written") from None


def _check(path: Path, source: str | None, src: str, tgt: str, settings: dict[str, Any]) -> list[Any]:
    from mtcheck import pipeline

    return pipeline.check_file(path, source, src_lang=src, tgt_lang=tgt, settings=settings, find_by_name=False)


def _encoder(path: Path, settings: dict[str, Any]):
    """How a replacement is written into this file's format (see ``readers.encode_fix``)."""
    from mtcheck.readers import encode_fix

    return lambda text: (lambda f: encode_fix(path, text, f.target, f.fix, settings))


def compute(
    target: Path,
    source: str | None,
    *,
    src_lang: str | None,
    tgt_lang: str | None,
    settings: dict[str, Any],
    rules: set[str] | None = None,
) -> tuple[Snapshot, FixOutcome]:
    """Check ``target``, apply its safe fixes in memory (repeating until none is left).

    Every document the file holds counts (each article of a JSON export). Re-checks after a
    pass read a hidden scratch copy beside the file (so a JSON export's relative ``source``
    paths still resolve); it is always removed.
    """
    from mtcheck.pipeline import locate_source, resolve_languages
    from mtcheck.readers import format_of

    snapshot = Snapshot.take(target)
    bom, original = _decode(snapshot)
    settings = {**settings, "mt": False}  # no safe fix comes from MT; keep fix fast and offline
    if format_of(target) == "xliff":
        src, tgt = resolve_languages(target, source, src_lang, tgt_lang)
    else:
        found, src, tgt = locate_source(target, source, src_lang, tgt_lang)
        source = str(found) if found else None
    results = _check(target, source, src, tgt, settings)
    if any(r.target.text != original for r in results):  # the reader saw other bytes than we did
        raise FileChanged(f"{target}: changed on disk while being fixed; not overwritten (run fix again)")
    outcome = FixOutcome(target, original, original)
    findings = [f for r in results for f in r.findings]
    encoder = _encoder(target, settings)
    scratch: Path | None = None
    try:
        while outcome.passes < MAX_PASSES:
            accepted, _deferred = select_fixes(findings, rules)
            if not accepted:
                break
            outcome.passes += 1
            outcome.fixed = apply_fixes(outcome.fixed, accepted, encoder(outcome.fixed) if encoder else None)
            outcome.applied.extend(accepted)
            if scratch is None:
                scratch = _scratch(target)
            scratch.write_bytes(bom + outcome.fixed.encode("utf-8"))
            findings = [f for r in _check(scratch, source, src, tgt, settings) for f in r.findings]
        else:
            outcome.unresolved = len(select_fixes(findings, rules)[0])
    except OSError as e:
        raise FixError(f"{target}: cannot re-check the fixed text ({e.strerror}); nothing written") from None
    finally:
        if scratch is not None:
            scratch.unlink(missing_ok=True)
    return snapshot, outcome


def _scratch(target: Path) -> Path:
    """A hidden scratch file beside ``target`` (relative ``source`` paths of a JSON export
    still resolve), else in the temporary folder (a read-only folder: ``fix --diff``)."""
    prefix, suffix = f".{target.name}.", f".mtcheck-fix{target.suffix}"
    try:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    except OSError:
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix)
    os.close(fd)
    return Path(name)


def write(snapshot: Snapshot, outcome: FixOutcome, *, backup: bool = True) -> None:
    """Replace the file with the fixed text, unless it changed since ``snapshot``."""
    path = snapshot.path
    if not outcome.changed:
        return
    if not snapshot.mode & stat.S_IWUSR:
        raise FixError(f"{path}: is read-only; not fixed (make it writable to fix it)")
    bom = BOM if snapshot.data.startswith(BOM) else b""
    data = bom + outcome.fixed.encode("utf-8")
    if not snapshot.unchanged():
        raise FileChanged(f"{path}: changed on disk while being fixed; not overwritten (run fix again)")
    if backup:
        orig = _new_backup(path)
        try:
            atomic_write(orig, snapshot.data, mode=stat.S_IMODE(snapshot.mode))
        except OSError as e:
            raise FixError(f"{orig}: cannot write backup ({e.strerror}); nothing written") from None
        outcome.backup = orig
    try:
        if snapshot.links > 1:  # keep hard links: same inode, new content
            write_in_place(path, data, before_write=lambda: _still_unchanged(snapshot))
        else:
            atomic_write(path, data, mode=stat.S_IMODE(snapshot.mode), before_replace=lambda: _still_unchanged(snapshot))
    except OSError as e:
        raise FixError(f"{path}: cannot write ({e.strerror}); file left as it was") from None
    outcome.written = True
    if outcome.backup is not None:  # stamp the backup with the fixed file's time: undo checks it
        st = path.stat()
        os.utime(outcome.backup, ns=(st.st_atime_ns, st.st_mtime_ns))


def _still_unchanged(snapshot: Snapshot) -> None:
    if not snapshot.unchanged():
        raise FileChanged(f"{snapshot.path}: changed on disk while being fixed; not overwritten (run fix again)")


def _backups(path: Path) -> list[Path]:
    """The existing backups of ``path``, oldest first: ``FILE.orig``, ``FILE.2.orig``, …"""
    numbered = {}
    for candidate in path.parent.glob(glob.escape(path.name) + ".*orig"):
        middle = candidate.name[len(path.name) : -len("orig")]
        if middle == ".":
            numbered[1] = candidate
        elif middle[1:-1].isdigit() and middle[0] == middle[-1] == ".":
            numbered[int(middle[1:-1])] = candidate
    return [numbered[n] for n in sorted(numbered)]


def _new_backup(path: Path) -> Path:
    """The next backup name, after every existing one: a backup is never overwritten."""
    existing = _backups(path)
    if not existing:
        return path.with_name(f"{path.name}.orig")
    last = existing[-1].name[len(path.name) : -len("orig")].strip(".")
    return path.with_name(f"{path.name}.{int(last or 1) + 1}.orig")


def resolve_target(path: Path) -> Path:
    """The file to edit: a symlink's target, so the link itself survives the write."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def undo(path: Path, *, force: bool = False) -> Path:
    """Put the newest backup back in place of ``FILE`` (atomically) and remove it.

    Refused (unless ``force``) when ``FILE`` changed since the fix that made the backup:
    restoring would silently discard those edits.
    """
    real = resolve_target(path)
    if real.is_dir():
        raise FixError(f"{path}: is a directory; --undo takes the files fix changed")
    backups = _backups(real)
    if not backups:
        raise FixError(f"{path}: no backup {real.name}.orig to restore (fix --no-backup keeps none)")
    orig = backups[-1]
    try:
        if not orig.is_file() or orig.is_symlink():
            raise FixError(f"{path}: {orig.name} is not a regular file; not restored")
        if real.exists() and not force and real.stat().st_mtime_ns != orig.stat().st_mtime_ns:
            raise FixError(f"{path}: changed since the fix that made {orig.name}; not restored (--force restores it and discards those changes)")
        mode = stat.S_IMODE(real.stat().st_mode) if real.exists() else stat.S_IMODE(orig.stat().st_mode)
        if real.exists() and real.stat().st_nlink > 1:
            write_in_place(real, read_regular(orig))
            orig.unlink()
        else:
            os.chmod(orig, mode)
            os.replace(orig, real)
    except (OSError, UnsafePath) as e:
        raise FixError(f"{path}: cannot restore from {orig.name} ({getattr(e, 'strerror', None) or e})") from None
    return orig
