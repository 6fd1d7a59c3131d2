"""/widget.js: small, safe and served as one file."""

from __future__ import annotations

import re
from pathlib import Path

import gembot.widget

STATIC = Path(gembot.widget.__file__).parent / "static" / "gem-widget"
BUDGET_GZIP_BYTES = 30 * 1024


def test_widget_js_is_served_with_its_css(client):
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    body = response.content.decode()
    assert "/*__GEM_CSS__*/" not in body
    assert ".launcher" in body  # the stylesheet travels inside the script
    assert "max-age" in response["Cache-Control"]


def test_widget_js_fits_the_size_budget_gzipped(client):
    response = client.get("/widget.js", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) <= BUDGET_GZIP_BYTES, len(response.content)


def test_unchanged_widget_js_is_not_sent_again(client):
    etag = client.get("/widget.js")["ETag"]
    assert client.get("/widget.js", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_widget_js_builds_dom_nodes_and_never_evaluates_text():
    source = (STATIC / "widget.js").read_text()
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.DOTALL)  # comments may say it
    for forbidden in (
        "eval(",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "new Function",
        "createContextualFragment",
    ):
        assert forbidden not in code, forbidden
    # Timers get functions, never strings of code.
    assert not re.search(r"set(Timeout|Interval)\(\s*[\"'`]", code)
    # Links open safely.
    assert 'a.rel = "noopener noreferrer"' in code
    assert '["http:", "https:", "mailto:", "tel:"]' in code


def test_widget_css_needs_no_inline_styles():
    css = (STATIC / "widget.css").read_text()
    assert "prefers-reduced-motion" in css
    assert "@import" not in css  # one stylesheet, no extra requests
