"""Coordinators' reading and writing, with a token. Every write calls the service the pages
call, so the workflow's rules, the audit trail and the mails are the same as on the site.
A service's refusal answers 409 (the record's state does not allow it) or 400 (the input)."""

from django.conf import settings
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView

from puentes.networks.models import Theme
from puentes.plans.models import IndicatorValue
from puentes.recruitment import services as recruitment
from puentes.recruitment.models import Interest
from puentes.workshops import services as workshops
from puentes.workshops.models import Registration

from . import filters
from . import serializers_coordination as s
from .errors import Conflict
from .filters import LARGEST_ID
from .indicator_values import value_save
from .parsers import JSONParserRefusingDeepNesting
from .permissions import IsCoordinator
from .views_base import DetailView, ListView


class Coordinators:
    permission_classes = [IsCoordinator]
    parser_classes = [JSONParserRefusingDeepNesting]


def _received_interests():
    """Interests the secretariat has received: drafts stay the applicant's own."""
    return (
        Interest.objects.exclude(status=Interest.Status.DRAFT)
        .select_related("organisation__country", "organisation__area")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("slug")))
        .order_by("-submitted_at", "pk")
    )


def _registrations():
    return Registration.objects.select_related(
        "person", "organisation__country", "organisation__area"
    ).order_by("workshop_id", "registered_at", "pk")


def _indicator_values():
    return IndicatorValue.objects.annotate(
        partnership_id=Coalesce(
            F("indicator__outcome__plan__partnership"),
            F("indicator__output__outcome__plan__partnership"),
        )
    ).order_by("indicator_id", "period__start_date", "pk")


def _one(queryset, pk):
    if pk > LARGEST_ID:
        raise exceptions.NotFound
    return get_object_or_404(queryset, pk=pk)


class InterestList(Coordinators, ListView):
    """Expressions of interest received (not drafts), newest first."""

    serializer_class = s.InterestSerializer
    filterset_class = filters.InterestFilter
    queryset = _received_interests()


class InterestDetail(Coordinators, DetailView):
    """One expression of interest."""

    serializer_class = s.InterestSerializer
    queryset = _received_interests()


class InterestStartReview(Coordinators, APIView):
    @extend_schema(request=None, responses=s.InterestSerializer)
    def post(self, request, pk):
        """Take a submitted expression of interest into review."""
        interest = _one(_received_interests(), pk)
        try:
            recruitment.interest_start_review(
                interest=interest, by=request.user, now=timezone.now()
            )
        except recruitment.RecruitmentError as refused:
            raise Conflict(refused.message) from refused
        return Response(s.InterestSerializer(_one(_received_interests(), pk)).data)


class InterestDecision(Coordinators, APIView):
    @extend_schema(request=s.DecisionSerializer, responses=s.InterestSerializer)
    def post(self, request, pk):
        """Accept, waitlist or decline an interest in review (declining needs a reason);
        its contacts are told by mail in their language."""
        interest = _one(_received_interests(), pk)
        decision = s.DecisionSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        try:
            recruitment.interest_decide(
                interest=interest,
                decision=decision.validated_data["decision"],
                reason=decision.validated_data["reason"],
                by=request.user,
                now=timezone.now(),
            )
        except recruitment.RecruitmentError as refused:
            raise Conflict(refused.message) from refused
        return Response(s.InterestSerializer(_one(_received_interests(), pk)).data)


class RegistrationList(Coordinators, ListView):
    """Registrations for workshops, per workshop in the order they came."""

    serializer_class = s.RegistrationSerializer
    filterset_class = filters.RegistrationFilter
    queryset = _registrations()


class RegistrationDetail(Coordinators, DetailView):
    """One registration."""

    serializer_class = s.RegistrationSerializer
    queryset = _registrations()


class RegistrationMark(Coordinators, APIView):
    @extend_schema(request=s.MarkSerializer, responses=s.RegistrationSerializer)
    def post(self, request, pk):
        """Check-in: mark a registration with a place as present (attended) or absent."""
        registration = _one(_registrations(), pk)
        mark = s.MarkSerializer(data=request.data)
        mark.is_valid(raise_exception=True)
        try:
            workshops.registration_mark(
                registration=registration,
                status=mark.validated_data["status"],
                by=request.user,
                now=timezone.now(),
            )
        except workshops.WorkshopError as refused:
            raise Conflict(refused.message) from refused
        return Response(s.RegistrationSerializer(_one(_registrations(), pk)).data)


class RegistrationCancel(Coordinators, APIView):
    @extend_schema(request=None, responses=s.RegistrationSerializer)
    def post(self, request, pk):
        """Cancel a place or a turn on the waiting list; a freed place goes to the first on
        the waiting list, who is told by mail."""
        registration = _one(_registrations(), pk)
        try:
            workshops.registration_cancel(
                registration=registration,
                by=request.user,
                now=timezone.now(),
                base_url=settings.PUENTES_SITE_URL,
            )
        except workshops.WorkshopError as refused:
            raise Conflict(refused.message) from refused
        return Response(s.RegistrationSerializer(_one(_registrations(), pk)).data)


class IndicatorValueList(Coordinators, ListView):
    """Actual values of indicators per reporting period."""

    serializer_class = s.IndicatorValueSerializer
    filterset_class = filters.IndicatorValueFilter
    queryset = _indicator_values()

    @extend_schema(
        request=s.IndicatorValueWriteSerializer,
        responses={200: s.IndicatorValueSerializer},
    )
    def post(self, request):
        """Record an indicator's actual value for one reporting period (a new one, or a
        change of the version you read)."""
        value = value_save(request.data, by=request.user, now=timezone.now())
        return Response(s.IndicatorValueSerializer(_one(_indicator_values(), value.pk)).data)


class IndicatorValueDetail(Coordinators, DetailView):
    """One indicator value."""

    serializer_class = s.IndicatorValueSerializer
    queryset = _indicator_values()
