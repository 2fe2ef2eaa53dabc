"""Inviting a person into a partnership (members of either side, coordinators), and the
invitee's accepting through the signed link in their mail."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.core.ratelimit import rate_limit_hit

from .forms_invitations import InvitationForm, InvitationPasswordForm
from .invitations import (
    InvalidInvitation,
    invitable_sides,
    invitation_accept,
    invitation_member,
    partnership_invite,
)
from .services import PartnershipError
from .views import _partnership_or_404, coordinators_need_mfa

INVITATIONS_PER_HOUR = 30
LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    sides = invitable_sides(request.user, partnership)
    if not sides:
        raise PermissionDenied  # a mentor: they see the partnership, but read only
    if request.method != "POST":
        form = InvitationForm(sides=sides, initial={"language": get_language()})
        return _form(request, partnership, form)
    form = InvitationForm(request.POST, sides=sides)
    if not form.is_valid():
        return _form(request, partnership, form, status=400)
    if not _may_send_another(request.user):
        form.add_error(None, _("You have sent many invitations. Try again in an hour."))
        return _form(request, partnership, form, status=429)
    try:
        partnership_invite(
            partnership=partnership,
            **form.cleaned_data,
            by=request.user,
            now=timezone.now(),
            base_url=request.build_absolute_uri("/"),
        )
    except PartnershipError as error:
        form.add_error(None, error.message)
        return _form(request, partnership, form, status=400)
    messages.success(
        request,
        _("An invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]},
    )
    return redirect("partnerships:partnership_detail", pk=partnership.pk)


def _may_send_another(user) -> bool:
    """Each invitation sends a mail to an address typed in: keep one account from spamming."""
    return rate_limit_hit(
        scope="partnership_invite",
        key=str(user.pk),
        limit=INVITATIONS_PER_HOUR,
        window_seconds=60 * 60,
    )


def _form(request, partnership, form, status=200):
    return render(
        request,
        "partnerships/invitations/invite.html",
        {"partnership": partnership, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def invitation_accept_view(request, token):
    now = timezone.now()
    try:
        member = invitation_member(token, now=now)
    except InvalidInvitation as error:
        return render(
            request,
            "partnerships/invitations/invalid.html",
            {"message": error.message},
            status=404,
        )
    user = member.person.user
    if user.has_usable_password():
        return _accept_signed_in(request, member, now)
    form = InvitationPasswordForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        invitation_accept(member=member, password=form.cleaned_data["password1"], now=now)
        login(request, user, backend=LOGIN_BACKEND)
        return _joined(request, member)
    status = 400 if request.method == "POST" else 200
    return _accept_page(request, member, form, status)


def _accept_signed_in(request, member, now):
    """An invitee with a password signs in first (as themselves) and then joins."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.pk != member.person.user_id:
        return render(
            request,
            "partnerships/invitations/invalid.html",
            {"message": _("This invitation is for another account. Sign out and try again.")},
            status=403,
        )
    if request.method == "POST":
        invitation_accept(member=member, password=None, now=now)
        return _joined(request, member)
    return _accept_page(request, member, None, 200)


def _accept_page(request, member, form, status):
    return render(
        request,
        "partnerships/invitations/accept.html",
        {"member": member, "partnership": member.partnership, "form": form},
        status=status,
    )


def _joined(request, member):
    messages.success(request, _("Welcome to the partnership."))
    return redirect("partnerships:partnership_detail", pk=member.partnership_id)
