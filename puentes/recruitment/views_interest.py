"""The expression of interest journey of a Swedish municipality or region: the form (draft,
submission), the account's list, an interest's page with its history, and withdrawal.

Who may see an interest is decided in one place (selectors_interest.interest_for): its
creator, the members of its organisation and coordinators; anyone else gets 404.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.core.i18n import pick
from puentes.networks.models import Call
from puentes.networks.selectors import published_call

from . import selectors_interest as selectors
from .forms_interest import (
    MAX_CONTACTS,
    ContactFormSet,
    InterestForm,
    WithdrawForm,
    interest_contact_rows,
    interest_initial,
    posted_contact_rows,
    posted_values,
)
from .models import Interest
from .services import (
    CallClosed,
    DuplicateInterest,
    Incomplete,
    RecruitmentError,
    interest_create,
    interest_problems,
    interest_submit,
    interest_update,
    interest_withdraw,
)
from .workflow import INTEREST_EDITABLE, interest_step_allowed

SAVE, SUBMIT, ADD_CONTACT = "save", "submit", "add_contact"
FORM_TEMPLATE = "recruitment/interest/form.html"


def coordinators_need_mfa(view):
    """Coordinators see every municipality's interests here, so, as on their own pages, the
    MFA middleware first sends a coordinator without TOTP to set it up."""
    view.coordinator_page = True
    return view


def _interest_or_404(user, pk) -> Interest:
    try:
        return selectors.interest_for(user, pk)
    except Interest.DoesNotExist as exc:
        raise Http404 from exc


def _call_or_404(network_slug, call_slug) -> Call:
    try:
        return published_call(network_slug, call_slug)
    except Call.DoesNotExist as exc:
        raise Http404 from exc


def _is_open(call, now) -> bool:
    return call.status_on(timezone.localdate(now)) == "open"


def _is_editable(interest, now) -> bool:
    return interest.status in INTEREST_EDITABLE and _is_open(interest.call, now)


def _closed_page(request, call, message=None):
    context = {
        "call": call,
        "network": call.network,
        "message": message,
        "today": timezone.localdate(),
    }
    return render(request, "recruitment/interest/closed.html", context)


class FormPage:
    """The interest form of one request: its choices, its forms and what the page shows."""

    def __init__(self, request, call, now, interest=None):
        self.request = request
        self.call = call
        self.interest = interest
        themes, perspectives = selectors.call_themes(call)
        self.options = {
            "call": call,
            "themes": themes,
            "perspectives": perspectives,
            "catalogue": selectors.call_catalogue(call),
            "notice": selectors.latest_privacy_notice(now),
            "organisations": None if interest else selectors.swedish_organisations(),
            "consent_given": bool(interest and interest.consent_id),
        }
        self.extra_errors = []
        self.notices = []

    def unbound(self, initial, rows):
        self.form = InterestForm(initial=initial, **self.options)
        self.formset = ContactFormSet(initial=rows or [{}])

    def bound(self, data, strict):
        self.form = InterestForm(data, strict=strict, **self.options)
        self.formset = ContactFormSet(data, strict=strict)

    def rearranged(self, data):
        """The posted answers again with a contact row added or removed; nothing is checked
        yet, so no errors are shown for what the person has not finished."""
        rows = posted_contact_rows(data)
        remove = data.get("remove_contact", "")
        if remove.isdigit() and int(remove) < len(rows):
            del rows[int(remove)]
        elif len(rows) < MAX_CONTACTS:
            rows.append({})
        else:
            self.notices.append(
                _("You can name at most %(count)d contact people.") % {"count": MAX_CONTACTS}
            )
        self.form = InterestForm(**self.options)
        self.form.initial = posted_values(self.form, data)
        self.formset = ContactFormSet(initial=rows or [{}])

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.formset.is_valid()])

    def interest_input(self):
        return self.form.interest_input(self.formset.contact_inputs(), get_language())

    def contact_errors(self):
        """The contact rows' errors for the summary at the top, each linked to its field."""
        errors = [*self.formset.non_form_errors()]
        for number, form in enumerate(self.formset.forms, start=1):
            for field in form:
                for error in field.errors:
                    label = _("Contact person %(number)d, %(field)s") % {
                        "number": number,
                        "field": field.label,
                    }
                    errors.append(
                        format_html('<a href="#{}">{}: {}</a>', field.id_for_label, label, error)
                    )
        return errors

    def render(self):
        errors = self.contact_errors() if self.formset.is_bound else []
        context = {
            **self.options,
            "network": self.call.network,
            "interest": self.interest,
            "form": self.form,
            "formset": self.formset,
            "extra_errors": [*errors, *self.extra_errors],
            "notices": self.notices,
            "can_add_contact": self.formset.total_form_count() < MAX_CONTACTS,
            "action_url": self.request.path,
        }
        return render(self.request, FORM_TEMPLATE, context)

    def refuse(self, exc: RecruitmentError):
        if isinstance(exc, Incomplete):
            self.extra_errors.extend(exc.problems)
        elif isinstance(exc, DuplicateInterest):
            self._duplicate(exc.existing)
        else:
            self.extra_errors.append(exc.message)
        return self.render()

    def _duplicate(self, existing):
        """A link to the existing interest for those who may see it; for anyone else only
        that one exists."""
        self.form.add_error("organisation", DuplicateInterest.message)
        if existing is not None and selectors.can_see_interest(self.request.user, existing):
            self.extra_errors.append(
                format_html(
                    '<a href="{}">{}</a>',
                    reverse("interests:interest_detail", args=[existing.pk]),
                    _("Open the expression of interest of %(organisation)s")
                    % {"organisation": existing.organisation.name},
                )
            )


