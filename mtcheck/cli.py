"""The ``mtcheck`` command line: a thin layer over the pipeline, configuration and report writers.

Commands: ``check`` (files or folders; reports in text, concise, json, html, sarif, junit, jsonl),
``fix`` (apply safe fixes), ``rules`` (list or document rules), ``config`` (print the
effective configuration), plus ``models`` and ``cache`` from ``mtcheck.mt.cli``.
Heavy modules (the pipeline, rich, the MT stack) are imported only by the commands that
need them, so ``mtcheck check FILE --no-mt`` stays fast.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from mtcheck import __version__

app = typer.Typer(
    help="Check a translated news article against its source: what an editor must fix before publishing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no "<bool>" after flags
)

EXIT_FINDINGS = 1
EXIT_INPUT = 2


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
    typer.echo(f"mtcheck: error: {message}", err=True)
    return typer.Exit(EXIT_INPUT)


def _error_line(message: str) -> None:
    typer.echo(f"mtcheck: error: {message}", err=True)


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
    from mtcheck.config import Config, ConfigError, check_selectors

    try:
        for key in ("select", "extend-select", "ignore"):
            if cli.get(key):
                check_selectors(cli[key], f"--{key}")
        return Config.load(config, discover=not no_config, cli=cli)
    except ConfigError as e:
        raise fail(str(e)) from None


def _cli_layer(**values: Any) -> dict[str, Any]:
    """The keys the command line set (``None`` and empty lists mean "not given")."""
    return {k.replace("_", "-"): v for k, v in values.items() if v is not None and v != []}


@app.command()
def check(
    targets: Annotated[list[Path], typer.Argument(metavar="TARGET", help="Translated files or folders to check (folders: every *.<tgt-lang>.* file inside).", show_default=False)],
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
    from mtcheck.batch import check_targets

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
    if source is not None and (len(targets) != 1 or targets[0].is_dir()):
        raise fail("--source needs exactly one TARGET file")

    from mtcheck.baseline import BaselineError, load as load_baseline, write as write_baseline_file

    known = None
    if baseline is None and write_baseline is None and cfg.get("baseline"):
        baseline = Path(cfg.get("baseline"))
    if baseline is not None:
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

    seen_notices: set[str] = set()
    stream = _open_output(output) if fmt is Format.jsonl else None
    show_notices = not quiet and not (fmt is Format.text and output is None)  # the text report shows them

    def on_result(result) -> None:
        if show_notices:
            for notice in result.notices:
                if notice not in seen_notices:
                    seen_notices.add(notice)
                    typer.echo(f"mtcheck: {notice}", err=True)
        if stream is not None:
            from mtcheck.report.jsonl import line

            stream.write(line(result))
            stream.flush()

    try:
        checked = check_targets(
            targets, cfg, source=source, force_exclude=force_exclude, pair_sources=pair_sources,
            baseline=known, decisions=triage, quiet=quiet, on_result=on_result, on_error=_error_line,
        )
    except KeyboardInterrupt:
        _error_line("interrupted")
        raise typer.Exit(130) from None
    finally:
        if stream is not None and stream is not sys.stdout:
            stream.close()
    outcomes, errors, results = checked.outcomes, checked.errors, checked.results
    if known is not None and not quiet:
        dropped = sum(o.dropped for o in outcomes)
        if dropped:
            typer.echo(f"mtcheck: {dropped} finding{'s' * (dropped != 1)} recorded in {baseline} not shown", err=True)
    if write_baseline is not None:
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
        raise typer.Exit(EXIT_INPUT)
    if write_baseline is None and fail_level is not FailOn.never:
        from mtcheck.model import Severity

        threshold = Severity(fail_level.value).rank
        if any(f.severity.rank >= threshold for r in results for f in r.findings if not f.suppressed):
            raise typer.Exit(EXIT_FINDINGS)


def _open_output(output: Path | None):
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8")
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
    text = report.render(format.value, results, **options)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise fail(f"{output}: cannot write report ({e.strerror})") from None


@app.command()
def fix(
    targets: Annotated[list[Path], typer.Argument(metavar="TARGET", help="Translated files or folders to fix in place.", show_default=False)],
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes instead of writing (exit 1 if there are any).")] = False,
    rule: Annotated[Optional[list[str]], typer.Option("--rule", metavar="RULE", help="Apply only this rule's fixes; repeatable.")] = None,
    no_backup: Annotated[bool, typer.Option("--no-backup", help="Do not keep a FILE.orig copy of the original.")] = False,
    undo: Annotated[bool, typer.Option("--undo", help="Restore each TARGET from its FILE.orig backup.")] = False,
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

    if undo:
        if diff:
            raise fail("--undo cannot be combined with --diff")
        status = 0
        for target in targets:
            try:
                orig = undo_file(target)
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
    if source is not None and (len(targets) != 1 or targets[0].is_dir()):
        raise fail("--source needs exactly one TARGET file")

    from mtcheck.batch import discover

    found = discover(targets, cfg)
    status = 0
    for folder in found.empty_dirs:
        _error_line(f"{folder}: is a directory with no target files to fix")
        status = EXIT_INPUT
    fixed_files = fixes = 0
    for target in found.targets:
        path = resolve_target(Path(target)) if Path(target).exists() else Path(target)
        s_lang, t_lang = cfg.languages(target)
        try:
            snapshot, outcome = compute(path, str(source) if source else None, src_lang=s_lang, tgt_lang=t_lang, settings=cfg.settings(target), rules=rules)
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
    """mtcheck: a translation-consistency checker for newsrooms."""


def _mount_mt_commands() -> None:
    from mtcheck.mt.cli import cache_app, models_app

    app.add_typer(models_app, name="models", help="Download, convert and list MT models.")
    app.add_typer(cache_app, name="cache", help="Manage the MT cache.")


def main() -> None:
    """Entry point: usage errors are one line on stderr (exit 2), like input errors."""
    _mount_mt_commands()
    try:
        result = app(standalone_mode=False)
    except typer.Exit as e:
        raise SystemExit(e.exit_code) from None
    except typer.Abort:
        typer.echo("mtcheck: interrupted", err=True)
        raise SystemExit(130) from None
    except typer.TyperException as e:  # usage errors: unknown option, missing argument, bad value
        ctx = getattr(e, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        message = " ".join((e.format_message() if hasattr(e, "format_message") else str(e)).split())
        if message:  # empty when the help was shown for a bare command
            typer.echo(f"mtcheck: error: {message}{hint}", err=True)
        raise SystemExit(getattr(e, "exit_code", EXIT_INPUT)) from None
    raise SystemExit(result if isinstance(result, int) else 0)
