"""What the public endpoints show: the same facts as the public pages, no personal data
(no contact persons, no e-mail addresses of people, no challenge statements of partnerships).
Texts that people wrote are {language: text} maps, as stored."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from puentes.networks.models import Call, Network, Theme
from puentes.partnerships.models import Partnership
from puentes.places.models import Organisation
from puentes.recruitment.models import SeekingProfile
from puentes.workshops.models import Workshop


@extend_schema_field(
    {"type": "object", "additionalProperties": {"type": "string"}, "example": {"sv": "…"}}
)
class TextsField(serializers.JSONField):
    """A text per language: {"sv": …, "es": …, "en": …}."""


class ThemeSerializer(serializers.ModelSerializer):
    names = TextsField()

    class Meta:
        model = Theme
        fields = ["slug", "kind", "names"]


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    area = serializers.CharField(source="area.name")

    class Meta:
        model = Organisation
        fields = ["code", "name", "kind", "country", "area"]


class NetworkSerializer(serializers.ModelSerializer):
    names = TextsField()
    descriptions = TextsField()
    themes = ThemeSerializer(many=True)

    class Meta:
        model = Network
        fields = [
            "slug",
            "names",
            "descriptions",
            "start_date",
            "end_date",
            "contact_email",
            "themes",
            "is_demo",
        ]


class CallSerializer(serializers.ModelSerializer):
    network = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    titles = TextsField()
    descriptions = TextsField()
    status = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = [
            "id",
            "network",
            "slug",
            "titles",
            "descriptions",
            "open_date",
            "close_date",
            "status",
            "rule_year",
            "rule_min_latin_america",
            "rule_min_sweden",
            "is_demo",
        ]

    @extend_schema_field(
        {"type": "string", "enum": ["upcoming", "open", "closed"]},
    )
    def get_status(self, call) -> str:
        return call.status_on(timezone.localdate())


def _theme_slugs():
    return serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)


class SeekingProfileSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer()
    challenges = TextsField()
    local_contexts = TextsField()
    themes = _theme_slugs()

    class Meta:
        model = SeekingProfile
        fields = [
            "id",
            "call",
            "organisation",
            "challenges",
            "challenge_language",
            "local_contexts",
            "themes",
            "is_demo",
        ]


class PartnershipSerializer(serializers.ModelSerializer):
    swedish_organisation = OrganisationSerializer()
    latin_organisation = OrganisationSerializer()
    areas_of_cooperation = TextsField()
    themes = _theme_slugs()

    class Meta:
        model = Partnership
        fields = [
            "id",
            "call",
            "swedish_organisation",
            "latin_organisation",
            "areas_of_cooperation",
            "themes",
            "is_demo",
        ]


class WorkshopSerializer(serializers.ModelSerializer):
    titles = TextsField()
    descriptions = TextsField()
    country = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Workshop
        fields = [
            "id",
            "call",
            "slug",
            "titles",
            "descriptions",
            "state",
            "is_online",
            "city",
            "country",
            "time_zone",
            "start_at",
            "end_at",
            "registration_opens_at",
            "registration_closes_at",
            "capacity",
            "is_demo",
        ]
