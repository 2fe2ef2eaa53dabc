"""Query parameters of the list endpoints. Ids are plain numbers (no look-up to validate
them): an unknown id simply matches nothing."""

import django_filters as filters
from django import forms
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from puentes.networks.models import Call
from puentes.partnerships.models import Partnership
from puentes.plans.models import IndicatorValue
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.workshops.models import Registration, Workshop

# Ids the databases can hold: a larger number is refused as invalid input, not sent to them.
LARGEST_ID = 2**63 - 1


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", LARGEST_ID)
        super().__init__(*args, **kwargs)


class CallFilter(filters.FilterSet):
    network = filters.CharFilter(field_name="network__slug", help_text="The network's slug.")

    class Meta:
        model = Call
        fields = ["network"]


class SeekingProfileFilter(filters.FilterSet):
    call = IdFilter(field_name="call_id")
    country = filters.CharFilter(
        field_name="organisation__country__code", help_text="ISO code: GT or CO."
    )
    theme = filters.CharFilter(field_name="themes__slug", distinct=True)

    class Meta:
        model = SeekingProfile
        fields = ["call", "country", "theme"]


class PartnershipFilter(filters.FilterSet):
    call = IdFilter(field_name="call_id")
    country = filters.CharFilter(
        method="in_country", help_text="ISO code of either partner's country: SE, GT or CO."
    )
    theme = filters.CharFilter(field_name="themes__slug", distinct=True)

    class Meta:
        model = Partnership
        fields = ["call", "country", "theme"]

    def in_country(self, queryset, name, value):
        return queryset.filter(
            Q(swedish_organisation__country__code=value)
            | Q(latin_organisation__country__code=value)
        )


class WorkshopFilter(filters.FilterSet):
    call = IdFilter(field_name="call_id")
    state = filters.ChoiceFilter(
        choices=[c for c in Workshop.State.choices if c[0] != Workshop.State.DRAFT]
    )
    country = filters.CharFilter(field_name="country__code", help_text="ISO code, e.g. GT.")
    is_online = filters.BooleanFilter()

    class Meta:
        model = Workshop
        fields = ["call", "state", "country", "is_online"]


class InterestFilter(filters.FilterSet):
    call = IdFilter(field_name="call_id")
    status = filters.ChoiceFilter(
        choices=[c for c in Interest.Status.choices if c[0] != Interest.Status.DRAFT]
    )
    preferred_country = filters.ChoiceFilter(choices=Interest.PreferredCountry.choices)

    class Meta:
        model = Interest
        fields = ["call", "status", "preferred_country"]


class RegistrationFilter(filters.FilterSet):
    workshop = IdFilter(field_name="workshop_id")
    partnership = IdFilter(field_name="partnership_id")
    status = filters.ChoiceFilter(choices=Registration.Status.choices)

    class Meta:
        model = Registration
        fields = ["workshop", "partnership", "status"]


class IndicatorValueFilter(filters.FilterSet):
    partnership = IdFilter(field_name="partnership_id")
    indicator = IdFilter(field_name="indicator_id")
    period = IdFilter(field_name="period_id")

    class Meta:
        model = IndicatorValue
        fields = ["partnership", "indicator", "period"]
