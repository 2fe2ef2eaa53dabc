"""A person erases their own data: the page explains what happens, and their password confirms.

The confirmation carries the erasure out at once rather than queueing a request for a
coordinator: the password proves who asks, a coordinator could add nothing but delay, and
the law asks for erasure without undue delay. No confirmation e-mail is sent: it would have
to go to the address being erased and would itself be a copy of personal data in the outbox;
the page that follows says what was done instead. Coordinators erase someone in the admin,
through the same service.
"""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from puentes.people.models import Person

from .erasure import person_erase
from .forms_erasure import ErasureConfirmForm
from .models import Erasure


@login_required
@require_http_methods(["GET", "POST"])
def erasure(request):
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise Http404
    form = ErasureConfirmForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        person_erase(
            person=person, by=request.user, now=timezone.now(), reason=Erasure.Reason.OWN_REQUEST
        )
        logout(request)
        return redirect("privacy:erasure_done")
    return render(request, "privacy/erasure.html", {"form": form})


def erasure_done(request):
    return render(request, "privacy/erasure_done.html")
