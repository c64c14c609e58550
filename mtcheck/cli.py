"""The ``mtcheck`` command line: a thin layer over the pipeline, configuration and report writers.

Commands: ``check`` (files or folders; reports in text, concise, json, html, sarif, junit, jsonl),
``fix`` (apply safe fixes), ``rules`` (list or document rules), ``config`` (print the
effective configuration), plus ``models`` and ``cache`` from ``mtcheck.mt.cli``.
Heavy modules (the pipeline, rich, the MT stack) are imported only by the commands that
need them, so ``mtcheck check FILE --no-mt`` stays fast.
"""

import enum
import errno
import gc
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mtcheck import __version__
from mtcheck.terminal import escape_controls

app = typer.Typer(
    help="Check a translated news article against its source: what an editor must fix before publishing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no "<bool>" after flags
)

EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class Format(str, enum.Enum):
    text = "text"
    concise = "concise"
    json = "json"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    jsonl = "jsonl"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Backend(str, enum.Enum):
    auto = "auto"
    ctranslate2 = "ctranslate2"
    transformers = "transformers"


def fail(message: str) -> typer.Exit:
    _error_line(message)
    return typer.Exit(EXIT_INPUT)


def _error_line(message: str) -> None:
    """One line on stderr, whatever the message quotes from a file (control characters escaped)."""
    typer.echo(f"mtcheck: error: {escape_controls(message, newlines=True)}", err=True)


# Options shared by several commands.
ConfigOpt = Annotated[
    Optional[Path],
    typer.Option("--config", help="Configuration file (default: the nearest mtcheck.toml, or pyproject.toml with a tool.mtcheck table, searching upwards).", show_default=False),
]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
SourceOpt = Annotated[Optional[Path], typer.Option(help="The source of a single TARGET (default: found by file name).")]
SrcLangOpt = Annotated[Optional[str], typer.Option(help="Source language (default: configuration, file name, else fr).")]
TgtLangOpt = Annotated[Optional[str], typer.Option(help="Target language (default: configuration, file name, else en).")]
SelectOpt = Annotated[Optional[list[str]], typer.Option(metavar="RULE", help="Only these rules or categories (replaces the configured selection); repeatable.")]
ExtendSelectOpt = Annotated[Optional[list[str]], typer.Option(metavar="RULE", help="Add these rules or categories to the selection; repeatable.")]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option(metavar="RULE", help="Skip these rules or categories; repeatable.")]
IncludeOpt = Annotated[Optional[list[str]], typer.Option(metavar="GLOB", help="In folders, check only files matching this glob; repeatable.")]
ExcludeOpt = Annotated[Optional[list[str]], typer.Option(metavar="GLOB", help="In folders, skip files matching this glob; repeatable.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only: no notices, progress or summary.")]


def _load_config(config: Path | None, no_config: bool, cli: dict[str, Any]):
    from mtcheck.config import Config, ConfigError, check_globs, check_selectors

    try:
        for key in ("select", "extend-select", "ignore"):
            if cli.get(key):
                check_selectors(cli[key], f"--{key}")
        for key in ("include", "exclude"):
            check_globs(cli.get(key) or [], f"--{key}")
        return Config.load(config, discover=not no_config, cli=cli)
    except ConfigError as e:
        raise fail(str(e)) from None


def _cli_layer(**values: Any) -> dict[str, Any]:
    """The keys the command line set (``None`` and empty lists mean "not given")."""
    return {k.replace("_", "-"): v for k, v in values.items() if v is not None and v != []}


