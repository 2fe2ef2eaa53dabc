"""The catalogue of municipalities seeking a partner: the public list and profiles, the
contact relay, the submission form, and the coordinators' review of submitted profiles."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from puentes.core.ratelimit import client_address, rate_limit_hit
from puentes.networks.models import Call
from puentes.networks.selectors import published_call, themes_in_order
from puentes.people.access import acts_as_coordinator, coordinator_required
from puentes.people.models import Person

from . import selectors_catalogue as selectors
from .contact import contact_message_send
from .forms_catalogue import (
    CatalogueFilterForm,
    ContactMessageForm,
    ProfileDecisionForm,
    SeekingProfileForm,
)
from .models import SeekingProfile
from .services import DuplicateProfile, Incomplete, RecruitmentError, profile_decide, profile_submit

PAGE_SIZE = 24
REVIEW_PAGE_SIZE = 50
# The relay is open to anyone: a visitor may send a few messages an hour, and a profile's
# contact person gets at most a day's worth of messages however many visitors write.
CONTACT_LIMIT_PER_ADDRESS = (5, 60 * 60)
CONTACT_LIMIT_PER_PROFILE = (20, 24 * 60 * 60)

WRITTEN_IN = {
    "sv": gettext_lazy("Written in Swedish"),
    "es": gettext_lazy("Written in Spanish"),
    "en": gettext_lazy("Written in English"),
}
TRANSLATED_INTO = {
    "sv": gettext_lazy("Translation into Swedish"),
    "es": gettext_lazy("Translation into Spanish"),
    "en": gettext_lazy("Translation into English"),
}


def _call_or_404(network_slug, call_slug) -> Call:
    try:
        return published_call(network_slug, call_slug)
    except Call.DoesNotExist as exc:
        raise Http404 from exc


def _profile_or_404(call, pk, user) -> SeekingProfile:
    try:
        return selectors.profile_for(call, pk, user)
    except SeekingProfile.DoesNotExist as exc:
        raise Http404 from exc


def _page_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def _excerpt(profile: SeekingProfile) -> tuple[str, str]:
    """The challenge in the page's language if it was translated into it, else the original."""
    language = _page_language()
    if profile.challenges.get(language):
        return profile.challenges[language], language
    original = profile.challenge_language
    return profile.challenges.get(original, ""), original


def _challenge_versions(profile: SeekingProfile) -> list[dict]:
    """The original first, then the translation into the page's language, then the others."""
    original = profile.challenge_language
    language = _page_language()
    others = sorted(
        (code for code in profile.challenges if code != original),
        key=lambda code: (code != language, code),
    )
    return [
        {
            "code": code,
            "text": profile.challenges[code],
            "original": code == original,
            "note": WRITTEN_IN.get(code, code) if code == original else TRANSLATED_INTO.get(code),
        }
        for code in [original, *others]
        if profile.challenges.get(code)
    ]


