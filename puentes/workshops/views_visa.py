"""The visa invitation letter of a registration: the page that asks for the passport data and
the PDF download. Reached like the registration itself (selectors.registration_for): the
person, whoever registered them, or a coordinator; anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from puentes.documents.downloads import attachment_headers

from . import selectors, visa
from .forms_visa import VisaLetterForm
from .letters import reference, visa_letter_pdf
from .models import Registration, VisaLetter
from .views import coordinators_need_mfa


def _registration_or_404(user, pk) -> Registration:
    try:
        return selectors.registration_for(user, pk)
    except Registration.DoesNotExist as exc:
        raise Http404 from exc


def _letter(registration) -> VisaLetter | None:
    return VisaLetter.objects.filter(registration=registration).first()


def _today(registration):
    return timezone.localdate(timezone.now(), registration.workshop.zone)


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def visa_letter(request, pk):
    registration = _registration_or_404(request.user, pk)
    workshop = registration.workshop
    now = timezone.now()
    letter = _letter(registration)
    refusal = visa.refusal(registration, now)
    form = None
    status = 200
    if refusal is None:
        form_args = {"workshop": workshop, "today": _today(registration)}
        if letter is not None and not letter.is_erased:
            form_args["instance"] = letter
        else:
            preferred = registration.person.preferred_language
            form_args["initial"] = {
                "passport_name": registration.person.name,
                "second_language": "sv" if preferred == "sv" else "es",
            }
        if request.method == "POST":
            form = VisaLetterForm(request.POST, **form_args)
            if form.is_valid():
                try:
                    visa.visa_letter_save(
                        registration=registration,
                        data=form.cleaned_data,
                        by=request.user,
                        now=now,
                    )
                except visa.NoVisaLetter as error:
                    refusal = error.message
                else:
                    messages.success(
                        request,
                        _("The passport data is saved: the letter can be downloaded below."),
                    )
                    return redirect("workshops:visa_letter", pk=registration.pk)
            status = 400
        else:
            form = VisaLetterForm(**form_args)
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "workshops/visa_letter.html",
        {
            "registration": registration,
            "workshop": workshop,
            "letter": letter,
            "refusal": refusal,
            "form": form if refusal is None else None,
            "erase_on": visa.erase_on(workshop),
            "retention_days": visa.retention().days,
        },
        status=status,
    )


@coordinators_need_mfa
@login_required
@require_GET
def visa_letter_download(request, pk):
    registration = _registration_or_404(request.user, pk)
    letter = _letter(registration)
    if letter is None or letter.is_erased or visa.refusal(registration, timezone.now()):
        raise Http404
    letter.registration = registration
    pdf = visa_letter_pdf(letter, today=_today(registration))
    response = HttpResponse(pdf, content_type="application/pdf")
    for header, value in attachment_headers(f"{reference(letter)}.pdf").items():
        response[header] = value
    # Passport data: no cache anywhere, not even the browser's.
    response["Cache-Control"] = "no-store"
    return response
