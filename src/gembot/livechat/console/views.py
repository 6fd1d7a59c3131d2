"""The agent console: one page; the plain JS in static/livechat/ does the rest over the
agent API and ``/ws/console/``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie

from gembot.livechat.access import municipalities_for
from gembot.livechat.actions.presence import current_availability
from gembot.livechat.models import Availability, Outcome, Role

LOGIN_URL = "livechat-login"


def _texts() -> dict[str, str]:
    """Texts the console's JavaScript shows (through gettext, like the templates)."""
    return {
        "waiting": _("wacht"),
        "minutes": _("min"),
        "accept": _("Aannemen"),
        "open": _("Bekijken"),
        "noTopic": _("onderwerp onbekend"),
        "newResident": _("Nieuwe inwoner in de wachtrij"),
        "taken": _("Een collega heeft dit gesprek al aangenomen."),
        "typing": _("De inwoner typt..."),
        "connected": _("Verbonden"),
        "disconnected": _("Geen verbinding. Opnieuw verbinden..."),
        "resident": _("Inwoner"),
        "gem": "Gem",
        "system": _("Systeem"),
        "handled": _("Afgehandeld"),
        "waiting_for_agent": _("wacht op medewerker"),
        "with_agent": _("in gesprek met medewerker"),
        "with_gem": _("terug bij Gem"),
        "closed": _("afgesloten"),
        "confirmClose": _("Dit gesprek afsluiten?"),
        "by": _("door"),
    }


@ensure_csrf_cookie
@login_required(login_url=LOGIN_URL)
def console(request: HttpRequest) -> HttpResponse:
    municipalities = list(municipalities_for(request.user, Role.AGENT))
    if not municipalities:
        return render(request, "livechat/console/not_an_agent.html", status=403)
    return render(
        request,
        "livechat/console/console.html",
        {
            "municipalities": municipalities,
            "availability": current_availability(request.user),
            "availabilities": Availability.choices,
            "outcomes": Outcome.choices,
            "texts": _texts(),
        },
    )
