"""Public reading, no token needed: what the public pages show, as JSON. Unpublished
records (networks, seeking profiles awaiting approval, draft workshops) answer 404."""

from django.db.models import Prefetch
from rest_framework.permissions import AllowAny

from puentes.networks.models import Call, Network, Theme
from puentes.partnerships.selectors import public_partnerships
from puentes.recruitment.models import SeekingProfile
from puentes.workshops.models import Workshop

from . import filters
from . import serializers_public as s
from .views_base import DetailView, ListView

THEMES_IN_ORDER = Prefetch("themes", queryset=Theme.objects.order_by("kind", "position", "slug"))


class Public:
    permission_classes = [AllowAny]


class NetworkRead(Public):
    serializer_class = s.NetworkSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return Network.objects.published().prefetch_related(THEMES_IN_ORDER)


class NetworkList(NetworkRead, ListView):
    """Published networks with their themes."""


class NetworkDetail(NetworkRead, DetailView):
    """One published network."""


class CallRead(Public):
    serializer_class = s.CallSerializer
    filterset_class = filters.CallFilter

    def get_queryset(self):
        return (
            Call.objects.filter(network__is_published=True)
            .select_related("network")
            .order_by("-open_date", "pk")
        )


class CallList(CallRead, ListView):
    """Calls of the published networks, newest first."""


class CallDetail(CallRead, DetailView):
    """One call."""


class SeekingProfileRead(Public):
    serializer_class = s.SeekingProfileSerializer
    filterset_class = filters.SeekingProfileFilter

    def get_queryset(self):
        return (
            SeekingProfile.objects.published()
            .filter(call__network__is_published=True)
            .select_related("organisation__country", "organisation__area")
            .prefetch_related(THEMES_IN_ORDER)
            .order_by("organisation__name", "pk")
        )


class SeekingProfileList(SeekingProfileRead, ListView):
    """Published partner-seeking municipalities (approved by the secretariat), by name."""


class SeekingProfileDetail(SeekingProfileRead, DetailView):
    """One published partner-seeking municipality."""


class PartnershipRead(Public):
    serializer_class = s.PartnershipSerializer
    filterset_class = filters.PartnershipFilter

    def get_queryset(self):
        return (
            public_partnerships()
            .filter(call__network__is_published=True)
            .select_related("swedish_organisation__area", "latin_organisation__area")
            .order_by("-call__open_date", "swedish_organisation__name", "pk")
        )


class PartnershipList(PartnershipRead, ListView):
    """Partnerships with their public facts: the two organisations, the area of cooperation
    and the themes."""


class PartnershipDetail(PartnershipRead, DetailView):
    """One partnership's public facts."""


class WorkshopRead(Public):
    serializer_class = s.WorkshopSerializer
    filterset_class = filters.WorkshopFilter

    def get_queryset(self):
        return (
            Workshop.objects.published()
            .filter(call__network__is_published=True)
            .select_related("country")
            .order_by("start_at", "pk")
        )


class WorkshopList(WorkshopRead, ListView):
    """Workshops that are not drafts, soonest first."""


class WorkshopDetail(WorkshopRead, DetailView):
    """One workshop that is not a draft."""
