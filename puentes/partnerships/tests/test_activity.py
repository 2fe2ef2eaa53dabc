"""The activity timeline: the partnership's audit entries as sentences, newest first, a page
at a time, for everyone who sees the partnership; the overview shows the latest five."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.core import audit
from puentes.core.audit import audit_record
from puentes.partnerships import activity
from puentes.people.tests.factories import PersonFactory

from .conftest import NOW, workspace_url

OTHER_APP_ACTION = audit.action(
    "tests.plan_goal_added", "%(actor)s added the goal “%(title)s” to the plan."
)


def record(ws, n, actor=None, action=activity.STATEMENT_SAVED, data=None, scope=None):
    """`n` entries, an hour apart, the last one at NOW."""
    for i in range(n):
        audit_record(
            actor=actor if actor is not None else PersonFactory().user,
            action=action,
            target=ws.partnership,
            scope=scope or ws.partnership,
            data=data or {},
            at=NOW - datetime.timedelta(hours=n - 1 - i),
        )


@pytest.mark.parametrize("role", ["swede", "guatemalan", "colleague", "mentor", "coordinator"])
def test_everyone_who_sees_the_partnership_reads_its_activity(ws, sign_in, role):
    record(ws, 1, actor=ws.users["swede"])

    response = sign_in(ws.users[role]).get(
        workspace_url("partnership_activity", pk=ws.partnership.pk, language="en")
    )

    assert response.status_code == 200
    assert "Karin Lind saved the shared challenge statement." in response.content.decode()


def test_someone_else_gets_404(ws, sign_in):
    response = sign_in(ws.users["outsider"]).get(
        workspace_url("partnership_activity", pk=ws.partnership.pk)
    )

    assert response.status_code == 404


def test_entries_of_other_apps_scoped_to_the_partnership_appear_and_others_do_not(ws, sign_in):
    from .factories import PartnershipFactory

    plan_author = PersonFactory(name="Ana Plan").user
    record(ws, 1, actor=plan_author, action=OTHER_APP_ACTION, data={"title": "Fler kvinnor"})
    other = PartnershipFactory()
    audit_record(
        actor=plan_author,
        action=OTHER_APP_ACTION,
        target=other,
        data={"title": "Någon annans mål"},
        at=NOW,
    )

    page = (
        sign_in(ws.users["mentor"])
        .get(workspace_url("partnership_activity", pk=ws.partnership.pk))
        .content.decode()
    )

    assert "Ana Plan added the goal “Fler kvinnor” to the plan." in page
    assert "Någon annans mål" not in page


def test_the_activity_is_newest_first_25_a_page(ws, sign_in):
    record(ws, 30, actor=ws.users["swede"])
    client = sign_in(ws.users["swede"])
    url = workspace_url("partnership_activity", pk=ws.partnership.pk)

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()

    assert first.count("<time ") == 25 and second.count("<time ") == 5
    newest = NOW.astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    assert first.index(newest.isoformat()) < first.index('rel="next"')
    assert 'rel="prev"' in second


def test_the_activity_page_runs_the_same_queries_for_3_and_40_entries(ws, sign_in):
    client = sign_in(ws.users["mentor"])
    url = workspace_url("partnership_activity", pk=ws.partnership.pk)
    record(ws, 3)  # each by a different person: actors come with the entries
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    record(ws, 37)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()

    assert page.count("<time ") == 25
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_the_overview_shows_the_latest_five_and_links_to_all(ws, sign_in):
    record(ws, 4, actor=ws.users["guatemalan"])
    record(ws, 3, actor=ws.users["coordinator"], action=activity.COMMENTED)
    client = sign_in(ws.users["mentor"])

    page = client.get(
        workspace_url("partnership_detail", pk=ws.partnership.pk, language="en")
    ).content.decode()

    latest = page.split('id="recent-activity"', 1)[1].split("</section>", 1)[0]
    assert latest.count("<li>") == 5
    assert workspace_url("partnership_activity", pk=ws.partnership.pk, language="en") in page


def test_the_workspace_navigation_marks_the_activity_page(ws, sign_in):
    page = (
        sign_in(ws.users["swede"])
        .get(workspace_url("partnership_activity", pk=ws.partnership.pk))
        .content.decode()
    )

    activity_url = workspace_url("partnership_activity", pk=ws.partnership.pk)
    assert f'<a href="{activity_url}" aria-current="page">' in page
