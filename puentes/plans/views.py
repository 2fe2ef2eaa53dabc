"""The plan page, and adding, editing and deleting its goal and items under optimistic
locking: a stale save answers 409 with both versions and the editor's text in the form, so
nothing is lost.

One set of views serves every kind of item (see kinds.py); the URL names the kind. The
partnership is found through partnerships.selectors.partnership_for (404 for anyone who may
not see it) and an item only within that partnership's plan (404 otherwise). Members of both
sides and coordinators edit; a mentor reads, and gets 403 on the pages that edit.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from puentes.partnerships import selectors as partnership_selectors
from puentes.partnerships.models import Partnership
from puentes.partnerships.views import coordinators_need_mfa

from . import selectors
from .comparison import compare
from .forms import FORMS, DeleteForm, GoalForm
from .kinds import KINDS
from .locking import StaleVersion
from .rules import PLAN_LANGUAGES, PlanError
from .services import item_create, item_delete, item_update, plan_save_goal


@dataclass(frozen=True)
class Titles:
    add: str
    edit: str
    delete: str


TITLES = {
    "outcome": Titles(
        gettext_lazy("Add an outcome"),
        gettext_lazy("Edit the outcome"),
        gettext_lazy("Delete the outcome"),
    ),
    "output": Titles(
        gettext_lazy("Add an output"),
        gettext_lazy("Edit the output"),
        gettext_lazy("Delete the output"),
    ),
    "activity": Titles(
        gettext_lazy("Add an activity"),
        gettext_lazy("Edit the activity"),
        gettext_lazy("Delete the activity"),
    ),
    "indicator": Titles(
        gettext_lazy("Add an indicator"),
        gettext_lazy("Edit the indicator"),
        gettext_lazy("Delete the indicator"),
    ),
    "assumption": Titles(
        gettext_lazy("Add an assumption"),
        gettext_lazy("Edit the assumption"),
        gettext_lazy("Delete the assumption"),
    ),
}
GOAL_TITLE = gettext_lazy("Edit the overall goal")


def _partnership_or_404(user, pk) -> Partnership:
    try:
        return partnership_selectors.partnership_for(user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc


def editable_partnership(request, pk) -> Partnership:
    partnership = _partnership_or_404(request.user, pk)
    if not partnership_selectors.can_edit_partnership(request.user, partnership):
        raise PermissionDenied  # a mentor: they see the partnership, but read only
    return partnership


def item_or_404(kind, partnership, pk):
    try:
        return selectors.item_for(kind, partnership, pk)
    except kind.model.DoesNotExist as exc:
        raise Http404 from exc


def plan_url(partnership) -> str:
    return reverse("plans:plan_detail", kwargs={"pk": partnership.pk})


@coordinators_need_mfa
@login_required
def plan_detail(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    page = selectors.plan_page(partnership)
    columns = []
    if page.plan is not None and page.plan.goals:
        columns = goal_columns(page.plan)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "partnership": partnership,
            "page": page,
            "goal_columns": columns,
            "can_edit": partnership_selectors.can_edit_partnership(request.user, partnership),
        },
    )


def goal_columns(plan) -> list[dict]:
    """The goal in Swedish and Spanish side by side, marking the original, as the workspace
    shows the challenge statement."""
    return [
        {"code": code, "text": plan.goals.get(code, ""), "is_original": code == plan.goal_language}
        for code in PLAN_LANGUAGES
    ]


def _form_page(request, partnership, form, *, title, parent=None, status=200):
    return render(
        request,
        "plans/item_form.html",
        {"partnership": partnership, "form": form, "title": title, "parent": parent},
        status=status,
    )


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request, pk):
    partnership = editable_partnership(request, pk)
    if request.method != "POST":
        form = GoalForm(initial=GoalForm.initial_for(selectors.plan_of(partnership)))
        return _form_page(request, partnership, form, title=GOAL_TITLE)
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            plan_save_goal(
                partnership=partnership,
                texts=form.data_for_service()["texts"],
                expected_version=form.expected_version,
                by=request.user,
                now=timezone.now(),
            )
        except StaleVersion as stale:
            return _conflict(
                request, partnership, form, stale.current, action=request.path, title=GOAL_TITLE
            )
        except PlanError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The overall goal is saved."))
            return redirect(plan_url(partnership))
    return _form_page(request, partnership, form, title=GOAL_TITLE, status=400)


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def item_add(request, pk, kind, parent_kind=None, parent_pk=None):
    kind = KINDS[kind]
    partnership = editable_partnership(request, pk)
    parent = item_or_404(KINDS[parent_kind], partnership, parent_pk) if parent_kind else None
    title = TITLES[kind.name].add
    if request.method != "POST":
        form = FORMS[kind.name](partnership=partnership)
        return _form_page(request, partnership, form, title=title, parent=parent)
    form = FORMS[kind.name](request.POST, partnership=partnership)
    if form.is_valid():
        try:
            item_create(
                kind=kind,
                partnership=partnership,
                parent=parent,
                data=form.data_for_service(),
                by=request.user,
                now=timezone.now(),
            )
        except PlanError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("It is added to the plan."))
            return redirect(plan_url(partnership))
    return _form_page(request, partnership, form, title=title, parent=parent, status=400)


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk, kind, item_pk):
    kind = KINDS[kind]
    partnership = editable_partnership(request, pk)
    form_class, title = FORMS[kind.name], TITLES[kind.name].edit
    if request.method != "POST":
        item = item_or_404(kind, partnership, item_pk)
        form = form_class(initial=form_class.initial_for(item), partnership=partnership)
        return _form_page(request, partnership, form, title=title)
    # An item deleted since the form was opened is not a 404: the service answers with a
    # conflict, and the page gives the editor's text back.
    item = kind.in_partnership(partnership).filter(pk=item_pk).first() or kind.model(pk=item_pk)
    form = form_class(request.POST, partnership=partnership)
    if form.is_valid():
        try:
            item_update(
                kind=kind,
                partnership=partnership,
                item=item,
                data=form.data_for_service(),
                expected_version=form.expected_version,
                by=request.user,
                now=timezone.now(),
            )
        except StaleVersion as stale:
            readd = _readd_url(kind, partnership, item) if stale.current is None else None
            action = readd if stale.current is None else request.path
            return _conflict(request, partnership, form, stale.current, action=action, title=title)
        except PlanError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your changes to the plan are saved."))
            return redirect(plan_url(partnership))
    return _form_page(request, partnership, form, title=title, status=400)


def _readd_url(kind, partnership, item) -> str | None:
    """Where an item deleted while someone edited it can be added again: the plan, or its
    parent if that is known and still exists."""
    if kind.is_top_level:
        return reverse(f"plans:{kind.name}_add", kwargs={"pk": partnership.pk})
    if item._state.adding:  # gone before this request read it: its parent is unknown
        return None
    field, parent_pk = kind.parent_of(item)
    parent_kind = KINDS[field]
    if not parent_kind.in_partnership(partnership).filter(pk=parent_pk).exists():
        return None
    name = f"plans:{kind.name}_add" if kind.name != "indicator" else f"plans:{field}_indicator_add"
    return reverse(name, kwargs={"pk": partnership.pk, "parent_pk": parent_pk})


def _conflict(request, partnership, stale_form, current, *, action, title):
    """Someone saved (or deleted) since: show their version next to yours, and give the form
    back with your text and the version saved now, so saving again is a deliberate choice."""
    form_class = type(stale_form)
    saved = form_class.initial_for(current) if current is not None else None
    form = None
    if action is not None:
        version = current.version if current is not None else None
        form = form_class(
            initial={**stale_form.cleaned_data, "version": version}, partnership=partnership
        )
    return render(
        request,
        "plans/item_conflict.html",
        {
            "partnership": partnership,
            "title": title,
            "rows": compare(stale_form, stale_form.cleaned_data, saved),
            "current": current,
            "form": form,
            "action": action,
        },
        status=409,
    )


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def item_delete_view(request, pk, kind, item_pk):
    kind = KINDS[kind]
    partnership = editable_partnership(request, pk)
    if request.method != "POST":
        item = item_or_404(kind, partnership, item_pk)
        form = DeleteForm(initial={"version": item.version})
        return _delete_page(request, partnership, kind, item, form)
    item = kind.in_partnership(partnership).filter(pk=item_pk).first()
    form = DeleteForm(request.POST)
    version = (form.cleaned_data.get("version") if form.is_valid() else None) or 0
    try:
        deleted = item is not None and item_delete(
            kind=kind,
            partnership=partnership,
            item=item,
            expected_version=version,
            by=request.user,
            now=timezone.now(),
        )
    except StaleVersion as stale:
        if stale.current is not None:
            form = DeleteForm(initial={"version": stale.current.version})
            return _delete_page(request, partnership, kind, stale.current, form, status=409)
        deleted = False
    if deleted:
        messages.success(request, _("It is deleted from the plan."))
    else:
        messages.info(request, _("Someone else had already deleted it."))
    return redirect(plan_url(partnership))


def _delete_page(request, partnership, kind, item, form, status=200):
    form_class = FORMS[kind.name]
    shape = form_class(partnership=partnership)
    return render(
        request,
        "plans/item_delete.html",
        {
            "partnership": partnership,
            "title": TITLES[kind.name].delete,
            "item": item,
            "rows": compare(shape, None, form_class.initial_for(item)),
            "also_deleted": selectors.what_goes_with(kind, item),
            "form": form,
            "is_stale": status == 409,
        },
        status=status,
    )
