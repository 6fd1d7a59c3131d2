"""The demo pages: a plain municipal website with the widget, served by Gem itself."""

from __future__ import annotations

from django.test import Client


def test_demo_list_with_search(client: Client, db):
    response = client.get("/demo/")
    assert response.status_code == 200
    assert b'href="/demo/tilburg/"' in response.content
    found = client.get("/demo/", {"q": "tilb"}).content.decode()
    assert 'href="/demo/tilburg/"' in found
    assert 'href="/demo/breda/"' not in found


def test_demo_page_by_code_and_by_slug(client: Client, db):
    for reference in ("GM0855", "tilburg", "gm0855"):
        response = client.get(f"/demo/{reference}/")
        assert response.status_code == 200, reference
        html = response.content.decode()
        assert "Gemeente Tilburg" in html
        assert '<script src="/widget.js" data-municipality="GM0855"' in html


def test_demo_subpage_for_navigation(client: Client, db):
    response = client.get("/demo/tilburg/afval/")
    assert response.status_code == 200
    assert 'aria-current="page">Afval<' in response.content.decode()


def test_unknown_municipality_or_page_is_404(client: Client, db):
    assert client.get("/demo/GM9999/").status_code == 404
    assert client.get("/demo/nergenshuizen/").status_code == 404
    assert client.get("/demo/tilburg/bestaat-niet/").status_code == 404


def test_demo_page_runs_under_a_strict_csp(client: Client, db):
    response = client.get("/demo/tilburg/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    html = response.content.decode()
    assert "<style" not in html
    assert " style=" not in html
    assert "<script>" not in html  # only the widget's external script


def test_demo_page_passes_widget_options_escaped(client: Client, db):
    html = client.get(
        "/demo/tilburg/",
        {"language": "en", "open": "1", "greeting": '"><script>alert(1)</script>', "x": "y"},
    ).content.decode()
    assert 'data-language="en"' in html
    assert 'data-open="1"' in html
    assert "<script>alert(1)" not in html
    assert 'data-greeting="&quot;&gt;&lt;script&gt;' in html
    assert "data-x" not in html


def test_privacy_statement(client: Client, db):
    response = client.get("/widget/privacy", {"municipality": "GM0855"})
    assert response.status_code == 200
    assert "gemeente Tilburg" in response.content.decode()
