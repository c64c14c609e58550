"""The ``mtcheck`` command line: a thin layer over the pipeline and the report writers."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcheck import __version__

app = typer.Typer(
    help="Check a translated news article against its source: what an editor must fix before publishing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_FINDINGS = 1
EXIT_INPUT = 2


class Format(str, enum.Enum):
    text = "text"
    json = "json"
    html = "html"


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


@app.command()
def check(
    targets: Annotated[list[Path], typer.Argument(help="Translated files to check (.txt, .md).", show_default=False)],
    source: Annotated[Optional[Path], typer.Option(help="The source of a single TARGET (default: found by file name).")] = None,
    src_lang: Annotated[Optional[str], typer.Option(help="Source language (default: from the file name, else fr).")] = None,
    tgt_lang: Annotated[Optional[str], typer.Option(help="Target language (default: from the file name, else en).")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here instead of stdout.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")] = FailOn.error,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Heuristic checks only: no MT models.")] = False,
    require_mt: Annotated[bool, typer.Option("--require-mt", help="Exit 2 when MT models are missing.")] = False,
    backend: Annotated[Backend, typer.Option(help="MT backend.")] = Backend.auto,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the MT cache.")] = False,
    glossary: Annotated[Optional[list[Path]], typer.Option(help="Glossary CSV/TSV (source,target columns); repeatable.")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules or categories; repeatable.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules or categories; repeatable.")] = None,
) -> None:
    """Check TARGET files and report what to fix."""
    from mtcheck.model import Severity
    from mtcheck.pipeline import check_pair
    from mtcheck.readers import InputError

    if source is not None and len(targets) != 1:
        raise fail("--source needs exactly one TARGET")
    settings = {
        "mt": not no_mt,
        "require_mt": require_mt,
        "backend": backend.value,
        "cache": not no_cache,
        "glossary": [str(g) for g in glossary or []],
        "select": select or [],
        "ignore": ignore or [],
    }
    results = []
    try:
        for target in targets:
            results.append(check_pair(target, source, src_lang=src_lang, tgt_lang=tgt_lang, settings=settings))
    except InputError as e:
        raise fail(str(e)) from None
    for result in results:
        for notice in result.notices:
            typer.echo(f"mtcheck: {notice}", err=True)
    _write_report(results, format, output)
    if fail_on is not FailOn.never:
        threshold = Severity(fail_on.value).rank
        if any(f.severity.rank >= threshold for r in results for f in r.findings if not f.suppressed):
            raise typer.Exit(EXIT_FINDINGS)


def _write_report(results, format: Format, output: Path | None) -> None:
    if format is Format.json:
        from mtcheck.report.json import render

        text = render(results)
    elif format is Format.html:
        from mtcheck.report import html
        from mtcheck.report.json import build_report

        text = html.render(results, build_report(results))
    else:
        from mtcheck.report.text import render

        text = render(results, colour=output is None and sys.stdout.isatty())
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as e:
        raise fail(f"{output}: cannot write report ({e.strerror})") from None


@app.command()
def rules(rule: Annotated[Optional[str], typer.Argument(help="Show this rule's documentation.")] = None) -> None:
    """List every rule (id, category, default severity), or document one."""
    from mtcheck.checks import all_rules

    registry = all_rules()
    if rule is not None:
        if rule not in registry:
            raise fail(f"unknown rule {rule!r} (see `mtcheck rules`)")
        cls = registry[rule]
        typer.echo(f"{cls.id}  [{cls.category}, {cls.severity.value}{', safe fix' if cls.safe_fix else ''}]\n")
        typer.echo(cls.documentation())
        return
    width = max(map(len, registry))
    for cls in registry.values():
        typer.echo(f"{cls.id:<{width}}  {cls.category:<24} {cls.severity.value:<8} {cls.summary()}")


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
    _mount_mt_commands()
    app()