@app.command()
def check(
    targets: Annotated[list[str], typer.Argument(metavar="TARGET", help="Translated files or folders to check (folders: every *.<tgt-lang>.* file inside).", show_default=False)],
    source: SourceOpt = None,
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="Report format (default: text).", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here instead of stdout.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Exit 1 when a finding is at least this severe (default: error).", show_default=False)] = None,
    mt: Annotated[Optional[bool], typer.Option("--mt/--no-mt", help="Run the MT checks (--no-mt: heuristic checks only).", show_default=False)] = None,
    require_mt: Annotated[bool, typer.Option("--require-mt", help="Exit 2 when MT models are missing.")] = False,
    backend: Annotated[Optional[Backend], typer.Option(help="MT backend (default: auto).", show_default=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the MT cache.")] = False,
    glossary: Annotated[Optional[list[Path]], typer.Option(metavar="FILE", help="Glossary CSV/TSV (source,target columns); repeatable; replaces the configured ones.")] = None,
    select: SelectOpt = None,
    extend_select: ExtendSelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    quiet: QuietOpt = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=0, help="Documents checked in parallel (0: one per core) (default: 0).", show_default=False)] = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    force_exclude: Annotated[bool, typer.Option("--force-exclude", help="Apply exclude globs to files named on the command line too (for hooks).")] = False,
    pair_sources: Annotated[bool, typer.Option("--pair-sources", help="A listed source file stands for its target: check the target instead (for hooks).")] = False,
    baseline: Annotated[Optional[Path], typer.Option(help="Report only findings not recorded in this baseline file.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option(help="Record the current findings in this baseline file (exit 0).")] = None,
    sarif_root: Annotated[Optional[Path], typer.Option(help="SARIF paths are relative to this folder (default: the git repository of the first target, else the current folder).", show_default=False)] = None,
    decisions: Annotated[Optional[Path], typer.Option(help="Editors' decisions exported from the HTML report: accepted and false-alarm findings are suppressed with their notes.")] = None,
) -> None:
    """Check TARGET files (or every target file under TARGET folders) and report what to fix."""
    from mtcheck.batch import check_targets, discover

    paths = _paths(targets)

    cli = _cli_layer(
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        fail_on=fail_on.value if fail_on else None,
        format=format.value if format else None,
        mt=mt,
        require_mt=True if require_mt else None,
        backend=backend.value if backend else None,
        cache=False if no_cache else None,
        glossary=[str(g.resolve()) for g in glossary] if glossary else None,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        jobs=jobs,
        include=include,
        exclude=exclude,
        decisions=str(decisions.resolve()) if decisions else None,
    )
    cfg = _load_config(config, no_config, cli)
    fmt = Format(cfg.get("format"))
    fail_level = FailOn(cfg.get("fail-on"))
    if source is not None and (len(paths) != 1 or paths[0].is_dir()):
        raise fail("--source needs exactly one TARGET file")

    known = None
    if baseline is None and write_baseline is None and cfg.get("baseline"):
        baseline = Path(cfg.get("baseline"))
    if baseline is not None:
        from mtcheck.baseline import BaselineError, load as load_baseline

        try:
            known = load_baseline(baseline)
        except BaselineError as e:
            raise fail(str(e)) from None
    triage = None
    if cfg.get("decisions"):
        from mtcheck.decisions import DecisionsError, load as load_decisions

        try:
            triage = load_decisions(Path(cfg.get("decisions")))
        except DecisionsError as e:
            raise fail(str(e)) from None
    found = discover(paths, cfg, force_exclude=force_exclude, pair_sources=pair_sources)
    if output is not None or write_baseline is not None:  # what the run reads must not be overwritten
        inputs = found.input_files(cfg, source) + [str(p) for p in (baseline, cfg.get("decisions")) if p is not None]
        for path, what in ((output, "report"), (write_baseline, "baseline")):
            if path is not None:
                _refuse_overwrite(path, what, inputs, found, cfg)
    if write_baseline is not None and output is not None and output.resolve() == write_baseline.resolve():
        raise fail(f"{output}: the report and the baseline cannot be the same file")

    seen_notices: set[str] = set()
    stream = _open_output(output) if fmt is Format.jsonl else None
    show_notices = not quiet and not (fmt is Format.text and output is None)  # the text report shows them

    def on_result(result) -> None:
        if show_notices:
            for notice in result.notices:
                if notice not in seen_notices:
                    seen_notices.add(notice)
                    typer.echo(f"mtcheck: {escape_controls(notice, newlines=True)}", err=True)
        if stream is not None:
            from mtcheck.report.jsonl import line

            stream.write(line(result))
            stream.flush()

    try:
        checked = check_targets(found, cfg, source=source, baseline=known, decisions=triage, quiet=quiet, on_result=on_result, on_error=_error_line)
    except KeyboardInterrupt:
        if stream is not None and stream is not sys.stdout:
            stream.discard()
        _error_line("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if stream is not None and stream is not sys.stdout:
        try:
            stream.commit()
        except OSError as e:
            raise fail(f"{output}: cannot write report ({e.strerror}); the previous file is unchanged") from None
    outcomes, errors, results = checked.outcomes, checked.errors, checked.results
    if known is not None and not quiet:
        dropped = sum(o.dropped for o in outcomes)
        if dropped:
            typer.echo(f"mtcheck: {dropped} finding{'s' * (dropped != 1)} recorded in {baseline} not shown", err=True)
    if write_baseline is not None:
        from mtcheck.baseline import BaselineError, write as write_baseline_file

        try:
            n = write_baseline_file(results, write_baseline)
        except BaselineError as e:
            raise fail(str(e)) from None
        if not quiet:
            typer.echo(f"mtcheck: recorded {n} finding{'s' * (n != 1)} in {write_baseline}", err=True)

    if not checked.jobs and not errors and not quiet:
        typer.echo("mtcheck: no target files to check", err=True)
    if fmt is not Format.jsonl and (results or not errors or fmt is Format.junit):
        if checked.jobs or fmt is not Format.text:
            seconds = {r.target.path: o.seconds / len(o.results) for o in outcomes for r in o.results}
            _write_report(results, fmt, output, quiet=quiet, fail_on=fail_level.value, errors=errors, seconds=seconds, sarif_root=sarif_root)
    if checked.batch and not quiet and checked.jobs:
        from mtcheck.batch import summary_table

        sys.stderr.write(summary_table(outcomes, checked.seconds, checked.workers))
    if errors:
        raise typer.Exit(EXIT_INTERNAL if checked.internal else EXIT_INPUT)
    if write_baseline is None and fail_level is not FailOn.never:
        from mtcheck.model import Severity

        threshold = Severity(fail_level.value).rank
        if any(f.severity.rank >= threshold for r in results for f in r.findings if not f.suppressed):
            raise typer.Exit(EXIT_FINDINGS)


def _source_beside_link(link: Path, real: Path, src_lang: str | None, tgt_lang: str | None) -> Path | None:
    """For a target reached through a symlink: its source found by name beside the link (where
    the user keeps the pair), else ``None`` (then beside the file the link names)."""
    if link == real:
        return None
    from mtcheck.pipeline import locate_source

    return locate_source(link, None, src_lang, tgt_lang)[0]


def _paths(values: list[str]) -> list[Path]:
    """Command-line paths; an empty one (an unset shell variable) is refused, never taken as
    the current folder."""
    if any(not v.strip() for v in values):
        raise fail("empty path argument (an unset variable?); name the files or folders to use")
    return [Path(v) for v in values]


def _refuse_overwrite(path: Path, what: str, inputs: list[str], found, cfg) -> None:
    """Refuse a report or baseline path that is an input or that a later run would check."""
    from mtcheck.safefiles import UnsafePath, refuse_overwrite

    try:
        refuse_overwrite(path, inputs, what)
    except UnsafePath as e:
        raise fail(f"{path}: {e}") from None
    if found.claims(path, cfg):
        raise fail(f"{path}: lies in a checked folder and is named like a target; the {what} would be checked as an article: choose another name or folder")
    if what == "baseline" and path.is_file():
        from mtcheck.baseline import BaselineError, load

        try:
            load(path)
        except BaselineError:
            raise fail(f"{path}: exists and is not an mtcheck baseline; not overwritten") from None


def _open_output(output: Path | None):
    """stdout, or a report file written beside ``output`` and renamed over it at ``commit``."""
    if output is None:
        return sys.stdout
    from mtcheck.safefiles import PendingFile

    try:
        return PendingFile(output)
    except OSError as e:
        raise fail(f"{output}: cannot write report ({e.strerror})") from None


def _write_report(
    results,
    format: Format,
    output: Path | None,
    *,
    quiet: bool = False,
    fail_on: str = "error",
    errors: list[tuple[str, str]] | None = None,
    seconds: dict[str, float] | None = None,
    sarif_root: Path | None = None,
) -> None:
    from mtcheck import report

    options: dict[str, Any] = {}
    if format is Format.text:
        options = {"colour": output is None and sys.stdout.isatty(), "quiet": quiet}
    elif format is Format.junit:
        options = {"fail_on": fail_on, "errors": errors, "seconds": seconds}
    elif format is Format.sarif:
        options = {"root": sarif_root}
    pieces = report.chunks(format.value, results, **options)
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    from mtcheck.safefiles import atomic_write

    try:
        atomic_write(output, pieces)
    except (OSError, UnicodeEncodeError) as e:
        raise fail(f"{output}: cannot write report ({getattr(e, 'strerror', None) or e}); the previous file is unchanged") from None


@app.command()
def fix(
    targets: Annotated[list[str], typer.Argument(metavar="TARGET", help="Translated files or folders to fix in place.", show_default=False)],
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes instead of writing (exit 1 if there are any).")] = False,
    rule: Annotated[Optional[list[str]], typer.Option("--rule", metavar="RULE", help="Apply only this rule's fixes; repeatable.")] = None,
    no_backup: Annotated[bool, typer.Option("--no-backup", help="Do not keep a FILE.orig copy of the original.")] = False,
    undo: Annotated[bool, typer.Option("--undo", help="Restore each TARGET from its newest backup (FILE.orig, FILE.2.orig, …).")] = False,
    force: Annotated[bool, typer.Option("--force", help="With --undo: restore even if the file changed since the fix.")] = False,
    source: SourceOpt = None,
    src_lang: SrcLangOpt = None,
    tgt_lang: TgtLangOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Apply the safe fixes (doubled words, quotes, number formats, spacing, casing) in place.

    Only fixes that rules mark safe are applied; text outside them stays byte-identical. The
    write is atomic and keeps permissions; FILE.orig keeps the original (undo with
    `mtcheck fix --undo FILE`). A file changed on disk meanwhile is not overwritten (exit 2).
    """
    from mtcheck.fix import FixError, compute, resolve_target, undo as undo_file, write
    from mtcheck.readers import InputError
    from mtcheck.safefiles import confined

    paths = _paths(targets)
    if force and not undo:
        raise fail("--force only applies to --undo")
    if undo:
        if diff:
            raise fail("--undo cannot be combined with --diff")
        status = 0
        for target in paths:
            try:
                orig = undo_file(target, force=force)
            except FixError as e:
                _error_line(str(e))
                status = EXIT_INPUT
                continue
            if not quiet:
                typer.echo(f"mtcheck: restored {target} from {orig.name}", err=True)
        raise typer.Exit(status)

    cli = _cli_layer(src_lang=src_lang, tgt_lang=tgt_lang, select=select, ignore=ignore, include=include, exclude=exclude)
    cfg = _load_config(config, no_config, cli)
    rules = set(rule) if rule else None
    if rules:
        from mtcheck.checks import all_rules

        registry = all_rules()
        for r in sorted(rules):
            if r not in registry:
                from mtcheck.config import did_you_mean

                raise fail(f"--rule: unknown rule {r!r}{did_you_mean(r, registry) or ' (see `mtcheck rules`)'}")
            if not registry[r].safe_fix:
                raise fail(f"--rule: {r} has no safe fix (see `mtcheck rules {r}`)")
    if source is not None and (len(paths) != 1 or paths[0].is_dir()):
        raise fail("--source needs exactly one TARGET file")

    from mtcheck.batch import discover

    found = discover(paths, cfg)
    status = 0
    for message in found.unreadable:
        _error_line(message)
        status = EXIT_INPUT
    for folder in found.empty_dirs:
        _error_line(f"{folder}: is a directory with no target files to fix")
        status = EXIT_INPUT
    fixed_files = fixes = 0
    for target in found.targets:
        path = resolve_target(Path(target)) if Path(target).exists() else Path(target)
        s_lang, t_lang = cfg.languages(target)
        try:
            with confined(*found.confinement(target, source)):
                companion = source or _source_beside_link(Path(target), path, s_lang, t_lang)
                snapshot, outcome = compute(path, str(companion) if companion else None, src_lang=s_lang, tgt_lang=t_lang, settings=cfg.settings(target), rules=rules)
            outcome.path = Path(target)
            if outcome.changed:
                if diff:
                    sys.stdout.write(outcome.diff())
                else:
                    write(snapshot, outcome, backup=not no_backup)
                fixes += len(outcome.applied)
                fixed_files += 1
        except (InputError, FixError) as e:
            _error_line(str(e))
            status = EXIT_INPUT
            continue
        except OSError as e:  # an unreadable source: this file's error, the others are still fixed
            _error_line(f"{target}: {e.filename or target}: cannot read ({e.strerror or e}); nothing written")
            status = EXIT_INPUT
            continue
        if outcome.unresolved:
            _error_line(f"{target}: {outcome.unresolved} fixes still pending after {outcome.passes} passes; not all applied")
        if not quiet and outcome.changed and not diff:
            kept = f" (original in {outcome.backup.name})" if outcome.backup else ""
            typer.echo(f"mtcheck: {target}: applied {len(outcome.applied)} fix{'es' * (len(outcome.applied) != 1)}{kept}", err=True)
    if not quiet:
        verb = "would apply" if diff else "applied"
        typer.echo(f"mtcheck: {verb} {fixes} fix{'es' * (fixes != 1)} in {fixed_files} file{'s' * (fixed_files != 1)}", err=True)
    if status:
        raise typer.Exit(status)
    if diff and fixes:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def rules(rule: Annotated[Optional[str], typer.Argument(help="Show this rule's documentation, or list the rules of this category (fluency, fluency/casing…).", show_default=False)] = None) -> None:
    """List every rule (id, category, default severity), or document one."""
    from mtcheck.checks import all_rules
    from mtcheck.config import did_you_mean, known_selectors

    registry = all_rules()
    if rule is not None and rule not in registry:
        category = rule.rstrip("/")
        selected = {k: v for k, v in registry.items() if v.category == category or v.category.startswith(category + "/")}
        if not selected:
            raise fail(f"unknown rule or category {rule!r}{did_you_mean(rule, known_selectors()) or ' (see `mtcheck rules`)'}")
        registry, rule = selected, None
    if rule is not None:
        cls = registry[rule]
        langs = f", target {'/'.join(sorted(cls.target_langs))} only" if cls.target_langs else ""
        typer.echo(f"{cls.id}  [{cls.category}, {cls.severity.value}{', safe fix' if cls.safe_fix else ''}{langs}]\n")
        typer.echo(cls.documentation())
        return
    width = max(map(len, registry))
    for cls in registry.values():
        typer.echo(f"{cls.id:<{width}}  {cls.category:<24} {cls.severity.value:<8} {cls.summary()}")


@app.command("config")
def show_config(
    target: Annotated[Optional[Path], typer.Argument(help="Show the configuration that applies to this file (per-path overrides).")] = None,
    config: ConfigOpt = None,
    no_config: NoConfigOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of TOML.")] = False,
) -> None:
    """Print the effective configuration (file, per-path overrides, defaults), with the enabled rules."""
    import json
    import textwrap

    from mtcheck.config import to_toml

    cfg = _load_config(config, no_config, {})
    values = cfg.effective(target)
    if as_json:
        typer.echo(json.dumps({"config_file": str(cfg.path) if cfg.path else None, "target": str(target) if target else None, "settings": values}, indent=2, ensure_ascii=False))
        return
    from mtcheck.checks import all_rules

    disabled = [r for r in all_rules() if r not in values["select"]]
    head = [f"# configuration file: {cfg.path}" if cfg.path else "# configuration file: none found (defaults)"]
    if target is not None:
        matched = cfg.matching_overrides(target)
        head.append(f"# for {target}: {len(matched)} per-path override{'s' * (len(matched) != 1)} apply")
    head.append("# select = the rules enabled once select/extend-select/ignore are applied")
    if disabled:
        head.extend(textwrap.wrap("disabled: " + " ".join(disabled), 88, initial_indent="# ", subsequent_indent="#   ", break_on_hyphens=False))
    typer.echo("\n".join(head) + "\n" + to_toml(values), nl=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """mtcheck: a translation-consistency checker for newsrooms.

    Exit codes: 0 clean, 1 findings, 2 usage, input or output error, 3 internal error
    (`--debug`, anywhere on the line, prints its traceback).
    """


def _mount_mt_commands(args: list[str] | None = None) -> None:
    """Add ``models`` and ``cache``, unless ``args`` name another command (the MT layer stays unimported)."""
    command = _command(args) if args is not None else None
    if command in {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}:
        return
    from mtcheck.mt.cli import cache_app, models_app

    app.add_typer(models_app, name="models", help="Download, convert and list MT models.")
    app.add_typer(cache_app, name="cache", help="Manage the MT cache.")


def main() -> None:
    """Entry point: usage, input and output errors are one line on stderr (exit 2); a crash is
    one line too (exit 3, never 1, the findings code), with its traceback under ``--debug``."""
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    debug = "--debug" in argv[:cut] or bool(os.environ.get("MTCHECK_DEBUG"))
    if debug:
        argv = [a for a in argv[:cut] if a != "--debug"] + argv[cut:]
        os.environ["MTCHECK_DEBUG"] = "1"  # batch workers re-raise instead of reporting one line
    if sys.stdout is None:  # started with stdout closed: the report goes nowhere, like > /dev/null
        sys.stdout = open(os.devnull, "w")
    try:
        code = _run(argv)
    except KeyboardInterrupt:
        typer.echo("mtcheck: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except OSError as e:  # closed pipe, full disk, unreadable file not caught nearer
        where = f"{e.filename}: " if e.filename else "cannot write output: " if e.errno in _OUTPUT_ERRNOS else ""
        _error_line(f"{where}{e.strerror or e}")
        code = EXIT_INPUT
    except Exception as e:  # a bug: one line and exit 3, never the findings code
        if debug:
            import traceback

            traceback.print_exc()
        message = " ".join(f"{type(e).__name__}: {e}".split())[:500]
        typer.echo(f"mtcheck: internal error: {message}; please report it (rerun with --debug for the traceback)", err=True)
        code = EXIT_INTERNAL
    if code in (EXIT_INPUT, EXIT_INTERNAL):
        _silence_stdout()
    if code == EXIT_INTERRUPTED:  # leave now: exit handlers would wait on (or trip over) stopped workers
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    raise SystemExit(code)


def run() -> None:
    """The command's entry point: :func:`main`, then leave without the interpreter's teardown.

    Freeing every module, compiled pattern and cached table at exit costs about a tenth of a
    short run. Exit handlers run and both streams are flushed first, as in a normal exit; a
    stream that cannot be flushed (a closed pipe) leaves the normal way, which reports it.

    The modules loaded with the cyclic garbage collector off (``mtcheck.__main__``), with those
    of the pipeline and the rules when the command checks (they were loaded later, collected
    while loading and walked by every collection: ≈ 5 ms of a seed check); what they built
    lives to the end, so it is frozen out of every collection, and the collector waits
    for ``_GC_YOUNG`` new objects instead of 700 (a run builds tens of thousands that stay:
    word lists, patterns). Not more: a JSON Lines export leaves each article's document as
    cyclic garbage, and 100,000 held a 2 MiB export's peak at 120 MiB instead of 75.
    """
    if _command(sys.argv[1:]) in _CHECKING:
        import mtcheck.batch  # noqa: F401
        from mtcheck.checks import all_rules

        all_rules()
    pace_collector()
    try:
        main()
    except SystemExit as e:
        code = e.code
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            raise SystemExit(code) from None
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


def pace_collector() -> None:
    """Freeze what the process has built so far out of every collection and let the collector
    wait for ``_GC_YOUNG`` new objects (why: :func:`run`)."""
    gc.freeze()
    gc.set_threshold(_GC_YOUNG, *gc.get_threshold()[1:])
    gc.enable()


_GC_YOUNG = 10_000
_CHECKING = {"check", "fix"}
_OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF}


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush of a closed pipe or a
    full disk prints no second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run(argv: list[str]) -> int:
    _mount_mt_commands(argv)
    commands = app.registered_commands
    named = [c for c in commands if c.callback and (c.name or c.callback.__name__) == _command(argv)]
    app.registered_commands = named or commands  # typer builds each command's options from its signature: only the one run
    try:
        result = app(args=argv, standalone_mode=False, prog_name="mtcheck")
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        raise KeyboardInterrupt from None
    except typer.TyperException as e:  # usage errors: unknown option, missing argument, bad value
        ctx = getattr(e, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        message = " ".join((e.format_message() if hasattr(e, "format_message") else str(e)).split())
        if message:  # empty when the help was shown for a bare command
            typer.echo(f"mtcheck: error: {message}{hint}", err=True)
        return getattr(e, "exit_code", EXIT_INPUT)
    finally:
        app.registered_commands = commands
    return result if isinstance(result, int) else 0


def _command(args: list[str]) -> str | None:
    """The command a command line names: its first word that is no option (the group's only option is a flag)."""
    return next((a for a in args if not a.startswith("-")), None)
