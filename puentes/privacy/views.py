"""The person's own privacy pages: their consents (given and withdrawn), and all their data
as a page and as a JSON download. Only the person themselves ever sees them."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from puentes.people.models import Consent, Person

from . import selectors
from .services import ConsentError, consent_give, consent_withdraw


def _own_person(request) -> Person:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    return person


@login_required
def overview(request):
    person = _own_person(request)
    now = timezone.now()
    context = {
        "person": person,
        "consents": selectors.consents_of(person),
        "new_notice": selectors.notice_to_consent_to(person, now),
    }
    return render(request, "privacy/overview.html", context)


@login_required
def consent_withdraw_confirm(request, pk):
    """One question, one button: withdrawing takes no more steps than giving did."""
    person = _own_person(request)
    consent = get_object_or_404(
        Consent.objects.select_related("notice"), pk=pk, person=person, withdrawn_at__isnull=True
    )
    if request.method == "POST":
        try:
            consent_withdraw(consent=consent, by=request.user, now=timezone.now())
        except ConsentError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your consent is withdrawn."))
        return redirect("privacy:overview")
    return render(request, "privacy/withdraw_confirm.html", {"consent": consent})


@login_required
@require_POST
def consent_new(request):
    """Consent to the latest version of the notice, read in the page's language."""
    person = _own_person(request)
    notice = selectors.notice_to_consent_to(person, timezone.now())
    if notice is None or request.POST.get("version") != notice.version:
        messages.error(request, _("There is no newer version of the notice to consent to."))
        return redirect("privacy:overview")
    try:
        consent_give(
            person=person,
            notice=notice,
            language=translation.get_language()[:2],
            by=request.user,
            now=timezone.now(),
        )
    except ConsentError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Thank you: your consent to the new version is recorded."))
    return redirect("privacy:overview")


@never_cache
@login_required
def my_data(request):
    person = _own_person(request)
    sections = selectors.readable_sections(selectors.person_data(person))
    return render(request, "privacy/data.html", {"person": person, "sections": sections})


@never_cache
@login_required
def my_data_json(request):
    person = _own_person(request)
    data = selectors.person_data(person)
    body = json.dumps(
        {"exported_at": timezone.now().isoformat(), **data}, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="puentes-my-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response