def _saved(request, interest, action):
    if action == SUBMIT:
        messages.success(
            request,
            _(
                "Thank you. Your expression of interest has been submitted, and its contact "
                "people will get a confirmation by e-mail."
            ),
        )
    else:
        messages.success(
            request,
            _(
                "Your draft is saved. You can continue it from “My expressions of interest” "
                "until the call closes on %(date)s."
            )
            % {"date": date_format(interest.call.close_date, "DATE_FORMAT")},
        )
    return redirect("interests:interest_detail", pk=interest.pk)


def _existing_for_members(page, user):
    """On a first visit: the member's own municipality, and a word if it already has one."""
    organisations = selectors.user_swedish_organisations(user)
    initial = {"motivation_language": get_language()}
    if len(organisations) == 1:
        organisation = organisations[0]
        initial["organisation"] = selectors.organisation_label(organisation)
        existing = selectors.active_interest_in(page.call, organisation)
        if existing is not None:
            page.notices.append(
                format_html(
                    '{} <a href="{}">{}</a>',
                    DuplicateInterest.message,
                    reverse("interests:interest_detail", args=[existing.pk]),
                    _("Open the expression of interest of %(organisation)s")
                    % {"organisation": organisation.name},
                )
            )
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def interest_new(request, network_slug, call_slug):
    call = _call_or_404(network_slug, call_slug)
    now = timezone.now()
    if not _is_open(call, now):
        return _closed_page(request, call)
    page = FormPage(request, call, now)
    if request.method == "GET":
        page.unbound(_existing_for_members(page, request.user), [])
        return page.render()
    action = request.POST.get("action", SAVE)
    if action == ADD_CONTACT or "remove_contact" in request.POST:
        page.rearranged(request.POST)
        return page.render()
    page.bound(request.POST, strict=action == SUBMIT)
    if not page.is_valid():
        return page.render()
    try:
        with transaction.atomic():  # a refused submission leaves no draft behind either
            interest = interest_create(
                call=call,
                organisation=page.form.cleaned_data["organisation"],
                data=page.interest_input(),
                by=request.user,
                now=now,
            )
            if action == SUBMIT:
                interest = interest_submit(interest=interest, by=request.user, now=now)
    except CallClosed as exc:
        return _closed_page(request, call, exc.message)
    except RecruitmentError as exc:
        return page.refuse(exc)
    return _saved(request, interest, action)


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def interest_edit(request, pk):
    interest = _interest_or_404(request.user, pk)
    now = timezone.now()
    if not _is_editable(interest, now):
        messages.warning(request, _("This expression of interest can no longer be changed."))
        return redirect("interests:interest_detail", pk=interest.pk)
    page = FormPage(request, interest.call, now, interest=interest)
    if request.method == "GET":
        page.unbound(interest_initial(interest), interest_contact_rows(interest))
        return page.render()
    action = request.POST.get("action", SAVE)
    if action == ADD_CONTACT or "remove_contact" in request.POST:
        page.rearranged(request.POST)
        return page.render()
    submitted = interest.status == Interest.Status.SUBMITTED
    page.bound(request.POST, strict=submitted or action == SUBMIT)
    if not page.is_valid():
        return page.render()
    try:
        with transaction.atomic():
            interest = interest_update(
                interest=interest, data=page.interest_input(), by=request.user, now=now
            )
            if action == SUBMIT and not submitted:
                interest = interest_submit(interest=interest, by=request.user, now=now)
    except CallClosed as exc:
        return _closed_page(request, interest.call, exc.message)
    except RecruitmentError as exc:
        return page.refuse(exc)
    return _saved(request, interest, SUBMIT if action == SUBMIT and not submitted else SAVE)


