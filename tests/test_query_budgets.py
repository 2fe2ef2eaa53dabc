"""Query budgets: every page and API endpoint answers with the same number of database
queries over the network size and over the programme size of bench.generate, and with no
more than CEILING (issue #8).

The pages come from the access matrix's walk of the URL patterns (tests/test_access_matrix.py),
so a new page is measured as soon as it exists: it is requested as the least privileged role
that the matrix says gets it (anonymous, a signed-in member, a partner, a coordinator), with
arguments built from the generated data in BENCH_KWARGS. A URL that no role gets as a page
from a GET (POSTs, redirects) is left out by the matrix itself; any other leaving-out is in
EXCLUDED with its reason. Admin pages: every changelist is measured (the lists that grow with
the data); the admin's forms of one object are left out by rule.

Both sizes are generated in one test database, one after the other: the network size inside
a savepoint that is rolled back, then the programme at its full shape (~35 s). Per-object
pages are measured on objects of the same shape at both sizes (tests/query_budget_objects.py).
Run it apart with `pytest -m budgets`; it runs in `make test` too.
"""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch

from bench.generate import SIZES, generate
from puentes.privacy.export import SOURCES as PERSONAL_DATA_SOURCES
from tests.access.policy import OK
from tests.query_budget_objects import Bench, bench_objects
from tests.test_access_matrix import (
    ADMIN_APPS,
    ADMIN_KINDS_ALLOWED,
    EXPECTED,
    admin_model_urls,
    all_patterns,
    sv_reverse,
)

pytestmark = pytest.mark.budgets

# No page may need more queries than this, even when it needs as many at both sizes: equal
# counts at equal paging could otherwise hide a query per row of a page.
CEILING = 30
# Pages allowed more, with the reason.
CEILINGS = {
    # One query per kind of record that holds personal data, whatever the number of records.
    "privacy:data": CEILING + len(PERSONAL_DATA_SOURCES),
    "privacy:data_json": CEILING + len(PERSONAL_DATA_SOURCES),
}

# URL name → why it is not measured (beyond those that no role gets from a GET).
EXCLUDED = {
    "admin:autocomplete": "answers 403 without the field it completes",
    "admin:jsi18n": "static JavaScript catalogue, no database",
    "admin:password_change": "one form, nothing that grows",
    "admin:password_change_done": "one message, nothing that grows",
    "admin:auth_user_password_change": "one form for one user, nothing that grows",
    "admin:view_on_site": "a redirect",
    "admin:catch_all": "404",
    "admin:login": "a redirect to the sign-in page",
    "admin:logout": "a POST",
    "admin:app_list": "the index lists the same models; measured there",
}
# Admin URLs of one object or of its deletion: forms, not lists that grow with the data.
ADMIN_KINDS_LEFT_OUT = ("_add", "_change", "_delete", "_history", "_object_redirect")


def _call(call):
    return lambda b: {"network_slug": b.network.slug, "call_slug": getattr(b, call).slug}


def _in_plan(item, argument):
    return lambda b: {"pk": b.partnership.pk, argument: b.plan[item].pk}


