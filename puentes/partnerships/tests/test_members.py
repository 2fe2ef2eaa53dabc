"""Members who were invited and have not joined yet are marked so; a member with an account
joins by opening the workspace signed in (or by accepting an invitation), once."""

from django.utils import translation

from puentes.core.audit import describe, entries_for
from puentes.partnerships import activity
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.services import member_mark_joined

from .conftest import NOW, workspace_url


def member(ws, role):
    return PartnershipMember.objects.get(partnership=ws.partnership, person__user=ws.users[role])


def members_section(page: str) -> str:
    return page.split("<h2>Members</h2>", 1)[1].split("<h2>", 1)[0]


def test_invited_members_who_have_not_joined_are_marked_with_the_date(ws, sign_in):
    # given the Guatemalan member joined; the Swede and Pedro (no account) did not
    PartnershipMember.objects.filter(pk=member(ws, "guatemalan").pk).update(joined_at=NOW)

    page = (
        sign_in(ws.users["mentor"])  # the mentor is no member: their visit changes nothing
        .get(workspace_url("partnership_detail", pk=ws.partnership.pk, language="en"))
        .content.decode()
    )

    members = members_section(page)
    pending = "(invited on Jan. 20, 2025, not joined yet)"
    assert members.count(pending) == 2
    assert f'Karin Lind <span class="hint">{pending}</span>' in members
    assert f'Pedro Xol <span class="hint">{pending}</span>' in members
    assert "María José Caal <span" not in members


def test_a_member_joins_when_they_first_open_the_workspace(ws, sign_in):
    client = sign_in(ws.users["swede"])
    url = workspace_url("partnership_detail", pk=ws.partnership.pk, language="en")

    page = client.get(url).content.decode()
    client.get(url)

    assert "Karin Lind <span" not in members_section(page)  # joined as the page was made
    joined = member(ws, "swede").joined_at
    assert joined is not None
    [entry] = entries_for(ws.partnership).filter(action=activity.MEMBER_JOINED)
    assert entry.actor == ws.users["swede"]
    with translation.override("en"):
        assert describe(entry).sentence == "Karin Lind joined the partnership."


def test_joining_is_recorded_once_and_only_for_members(ws):
    assert member_mark_joined(partnership=ws.partnership, by=ws.users["swede"], now=NOW)
    assert not member_mark_joined(partnership=ws.partnership, by=ws.users["swede"], now=NOW)
    assert not member_mark_joined(partnership=ws.partnership, by=ws.users["mentor"], now=NOW)
    assert not member_mark_joined(partnership=ws.partnership, by=ws.users["colleague"], now=NOW)

    assert member(ws, "swede").joined_at == NOW
    assert entries_for(ws.partnership).count() == 1


def test_a_member_added_without_an_invitation_is_not_marked_pending(ws, sign_in):
    from puentes.people.tests.factories import PersonFactory

    PartnershipMember.objects.create(
        partnership=ws.partnership, person=PersonFactory(name="Added In Admin"), side="swedish"
    )

    page = (
        sign_in(ws.users["mentor"])
        .get(workspace_url("partnership_detail", pk=ws.partnership.pk, language="en"))
        .content.decode()
    )

    assert "Added In Admin</li>" in members_section(page)