@coordinators_need_mfa
@login_required
def interest_detail(request, pk):
    interest = _interest_or_404(request.user, pk)
    now = timezone.now()
    context = {
        "interest": interest,
        "call": interest.call,
        "network": interest.call.network,
        "contacts": selectors.interest_contacts(interest),
        "themes": list(interest.themes.all()),
        "preferred_profiles": list(
            interest.preferred_profiles.select_related(
                "organisation__area", "organisation__country"
            )
        ),
        "history": selectors.interest_history(interest, request.user),
        "problems": interest_problems(interest) if interest.status == Interest.Status.DRAFT else [],
        "can_edit": _is_editable(interest, now),
        "can_withdraw": interest_step_allowed(interest.status, Interest.Status.WITHDRAWN),
        "today": timezone.localdate(now),
    }
    return render(request, "recruitment/interest/detail.html", context)


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def interest_withdraw_confirm(request, pk):
    """Withdrawing asks first; the organisation may then register a new interest."""
    interest = _interest_or_404(request.user, pk)
    if not interest_step_allowed(interest.status, Interest.Status.WITHDRAWN):
        messages.warning(request, _("This expression of interest can no longer be withdrawn."))
        return redirect("interests:interest_detail", pk=interest.pk)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            interest_withdraw(
                interest=interest,
                by=request.user,
                now=timezone.now(),
                reason=form.cleaned_data["reason"],
            )
        except RecruitmentError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The expression of interest has been withdrawn."))
        return redirect("interests:interest_detail", pk=interest.pk)
    context = {"interest": interest, "call": interest.call, "form": form}
    return render(request, "recruitment/interest/withdraw.html", context)


@login_required
def my_interests(request):
    """The interests the user created or that their organisations have, newest first."""
    now = timezone.now()
    interests = list(selectors.my_interests(request.user))
    for interest in interests:
        interest.is_editable = _is_editable(interest, now)
    context = {"interests": interests, "today": timezone.localdate(now)}
    return render(request, "recruitment/interest/my_interests.html", context)


def privacy_notice(request, version=None):
    """A published version of the privacy notice (the latest, the one people consent to in
    the forms, unless another is asked for), with the list of every version."""
    notices = selectors.published_privacy_notices(timezone.now())
    if version is None:
        notice = notices[0] if notices else None
    else:
        notice = next((n for n in notices if n.version == version), None)
        if notice is None:
            raise Http404
    text, language = pick(notice.texts) if notice else ("", "")
    context = {
        "notice": notice,
        "notices": notices,
        "is_latest": bool(notices) and notice == notices[0],
        "text": text,
        "text_language": language,
        "text_language_name": dict(settings.LANGUAGES).get(language, language),
    }
    return render(request, "recruitment/interest/privacy.html", context)