_PARTNERSHIP = {"pk": lambda b: b.partnership.pk}
PLAN_ITEM_URLS = {
    "outcome_edit": ("outcome", "item_pk"),
    "outcome_delete": ("outcome", "item_pk"),
    "output_add": ("outcome", "parent_pk"),
    "outcome_indicator_add": ("outcome", "parent_pk"),
    "output_edit": ("output", "item_pk"),
    "output_delete": ("output", "item_pk"),
    "activity_add": ("output", "parent_pk"),
    "output_indicator_add": ("output", "parent_pk"),
    "activity_edit": ("activity", "item_pk"),
    "activity_delete": ("activity", "item_pk"),
    "indicator_edit": ("indicator", "item_pk"),
    "indicator_delete": ("indicator", "item_pk"),
    "indicator_values": ("indicator", "item_pk"),
    "assumption_edit": ("assumption", "item_pk"),
    "assumption_delete": ("assumption", "item_pk"),
}
# The pages of one partnership: their only argument is the partnership.
PARTNERSHIP_URLS = [
    "partnerships:partnership_detail",
    "partnerships:statement_edit",
    "partnerships:invitation_create",
    "partnerships:comment_create",
    "partnerships:phase_change",
    "partnerships:partnership_activity",
    "plans:plan_detail",
    "plans:goal_edit",
    "plans:outcome_add",
    "plans:assumption_add",
    "reports:report_list",
    "documents:document_list",
    "documents:document_upload",
    "meetings:meeting_list",
    "meetings:plan",
    "meetings:working_hours",
    "workshops:partnership_workshops",
]
BENCH_KWARGS = {
    **{name: lambda b: {"pk": b.partnership.pk} for name in PARTNERSHIP_URLS},
    **{f"plans:{n}": _in_plan(item, arg) for n, (item, arg) in PLAN_ITEM_URLS.items()},
    "networks:network_detail": lambda b: {"slug": b.network.slug},
    "networks:call_detail": _call("open_call"),
    "dashboards:public_results": lambda b: {"slug": b.network.slug},
    "maps:network_map": lambda b: {"slug": b.network.slug},
    "interests:interest_new": _call("open_call"),
    "interests:interest_detail": lambda b: {"pk": b.interest.pk},
    "interests:interest_edit": lambda b: {"pk": b.interest.pk},
    "interests:interest_withdraw": lambda b: {"pk": b.interest.pk},
    "review:queue": _call("open_call"),
    "review:export_csv": _call("open_call"),
    "review:export_xlsx": _call("open_call"),
    "review:interest_detail": lambda b: {"pk": b.review_interest.pk},
    # A closed call: accepted interests and published profiles still unpaired.
    "matching:board": _call("closed_call"),
    "catalogue:list": _call("open_call"),
    # The Latin partner's own profile in the closed call: "the call is closed" and its page.
    "catalogue:new": _call("closed_call"),
    "catalogue:detail": lambda b: {
        **_call("closed_call")(b),
        "pk": b.partnership.seeking_profile_id,
    },
    "catalogue:contact_sent": lambda b: {**_call("open_call")(b), "pk": b.profile.pk},
    "catalogue:review": _call("open_call"),
    "catalogue:review_profile": lambda b: {**_call("open_call")(b), "pk": b.profile.pk},
    "partnerships:comment_delete": lambda b: {
        "pk": b.partnership.pk,
        "comment_pk": b.comment.pk,
    },
    "reports:report_detail": lambda b: {"pk": b.partnership.pk, "period_pk": b.period.pk},
    "reports:report_edit": lambda b: {"pk": b.partnership.pk, "period_pk": b.current_period.pk},
    "documents:document_download": lambda b: {
        "pk": b.partnership.pk,
        "document_pk": b.document.pk,
    },
    "documents:document_delete": lambda b: {"pk": b.partnership.pk, "document_pk": b.document.pk},
    "meetings:meeting_detail": lambda b: {"pk": b.partnership.pk, "meeting_pk": b.meeting.pk},
    "workshops:workshop_detail": lambda b: {"pk": b.workshop.pk},
    "workshops:workshop_ics": lambda b: {"pk": b.workshop.pk},
    "workshops:registration_new": lambda b: {"pk": b.workshop.pk},
    "workshops:workshop_registrations": lambda b: {"pk": b.workshop.pk},
    "workshops:workshop_checkin": lambda b: {"pk": b.workshop.pk},
    "workshops:registration_cancel": lambda b: {"pk": b.registration.pk},
    "workshops:visa_letter": lambda b: {"pk": b.registration.pk},
    "workshops:visa_letter_download": lambda b: {"pk": b.registration.pk},
    "workshops:calendar_feed": lambda b: {"token": b.feed_token},
    "account_confirm_email": lambda b: {"key": "no-such-key"},
    "account_reset_password_from_key": lambda b: {"uidb36": "zz", "key": "no-such-key"},
    "privacy:consent_withdraw": lambda b: {"pk": b.consent.pk},
    "interests:privacy_notice_version": lambda b: {"version": b.notice.version},
    "api:network_detail": lambda b: {"slug": b.network.slug},
    "api:call_detail": lambda b: {"pk": b.open_call.pk},
    "api:seeking_profile_detail": lambda b: {"pk": b.profile.pk},
    "api:partnership_detail": lambda b: {"pk": b.partnership.pk},
    "api:workshop_detail": lambda b: {"pk": b.workshop.pk},
    "api:interest_detail": lambda b: {"pk": b.review_interest.pk},
    "api:registration_detail": lambda b: {"pk": b.registration.pk},
    "api:indicator_value_detail": lambda b: {"pk": b.value.pk},
}
# Pages of one record of an organisation, requested by someone of that organisation.
OWNERS = {
    "interests:interest_detail": "interest_owner",
    "interests:interest_edit": "interest_owner",
    "interests:interest_withdraw": "interest_owner",
}


