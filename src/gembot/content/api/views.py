"""Public topic API: every topic of a municipality with its main answer."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gembot.content.answers import snapshot_for
from gembot.core.throttling import IpRateThrottle
from gembot.tenants.access import access_municipality


class TopicAnswerSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Stable topic id (catalogue id or local-...).")
    title = serializers.CharField()
    upl_uri = serializers.CharField(help_text="URI on the Uniforme Productnamenlijst, or empty.")
    answer = serializers.CharField(
        help_text="Main answer for this municipality (markup: paragraphs, '- ' lists, "
        "**bold**, [text](https://...) links)."
    )


class MunicipalityTopicsView(APIView):
    """``GET /api/v1/municipalities/{code}/topics``: the code is a CBS code or a slug."""

    throttle_classes = [IpRateThrottle]

    @extend_schema(
        summary="Topics and main answers of a municipality",
        parameters=[
            OpenApiParameter("lang", str, enum=["nl", "en"], description="Language (default nl)")
        ],
        responses=TopicAnswerSerializer(many=True),
    )
    def get(self, request: Request, reference: str) -> Response:
        municipality = access_municipality(reference)
        language = "en" if request.query_params.get("lang") == "en" else "nl"
        snapshot = snapshot_for(municipality)
        topics = [
            {
                "id": topic.key,
                "title": topic.display_title(language),
                "upl_uri": topic.upl_uri,
                "answer": snapshot.answer(topic.key, language).text,
            }
            for topic in snapshot.topics()
        ]
        return Response(topics)
