"""Browser tests: a real `gembot serve` (SQLite, in-memory channel layer) and Debian's Chromium.

Chromium comes from Debian (`apt-get install -y chromium`), axe-core from npm
(`npm ci` at the repository root); Playwright never downloads a browser here. Without them
the tests are skipped locally and fail on CI (`CI=true`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.services.servers import GEMBOT, prepare, running_server

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {what}")
    pytest.skip(what)


@dataclass
class Gem:
    """The running server: its URL and the environment to run `gembot` commands against it."""

    base: str
    env: dict[str, str]
    problems: list[str] = field(default_factory=list)

    def gembot(self, *args: str) -> str:
        done = subprocess.run(
            [GEMBOT, *args], env=self.env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def shell(self, code: str) -> str:
        return self.gembot("manage", "shell", "-c", code)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        _missing("Debian's chromium is not installed (apt-get install -y chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _missing("Playwright for Python is not installed (pip install playwright==1.65.2)")
    return path


@pytest.fixture(scope="session")
def gem(chromium_path, tmp_path_factory) -> Gem:
    data = tmp_path_factory.mktemp("gem-browser")
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{data / 'gem.sqlite3'}",
            "GEM_DATA_DIR": str(data),
            "GEM_RATE_IP": "100000/min",
            "GEM_RATE_CONVERSATION": "100000/min",
            "GEM_RATE_NEW_CONVERSATION": "100000/min",
        }
    )
    prepare(env)
    with running_server(env) as base:
        yield Gem(base, env)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, gem):
    """``new_page(width=1280, height=800, **context_options)``: a page in a fresh context
    (empty sessionStorage) that fails the test on a script error or a CSP violation."""
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    contexts = []
    problems: list[str] = []

    def make(width: int = 1280, height: int = 800, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on(
            "console",
            lambda message: (
                problems.append(f"console: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert problems == []


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        _missing("axe-core is not installed (npm ci at the repository root)")
    return AXE.read_text(encoding="utf-8")


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(600)  # let a smooth scroll end
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
