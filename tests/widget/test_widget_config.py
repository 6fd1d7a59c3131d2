"""GET /api/v1/widget/config: what widget.js needs before it shows itself."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gembot.widget.actions import save_widget_theme
from gembot.widget.models import WidgetTheme


def config(api, municipality="GM0855", page="/", **headers):
    return api.get("/api/v1/widget/config", {"municipality": municipality, "page": page}, **headers)


def test_defaults_without_a_theme(api):
    response = config(api)
    assert response.status_code == 200
    body = response.json()
    assert body["municipality"] == {"code": "GM0855", "slug": "tilburg", "name": "Tilburg"}
    assert body["show"] is True
    assert body["tokens"] == {}
    assert body["privacy_url"].endswith("/widget/privacy?municipality=GM0855")


def test_slug_works_like_the_code(api):
    assert config(api, "tilburg").json()["municipality"]["code"] == "GM0855"


def test_theme_tokens_title_and_logo_are_served(api, tilburg):
    save_widget_theme(
        WidgetTheme(
            municipality=tilburg,
            title="Chat met de gemeente",
            logo_url="https://www.tilburg.nl/logo.svg",
            primary_color="#004b87",
            primary_text_color="#ffffff",
            font_family="Fira Sans, Arial, sans-serif",
            border_radius="0",
            privacy_url="https://www.tilburg.nl/privacy",
        )
    )
    body = config(api).json()
    assert body["title"] == "Chat met de gemeente"
    assert body["logo_url"] == "https://www.tilburg.nl/logo.svg"
    assert body["privacy_url"] == "https://www.tilburg.nl/privacy"
    assert body["tokens"] == {
        "--gem-color-primary": "#004b87",
        "--gem-color-primary-text": "#ffffff",
        "--gem-font-family": "Fira Sans, Arial, sans-serif",
        "--gem-border-radius": "0",
    }


def test_widget_stays_hidden_on_excluded_pages(api, tilburg):
    save_widget_theme(
        WidgetTheme(municipality=tilburg, hide_on_pages="/bestuur/*\n/zoeken", show_on_pages="")
    )
    assert config(api, page="/bestuur/raad/vergadering").json()["show"] is False
    assert config(api, page="/zoeken").json()["show"] is False
    assert config(api, page="/zoeken/resultaten").json()["show"] is True
    assert config(api, page="/afval").json()["show"] is True


def test_widget_shows_only_on_included_pages_when_set(api, tilburg):
    save_widget_theme(
        WidgetTheme(municipality=tilburg, show_on_pages="/afval/*\n/contact", hide_on_pages="")
    )
    assert config(api, page="/afval/kalender").json()["show"] is True
    assert config(api, page="/Contact").json()["show"] is True
    assert config(api, page="/paspoort").json()["show"] is False


def test_unknown_municipality_is_a_404(api):
    response = config(api, "GM9999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "municipality_not_found"


def test_disabled_municipality_is_a_404(api, tilburg):
    tilburg.enabled = False
    tilburg.save(update_fields=["enabled"])
    assert config(api).status_code == 404


def test_config_from_an_allowed_site_takes_few_queries(api, tilburg):
    with CaptureQueriesContext(connection) as queries:
        response = config(api, HTTP_ORIGIN="https://www.tilburg.nl")
    assert response.status_code == 200
    # origin check (municipality), the view (municipality, theme)
    assert len(queries) <= 3
