"""What coordinators read and send with a token. Personal data is kept to what the work
needs: a registration names its person, but not their needs or travel; an interest carries no
contact persons (the review page has them)."""

from rest_framework import serializers

from puentes.plans.models import IndicatorValue
from puentes.recruitment.models import Interest
from puentes.recruitment.workflow import INTEREST_DECISIONS
from puentes.workshops.models import Registration
from puentes.workshops.services import MARKS

from .serializers_public import OrganisationSerializer

# The largest count the databases' positive integer columns hold.
LARGEST_COUNT = 2**31 - 1


class InterestSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer()
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Interest
        fields = [
            "id",
            "call",
            "organisation",
            "status",
            "motivation",
            "motivation_language",
            "themes",
            "preferred_country",
            "workshop_commitment",
            "submitted_at",
            "decision_reason",
            "updated_at",
            "is_demo",
        ]


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=sorted(INTEREST_DECISIONS))
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        default="",
        help_text="Needed when declining; the contacts read it in their mail.",
    )

    def validate(self, attrs):
        if attrs["decision"] == Interest.Status.DECLINED and not attrs["reason"].strip():
            raise serializers.ValidationError({"reason": ["Give a reason for declining."]})
        return attrs


class PersonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class RegistrationSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    organisation = OrganisationSerializer(allow_null=True)

    class Meta:
        model = Registration
        fields = [
            "id",
            "workshop",
            "person",
            "organisation",
            "partnership",
            "status",
            "registered_at",
            "status_changed_at",
            "is_demo",
        ]


class MarkSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=sorted(MARKS), help_text="Present or absent.")


class IndicatorValueSerializer(serializers.ModelSerializer):
    partnership = serializers.IntegerField(source="partnership_id", read_only=True)

    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "partnership",
            "indicator",
            "period",
            "value",
            "women",
            "men",
            "other",
            "version",
            "updated_at",
        ]


def _count(label):
    return serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=LARGEST_COUNT, help_text=label
    )


class IndicatorValueWriteSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    period = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    value = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        help_text="The total; for an indicator that counts people, give women, men and other.",
    )
    women = _count("Women, for an indicator that counts people.")
    men = _count("Men, for an indicator that counts people.")
    other = _count("Other or not stated, for an indicator that counts people.")
    expected_version = serializers.IntegerField(
        min_value=0,
        max_value=LARGEST_COUNT,
        help_text="The version of the value you read (0 when there was none): a value saved "
        "by someone else since then is a conflict (409), never overwritten.",
    )
