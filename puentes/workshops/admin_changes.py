"""What a coordinator's change to a workshop in the admin does to its registrations.

More places (in total or per partnership, or no limit per partnership) go to the waiting list
in its order; fewer places take no place from anyone; a cancellation is announced by mail to
everyone registered or waiting. The services do the work; this module only decides which one
a saved change form calls, and tells the coordinator what happened."""

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from .models import Workshop
from .services import waitlist_fill, workshop_cancellation_tell

PLACE_FIELDS = {"capacity", "capacity_per_partnership"}


def apply(request, workshop: Workshop, form, message_user) -> None:
    """Run after the change form saved `workshop`, inside the admin's transaction, so a
    failure here undoes the change too. `message_user(request, text, level)` is the
    ModelAdmin's."""
    changed = set(form.changed_data)
    now = timezone.now()
    base_url = request.build_absolute_uri("/")
    if "state" in changed and workshop.state == Workshop.State.CANCELLED:
        told = workshop_cancellation_tell(workshop, by=request.user, now=now, base_url=base_url)
        message_user(request, _told_message(len(told)), messages.SUCCESS)
        return
    if not changed & PLACE_FIELDS:
        return
    promoted = waitlist_fill(workshop, by=request.user, now=now, base_url=base_url)
    message_user(request, _promoted_message(len(promoted)), messages.SUCCESS)
    taken = workshop.registrations.holding_a_place().count()
    if taken > workshop.capacity:
        message_user(request, _over_message(taken, workshop.capacity), messages.WARNING)


def _told_message(count: int) -> str:
    return ngettext(
        "%(count)d person registered or on the waiting list was told by mail that the "
        "workshop is cancelled.",
        "%(count)d people registered or on the waiting list were told by mail that the "
        "workshop is cancelled.",
        count,
    ) % {"count": count}


def _promoted_message(count: int) -> str:
    return ngettext(
        "%(count)d person got a place from the waiting list and was told by mail.",
        "%(count)d people got a place from the waiting list and were told by mail.",
        count,
    ) % {"count": count}


def _over_message(taken: int, capacity: int) -> str:
    return gettext(
        "Places taken: %(taken)d; places now set: %(capacity)d. Nobody loses their place; "
        "new registrations go to the waiting list until enough places are free."
    ) % {"taken": taken, "capacity": capacity}
