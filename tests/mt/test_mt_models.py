"""Model resolution, missing-model notices, lazy imports, CLI and the process-safe cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtcheck.mt.cache import MTCache, make_key
from mtcheck.mt.models import configured_pairs, locate, model_spec
from mtcheck.mt.session import open_session

ROOT = Path(__file__).resolve().parents[2]


def run_py(code: str, cwd: Path = ROOT) -> dict:
    """Run ``code`` in a fresh interpreter; it must print one JSON line last."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_default_models_are_data():
    assert {"fr-en", "en-fr", "de-en", "en-de", "es-en", "it-en"} <= set(configured_pairs())
    spec = model_spec("fr-en")
    assert spec.name == "Helsinki-NLP/opus-mt-fr-en" and spec.dirname == "opus-mt-fr-en" and spec.licence
    assert model_spec("fr-en", {"model_names": {"fr-en": "/x/my-model"}}).name == "/x/my-model"
    assert model_spec("xx-yy") is None


def test_missing_models_give_one_line_notice(tmp_path):
    session, notice = open_session("fr", "en", {"models_dir": str(tmp_path)})
    assert session is None
    assert notice.startswith("MT skipped:") and "\n" not in notice
    assert "fr→en" in notice and "`mtcheck models pull --pair fr-en`" in notice
    session, notice = open_session("xx", "yy", {})
    assert session is None and "xx-yy" in notice
    session, notice = open_session("fr", "en", {"backend": "magic"})
    assert session is None and "magic" in notice


def test_missing_models_path_is_cheap():
    got = run_py(
        """
        import json, sys, time
        t = time.perf_counter()
        from mtcheck.mt.session import open_session
        s, notice = open_session("fr", "en", {"models_dir": "/nonexistent/models"})
        heavy = [m for m in ("torch", "transformers", "ctranslate2", "sentencepiece", "huggingface_hub") if m in sys.modules]
        print(json.dumps({"session": s is None, "heavy": heavy, "s": time.perf_counter() - t}))
        """
    )
    assert got["session"] and got["heavy"] == []
    assert got["s"] < 1.0


def test_one_direction_missing(tiny_models, tmp_path):
    shutil.copytree(tiny_models / "opus-mt-fr-en", tmp_path / "opus-mt-fr-en")
    session, notice = open_session("fr", "en", {"models_dir": str(tmp_path)})
    assert session is None and "opus-mt-en-fr" in notice and "opus-mt-fr-en" not in notice.split("missing")[1]


def test_ctranslate2_path_imports_neither_torch_nor_transformers(tiny_models, tmp_path):
    got = run_py(
        f"""
        import json, sys
        from mtcheck.mt.session import open_session
        from mtcheck.checks.mt_accuracy import MTMistranslation, MTOmission, MTAddition
        from tests.mt.helpers import make_ctx
        s, notice = open_session("fr", "en", {{"models_dir": {str(tiny_models)!r}, "cache_path": {str(tmp_path / "c.sqlite")!r}}})
        ctx = make_ctx([("Le président a accueilli son homologue.", "The president welcomed his counterpart.")], s)
        n = sum(1 for r in (MTMistranslation, MTOmission, MTAddition) for _ in r().check(ctx))
        print(json.dumps({{"backend": s.describe()["backend"], "errors": s.errors, "scores": sorted(ctx.segments[0].scores),
                          "heavy": [m for m in ("torch", "transformers") if m in sys.modules]}}))
        """
    )
    assert got["backend"] == "ctranslate2" and not got["errors"]
    assert "mt_forward" in got["scores"] and "logprob_target" in got["scores"]
    assert got["heavy"] == []


def test_auto_falls_back_to_transformers_and_explicit_backend_needs_conversion(tiny_models, tmp_path):
    for name in ("opus-mt-fr-en", "opus-mt-en-fr"):
        shutil.copytree(tiny_models / name, tmp_path / name, ignore=shutil.ignore_patterns("ctranslate2"))
    session, notice = open_session("fr", "en", {"models_dir": str(tmp_path), "backend": "ctranslate2"})
    assert session is None and "mtcheck models convert" in notice
    session, notice = open_session("fr", "en", {"models_dir": str(tmp_path), "cache": False})
    assert notice is None and session.describe()["backend"] == "transformers"


