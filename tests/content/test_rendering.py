"""The template renderer: {{ name }} only, fallbacks for everything else, nothing executed."""

from __future__ import annotations

from gembot.content.rendering import render, template_problems, variable_names

FALLBACKS = {"gemeente.telefoon": "14 en dan het netnummer", "url.afval": "de website"}


def test_spaces_inside_the_braces_are_optional():
    rendered = render(
        "Bel {{gemeente.telefoon}} of {{   gemeente.telefoon   }}.",
        {"gemeente.telefoon": "14 013"},
        FALLBACKS,
    )
    assert rendered.text == "Bel 14 013 of 14 013."
    assert rendered.used_fallback_vars == []


def test_unknown_names_render_a_generic_fallback():
    rendered = render("Kijk op {{ iets.anders }}.", {}, FALLBACKS)
    assert rendered.text == "Kijk op de website van uw gemeente."
    assert rendered.used_fallback_vars == ["iets.anders"]
    assert render("See {{ iets.anders }}.", {}, {}, "en").text == "See your municipality's website."


def test_expressions_and_tags_are_not_evaluated():
    rendered = render("A {{ 7*7 }} B {{ x.__class__ }} C {% now %}", {}, FALLBACKS)
    assert "49" not in rendered.text
    assert "{{" not in rendered.text and "}}" not in rendered.text
    assert "class" not in rendered.text


def test_links_keep_real_addresses_and_turn_fallbacks_into_words():
    template = "[Afvalkalender]({{ url.afval }})"
    assert (
        render(template, {"url.afval": "https://x.nl/afval"}, FALLBACKS).text
        == "[Afvalkalender](https://x.nl/afval)"
    )
    assert (
        render(template, {"url.afval": "www.x.nl"}, FALLBACKS).text
        == "[Afvalkalender](https://www.x.nl)"
    )
    assert render(template, {}, FALLBACKS).text == "Afvalkalender (de website)"


def test_problems_are_reported_for_editors():
    assert template_problems("Bel {{ gemeente.telefoon }}. [Site](https://x.nl)") == []
    assert template_problems("Bel {{ gemeente.telefoon }") != []
    assert template_problems("Bel {{ Gemeente Telefoon }}") != []
    assert template_problems("[Site](http://x.nl)") != []
    assert template_problems("[Site]({{ tarief.grofvuil }})") != []
    assert variable_names("{{ a.b }} {{a.b}} {{ c }}") == ["a.b", "c"]
