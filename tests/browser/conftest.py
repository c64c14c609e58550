"""Drive Debian's headless Chromium through Playwright (never a downloaded browser).

The report is served from an intercepted origin: every request the page makes goes through
one route handler, which serves the report itself and aborts (and counts) anything else.
Skips with a reason when /usr/bin/chromium or playwright is missing; CI installs both
(``.ci/install-browser.sh`` and the ``dev`` extra).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MTCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ORIGIN = "http://report.mtcheck.invalid"
REPORT_URL = f"{ORIGIN}/report.html"

# never let playwright fetch a browser of its own
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def _chromium_missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"{CHROMIUM} not found: run .ci/install-browser.sh (Debian chromium) to enable the browser tests"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed: pip install -e '.[dev]'"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _chromium_missing()
    if reason:
        if os.environ.get("CI"):  # CI installs chromium (.ci/install-browser.sh): never skip there
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield b
    b.close()
    pw.stop()


@dataclass
class Opened:
    page: object
    html: str
    blocked: list[str] = field(default_factory=list)  # requests other than the report itself
    requests: list[str] = field(default_factory=list)  # every request event
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # uncaught page errors


@pytest.fixture
def open_report(browser):
    """``open_report(html, **context_options)`` → Opened, the page ready (or JS off)."""
    contexts = []

    def _open(html: str, *, wait_ready: bool = True, viewport=(1400, 900), **options) -> Opened:
        ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, **options)
        contexts.append(ctx)
        page = ctx.new_page()
        opened = Opened(page, html)

        def route(r):
            if r.request.url == REPORT_URL:
                r.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        page.on("request", lambda req: opened.requests.append(req.url))
        page.on("dialog", lambda dlg: (opened.dialogs.append(dlg.message), dlg.dismiss()))
        page.on("pageerror", lambda err: opened.errors.append(str(err)))
        page.goto(REPORT_URL)
        if wait_ready and options.get("java_script_enabled", True):
            page.wait_for_selector("html[data-ready='1']", state="attached", timeout=10_000)
        return opened

    yield _open
    for ctx in contexts:
        ctx.close()
