"""Debian's chromium, headless, driven by playwright, for the explorer tests.

No browser is downloaded (never `playwright install`): the tests use
/usr/bin/chromium, which .ci/run installs. Without it the fixture fails with
one message saying how to get it, unless GCMKG_SKIP_BROWSER is set.

Every page is opened with the network cut: any request other than the page
file itself is aborted and recorded, and the tests assert that none was made.
The page's Content-Security-Policy forbids eval, so the tests poll with
page.evaluate (which runs outside the page's CSP) rather than wait_for_function.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if os.environ.get("GCMKG_SKIP_BROWSER"):
        pytest.skip("GCMKG_SKIP_BROWSER is set")
    if not CHROMIUM.exists():
        pytest.fail(f"the explorer's browser tests need Debian's chromium at {CHROMIUM}: run "
                    "`apt-get install -y chromium` (or set GCMKG_SKIP_BROWSER=1 to skip these tests)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Loaded:
    """An explorer page and what happened while it ran."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def wait_for(self, expression: str, timeout: float = 120.0) -> Any:
        """Poll a JS expression until it is truthy (no timing is asserted; the limit only ends a hung page)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.page.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"page never satisfied {expression}")
            time.sleep(0.1)

    def panel_text(self) -> str:
        return self.page.locator("#panel-body").inner_text()


def open_explorer(browser, html: Path, width: int = 1600, height: int = 1000) -> Loaded:
    """Open a page offline and wait until its graph has stabilised and physics is off."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    loaded = Loaded(page, html.resolve().as_uri())

    def route(r) -> None:
        if r.request.url == loaded.url:
            r.continue_()
        else:
            loaded.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda r: loaded.requests.append(r.url))
    page.on("console", lambda m: loaded.errors.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: loaded.errors.append(f"page error: {e}"))
    page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))
    page.goto(loaded.url)
    loaded.wait_for("() => !!(window.gcmkgExplorer && window.gcmkgExplorer.physics === false)")
    return loaded


def assert_offline_and_clean(loaded: Loaded) -> None:
    assert loaded.blocked == [], f"the page tried the network: {loaded.blocked}"
    assert set(loaded.requests) == {loaded.url}, loaded.requests
    assert loaded.errors == [], loaded.errors
    assert loaded.dialogs == [], loaded.dialogs


def screenshot(loaded: Loaded, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    loaded.page.screenshot(path=str(path))
    print(f"screenshot: {path}")
    return path


def click_graph_node(loaded: Loaded, node_id: str) -> None:
    """A real mouse click on a node of the vis-network canvas."""
    loaded.js(f"() => gcmkgExplorer.network.focus({_js(node_id)}, {{scale: 1.2, animation: false}})")
    x, y = loaded.js(f"""() => {{ const n = gcmkgExplorer.network; const p = n.canvasToDOM(n.getPositions([{_js(node_id)}])[{_js(node_id)}]);
                        const r = document.querySelector('#graph canvas').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }}""")
    loaded.page.mouse.click(x, y)


def _js(value: str) -> str:
    import json

    return json.dumps(value)
