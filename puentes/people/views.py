from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.recruitment.selectors_catalogue import profiles_of

from .forms import GenderForm
from .models import Person
from .selectors import person_overview
from .services import person_gender_give, person_gender_withdraw


@login_required
def account_home(request):
    person, memberships, roles = person_overview(request.user)
    has_totp = Authenticator.objects.filter(
        user=request.user, type=Authenticator.Type.TOTP
    ).exists()
    return render(
        request,
        "people/account_home.html",
        {
            "person": person,
            "memberships": memberships,
            "roles": roles,
            "has_totp": has_totp,
            "profiles": profiles_of(request.user) if memberships else [],
        },
    )


@login_required
def gender(request):
    """The person's own gender, given with consent or withdrawn (clears both)."""
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    if request.method == "POST" and "withdraw" in request.POST:
        person_gender_withdraw(person=person, by=request.user, now=timezone.now())
        messages.success(request, _("Your gender is removed and no longer counted."))
        return redirect("people:account_home")
    form = GenderForm(
        request.POST if request.method == "POST" else None,
        initial={"gender": person.gender, "consent": person.gender_consent_at is not None},
    )
    if form.is_valid():
        person_gender_give(
            person=person, gender=form.cleaned_data["gender"], by=request.user, now=timezone.now()
        )
        messages.success(request, _("Your answer is saved."))
        return redirect("people:account_home")
    return render(request, "people/gender.html", {"person": person, "form": form})
