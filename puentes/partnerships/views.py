"""A partnership's workspace, the edit of its shared challenge statement (optimistic
locking, with a conflict page that loses nothing), the account's list and the public list.

Who may see a partnership is decided in one place (selectors.partnership_for); anyone else
gets 404. Who may edit: selectors.can_edit_partnership.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.matching import explain
from puentes.people.access import acts_as_coordinator

from . import selectors
from .comments import author_role
from .forms import CommentForm, PhaseForm, StatementForm, statement_initial
from .models import Partnership
from .phases import phase_steps
from .services import (
    PartnershipError,
    StaleVersion,
    member_mark_joined,
    partnership_update_statement,
)
from .windows import next_application_windows

PUBLIC_LIST_PER_PAGE = 25
COMMENTS_PER_PAGE = 20


def coordinators_need_mfa(view):
    """Coordinators see every partnership here, so, as on their own pages, the MFA
    middleware first sends a coordinator without TOTP to set it up."""
    view.coordinator_page = True
    return view


def _partnership_or_404(user, pk) -> Partnership:
    try:
        return selectors.partnership_for(user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc


def statement_columns(partnership) -> list[dict]:
    """The statement in Swedish and Spanish, side by side, marking the original."""
    return [
        {
            "code": code,
            "text": partnership.challenge_statements.get(code, ""),
            "is_original": code == partnership.challenge_language,
        }
        for code in ("sv", "es")
    ]


def reason_lines(partnership) -> list[str]:
    """Why the matching board paired these two, as sentences in the reader's language (the
    parts are stored as the engine gave them: codes and facts, see matching.explain)."""
    if not partnership.match_reasons:
        return []
    names = explain.Names(
        swedish={partnership.interest_id: partnership.swedish_organisation.name},
        latin={partnership.seeking_profile_id: partnership.latin_organisation.name},
        themes={theme.slug: theme.name for theme in partnership.call.network.themes.all()},
    )
    return explain.pair_sentences(
        partnership.match_reasons,
        swedish_id=partnership.interest_id,
        latin_id=partnership.seeking_profile_id,
        names=names,
    )


@coordinators_need_mfa
@login_required
def partnership_detail(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    now = timezone.now()
    member_mark_joined(partnership=partnership, by=request.user, now=now)
    today = timezone.localdate(now)
    is_coordinator = acts_as_coordinator(request.user)
    return render(
        request,
        "partnerships/detail.html",
        {
            "partnership": partnership,
            "sides": selectors.partnership_members(partnership),
            "themes": list(partnership.themes.all()),
            "columns": statement_columns(partnership),
            "windows": [
                {"window": window, "is_open": window.is_open_on(today)}
                for window in next_application_windows(today)
            ],
            "reasons": reason_lines(partnership),
            "can_edit": selectors.can_edit_partnership(request.user, partnership),
            "is_coordinator": is_coordinator,
            **_phase_context(partnership, is_coordinator),
            **_comments_context(request, partnership),
            "activity": selectors.recent_activity(partnership),
        },
    )


def _phase_context(partnership, is_coordinator) -> dict:
    if not is_coordinator:
        return {}
    steps = phase_steps(partnership.phase)
    back_form = PhaseForm(initial={"phase": steps["previous"]}, current_phase=partnership.phase)
    return {"steps": steps, "back_form": back_form}


def _comments_context(request, partnership) -> dict:
    page = Paginator(selectors.partnership_comments(partnership), COMMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    can_comment = author_role(request.user, partnership) is not None
    form = CommentForm(initial={"language": get_language()}) if can_comment else None
    return {"page": page, "comment_form": form}


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def statement_edit(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    if not selectors.can_edit_partnership(request.user, partnership):
        raise PermissionDenied  # a mentor: they see the partnership, but read only
    if request.method != "POST":
        form = StatementForm(initial=statement_initial(partnership))
        return _statement_form(request, partnership, form)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return _statement_form(request, partnership, form, status=400)
    try:
        partnership_update_statement(
            partnership=partnership,
            texts=form.texts(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
            now=timezone.now(),
        )
    except StaleVersion as stale:
        return _conflict(request, stale.current, form)
    except PartnershipError as error:
        form.add_error(None, error.message)
        return _statement_form(request, partnership, form, status=400)
    messages.success(request, _("The challenge statement is saved."))
    return redirect("partnerships:partnership_detail", pk=partnership.pk)


def _statement_form(request, partnership, form, status=200):
    return render(
        request,
        "partnerships/statement_form.html",
        {"partnership": partnership, "form": form},
        status=status,
    )


def _conflict(request, current, stale_form):
    """Someone saved since: show their saved text next to yours, and give the form back with
    your text and the current version, so saving again is a deliberate choice."""
    data = {**stale_form.cleaned_data, "version": current.version}
    form = StatementForm(initial=data)
    yours = {code: (stale_form.cleaned_data.get(code) or "").strip() for code in ("sv", "es")}
    rows = [
        {"code": code, "yours": yours[code], "saved": current.challenge_statements.get(code, "")}
        for code in ("sv", "es")
    ]
    return render(
        request,
        "partnerships/statement_conflict.html",
        {"partnership": current, "form": form, "rows": rows},
        status=409,
    )


@login_required
def my_partnerships(request):
    return render(
        request,
        "partnerships/my_partnerships.html",
        {"partnerships": list(selectors.my_partnerships(request.user))},
    )


def partnership_list(request):
    page = Paginator(selectors.public_partnerships(), PUBLIC_LIST_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "partnerships/public_list.html", {"page": page})