def test_pickle_only_checkpoint_is_not_loaded_but_converted(tiny_models, tmp_path):
    import torch
    from safetensors.torch import load_file

    d = tmp_path / "opus-mt-fr-en"
    shutil.copytree(tiny_models / "opus-mt-fr-en", d, ignore=shutil.ignore_patterns("ctranslate2"))
    state = load_file(str(d / "model.safetensors"))
    torch.save(state, d / "pytorch_model.bin")
    (d / "model.safetensors").unlink()
    loc = locate(model_spec("fr-en"), tmp_path)
    assert loc.hf_dir is None and any("pytorch_model.bin" in p for p in loc.problems)
    shutil.copytree(tiny_models / "opus-mt-en-fr", tmp_path / "opus-mt-en-fr")
    session, notice = open_session("fr", "en", {"models_dir": str(tmp_path), "backend": "transformers"})
    assert session is None and "mtcheck models convert" in notice and "pytorch_model.bin" in notice

    from mtcheck.mt.cli import models_app

    result = CliRunner().invoke(models_app, ["convert", str(d)])
    assert result.exit_code == 0, result.output
    assert (d / "model.safetensors").is_file() and not (d / "pytorch_model.bin").exists()
    loc = locate(model_spec("fr-en"), tmp_path)
    assert loc.hf_dir == d and loc.ct2_dir == d / "ctranslate2"
    session, notice = open_session("fr", "en", {"models_dir": str(tmp_path), "cache": False})
    assert notice is None and session.translate(["Bonjour."])[0]


