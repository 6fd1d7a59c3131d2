"""What widget.js asks before it shows itself: theme, texts and whether to show on this page."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gembot.conversations.api.serializers import ErrorResponse
from gembot.core.throttling import IpRateThrottle
from gembot.tenants.access import access_municipality
from gembot.widget.models import WidgetTheme


class WidgetMunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    slug = serializers.CharField()
    name = serializers.CharField()


class WidgetConfigResponse(serializers.Serializer):
    municipality = WidgetMunicipalitySerializer()
    show = serializers.BooleanField(help_text="False: the widget stays hidden on this page.")
    title = serializers.CharField(help_text="Empty: the widget's own title.")
    logo_url = serializers.CharField()
    privacy_url = serializers.CharField()
    tokens = serializers.DictField(
        child=serializers.CharField(),
        help_text="Design tokens the municipality set (CSS custom properties).",
    )


class WidgetConfigView(APIView):
    throttle_classes = [IpRateThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter("municipality", str, required=True, description="CBS code or slug"),
            OpenApiParameter("page", str, description="Path of the page the widget is on."),
        ],
        responses={200: WidgetConfigResponse, 404: ErrorResponse, 403: ErrorResponse},
        summary="Configuration of the chat widget for one page",
    )
    def get(self, request: Request) -> Response:
        municipality = access_municipality(request.query_params.get("municipality", ""))
        theme = WidgetTheme.objects.filter(municipality=municipality).first() or WidgetTheme(
            municipality=municipality
        )
        page = request.query_params.get("page") or "/"
        privacy_url = theme.privacy_url or request.build_absolute_uri(
            reverse("widget-privacy") + "?" + urlencode({"municipality": municipality.code})
        )
        response = Response(
            {
                "municipality": {
                    "code": municipality.code,
                    "slug": municipality.slug,
                    "name": municipality.name,
                },
                "show": theme.shown_on(page),
                "title": theme.title,
                "logo_url": theme.logo_url,
                "privacy_url": privacy_url,
                "tokens": theme.tokens(),
            }
        )
        response["Cache-Control"] = "public, max-age=60"
        return response
