"""MT models behind the accuracy checks: sessions, backends, cache, model management.

Importing this package (or ``mtcheck.mt.session``) is cheap: torch, transformers and
ctranslate2 are imported only when a session actually loads a model.

* ``session.open_session(src, tgt, settings)`` → ``(MTSession | None, notice | None)``
* ``analysis.analysis_for(ctx)`` → the per-document MT analysis the rules read
* ``cli.models_app`` / ``cli.cache_app`` → ``mtcheck models …`` / ``mtcheck cache …``
"""
