"""Phases: forming → inception → project → concluded, moved on (or back one step, with a
reason) by a coordinator, from the workspace or the admin; recorded in the activity."""

import pytest
from django.urls import reverse
from django.utils import translation

from puentes.core.audit import describe, entries_for
from puentes.partnerships.models import Partnership
from puentes.partnerships.phases import (
    BACK,
    FORWARD,
    OnlyCoordinators,
    PhaseReasonMissing,
    PhaseStepNotAllowed,
    partnership_change_phase,
    phase_step_allowed,
)

from .conftest import NOW, workspace_url

P = Partnership.Phase
ALL_STEPS = [(a, b) for a in P.values for b in P.values if a != b]


def change(ws, phase, reason="", role="coordinator"):
    return partnership_change_phase(
        partnership=ws.partnership, phase=phase, reason=reason, by=ws.users[role], now=NOW
    )


def set_phase(ws, phase):
    Partnership.objects.filter(pk=ws.partnership.pk).update(phase=phase)
    ws.partnership.refresh_from_db()


def test_the_steps_are_one_phase_on_or_one_phase_back():
    allowed = {(a, b) for a, b in ALL_STEPS if phase_step_allowed(a, b)}

    assert allowed == {
        (P.FORMING, P.INCEPTION),
        (P.INCEPTION, P.PROJECT),
        (P.PROJECT, P.CONCLUDED),
        (P.INCEPTION, P.FORMING),
        (P.PROJECT, P.INCEPTION),
        (P.CONCLUDED, P.PROJECT),
    }
    assert set(FORWARD) | set(BACK) == set(P.values)


def test_a_coordinator_moves_the_partnership_on_and_it_is_recorded(ws):
    changed = change(ws, P.INCEPTION)

    assert changed.phase == P.INCEPTION
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.INCEPTION
    [entry] = entries_for(ws.partnership)
    assert entry.data == {"from": "forming", "to": "inception", "reason": ""}
    assert (entry.actor, entry.at) == (ws.users["coordinator"], NOW)
    with translation.override("en"):
        assert "moved the partnership on to the inception phase" in describe(entry).sentence


def test_going_back_needs_a_reason_which_the_timeline_shows(ws):
    set_phase(ws, P.PROJECT)

    with pytest.raises(PhaseReasonMissing):
        change(ws, P.INCEPTION, reason="  ")
    assert not entries_for(ws.partnership).exists()

    change(ws, P.INCEPTION, reason="The plan is not agreed yet.")

    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.INCEPTION
    [entry] = entries_for(ws.partnership)
    assert entry.data["reason"] == "The plan is not agreed yet."
    with translation.override("en"):
        sentence = describe(entry).sentence
    assert "back to the inception phase: The plan is not agreed yet." in sentence


@pytest.mark.parametrize(
    ("start", "target"), [(a, b) for a, b in ALL_STEPS if not phase_step_allowed(a, b)]
)
def test_a_step_not_allowed_is_refused_and_changes_nothing(ws, start, target):
    set_phase(ws, start)

    with pytest.raises(PhaseStepNotAllowed):
        change(ws, target, reason="Because.")

    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == start
    assert not entries_for(ws.partnership).exists()


@pytest.mark.parametrize("role", ["swede", "guatemalan", "mentor"])
def test_members_and_the_mentor_do_not_change_the_phase(ws, role):
    with pytest.raises(OnlyCoordinators):
        change(ws, P.INCEPTION, role=role)

    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.FORMING


def test_two_coordinators_moving_on_at_once_move_it_one_phase_only(ws):
    change(ws, P.INCEPTION)

    with pytest.raises(PhaseStepNotAllowed):
        change(ws, P.INCEPTION)  # the second one, from the page they opened before

    assert entries_for(ws.partnership).count() == 1


# --- The pages --------------------------------------------------------------------------


def test_members_see_the_phase_but_no_controls(ws, sign_in):
    client = sign_in(ws.users["swede"])

    page = client.get(workspace_url("partnership_detail", pk=ws.partnership.pk, language="en"))

    text = page.content.decode()
    assert "Forming" in text
    assert workspace_url("phase_change", pk=ws.partnership.pk, language="en") not in text
    response = client.post(
        workspace_url("phase_change", pk=ws.partnership.pk), {"phase": "inception"}
    )
    assert response.status_code == 403
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.FORMING


def test_a_coordinator_moves_on_from_the_overview(ws, sign_in):
    client = sign_in(ws.users["coordinator"])
    overview = workspace_url("partnership_detail", pk=ws.partnership.pk, language="en")
    assert "Move on to the inception phase" in client.get(overview).content.decode()

    response = client.post(
        workspace_url("phase_change", pk=ws.partnership.pk, language="en"), {"phase": "inception"}
    )

    assert response.status_code == 302 and response.url == overview
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.INCEPTION
    page = client.get(overview).content.decode()
    assert "Move on to the project phase" in page
    assert "Move back to the forming phase" in page


def test_going_back_without_a_reason_shows_the_error_next_to_the_field(ws, sign_in):
    set_phase(ws, P.PROJECT)
    client = sign_in(ws.users["coordinator"])

    response = client.post(
        workspace_url("phase_change", pk=ws.partnership.pk), {"phase": "inception", "reason": ""}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page and 'href="#id_reason"' in page
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.PROJECT


def test_a_step_from_a_stale_page_is_refused_with_a_message(ws, sign_in):
    # given the page offered "back to forming" while in inception; someone moved it on since
    set_phase(ws, P.PROJECT)
    client = sign_in(ws.users["coordinator"])

    response = client.post(
        workspace_url("phase_change", pk=ws.partnership.pk, language="en"),
        {"phase": "forming", "reason": "Not ready."},
    )

    assert response.status_code == 400
    assert "one phase at a time" in response.content.decode()
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.PROJECT


def test_the_admin_changes_the_phase_through_the_service(ws, sign_in):
    client = sign_in(ws.users["coordinator"])
    url = reverse("admin:partnerships_partnership_change", args=[ws.partnership.pk])
    members = list(ws.partnership.members.all())
    form = {
        "phase": "inception",
        "phase_reason": "",
        "mentor": ws.partnership.mentor_id,
        "areas_of_cooperation_sv": "Rad",
        "members-TOTAL_FORMS": len(members),
        "members-INITIAL_FORMS": len(members),
    }
    for n, member in enumerate(members):
        form |= {
            f"members-{n}-id": member.pk,
            f"members-{n}-partnership": ws.partnership.pk,
            f"members-{n}-person": member.person_id,
            f"members-{n}-side": member.side,
        }

    skipping = client.post(url, {**form, "phase": "concluded"})
    assert skipping.status_code == 200  # the form again, with the error
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.FORMING

    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    ws.partnership.refresh_from_db()
    assert ws.partnership.phase == P.INCEPTION
    [entry] = entries_for(ws.partnership)
    assert entry.data == {"from": "forming", "to": "inception", "reason": ""}
