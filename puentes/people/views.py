from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from puentes.recruitment.selectors_catalogue import profiles_of

from .selectors import person_overview


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
