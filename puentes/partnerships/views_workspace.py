"""The workspace's comments (written and deleted), its phase (changed by coordinators) and its
activity timeline.

Every page starts from selectors.partnership_for (404 for those who may not see the
partnership); who may then act is the comments' and phases' rule, and someone who sees the
partnership but may not act gets 403.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.core import audit
from puentes.people.access import acts_as_coordinator

from . import selectors
from .comments import (
    author_role,
    can_delete_comment,
    comment_create,
    comment_delete,
)
from .forms import CommentForm, PhaseForm
from .models import Comment
from .phases import partnership_change_phase, phase_steps
from .services import PartnershipError
from .views import _partnership_or_404, coordinators_need_mfa

ACTIVITY_PER_PAGE = 25


def _workspace_url(partnership, anchor=""):
    url = reverse("partnerships:partnership_detail", kwargs={"pk": partnership.pk})
    return f"{url}#{anchor}" if anchor else url


# --- Comments ---------------------------------------------------------------------------


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def comment_create_view(request, pk):
    """The overview posts its comment form here; a refused comment comes back on this page
    with the text kept and the error next to it."""
    partnership = _partnership_or_404(request.user, pk)
    if author_role(request.user, partnership) is None:
        raise PermissionDenied
    if request.method != "POST":
        form = CommentForm(initial={"language": get_language()})
        return _comment_form(request, partnership, form)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _comment_form(request, partnership, form, status=400)
    try:
        comment_create(
            partnership=partnership,
            **form.cleaned_data,
            by=request.user,
            now=timezone.now(),
            base_url=request.build_absolute_uri("/"),
        )
    except PartnershipError as error:
        form.add_error(None, error.message)
        return _comment_form(request, partnership, form, status=400)
    messages.success(request, _("Your comment is published."))
    return redirect(_workspace_url(partnership, "comments"))


def _comment_form(request, partnership, form, status=200):
    return render(
        request,
        "partnerships/comment_form.html",
        {"partnership": partnership, "form": form},
        status=status,
    )


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def comment_delete_view(request, pk, comment_pk):
    """Asks first; deleting is for the comment's author and coordinators."""
    partnership = _partnership_or_404(request.user, pk)
    comment = (
        Comment.objects.filter(partnership=partnership, pk=comment_pk)
        .select_related("author__person")
        .first()
    )
    if comment is None:
        raise Http404
    if not can_delete_comment(request.user, comment):
        raise PermissionDenied
    if request.method != "POST":
        return render(
            request,
            "partnerships/comment_delete.html",
            {"partnership": partnership, "comment": comment},
        )
    comment.partnership = partnership
    try:
        comment_delete(comment=comment, by=request.user, now=timezone.now())
    except PartnershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The comment is deleted."))
    return redirect(_workspace_url(partnership, "comments"))


# --- Phase ------------------------------------------------------------------------------


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def phase_change_view(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    if not acts_as_coordinator(request.user):
        raise PermissionDenied  # members and the mentor see the phase, but do not change it
    if request.method != "POST":
        return _phase_page(request, partnership, PhaseForm(current_phase=partnership.phase))
    form = PhaseForm(request.POST, current_phase=partnership.phase)
    if not form.is_valid():
        return _phase_page(request, partnership, form, status=400)
    try:
        changed = partnership_change_phase(
            partnership=partnership,
            phase=form.cleaned_data["phase"],
            reason=form.cleaned_data["reason"],
            by=request.user,
            now=timezone.now(),
        )
    except PartnershipError as error:
        form.add_error(None, error.message)
        return _phase_page(request, partnership, form, status=400)
    messages.success(
        request,
        _("The partnership is now in the %(phase)s phase.")
        % {"phase": changed.get_phase_display()},
    )
    return redirect(_workspace_url(partnership))


def _phase_page(request, partnership, form, status=200):
    steps = phase_steps(partnership.phase)
    posted_back = form.is_bound and form.data.get("phase") == steps["previous"]
    # A refused step back comes back with its reason and the error next to it.
    back_form = (
        form
        if posted_back
        else PhaseForm(initial={"phase": steps["previous"]}, current_phase=partnership.phase)
    )
    return render(
        request,
        "partnerships/phase.html",
        {"partnership": partnership, "form": form, "back_form": back_form, "steps": steps},
        status=status,
    )


# --- Activity ---------------------------------------------------------------------------


@coordinators_need_mfa
@login_required
def partnership_activity(request, pk):
    """Everything recorded about the partnership and its plan, reports and documents, newest
    first, a page at a time."""
    partnership = _partnership_or_404(request.user, pk)
    page = Paginator(audit.entries_for(partnership), ACTIVITY_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "partnerships/activity.html",
        {"partnership": partnership, "page": page, "items": selectors.timeline(page.object_list)},
    )
