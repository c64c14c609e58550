"""Many documents in one run: discovery under folders, parallel checking, progress, summary.

``discover`` turns the command line's TARGETs into jobs: a file is checked as given; a
folder is walked recursively (sorted, symlinked folders not followed) for files in a format
the readers handle (``mtcheck.readers.SUFFIXES``) tagged with the target language
(``*.en.txt``, ``*.en.md``, ``*.en.html``, ``*.en.json``, …; an XLIFF file needs no tag, it
holds both sides) that ``include`` globs admit and ``exclude`` globs (plus
``DEFAULT_EXCLUDE``) do not; files tagged with another language are sources or other
languages and are skipped. Each job's source is found by the naming convention
(``pipeline.check_file``).

``run`` checks jobs in-process (one job, or ``jobs == 1``) or in a
``ProcessPoolExecutor`` and yields each outcome as it finishes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mtcheck.config import Config, any_match
from mtcheck.pipeline import lang_tag, swap_tag
from mtcheck.safefiles import confined, is_within

TARGET_SUFFIXES = {".txt", ".md", ".markdown"}
BILINGUAL_SUFFIXES = {".xlf", ".xliff"}
DEFAULT_EXCLUDE = [".*", "node_modules", "__pycache__", "venv", "build", "dist", "*.orig"]


def _reader_suffixes() -> set[str]:
    """The suffixes the readers handle (they may declare more than text and Markdown)."""
    from mtcheck import readers

    declared = getattr(readers, "SUFFIXES", None) or getattr(readers, "SUPPORTED_SUFFIXES", None)
    return {s.lower() for s in declared} if declared else set(TARGET_SUFFIXES)


class Job:
    """One document to check: its target, explicit source, languages and settings; ``root``: files
    found by mtcheck must resolve inside it (``safefiles.confined``); ``exempt``: files named on
    the command line, read wherever they lead. (The classes of this module are plain ones: a
    dataclass costs about 0.2 ms to create on every start.)"""

    def __init__(
        self,
        index: int,
        target: str,
        source: str | None,
        src_lang: str | None,
        tgt_lang: str | None,
        settings: dict[str, Any],
        find_by_name: bool = True,
        root: str | None = None,
        exempt: tuple[str, ...] = (),
    ) -> None:
        self.index, self.target, self.source = index, target, source
        self.src_lang, self.tgt_lang, self.settings = src_lang, tgt_lang, settings
        self.find_by_name, self.root, self.exempt = find_by_name, root, exempt


class Outcome:
    """What one job produced: its results (one per document in the file) and its input errors
    (the file's, or those of the articles of a JSON export that could not be checked);
    ``dropped``: findings removed by a baseline; ``internal``: the error is a bug (exit 3), not
    the input's fault."""

    def __init__(
        self,
        job: Job,
        results: list[Any] | None = None,
        errors: list[str] | None = None,
        seconds: float = 0.0,
        dropped: int = 0,
        internal: bool = False,
    ) -> None:
        self.job, self.results, self.errors = job, [] if results is None else results, [] if errors is None else errors
        self.seconds, self.dropped, self.internal = seconds, dropped, internal


class Discovery:
    """The target files the command line names or its folders hold, and what was found on the way."""

    def __init__(self) -> None:
        self.targets: list[str] = []
        self.walked = False  # a folder was among the TARGETs
        self.empty_dirs: list[str] = []
        self.unreadable: list[str] = []  # one-line messages: folders that could not be listed
        self.roots: dict[str, str] = {}  # target → the tree it must stay in
        self.folders: list[str] = []  # the folders walked
        self.named: set[str] = set()  # targets named on the command line

    def confinement(self, target: str, source: Path | None = None) -> tuple[str | None, tuple[str, ...]]:
        """The root and exempt files for checking or fixing ``target`` (see ``safefiles.confined``)."""
        exempt = [str(source)] if source is not None else []
        if target in self.named:  # the user chose it, wherever it leads (fix edits the link's file)
            exempt += [target, os.path.realpath(target)]
        return self.roots.get(target), tuple(exempt)

    def input_files(self, config: Config, source: Path | None = None) -> list[str]:
        """Every file this run reads: targets, their sources, glossaries and the configuration."""
        from mtcheck.pipeline import locate_source
        from mtcheck.readers import InputError

        files = [*self.targets, *([str(source)] if source is not None else [])]
        files += [str(config.path)] if config.path is not None else []
        for target in self.targets:
            files += [str(g) for g in config.get("glossary", target) or []]
            if source is None:
                src_lang, tgt_lang = config.languages(target)
                try:
                    found = locate_source(target, None, src_lang, tgt_lang)[0]
                except InputError:
                    continue
                files += [str(found)] if found is not None else []
        return files

    def claims(self, path: Path, config: Config) -> bool:
        """Whether a file at ``path`` would be checked by a later run over the same folders."""
        tag = lang_tag(path.name)
        tagged = tag is not None and tag in (config.get("tgt-lang") or "en", config.get("src-lang")) or path.suffix.lower() in BILINGUAL_SUFFIXES
        return tagged and path.suffix.lower() in _reader_suffixes() and any(is_within(path, f) for f in self.folders)


def walk(
    folder: Path, config: Config, tgt_lang: str, src_lang: str | None, suffixes: set[str], unreadable: list[str] | None = None
) -> list[str]:
    """Target files under ``folder`` (see the module docstring), sorted; folders that cannot be
    listed are added to ``unreadable`` as one-line messages, never skipped silently."""
    include = config.get("include")
    exclude = DEFAULT_EXCLUDE + config.get("exclude")
    found = []
    root = folder.resolve()

    def refused(e: OSError) -> None:
        if unreadable is not None:
            unreadable.append(f"{e.filename}: cannot list this folder ({e.strerror or e}); its files were not checked")

    for dirpath, dirnames, filenames in os.walk(folder, onerror=refused):
        rel_dir = Path(dirpath).resolve()
        keep = []
        for d in sorted(dirnames):
            rel = config.relpath(rel_dir / d)
            if not any_match(exclude, rel) and not any_match(exclude, _rel_to(root, rel_dir / d)):
                keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if path.suffix.lower() not in suffixes:
                continue
            tag = lang_tag(name)
            bilingual = path.suffix.lower() in BILINGUAL_SUFFIXES and tag is None  # XLIFF holds both sides
            if not bilingual and (tag != tgt_lang or (src_lang is not None and tag == src_lang)):
                continue
            rel = config.relpath(path)
            if any_match(exclude, rel) or any_match(exclude, _rel_to(root, path)):
                continue
            if include and not (any_match(include, rel) or any_match(include, _rel_to(root, path))):
                continue
            found.append(str(path))
    return found


def _rel_to(root: Path, path: Path) -> str:
    try:
        return (Path(os.path.realpath(path.parent)) / path.name).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(
    targets: list[Path],
    config: Config,
    *,
    force_exclude: bool = False,
    pair_sources: bool = False,
) -> Discovery:
    """Expand folders into target files; with ``pair_sources``, a listed source stands for its target."""
    from mtcheck.pipeline import DEFAULT_PAIR

    src_cfg, tgt_cfg = config.languages()
    tgt_lang = tgt_cfg or DEFAULT_PAIR[1]
    src_lang = src_cfg or (DEFAULT_PAIR[0] if tgt_lang != DEFAULT_PAIR[0] else DEFAULT_PAIR[1])
    suffixes = _reader_suffixes()
    out = Discovery()
    seen: set[str] = set()

    def add(path: str, root: str, named: bool = False) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            out.targets.append(path)
            out.roots[path] = root
            if named:
                out.named.add(path)

    exclude = DEFAULT_EXCLUDE + config.get("exclude")
    for target in targets:
        if target.is_dir():
            out.walked = True
            out.folders.append(str(target))
            files = walk(target, config, tgt_lang, src_lang, suffixes, out.unreadable)
            if not files:
                out.empty_dirs.append(str(target))
            for f in files:
                add(f, str(target))
            continue
        if force_exclude and any_match(exclude, config.relpath(target)):
            continue
        if pair_sources:
            tag = lang_tag(target.name)
            if tag is not None and tag != tgt_lang:
                counterpart = swap_tag(target, tgt_lang)
                if tag == src_lang and counterpart is not None and counterpart.is_file():
                    add(str(counterpart), _named_root(counterpart), named=True)
                continue  # a source (or another language) is not a target
        add(str(target), _named_root(target), named=True)
    return out


def _named_root(target: Path) -> str:
    """The tree a named file's companions (its source by name) must stay in: the working
    folder when the file is inside it (a hook run in a repository), else the file's folder."""
    cwd = os.getcwd()
    return cwd if is_within(os.path.abspath(target), cwd) else os.path.dirname(os.path.abspath(target))


# ---------------------------------------------------------------------------- running


def check_job(job: Job) -> Outcome:
    """Check one job; input errors become the outcome's message, never an exception."""
    from mtcheck.pipeline import ArticleErrors, check_file
    from mtcheck.readers import InputError
    from mtcheck.terminal import escape_controls, has_controls

    start = time.perf_counter()
    if has_controls(job.target):  # no report could name it reliably (or print it safely)
        job.target = escape_controls(job.target, newlines=True)
        return Outcome(job, errors=[f"{job.target}: the file name holds bytes that are not UTF-8 or control characters; rename it"])
    try:  # one result per document the file holds (JSON exports: per article)
        with confined(job.root, job.exempt):
            results = check_file(
                job.target, job.source, src_lang=job.src_lang, tgt_lang=job.tgt_lang, settings=job.settings, find_by_name=job.find_by_name
            )
    except ArticleErrors as e:  # the other articles were checked
        return Outcome(job, results=e.results, errors=e.problems, seconds=time.perf_counter() - start)
    except InputError as e:
        return Outcome(job, errors=[str(e)], seconds=time.perf_counter() - start)
    except OSError as e:  # unreadable (permissions, I/O error): this file's input error
        return Outcome(job, errors=[f"{e.filename or job.target}: cannot read ({e.strerror or e})"], seconds=time.perf_counter() - start)
    except Exception as e:  # a bug in a rule must not sink a whole batch: report it as this file's error
        if os.environ.get("MTCHECK_DEBUG"):
            raise
        message = f"{job.target}: internal error while checking ({type(e).__name__}: {e}"[:500]
        message += "); please report it (rerun with --debug for the traceback)"
        return Outcome(job, errors=[" ".join(message.split())], seconds=time.perf_counter() - start, internal=True)
    return Outcome(job, results=results, seconds=time.perf_counter() - start)


def document_label(result: Any) -> str:
    """The target's path, plus ``#<article id>`` for one article of a multi-article JSON file."""
    from mtcheck.report.shared import article_id

    article = article_id(result)
    return f"{result.target.path}#{article}" if article else result.target.path


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def run(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    """Each job's outcome as it finishes (in-process when one worker suffices).

    With several workers, the first job is checked here first: that warms this process's
    caches (compiled patterns, word lists: most of a cold first document's time), which the
    forked workers then inherit instead of each paying for it. The pool is started and every
    other job submitted before this returns, so the workers are forked before any thread
    (the progress timer) exists.
    """
    workers = min(workers or default_jobs(), len(jobs)) or 1
    if workers == 1:
        return (check_job(job) for job in jobs)
    import concurrent.futures as cf
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    # fork shares the already imported pipeline with the workers (fast start); elsewhere the
    # platform default (spawn) re-imports it.
    method = "fork" if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods() else None
    first = check_job(jobs[0])  # warm caches before forking
    pool = cf.ProcessPoolExecutor(
        max_workers=min(workers, len(jobs) - 1), mp_context=multiprocessing.get_context(method), initializer=_ignore_sigint
    )
    futures = {pool.submit(check_job, job): job for job in jobs[1:]}

    def outcomes() -> Iterator[Outcome]:
        try:
            yield first
            for future in cf.as_completed(futures):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    yield Outcome(futures[future], errors=[f"{futures[future].target}: a worker process died while checking it (out of memory?)"])
        except BaseException:  # Ctrl-C (or the caller stopped early): do not wait for busy workers
            import threading

            threading.excepthook = _quiet_pipe_errors  # the pool's manager thread sees its pipes close
            for process in list((pool._processes or {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)

    return outcomes()


def _quiet_pipe_errors(args) -> None:
    """After the workers are stopped, the pool's manager thread may fail on their closed pipes
    (``OSError``/``EOFError``): expected, and not worth a traceback on the way out."""
    import threading

    if not issubclass(args.exc_type, (OSError, EOFError)):
        threading.__excepthook__(args)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Progress:
    """A rich progress bar on stderr, shown only on a TTY and once a run has lasted a second."""

    DELAY = 1.0

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1 and sys.stderr.isatty()
        self.start = time.monotonic()
        self.done = 0
        self._bar = None
        self._task = None
        import threading

        self._lock = threading.Lock()

    def advance(self, label: str = "") -> None:
        self.done += 1
        self.tick(label)

    def tick(self, label: str = "") -> None:
        if not self.enabled:
            return
        with self._lock:
            self._tick(label)

    def _tick(self, label: str) -> None:
        if self._bar is None and time.monotonic() - self.start >= self.DELAY and self.done < self.total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, TimeRemainingColumn

            self._bar = RichProgress(
                TextColumn("checking"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.description}", style="dim"),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=self.total)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, **({"description": label} if label else {}))

    def close(self) -> None:
        with self._lock:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None


def iterate_with_progress(outcomes: Iterator[Outcome], progress: Progress, on_outcome: Callable[[Outcome], None]) -> None:
    """Feed ``outcomes`` to ``on_outcome`` while a background timer shows the bar after a second."""
    import threading

    stop = threading.Event()

    def timer() -> None:
        while not stop.wait(0.2):
            progress.tick()

    thread = threading.Thread(target=timer, daemon=True) if progress.enabled else None
    if thread:
        thread.start()
    try:
        for outcome in outcomes:
            progress.advance(Path(outcome.job.target).name)
            on_outcome(outcome)
    finally:
        stop.set()
        if thread:
            thread.join()
        progress.close()


def summary_table(outcomes: list[Outcome], seconds: float, workers: int) -> str:
    """The end-of-run table: findings per rule by severity, then documents, errors and speed."""
    from mtcheck.checks import all_rules

    registry = all_rules()
    counts: dict[str, dict[str, int]] = {}
    docs_with = 0
    checked = 0
    for o in outcomes:
        for result in o.results:
            checked += 1
            live = [f for f in result.findings if not f.suppressed]
            docs_with += bool(live)
            for f in live:
                row = counts.setdefault(f.rule, {"error": 0, "warning": 0, "info": 0})
                row[f.severity.value] += 1
    rows = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    failed = sum(bool(o.errors) and not o.results for o in outcomes)
    refused = sum(len(o.errors) for o in outcomes if o.results)  # articles of JSON exports checked in part
    rate = checked / seconds if seconds > 0 else 0.0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=None, show_edge=False, pad_edge=False, box=None, header_style="bold")
    for name, justify in (("rule", "left"), ("category", "left"), ("error", "right"), ("warning", "right"), ("info", "right")):
        table.add_column(name, justify=justify)
    totals = {"error": 0, "warning": 0, "info": 0}
    for rule, row in rows:
        cls = registry.get(rule)
        table.add_row(rule, cls.category if cls else "", *(str(row[s]) for s in ("error", "warning", "info")))
        for s in totals:
            totals[s] += row[s]
    table.add_row("total", "", *(str(totals[s]) for s in ("error", "warning", "info")), style="bold")
    console = Console(stderr=True, width=100, highlight=False)
    with console.capture() as capture:
        console.print(table)
    footer = (
        f"{checked} document{'s' * (checked != 1)} checked, {docs_with} with findings"
        + (f", {failed} file{'s' * (failed != 1)} not checked (input errors)" if failed else "")
        + (f", {refused} article{'s' * (refused != 1)} not checked (input errors)" if refused else "")
        + f" — {seconds:.2f} s, {rate:.1f} documents/s, {workers} job{'s' * (workers != 1)}"
    )
    return capture.get().rstrip() + "\n" + footer + "\n"


class CheckRun:
    """What ``check_targets`` did: outcomes in target order, input errors, and how it ran
    (``batch``: a folder was walked or several files were given: worth a summary table)."""

    def __init__(self, outcomes: list[Outcome], errors: list[tuple[str, str]], jobs: int, workers: int, batch: bool, seconds: float) -> None:
        self.outcomes, self.errors, self.jobs, self.workers, self.batch, self.seconds = outcomes, errors, jobs, workers, batch, seconds

    @property
    def internal(self) -> bool:
        """Some file was not checked because of a bug (exit 3)."""
        return any(o.internal for o in self.outcomes)

    @property
    def results(self) -> list[Any]:
        return [r for o in self.outcomes for r in o.results]


def check_targets(
    found: Discovery,
    config: Config,
    *,
    source: Path | None = None,
    baseline: Any = None,
    decisions: Any = None,
    quiet: bool = False,
    on_result: Callable[[Any], None] = lambda result: None,
    on_error: Callable[[str], None] = lambda message: None,
) -> CheckRun:
    """Check the discovered target files in parallel, apply the baseline and decisions.

    ``on_result`` sees each document's result as soon as it is ready (after baseline
    filtering), ``on_error`` each input error's one-line message.
    """
    errors: list[tuple[str, str]] = []
    for message in found.unreadable:
        on_error(message)
        errors.append((message.split(": ", 1)[0], message))
    for folder in found.empty_dirs:
        tgt = config.get("tgt-lang") or "en"
        message = f"{folder}: is a directory with no target files to check (*.{tgt}.txt, *.{tgt}.md, *.{tgt}.html, …, *.xlf)"
        on_error(message)
        errors.append((folder, message))

    jobs = []
    for i, target in enumerate(found.targets):
        src_lang, tgt_lang = config.languages(target)
        root, exempt = found.confinement(target, source)
        jobs.append(Job(i, target, str(source) if source else None, src_lang, tgt_lang, config.settings(target), root=root, exempt=exempt))
    workers = max(1, min(config.get("jobs") or default_jobs(), len(jobs) or 1))
    if workers > 1:  # each worker's MT engines share the cores with the others
        for job in jobs:
            job.settings.setdefault("threads", max(1, default_jobs() // workers))

    outcomes: list[Outcome] = []

    def on_outcome(outcome: Outcome) -> None:
        for error in outcome.errors:
            on_error(error)
            errors.append((outcome.job.target, error))
        for result in outcome.results:
            if decisions is not None:
                from mtcheck.decisions import apply as apply_decisions

                apply_decisions(result, decisions)
            if baseline is not None:
                from mtcheck.baseline import filter_new

                outcome.dropped += filter_new(result, baseline)
            on_result(result)
        outcomes.append(outcome)

    started = time.perf_counter()
    iterate_with_progress(run(jobs, workers), Progress(len(jobs), enabled=not quiet), on_outcome)
    outcomes.sort(key=lambda o: o.job.index)
    return CheckRun(outcomes, errors, len(jobs), workers, found.walked or len(jobs) > 1, time.perf_counter() - started)