# --- The public catalogue -------------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
def catalogue(request, network_slug, call_slug):
    call = _call_or_404(network_slug, call_slug)
    areas = selectors.catalogue_areas(call)
    themes = themes_in_order(call.network)
    form = CatalogueFilterForm(
        request.GET or None,
        countries=selectors.catalogue_countries(),
        areas=areas,
        themes=themes,
    )
    filters = form.filters()
    page = Paginator(selectors.catalogue_profiles(call, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for profile in page.object_list:
        profile.excerpt, profile.excerpt_language = _excerpt(profile)
    context = {
        "call": call,
        "network": call.network,
        "form": form,
        "filters": filters,
        "page": page,
        "is_open": call.is_open_on(timezone.localdate()),
        "is_coordinator": acts_as_coordinator(request.user),
    }
    return render(request, "recruitment/catalogue/list.html", context)


def _within_contact_limits(request, profile) -> bool:
    limit, window = CONTACT_LIMIT_PER_ADDRESS
    if not rate_limit_hit(
        scope="catalogue-contact-address",
        key=client_address(request),
        limit=limit,
        window_seconds=window,
    ):
        return False
    limit, window = CONTACT_LIMIT_PER_PROFILE
    return rate_limit_hit(
        scope="catalogue-contact-profile", key=str(profile.pk), limit=limit, window_seconds=window
    )


def _relay(request, profile, form):
    """Send the message if the limits allow; the HTTP status of the page to show, or None
    when it was sent."""
    if not _within_contact_limits(request, profile):
        form.add_error(
            None,
            _(
                "You have sent several messages in a short time. Please wait an hour and send "
                "it again: your message is kept below."
            ),
        )
        return 429
    data = form.cleaned_data
    try:
        contact_message_send(
            profile=profile,
            sender_name=data["sender_name"],
            sender_email=data["sender_email"],
            organisation=data["organisation"],
            message=data["message"],
            now=timezone.now(),
        )
    except RecruitmentError as exc:
        form.add_error(None, exc.message)
        return 200
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def profile_detail(request, network_slug, call_slug, pk):
    call = _call_or_404(network_slug, call_slug)
    profile = _profile_or_404(call, pk, request.user)
    is_published = profile.status == SeekingProfile.Status.APPROVED
    sent_url = reverse("catalogue:contact_sent", args=[network_slug, call_slug, pk])
    form, status = ContactMessageForm(), 200
    if request.method == "POST":
        if not is_published:
            raise Http404
        if ContactMessageForm.is_from_a_robot(request.POST):
            return redirect(sent_url)  # a robot is told it worked, and nothing is sent
        form = ContactMessageForm(request.POST)
        if form.is_valid():
            status = _relay(request, profile, form)
            if status is None:
                return redirect(sent_url)
    context = {
        "call": call,
        "network": call.network,
        "profile": profile,
        "is_published": is_published,
        "challenges": _challenge_versions(profile),
        "themes": [t for t in profile.themes.all() if t.kind == "theme"],
        "perspectives": [t for t in profile.themes.all() if t.kind == "perspective"],
        "form": form,
    }
    return render(request, "recruitment/catalogue/detail.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def contact_sent(request, network_slug, call_slug, pk):
    call = _call_or_404(network_slug, call_slug)
    try:
        profile = selectors.published_profile(call, pk)
    except SeekingProfile.DoesNotExist as exc:
        raise Http404 from exc
    context = {"call": call, "network": call.network, "profile": profile}
    return render(request, "recruitment/catalogue/contact_sent.html", context)


# --- Submission -----------------------------------------------------------------------


def _initial_contact(user) -> dict:
    person = Person.objects.filter(user=user).first()
    if person is None:
        return {"contact_email": user.email}
    return {
        "contact_name": person.name,
        "contact_email": person.email,
        "contact_title": person.title,
        "contact_role": person.role,
        "contact_phone": person.phone,
        "contact_language": person.preferred_language,
    }


def _submit(request, call, form):
    """profile_submit with the form's data: the new profile, or None with the form's errors."""
    try:
        return profile_submit(
            call=call,
            organisation=form.cleaned_data["organisation"],
            data=form.to_input(),
            by=request.user,
            now=timezone.now(),
        )
    except DuplicateProfile as exc:
        form.add_error(None, exc.message)
        form.duplicate = exc.existing
    except Incomplete as exc:
        for problem in exc.problems:
            form.add_error(None, problem)
    except RecruitmentError as exc:
        form.add_error(None, exc.message)
    return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_new(request, network_slug, call_slug):
    call = _call_or_404(network_slug, call_slug)
    context = {"call": call, "network": call.network}
    by_coordinator = acts_as_coordinator(request.user)
    organisations = None if by_coordinator else selectors.seeking_organisations_of(request.user)
    if organisations is not None and not organisations.exists():
        return render(request, "recruitment/catalogue/new_not_allowed.html", context, status=403)
    if not call.is_open_on(timezone.localdate()):
        return render(request, "recruitment/catalogue/new_closed.html", context)
    initial = {} if by_coordinator else _initial_contact(request.user)
    form = SeekingProfileForm(
        request.POST if request.method == "POST" else None,
        call=call,
        organisations=organisations,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        profile = _submit(request, call, form)
        if profile is not None:
            messages.success(
                request,
                _("Thank you. The profile has been received and awaits approval."),
            )
            return redirect("catalogue:detail", network_slug, call_slug, profile.pk)
    context["form"] = form
    context["duplicate"] = getattr(form, "duplicate", None)
    if by_coordinator:
        context["suggestions"] = selectors.seeking_organisations()
    return render(request, "recruitment/catalogue/new.html", context)


# Coordinators enter profiles for any municipality: that power needs their second factor.
profile_new.coordinator_page = True


# --- The coordinators' review ---------------------------------------------------------


def _review_call_or_404(network_slug, call_slug) -> Call:
    try:
        return Call.objects.select_related("network").get(
            network__slug=network_slug, slug=call_slug
        )
    except Call.DoesNotExist as exc:
        raise Http404 from exc


@coordinator_required
@require_http_methods(["GET", "HEAD"])
def review(request, network_slug, call_slug):
    call = _review_call_or_404(network_slug, call_slug)
    status = request.GET.get("status", "")
    if status not in SeekingProfile.Status.values:
        status = ""
    counts = selectors.review_counts(call)
    page = Paginator(selectors.review_profiles(call, status), REVIEW_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    statuses = [
        {"value": value, "label": label, "count": counts[value], "current": value == status}
        for value, label in SeekingProfile.Status.choices
    ]
    context = {
        "call": call,
        "network": call.network,
        "page": page,
        "status": status,
        "statuses": statuses,
        "total": sum(counts.values()),
    }
    return render(request, "recruitment/catalogue/review.html", context)


def _review_page(request, call, pk, form, status=200):
    try:
        profile = selectors.review_profile(call, pk)
    except SeekingProfile.DoesNotExist as exc:
        raise Http404 from exc
    context = {
        "call": call,
        "network": call.network,
        "profile": profile,
        "challenges": _challenge_versions(profile),
        "history": selectors.profile_history(profile),
        "form": form,
        "can_decide": profile.status == SeekingProfile.Status.SUBMITTED,
    }
    return render(request, "recruitment/catalogue/review_profile.html", context, status=status)


@coordinator_required
@require_http_methods(["GET", "HEAD"])
def review_profile(request, network_slug, call_slug, pk):
    call = _review_call_or_404(network_slug, call_slug)
    return _review_page(request, call, pk, ProfileDecisionForm())


@coordinator_required
@require_POST
def review_decide(request, network_slug, call_slug, pk):
    call = _review_call_or_404(network_slug, call_slug)
    profile = SeekingProfile.objects.filter(call=call, pk=pk).first()
    if profile is None:
        raise Http404
    form = ProfileDecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == ProfileDecisionForm.APPROVE
        try:
            profile_decide(
                profile=profile,
                approve=approve,
                reason=form.cleaned_data["reason"],
                by=request.user,
                now=timezone.now(),
            )
        except RecruitmentError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("%(municipality)s is now published in the catalogue.")
                % {"municipality": profile.organisation.name}
                if approve
                else _("%(municipality)s has not been approved.")
                % {"municipality": profile.organisation.name},
            )
            return redirect("catalogue:review_profile", network_slug, call_slug, pk)
    return _review_page(request, call, pk, form)