def test_models_list_and_cache_clear(tiny_models, tmp_path):
    from mtcheck.mt.cli import cache_app, models_app

    runner = CliRunner()
    result = runner.invoke(models_app, ["list", "--models-dir", str(tiny_models)])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if ln.startswith("fr-en"))
    assert line.split()[2:4] == ["yes", "yes"]
    assert "(not pulled)" in next(ln for ln in result.output.splitlines() if ln.startswith("de-en"))

    path = tmp_path / "mt.sqlite"
    cache = MTCache(path)
    cache.put_many({make_key("x", i): {"text": str(i)} for i in range(5)})
    cache.close()
    result = runner.invoke(cache_app, ["clear", "--cache-path", str(path)])
    assert result.exit_code == 0 and "5 entries removed" in result.output
    assert len(MTCache(path)) == 0
    result = runner.invoke(models_app, ["convert", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_cache_is_safe_across_processes(tmp_path):
    path = tmp_path / "shared.sqlite"
    code = textwrap.dedent(
        f"""
        import sys
        from mtcheck.mt.cache import MTCache
        c = MTCache({str(path)!r})
        for i in range(40):
            c.put_many({{f"{{sys.argv[1]}}-{{i}}-{{j}}": {{"v": j}} for j in range(5)}})
            assert c.get_many([f"{{sys.argv[1]}}-{{i}}-0"]), "read back"
        assert c.error is None, c.error
        """
    )
    procs = [subprocess.Popen([sys.executable, "-c", code, tag], cwd=ROOT) for tag in ("a", "b", "c")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    assert len(MTCache(path)) == 3 * 40 * 5


def test_unwritable_cache_degrades_to_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = MTCache(blocker / "sub" / "mt.sqlite")  # parent is a file: cannot be created
    cache.put_many({"k": {"v": 1}})
    assert cache.get_many(["k"]) == {"k": {"v": 1}}
    assert cache.error and "MT cache disabled" in cache.error


@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_corrupt_model_gives_notice_not_traceback(tiny_models, tmp_path, backend):
    from mtcheck.checks.mt_accuracy import MTMistranslation
    from tests.mt.helpers import make_ctx

    for name in ("opus-mt-fr-en", "opus-mt-en-fr"):
        shutil.copytree(tiny_models / name, tmp_path / name)
    (tmp_path / "opus-mt-fr-en" / "ctranslate2" / "model.bin").write_bytes(b"garbage")
    (tmp_path / "opus-mt-fr-en" / "model.safetensors").write_bytes(b"garbage")
    settings = {"models_dir": str(tmp_path), "backend": backend, "cache": False}
    session, notice = open_session("fr", "en", {**settings, "mt_preload": True})
    assert session is None and notice.startswith("MT skipped: could not load") and "\n" not in notice
    # loaded lazily (the default), the failure surfaces in the session's description
    session, notice = open_session("fr", "en", settings)
    assert notice is None
    ctx = make_ctx([("Bonjour.", "Hello.")], session)
    assert list(MTMistranslation().check(ctx)) == []
    d = session.describe()
    assert d["status"] == "failed" and d["reason"].startswith("MT failed: could not load")


def test_cached_rerun_loads_no_model(tiny_models, tmp_path):
    """A re-run on unchanged text, in a new process, is served from the cache without loading a model."""
    script = f"""
        import json, sys
        from mtcheck.mt.session import open_session
        from mtcheck.checks.mt_accuracy import MTMistranslation, MTOmission, MTAddition
        from tests.mt.helpers import make_ctx
        pairs = [("Le président a accueilli son homologue.", "The president welcomed his counterpart.")] * 3
        s, _ = open_session("fr", "en", {{"models_dir": {str(tiny_models)!r}, "backend": "ctranslate2",
                                        "cache_path": {str(tmp_path / "c.sqlite")!r}}})
        ctx = make_ctx(pairs, s)
        n = sum(1 for r in (MTMistranslation, MTOmission, MTAddition) for _ in r().check(ctx))
        print(json.dumps({{"n": n, "calls": s.stats["model_calls"], "loaded": [m["loaded"] for m in s.describe()["models"]]}}))
        """
    first, again = run_py(script), run_py(script)
    assert first["calls"] > 0 and first["loaded"] == [True, True]
    assert again["calls"] == 0 and again["loaded"] == [False, False] and again["n"] == first["n"]


def test_pull_with_a_stand_in_hub(tiny_models, tmp_path, monkeypatch):
    """`models pull` against a stand-in for the Hub (no network here): download, .bin → safetensors, convert."""
    import fnmatch
    from types import SimpleNamespace

    import huggingface_hub
    import torch
    from safetensors.torch import load_file

    from mtcheck.mt.cli import models_app

    hub = tmp_path / "hub"
    repos = {"Helsinki-NLP/opus-mt-fr-en": hub / "fr-en", "Helsinki-NLP/opus-mt-en-fr": hub / "en-fr"}
    shutil.copytree(tiny_models / "opus-mt-fr-en", repos["Helsinki-NLP/opus-mt-fr-en"],
                    ignore=shutil.ignore_patterns("ctranslate2"))
    bin_repo = repos["Helsinki-NLP/opus-mt-en-fr"]
    shutil.copytree(tiny_models / "opus-mt-en-fr", bin_repo, ignore=shutil.ignore_patterns("ctranslate2"))
    torch.save(load_file(str(bin_repo / "model.safetensors")), bin_repo / "pytorch_model.bin")
    (bin_repo / "model.safetensors").unlink()

    class StandInApi:
        def model_info(self, repo_id):
            files = [p.name for p in repos[repo_id].iterdir()]
            return SimpleNamespace(sha="0123456789abcdef", siblings=[SimpleNamespace(rfilename=f) for f in files])

    downloaded = []

    def snapshot_download(repo_id, revision=None, local_dir=None, allow_patterns=None):
        for p in repos[repo_id].iterdir():
            if any(fnmatch.fnmatch(p.name, pat) for pat in allow_patterns):
                shutil.copy(p, Path(local_dir) / p.name)
                downloaded.append(p.name)
        return str(local_dir)

    monkeypatch.setattr(huggingface_hub, "HfApi", StandInApi)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    models = tmp_path / "models"
    result = CliRunner().invoke(models_app, ["pull", "--pair", "fr-en", "--models-dir", str(models)])
    assert result.exit_code == 0, result.output
    assert "licence" in result.output
    for name in ("opus-mt-fr-en", "opus-mt-en-fr"):
        loc = locate(model_spec(name[-5:]), models)
        assert loc.hf_dir and loc.ct2_dir, loc.problems
        assert loc.revision("transformers") == "0123456789abcdef"
        assert loc.revision("ctranslate2") == "0123456789abcdef+ct2-int8"
    assert not (models / "opus-mt-en-fr" / "pytorch_model.bin").exists()
    session, notice = open_session("fr", "en", {"models_dir": str(models), "cache": False})
    assert notice is None and len(session.translate(["Bonjour."], "forward")) == 1
    # offline, `pull` fails with one line and exit 2
    def offline(*a, **k):
        raise OSError("Network is unreachable")

    monkeypatch.setattr(StandInApi, "model_info", offline)
    result = CliRunner().invoke(models_app, ["pull", "--pair", "fr-en", "--models-dir", str(models)])
    assert result.exit_code == 2 and "Network is unreachable" in result.output
