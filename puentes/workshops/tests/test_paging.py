"""The lists that grow with a programme are paged (issue #8: every page under 100 KB): the
public list (coming first, past on the later pages), the secretariat's list, and the
participation rule (those short of it first, or only them)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from puentes.workshops.models import Registration
from puentes.workshops.views import WORKSHOPS_PER_PAGE
from puentes.workshops.views_coordination import ROWS_PER_PAGE

from .factories import RegistrationFactory, WorkshopFactory
from .test_coordination import swedish_workshop


def url(name, language="sv"):
    with translation.override(language):
        return reverse(f"workshops:{name}")


def coming(days, **kwargs):
    start = timezone.now() + datetime.timedelta(days=days)
    return WorkshopFactory(start_at=start, end_at=start + datetime.timedelta(days=1), **kwargs)


def past(days_ago):
    start = timezone.now() - datetime.timedelta(days=days_ago)
    return WorkshopFactory(start_at=start, end_at=start + datetime.timedelta(days=1))


@pytest.fixture
def many(db):
    """One more coming workshop than a page holds, and two past ones."""
    soonest_first = [coming(days) for days in range(10, 10 + WORKSHOPS_PER_PAGE + 1)]
    return soonest_first, [past(5), past(40)]


def test_the_public_list_pages_coming_workshops_first_and_past_ones_after(client, many):
    soonest_first, (recent, older) = many

    first = client.get(url("workshop_list"), {"zone": "America/Guatemala"})
    second = client.get(url("workshop_list"), {"zone": "America/Guatemala", "page": 2})

    assert [w.pk for w in first.context["coming"]] == [w.pk for w in soonest_first[:-1]]
    assert first.context["past"] == []
    # The next page's link keeps the chosen time zone.
    assert 'href="?zone=America%2FGuatemala&amp;page=2" rel="next"' in first.content.decode()
    assert [w.pk for w in second.context["coming"]] == [soonest_first[-1].pk]
    assert [w.pk for w in second.context["past"]] == [recent.pk, older.pk]


def test_a_later_page_with_only_past_workshops_has_no_empty_coming_heading(client, db):
    for days_ago in range(5, 5 + WORKSHOPS_PER_PAGE + 1):
        past(days_ago)

    page = client.get(url("workshop_list", "en"), {"page": 2}).content.decode()

    assert "Past workshops" in page and "Coming workshops" not in page


def test_the_secretariats_list_pages_latest_first(client, coordinator, many):
    soonest_first, _past = many
    client.force_login(coordinator)

    first = client.get(url("coordination")).context["page"]
    second = client.get(url("coordination"), {"page": 2}).context["page"]

    assert len(first.object_list) == ROWS_PER_PAGE
    assert first.object_list[0].pk == soonest_first[-1].pk
    assert first.paginator.count == len(soonest_first) + 2
    assert len(second.object_list) == len(soonest_first) + 2 - ROWS_PER_PAGE


def test_the_rule_overview_lists_partnerships_short_of_the_rule_first_or_only_them(
    client, coordinator, partnership, swedish_member, second_partnership
):
    # Given a partnership that meets the rule and one that has been to no workshop
    short = second_partnership
    for held in (
        WorkshopFactory(call=partnership.call, state="held"),
        swedish_workshop(partnership.call, state="held"),
    ):
        RegistrationFactory(
            workshop=held,
            person=swedish_member,
            partnership=partnership,
            organisation=partnership.swedish_organisation,
            status=Registration.Status.ATTENDED,
        )
    client.force_login(coordinator)

    # When the coordinator looks at the overview, then asks for those short of it only
    every = client.get(url("rule_overview"))
    only_short = client.get(url("rule_overview"), {"show": "short"})

    # Then the short one comes first, or alone; the totals count every partnership
    assert [s.partnership.pk for s in every.context["page"]] == [short.pk, partnership.pk]
    assert [s.partnership.pk for s in only_short.context["page"]] == [short.pk]
    assert (only_short.context["short"], len(only_short.context["statuses"])) == (1, 2)
    assert '<option value="short" selected>' in only_short.content.decode()
