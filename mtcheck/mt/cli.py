"""``mtcheck models …`` and ``mtcheck cache …``: typer apps the main CLI mounts.

    app.add_typer(models_app, name="models")
    app.add_typer(cache_app, name="cache")
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from mtcheck.mt.models import configured_pairs, ct2_problems, dir_size_mb, hf_problems, locate, model_spec

models_app = typer.Typer(help="MT models: download, list, convert (see models/README.md).", no_args_is_help=True)
cache_app = typer.Typer(help="The persistent MT cache.", no_args_is_help=True)


@models_app.callback()
def _models() -> None:
    """MT models in models/: pull them once, then `check` uses them offline."""


@cache_app.callback()
def _cache() -> None:
    """The MT cache (translations and scores of unchanged text are reused)."""


def _err(msg: str) -> None:
    typer.echo(f"mtcheck: {msg}", err=True)
    raise typer.Exit(2)


@models_app.command("pull")
def pull_cmd(
    pair: str = typer.Option("fr-en", "--pair", help="Language pair src-tgt; both directions are pulled."),
    models_dir: Path = typer.Option(Path("models"), "--models-dir", help="Where models are stored."),
    no_convert: bool = typer.Option(False, "--no-convert", help="Skip the CTranslate2 conversion."),
) -> None:
    """Download the MT models of a pair from the Hugging Face Hub and convert them to CTranslate2."""
    from mtcheck.mt.pull import pull

    if "-" not in pair:
        _err(f"--pair {pair!r}: expected src-tgt, e.g. fr-en")
    src, tgt = pair.split("-", 1)
    for direction in (f"{src}-{tgt}", f"{tgt}-{src}"):
        spec = model_spec(direction)
        if spec is None:
            _err(f"no MT model configured for {direction} (add mtcheck/data/{direction}/mt.toml)")
        try:
            dest = pull(spec, models_dir, convert=not no_convert, log=lambda m: typer.echo(m, err=True))
        except Exception as exc:  # network, disk, missing repository
            _err(f"could not pull {spec.name}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        typer.echo(f"{direction}: {spec.name} → {dest} ({dir_size_mb(dest):.0f} MiB; licence: {spec.licence})")


@models_app.command("list")
def list_cmd(
    models_dir: Path = typer.Option(Path("models"), "--models-dir", help="Where models are stored."),
) -> None:
    """Show, per language direction, which model is configured and which backends can use it."""
    typer.echo(f"{'direction':<9} {'model':<30} {'transformers':<13} {'ctranslate2':<12} path")
    for direction in configured_pairs():
        spec = model_spec(direction)
        if spec is None:
            continue
        loc = locate(spec, models_dir)
        hf = "yes" if loc.hf_dir else "-"
        ct2 = "yes" if loc.ct2_dir else "-"
        where = str(loc.root) if loc.root else "(not pulled)"
        typer.echo(f"{direction:<9} {spec.name:<30} {hf:<13} {ct2:<12} {where}")
        if loc.root and not (loc.hf_dir and loc.ct2_dir):
            for p in loc.problems:
                typer.echo(f"{'':<9} note: {p}")


@models_app.command("convert")
def convert_cmd(
    directory: Path = typer.Argument(..., help="A transformers Marian checkpoint directory."),
    quantization: str = typer.Option("int8", "--quantization", help="CTranslate2 quantization."),
) -> None:
    """Convert a local checkpoint to CTranslate2 (into DIR/ctranslate2/); .bin weights become safetensors."""
    from mtcheck.mt.pull import convert_ct2

    if not directory.is_dir():
        _err(f"{directory}: not a directory")
    problems = [p for p in hf_problems(directory) if "pytorch_model.bin" not in p]
    if problems:
        _err(problems[0])
    try:
        out = convert_ct2(directory, quantization=quantization)
    except Exception as exc:
        _err(f"could not convert {directory}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    bad = ct2_problems(out)
    if bad:
        _err(bad[0])
    typer.echo(f"{directory} → {out} ({dir_size_mb(out):.0f} MiB, {quantization})")


@cache_app.command("clear")
def clear_cmd(
    cache_path: Optional[Path] = typer.Option(None, "--cache-path", help="Cache file (default: the user cache)."),
) -> None:
    """Delete every cached translation and score (and, without --cache-path, the word lists and
    patterns derived from installed packages, rebuilt by the next check)."""
    from mtcheck.mt.cache import CacheBusy, CacheCorrupt, MTCache, default_cache_path, foreign_file

    if cache_path is None:
        from mtcheck.lexicon import clear_derived

        typer.echo(f"{clear_derived()} derived word lists and patterns removed (rebuilt by the next check)")
    path = cache_path or default_cache_path()
    if not path.exists():
        typer.echo(f"{path}: no cache")
        return
    if problem := foreign_file(path):
        _err(problem)
    cache = MTCache(path)
    try:
        n = cache.clear()
    except CacheBusy as e:
        _err(str(e))  # exits 2
    except CacheCorrupt as e:  # an SQLite file of ours that cannot be read: the cache is rebuilt on use
        cache.close()
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        typer.echo(f"{e}; removed it (it is rebuilt as checks run)")
        return
    finally:
        cache.close()
    if cache.error:
        _err(cache.error)
    typer.echo(f"{path}: {n} entries removed")
