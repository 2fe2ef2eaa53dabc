"""The coordinator's matching board for a call: the engine's proposal with its reasons and
alternatives, the rulings on pairs, the balance between countries, and confirming pairs.

The engine runs on every GET: it is fast and has no side effects. Every POST changes one
thing through a service and comes back to the board, which shows the new proposal.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from puentes.networks.models import Call, Theme
from puentes.partnerships.services import PartnershipError
from puentes.people.access import coordinator_required

from . import explain, reasons, selectors, services
from .forms import BalanceForm, ConfirmForm, ConstraintForm
from .models import MatchConstraint

PROBLEMS = {
    "balance_exceeded": gettext_lazy(
        "More pairs must be made with one country than its balance allows. "
        "The proposal below ignores the must-pair rules and the balance until you change one."
    ),
    "must_conflict": gettext_lazy(
        "Two must-pair rules name the same municipality. "
        "The proposal below ignores the must-pair rules until you remove one."
    ),
}


def _problem_message(problem) -> str:
    return PROBLEMS.get(
        problem.code,
        _(
            "The rules for pairs contradict each other. "
            "The proposal below ignores the must-pair rules and the balance."
        ),
    )


def _call_or_404(network_slug: str, call_slug: str) -> Call:
    try:
        return selectors.matching_call(network_slug, call_slug)
    except Call.DoesNotExist as exc:
        raise Http404 from exc


# Pairs, and candidates without a partner, on one page of the board (issue #8: a call of
# 3,000 × 15,000 candidates made a board of 12 MiB).
ROWS_PER_PAGE = 25


def _page_number(request) -> int | None:
    """The board page a form was sent from (its action carries ?page=), if any."""
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and int(value) > 1 else None


def _board_url(call: Call, page: int | None = None) -> str:
    url = reverse("matching:board", args=[call.network.slug, call.slug])
    return f"{url}?page={page}" if page else url


def _names(board: selectors.Board, call: Call) -> explain.Names:
    themes = Theme.objects.filter(network_id=call.network_id)
    return explain.Names(
        swedish={pk: i.organisation.name for pk, i in board.candidates.interests.items()},
        latin={pk: p.organisation.name for pk, p in board.candidates.profiles.items()},
        themes={theme.slug: theme.name for theme in themes},
    )


def _pair_row(pair, names: explain.Names, candidates, must: set) -> dict:
    return {
        "interest": candidates.interests[pair.swedish_id],
        "profile": candidates.profiles[pair.latin_id],
        "score": explain.score(pair.score),
        "reasons": explain.pair_sentences(
            pair.parts, swedish_id=pair.swedish_id, latin_id=pair.latin_id, names=names
        ),
        "must": (pair.swedish_id, pair.latin_id) in must,
    }


def _alternative_rows(pairs, names: explain.Names, *, side: str) -> list[dict]:
    return [
        {
            "name": (
                names.latin[pair.latin_id] if side == "swedish" else names.swedish[pair.swedish_id]
            ),
            "score": explain.score(pair.score),
            "explanation": explain.pair_explanation(
                pair.parts, swedish_id=pair.swedish_id, latin_id=pair.latin_id, names=names
            ),
        }
        for pair in pairs
    ]


def _proposal(board: selectors.Board, names: explain.Names, pairs, opened) -> list[dict]:
    """The rows of the pairs on this page with their reasons; the alternatives of the pair
    whose Swedish candidate is `opened` (each pair's explained alternatives weigh about 1.5 KB,
    so the page links to them rather than carrying 25 pairs' worth)."""
    result, candidates = board.result, board.candidates
    must = {
        (ruling.interest_id, ruling.seeking_profile_id)
        for ruling in candidates.constraints
        if ruling.kind == MatchConstraint.Kind.MUST
    }
    rows = []
    for pair in pairs:
        row = _pair_row(pair, names, candidates, must)
        swedish_options = result.alternatives_for_swedish.get(pair.swedish_id, ())
        latin_options = result.alternatives_for_latin.get(pair.latin_id, ())
        row["has_alternatives"] = bool(swedish_options or latin_options)
        row["open"] = pair.swedish_id == opened
        if row["open"]:
            row["swedish_alternatives"] = _alternative_rows(swedish_options, names, side="swedish")
            row["latin_alternatives"] = _alternative_rows(latin_options, names, side="latin")
        row["confirm_form"] = _confirm_form(pair)
        rows.append(row)
    return rows


def _confirm_form(pair) -> ConfirmForm:
    # No ids: a page holds one such form per pair.
    return ConfirmForm(
        initial={"interest": pair.swedish_id, "profile": pair.latin_id}, auto_id=False
    )


def _unmatched(board: selectors.Board, names: explain.Names, rows: slice) -> dict[str, list]:
    """The candidates without a partner on this page (the Swedish first, then the Latin
    American), with the reasons why."""
    result, candidates = board.result, board.candidates
    unmatched_swedish = list(result.unmatched_swedish)
    unmatched_latin = list(result.unmatched_latin)
    both = [("swedish", pk) for pk in unmatched_swedish] + [("latin", pk) for pk in unmatched_latin]
    shown = both[rows]
    swedish = [
        {
            "record": candidates.interests[pk],
            "reasons": [
                explain.unmatched_sentence(reason, side="swedish", names=names)
                for reason in reasons.why_unmatched(result, swedish_id=pk)
            ],
        }
        for side, pk in shown
        if side == "swedish"
    ]
    latin = [
        {
            "record": candidates.profiles[pk],
            "reasons": [
                explain.unmatched_sentence(reason, side="latin", names=names)
                for reason in reasons.why_unmatched(result, latin_id=pk)
            ],
        }
        for side, pk in shown
        if side == "latin"
    ]
    return {
        "swedish": swedish,
        "latin": latin,
        "swedish_count": len(unmatched_swedish),
        "latin_count": len(unmatched_latin),
        "count": len(both),
    }


def _limit_choices(form: ConstraintForm, pairs: list[dict], unmatched: dict) -> ConstraintForm:
    """Offer the rule's lists only the candidates on this page: the lists of every candidate
    of a large call weigh more than the page allows (18,000 options at 3,000 × 15,000)."""
    interests = [row["interest"] for row in pairs] + [r["record"] for r in unmatched["swedish"]]
    profiles = [row["profile"] for row in pairs] + [r["record"] for r in unmatched["latin"]]
    shown = ConstraintForm(interests=interests, profiles=profiles)
    form.fields["interest"].choices = shown.fields["interest"].choices
    form.fields["profile"].choices = shown.fields["profile"].choices
    return form


def _render_board(request, call: Call, *, constraint_form=None, balance_form=None, status=200):
    board = selectors.matching_board(call)
    names = _names(board, call)
    candidates, result = board.candidates, board.result
    # One page number for both lists: the nth page shows the nth 25 pairs and the nth 25
    # candidates without a partner; the totals above count the whole call.
    unmatched_total = len(result.unmatched_swedish) + len(result.unmatched_latin)
    rows = range(max(len(result.pairs), unmatched_total))
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    shown = slice(page.start_index() - 1, page.end_index()) if rows else slice(0, 0)
    opened = request.GET.get("open", "")
    opened = int(opened) if opened.isdigit() else None
    pairs = _proposal(board, names, result.pairs[shown], opened)
    unmatched = _unmatched(board, names, shown)
    constraint_form = _limit_choices(constraint_form or ConstraintForm(), pairs, unmatched)
    if balance_form is None:
        stored = candidates.settings.balance if candidates.settings else {}
        balance_form = BalanceForm(initial=stored)
    context = {
        "call": call,
        "network": call.network,
        "pairs": pairs,
        "pair_count": len(result.pairs),
        "pairs_first": shown.start + 1,
        "pairs_last": shown.start + len(pairs),
        "unmatched": unmatched,
        "page": page,
        # Absolute: after a refused form the page's address is the form's (POST only).
        "board_path": _board_url(call),
        # The forms' actions carry the page, so that each comes back to it.
        "page_query": f"?page={page.number}" if page.number > 1 else "",
        "total_score": explain.score(board.result.total_score),
        "interest_count": len(candidates.interests),
        "profile_count": len(candidates.profiles),
        "constraints": candidates.constraints,
        "stale_constraints": {ruling.pk for ruling in board.stale_constraints},
        "problem": _problem_message(board.problem) if board.problem else "",
        "balance": board.balance,
        "partnered_per_country": candidates.partnered_per_country,
        "constraint_form": constraint_form,
        "balance_form": balance_form,
    }
    return render(request, "matching/board.html", context, status=status)


@coordinator_required
@require_GET
def board(request, network_slug, call_slug):
    """The proposal for the call as the engine sees it now."""
    return _render_board(request, _call_or_404(network_slug, call_slug))


@coordinator_required
@require_POST
def constraint_add(request, network_slug, call_slug):
    call = _call_or_404(network_slug, call_slug)
    candidates = selectors.call_candidates(call)
    form = ConstraintForm(
        request.POST, interests=candidates.interests.values(), profiles=candidates.profiles.values()
    )
    if form.is_valid():
        try:
            ruling = services.constraint_add(
                call=call,
                interest=candidates.interests[form.cleaned_data["interest"]],
                profile=candidates.profiles[form.cleaned_data["profile"]],
                kind=form.cleaned_data["kind"],
                by=request.user,
            )
        except services.MatchingError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _constraint_added_message(ruling))
            return redirect(_board_url(call, _page_number(request)))
    return _render_board(request, call, constraint_form=form)


