"""The meeting planner's pages in a partnership's workspace: its meetings, the planner and
its result, sending a chosen slot, a sent meeting, and one's own working hours.

Reached only through partnerships.selectors.partnership_for (404 for anyone else); used by
those who edit the partnership (members of both sides, coordinators): a mentor gets 403.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from puentes.partnerships import selectors as partnership_selectors
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.views import _partnership_or_404, coordinators_need_mfa

from . import planner, selectors
from .forms import DEFAULT_LENGTH, MeetingForm, PlanForm, SlotForm, WorkingHoursForm
from .models import Meeting
from .services import MeetingError, holiday_notes, meeting_send, working_hours_save

DEFAULT_DAYS = 14
MAX_SLOTS_SHOWN = 200


def _partnership_to_edit(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    if not partnership_selectors.can_edit_partnership(request.user, partnership):
        raise PermissionDenied  # a mentor: they see the partnership, but read only
    return partnership


@coordinators_need_mfa
@login_required
def meeting_list(request, pk):
    partnership = _partnership_to_edit(request, pk)
    now = timezone.now()
    meetings = list(selectors.meetings_of(partnership))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "partnership": partnership,
            "zones": _partnership_zones(partnership),
            "upcoming": [m for m in meetings if m.end_at > now],
            "past": [m for m in meetings if m.end_at <= now][::-1],
        },
    )


@coordinators_need_mfa
@login_required
def plan(request, pk):
    partnership = _partnership_to_edit(request, pk)
    plans = selectors.member_plans(partnership)
    today = timezone.localdate()
    if "first_day" not in request.GET:
        initial = {
            "first_day": today,
            "last_day": today + timedelta(days=DEFAULT_DAYS - 1),
            "length": DEFAULT_LENGTH,
            "members": [p.member.pk for p in plans],
        }
        form = PlanForm(initial=initial, plans=plans, today=today)
        return _plan_page(request, partnership, plans, form)
    form = PlanForm(request.GET, plans=plans, today=today)
    if not form.is_valid():
        return _plan_page(request, partnership, plans, form, status=400)
    chosen = [p for p in plans if p.member.pk in set(form.cleaned_data["members"])]
    slots = planner.find_slots(
        [p.participant for p in chosen],
        first_day=form.cleaned_data["first_day"],
        last_day=form.cleaned_data["last_day"],
        length=form.length_delta,
        include_weekends=form.cleaned_data["include_weekends"],
        holiday_language=translation.get_language(),
    )
    now = timezone.now()
    slots = [slot for slot in slots if slot.start > now]
    result = {
        "zones": _zones(chosen),
        "rows": [_row(partnership, slot, form.cleaned_data) for slot in slots[:MAX_SLOTS_SHOWN]],
        "count": len(slots),
        "cut": len(slots) > MAX_SLOTS_SHOWN,
    }
    return _plan_page(request, partnership, plans, form, result=result)


def _plan_page(request, partnership, plans, form, result=None, status=200):
    return render(
        request,
        "meetings/plan.html",
        {
            "partnership": partnership,
            "plans": plans,
            "form": form,
            "result": result,
            "my_plan": _plan_of(request.user, plans),
        },
        status=status,
    )


def _plan_of(user, plans):
    return next((p for p in plans if p.person.user_id == user.pk), None)


def _zones(plans) -> list[dict]:
    """The time zones of the chosen members, each once, in the order of the members."""
    names = dict.fromkeys(p.participant.time_zone for p in plans)
    return [{"name": name, "label": selectors.zone_label(name)} for name in names]


def _partnership_zones(partnership) -> list[dict]:
    names = dict.fromkeys(
        selectors.country_time_zone(organisation.country)
        for organisation in (partnership.swedish_organisation, partnership.latin_organisation)
    )
    return [{"name": name, "label": selectors.zone_label(name)} for name in names]


def _row(partnership, slot, question) -> dict:
    by_zone = {}
    for local in slot.local:
        by_zone.setdefault(local.participant.time_zone, local)
    query = {
        "start": slot.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "length": question["length"],
        "members": question["members"],
    }
    if question["include_weekends"]:
        query["include_weekends"] = "on"
    return {
        "slot": slot,
        "cells": [{"zone": name, "local": local} for name, local in by_zone.items()],
        "holidays": holiday_notes(partnership, slot.holidays),
        "query": urlencode(query, doseq=True),
    }


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    partnership = _partnership_to_edit(request, pk)
    plans = selectors.member_plans(partnership)
    if request.method != "POST":
        slot_form = SlotForm(request.GET, plans=plans)
        if not slot_form.is_valid():
            messages.warning(request, _("Choose a time in the planner first."))
            return redirect("meetings:plan", pk=partnership.pk)
        form = MeetingForm(initial=slot_form.cleaned_data, plans=plans)
        return _meeting_form(request, partnership, plans, form, slot_form.cleaned_data)
    form = MeetingForm(request.POST, plans=plans)
    if not form.is_valid():
        return _meeting_form(request, partnership, plans, form, _slot_data(form), status=400)
    try:
        meeting = meeting_send(
            partnership=partnership,
            title=form.cleaned_data["title"],
            video_link=form.cleaned_data["video_link"],
            start_at=form.cleaned_data["start"],
            length=form.length_delta,
            member_ids=form.cleaned_data["members"],
            include_weekends=form.cleaned_data["include_weekends"],
            by=request.user,
            now=timezone.now(),
            base_url=request.build_absolute_uri("/"),
        )
    except MeetingError as error:
        form.add_error(None, error.message)
        return _meeting_form(request, partnership, plans, form, _slot_data(form), status=400)
    count = len(form.cleaned_data["members"])
    messages.success(
        request,
        ngettext(
            "The invitation has been sent to %(count)s member.",
            "The invitation has been sent to %(count)s members.",
            count,
        )
        % {"count": count},
    )
    return redirect(meeting)


def _slot_data(form) -> dict | None:
    """The slot of a form sent back with errors, if its hidden part is still sound."""
    needed = ("start", "length", "members")
    if any(name in form.errors for name in needed):
        return None
    return {name: form.cleaned_data.get(name) for name in (*needed, "include_weekends")}


def _meeting_form(request, partnership, plans, form, slot_data, status=200):
    slot = None
    if slot_data:
        chosen = [p for p in plans if p.member.pk in set(slot_data["members"])]
        slot = planner.slot_at(
            [p.participant for p in chosen],
            slot_data["start"],
            length=timedelta(minutes=slot_data["length"]),
            include_weekends=True,
            holiday_language=translation.get_language(),
        )
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "partnership": partnership,
            "form": form,
            "slot": slot,
            "row": _row(partnership, slot, {**slot_data, "include_weekends": False})
            if slot
            else None,
            "invitees": [p for p in plans if slot_data and p.member.pk in slot_data["members"]],
        },
        status=status,
    )


@coordinators_need_mfa
@login_required
def meeting_detail(request, pk, meeting_pk):
    partnership = _partnership_to_edit(request, pk)
    try:
        meeting = selectors.meeting_in(partnership, meeting_pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc
    zones = dict.fromkeys(invitee.time_zone for invitee in meeting.invitees.all())
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "partnership": partnership,
            "meeting": meeting,
            "zones": [{"name": name, "label": selectors.zone_label(name)} for name in zones],
        },
    )


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def working_hours_edit(request, pk):
    partnership = _partnership_to_edit(request, pk)
    person = getattr(request.user, "person", None)
    if person is None:
        raise Http404
    hours = selectors.hours_or_default(person, partnership)
    initial = {"time_zone": hours.time_zone, "day_start": hours.day_start, "day_end": hours.day_end}
    form = WorkingHoursForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            working_hours_save(
                person=person, **form.cleaned_data, by=request.user, now=timezone.now()
            )
        except MeetingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your working hours are saved."))
            return redirect("meetings:plan", pk=partnership.pk)
    status = 400 if request.method == "POST" else 200
    is_member = PartnershipMember.objects.filter(partnership=partnership, person=person).exists()
    return render(
        request,
        "meetings/working_hours_form.html",
        {
            "partnership": partnership,
            "form": form,
            "is_saved": hours.pk is not None,
            "is_member": is_member,
        },
        status=status,
    )
