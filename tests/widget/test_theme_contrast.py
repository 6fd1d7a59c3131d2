"""Theme colours that would fail WCAG AA are refused, in Dutch, also in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from gembot.widget.actions import save_widget_theme
from gembot.widget.contrast import contrast_ratio, format_ratio, relative_luminance
from gembot.widget.models import WidgetTheme


def test_wcag_luminance_and_ratio():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#FFFFFF") == pytest.approx(1)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # Known values: #767676 on white is the lightest grey that passes AA.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert format_ratio(4.4999) == "4,49:1"


def test_theme_with_enough_contrast_is_saved(tilburg):
    theme = save_widget_theme(
        WidgetTheme(
            municipality=tilburg,
            primary_color="#004b87",
            primary_text_color="#ffffff",
            focus_color="#e17000",
        )
    )
    assert theme.pk


@pytest.mark.parametrize(
    ("colours", "field", "words"),
    [
        (
            {"primary_color": "#004b87", "primary_text_color": "#3366aa"},
            "primary_text_color",
            "tekst op de hoofdkleur",
        ),
        (
            {"primary_color": "#ffd700", "primary_text_color": "#000000"},
            "primary_color",
            "hoofdkleur is als tekstkleur",
        ),
        ({"primary_color": "#9fc5e8"}, "primary_color", "tekst op de hoofdkleur"),
        ({"focus_color": "#dddddd"}, "focus_color", "focuskleur"),
    ],
)
def test_theme_failing_aa_is_refused_in_dutch(tilburg, colours, field, words):
    with pytest.raises(ValidationError) as refused:
        save_widget_theme(WidgetTheme(municipality=tilburg, **colours))
    messages = " ".join(refused.value.message_dict[field])
    assert words in messages
    assert "WCAG AA" in messages
    assert not WidgetTheme.objects.filter(municipality=tilburg).exists()


def test_badly_written_values_are_refused(tilburg):
    with pytest.raises(ValidationError) as refused:
        save_widget_theme(
            WidgetTheme(
                municipality=tilburg,
                primary_color="blue",
                font_family="Arial; } body { display: none",
                border_radius="4px; color: red",
                logo_url="http://insecure.example/logo.png",
                hide_on_pages="bestuur/*",
            )
        )
    assert set(refused.value.message_dict) == {
        "primary_color",
        "font_family",
        "border_radius",
        "logo_url",
        "hide_on_pages",
    }


def test_admin_shows_the_contrast_error(client, tilburg):
    admin = get_user_model().objects.create_superuser("editor", "editor@example.nl", "pw-123456")
    client.force_login(admin)
    response = client.post(
        "/admin/widget/widgettheme/add/",
        {
            "municipality": tilburg.pk,
            "primary_color": "#004b87",
            "primary_text_color": "#1a1a1a",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "niet goed te lezen" in response.content.decode()
    assert not WidgetTheme.objects.exists()

    response = client.post(
        "/admin/widget/widgettheme/add/",
        {"municipality": tilburg.pk, "primary_color": "#004b87", "primary_text_color": "#ffffff"},
    )
    assert response.status_code == 302
    assert WidgetTheme.objects.get().primary_color == "#004b87"