def who(key: str) -> str | None:
    """The least privileged bench user that gets the page (per the access matrix), or None
    when nobody gets a page from a GET."""
    row = EXPECTED.get(key)
    if row is None:  # the access matrix's own test asks for a policy
        return None
    if key in OWNERS:
        return OWNERS[key]
    if row["anonymous"] == OK:
        return "anonymous"
    signed_in = ("member_a", "member_b", "mentor", "coordinator_without_totp")
    if all(row[role] == OK for role in signed_in):
        return "member"
    for role, user in (("member_a", "swedish_partner"), ("member_b", "latin_partner")):
        if row[role] == OK:
            return user
    return "coordinator" if row["coordinator"] == OK else None


def _coordinators_list(key: str) -> bool:
    """Whether coordinators may open this admin page, if it is a changelist: not for an app
    they have no access to, nor one the access matrix does not know yet (it asks for it)."""
    if not key.endswith("_changelist"):
        return True
    app_label = key.removeprefix("admin:").split("_")[0]
    return "changelist" in ADMIN_KINDS_ALLOWED.get(ADMIN_APPS.get(app_label), set())


def requests_to_measure(bench: Bench) -> tuple[dict, list]:
    """{label: (user, path, headers)} for every page, and the URL names that lack bench
    arguments."""
    admin_kinds = {key for key, _kind, _model in admin_model_urls()}
    token = {"Authorization": f"Bearer {bench.api_token}"}
    found, lacking = {}, []
    for key, pattern in all_patterns().items():
        if key in EXCLUDED or key.endswith(ADMIN_KINDS_LEFT_OUT) and key in admin_kinds:
            continue
        user = "coordinator" if pattern.app_name == "admin" else who(key)
        if pattern.app_name == "admin" and not _coordinators_list(key):
            continue
        if user is None:
            continue
        kwargs = BENCH_KWARGS[key](bench) if key in BENCH_KWARGS else None
        try:
            path = sv_reverse(pattern.name, kwargs)
        except NoReverseMatch:
            lacking.append(key)
            continue
        if key.startswith("api:"):
            # The API as the public calls it, and with a coordinator's token.
            found[f"{key} [token]"] = ("anonymous", path, token)
            if user != "anonymous":
                continue
        found[key] = (user, path, {})
    return found, lacking


def measure(bench: Bench) -> tuple[dict, dict, list]:
    """{label: queries} and {label: status} of each page's second request (the first warms
    what a running server keeps between requests), and the URL names lacking arguments."""
    ContentType.objects.clear_cache()
    cache.clear()
    found, lacking = requests_to_measure(bench)
    clients = {"anonymous": Client()}
    for role, user in bench.users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    counts, statuses = {}, {}
    for label, (user, path, headers) in sorted(found.items()):
        client = clients[user]
        client.get(path, headers=headers)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, headers=headers)
        counts[label], statuses[label] = len(queries), response.status_code
    return counts, statuses, lacking


class _RollBack(Exception):
    pass


@pytest.fixture
def reference_data(db):
    from puentes.places.testing import load_reference_data_for_tests

    load_reference_data_for_tests()


def test_every_page_needs_as_many_queries_at_the_programme_size_as_at_the_network_size(
    reference_data,
):
    # Given the network size (rolled back afterwards), then the programme at its full shape
    with pytest.raises(_RollBack), transaction.atomic():
        generate(SIZES["network"], seed=7)
        network, network_statuses, lacking = measure(bench_objects())
        raise _RollBack
    generate(SIZES["programme"], seed=7)
    # When every page is requested at both sizes
    programme, programme_statuses, _ = measure(bench_objects())

    # Then every page answered, with as many queries at both sizes and no more than CEILING
    table = "\n".join(
        f"  {k}: {network.get(k)} → {programme.get(k)}" for k in sorted({*network, *programme})
    )
    statuses = {**network_statuses, **programme_statuses}
    problems = {
        "add arguments over bench data to BENCH_KWARGS": sorted(lacking),
        "did not answer 200": {k: s for k, s in statuses.items() if s != 200},
        "measured at one size only": sorted(network.keys() ^ programme.keys()),
        "queries grew with the data": sorted(k for k in network if network[k] != programme.get(k)),
        f"over {CEILING} queries (or CEILINGS)": {
            k: n for k, n in programme.items() if n > CEILINGS.get(k, CEILING)
        },
    }
    problems = {what: pages for what, pages in problems.items() if pages}
    assert not problems, "\n".join(f"{what}: {pages}" for what, pages in problems.items()) + (
        f"\nqueries at the network → programme size:\n{table}"
    )


def test_every_exclusion_and_every_argument_names_an_existing_url_pattern():
    patterns = all_patterns()
    named = {**EXCLUDED, **BENCH_KWARGS, **OWNERS, **CEILINGS}
    stale = sorted(key for key in named if key not in patterns)
    assert not stale, f"names of URL patterns that no longer exist: {stale}"
