"""widget.js, the demo pages and the default privacy statement."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from gembot.tenants.access import find_municipality
from gembot.tenants.models import Municipality

STATIC_DIR = Path(__file__).resolve().parent / "static" / "gem-widget"
CSS_PLACEHOLDER = '"/*__GEM_CSS__*/"'

# The demo pages run under the policy a careful municipal website would set: the widget
# must work without inline scripts or styles and without eval.
DEMO_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
    "form-action 'self'; object-src 'none'"
)


@functools.cache
def _bundle() -> tuple[bytes, str]:
    """widget.js with widget.css inlined as a string (one request, a constructable sheet)."""
    script = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    css = (STATIC_DIR / "widget.css").read_text(encoding="utf-8")
    if CSS_PLACEHOLDER not in script:
        raise RuntimeError("widget.js lost its CSS placeholder")
    content = script.replace(CSS_PLACEHOLDER, json.dumps(css), 1).encode("utf-8")
    return content, '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def widget_bundle() -> bytes:
    if settings.DEBUG:
        _bundle.cache_clear()
    return _bundle()[0]


@require_safe
@gzip_page
def widget_js(request: HttpRequest) -> HttpResponse:
    content = widget_bundle()
    etag = _bundle()[1]
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(content, content_type="text/javascript; charset=utf-8")
    response["ETag"] = etag
    # Embedding pages cannot version the URL, so keep the cache short.
    response["Cache-Control"] = "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _with_csp(response: HttpResponse) -> HttpResponse:
    response["Content-Security-Policy"] = DEMO_CSP
    return response


@require_safe
def demo_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    municipalities = Municipality.objects.filter(enabled=True).only(
        "code", "slug", "name", "province"
    )
    if query:
        municipalities = municipalities.filter(
            Q(name__icontains=query)
            | Q(code__iexact=query)
            | Q(province__icontains=query)
            | Q(slug__icontains=query)
        )
    return _with_csp(
        render(
            request,
            "widget/demo_list.html",
            {"query": query, "municipalities": list(municipalities)},
        )
    )


DEMO_PAGES = {
    "": {
        "title": "Welkom",
        "intro": "Op deze website vindt u informatie over producten en diensten van de gemeente.",
        "blocks": [
            ("Afval", "Wanneer wordt uw container geleegd? En waar laat u grof afval?"),
            ("Paspoort en ID-kaart", "Vraag een nieuw paspoort of een ID-kaart aan."),
            ("Verhuizen", "Geef uw verhuizing binnen 5 dagen door aan de gemeente."),
            ("Parkeren", "Vergunningen, parkeerzones en betalen met de app."),
        ],
    },
    "afval": {
        "title": "Afval",
        "intro": "Alles over het ophalen van afval, de milieustraat en grof afval.",
        "blocks": [
            ("Afvalkalender", "Bekijk wanneer uw containers aan de straat moeten staan."),
            ("Grof afval", "Laat grof afval ophalen of breng het zelf naar de milieustraat."),
        ],
    },
    "paspoort": {
        "title": "Paspoort en ID-kaart",
        "intro": "Uw paspoort of ID-kaart vraagt u aan bij de gemeente waar u woont.",
        "blocks": [
            ("Afspraak maken", "Maak eerst een afspraak. Neem een pasfoto mee."),
            ("Kosten", "De kosten hangen af van uw leeftijd en het soort document."),
        ],
    },
}
# What the demo page passes on to widget.js: ?language=en&open=1&topic=...&greeting=...
DEMO_OPTIONS = ("language", "open", "topic", "greeting")


@require_safe
def demo_page(request: HttpRequest, reference: str, page: str = "") -> HttpResponse:
    municipality = find_municipality(reference)
    if municipality is None or not municipality.enabled or page not in DEMO_PAGES:
        raise Http404("unknown municipality or page")
    options = {name: request.GET[name][:200] for name in DEMO_OPTIONS if request.GET.get(name, "")}
    if options.get("language") not in (None, "nl", "en"):
        options.pop("language")
    return _with_csp(
        render(
            request,
            "widget/demo_page.html",
            {
                "municipality": municipality,
                "page": DEMO_PAGES[page],
                "page_key": page,
                "nav": [(key, content["title"]) for key, content in DEMO_PAGES.items()],
                "options": options,
            },
        )
    )


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    municipality = find_municipality(request.GET.get("municipality", ""))
    return _with_csp(
        render(
            request,
            "widget/privacy.html",
            {
                "municipality": municipality,
                "retention_days": settings.GEM_TRANSCRIPT_RETENTION_DAYS,
            },
        )
    )
