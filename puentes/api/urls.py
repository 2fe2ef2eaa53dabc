"""The REST API, version 1: not language-prefixed; see docs/api.md."""

from django.urls import path, re_path
from drf_spectacular.views import (
    SpectacularJSONAPIView,
    SpectacularSwaggerSplitView,
)

from . import views_coordination as coordination
from . import views_public as public
from .views_base import NotFoundView

app_name = "api"

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
    path("networks/", public.NetworkList.as_view(), name="network_list"),
    path("networks/<slug:slug>/", public.NetworkDetail.as_view(), name="network_detail"),
    path("calls/", public.CallList.as_view(), name="call_list"),
    path("calls/<int:pk>/", public.CallDetail.as_view(), name="call_detail"),
    path("seeking-profiles/", public.SeekingProfileList.as_view(), name="seeking_profile_list"),
    path(
        "seeking-profiles/<int:pk>/",
        public.SeekingProfileDetail.as_view(),
        name="seeking_profile_detail",
    ),
    path("partnerships/", public.PartnershipList.as_view(), name="partnership_list"),
    path("partnerships/<int:pk>/", public.PartnershipDetail.as_view(), name="partnership_detail"),
    path("workshops/", public.WorkshopList.as_view(), name="workshop_list"),
    path("workshops/<int:pk>/", public.WorkshopDetail.as_view(), name="workshop_detail"),
    path("interests/", coordination.InterestList.as_view(), name="interest_list"),
    path("interests/<int:pk>/", coordination.InterestDetail.as_view(), name="interest_detail"),
    path(
        "interests/<int:pk>/review/",
        coordination.InterestStartReview.as_view(),
        name="interest_review",
    ),
    path(
        "interests/<int:pk>/decision/",
        coordination.InterestDecision.as_view(),
        name="interest_decision",
    ),
    path("registrations/", coordination.RegistrationList.as_view(), name="registration_list"),
    path(
        "registrations/<int:pk>/",
        coordination.RegistrationDetail.as_view(),
        name="registration_detail",
    ),
    path(
        "registrations/<int:pk>/mark/",
        coordination.RegistrationMark.as_view(),
        name="registration_mark",
    ),
    path(
        "registrations/<int:pk>/cancel/",
        coordination.RegistrationCancel.as_view(),
        name="registration_cancel",
    ),
    path(
        "indicator-values/", coordination.IndicatorValueList.as_view(), name="indicator_value_list"
    ),
    path(
        "indicator-values/<int:pk>/",
        coordination.IndicatorValueDetail.as_view(),
        name="indicator_value_detail",
    ),
    # Last: every other address under /api/v1/ is not found, in the API's error shape.
    re_path(r"^", NotFoundView.as_view(), name="not_found"),
]