def _constraint_added_message(ruling: MatchConstraint) -> str:
    names = {
        "swedish": ruling.interest.organisation.name,
        "latin": ruling.seeking_profile.organisation.name,
    }
    if ruling.kind == MatchConstraint.Kind.MUST:
        return _("%(swedish)s and %(latin)s will always be paired.") % names
    return _("%(swedish)s and %(latin)s will never be paired.") % names


@coordinator_required
@require_POST
def constraint_remove(request, network_slug, call_slug, pk):
    call = _call_or_404(network_slug, call_slug)
    ruling = MatchConstraint.objects.for_call(call).filter(pk=pk).first()
    if ruling is None:
        messages.info(request, _("That rule was already removed."))
    else:
        services.constraint_remove(constraint=ruling, by=request.user)
        messages.success(
            request,
            _("The rule for %(swedish)s and %(latin)s is removed.")
            % {
                "swedish": ruling.interest.organisation.name,
                "latin": ruling.seeking_profile.organisation.name,
            },
        )
    return redirect(_board_url(call, _page_number(request)))


@coordinator_required
@require_POST
def balance(request, network_slug, call_slug):
    call = _call_or_404(network_slug, call_slug)
    form = BalanceForm(request.POST)
    if not form.is_valid():
        return _render_board(request, call, balance_form=form)
    services.balance_set(call=call, balance=form.balance(), by=request.user)
    messages.success(request, _("The balance between countries is saved."))
    return redirect(_board_url(call, _page_number(request)))


@coordinator_required
@require_POST
def confirm(request, network_slug, call_slug):
    """Make a partnership of a proposed pair; a board out of date changes nothing."""
    call = _call_or_404(network_slug, call_slug)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, services.PairUnavailable.message)
        return redirect(_board_url(call, _page_number(request)))
    try:
        partnership = services.pair_confirm(
            call=call,
            interest_id=form.cleaned_data["interest"],
            profile_id=form.cleaned_data["profile"],
            by=request.user,
            now=timezone.now(),
        )
    except (services.MatchingError, PartnershipError) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(swedish)s and %(latin)s are now partners. Both sides are told by e-mail.")
            % {
                "swedish": partnership.swedish_organisation.name,
                "latin": partnership.latin_organisation.name,
            },
        )
    return redirect(_board_url(call, _page_number(request)))
