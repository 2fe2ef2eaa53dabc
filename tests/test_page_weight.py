"""Page weight (issue #8): every page weighs at most 100 KB of HTML, CSS and JavaScript
together at the programme size (bench/generate.py), uploads aside.

One test generates the programme size (4 networks, 2,000 partnerships, 20,000 people, 500
workshops, 50,000 registrations) and walks every URL pattern the access matrix knows
(tests/test_access_matrix.py): each page is requested as a role the matrix says may see it,
first with the matrix's small world, then with the generated network and each of its calls
in the URL (signed in as the generated coordinator or member), so that lists meet their
programme-size data. A page's weight is its HTML plus every same-origin stylesheet and
script it references, read through the staticfiles finders. A pattern that answers nobody
with a page (a redirect, a POST, a 404 for all) is skipped by the matrix's own table; a
download is named in NOT_MEASURED with its reason; any other pattern left unmeasured fails.

The weights found are printed (pytest -s) and reported in docs/benchmarks.md, "Page weight".
"""

import copy
import dataclasses
import html.parser
import time
import urllib.parse

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.test import Client

from bench.generate import SIZES, generate
from puentes.networks.models import Network
from puentes.people.tests.factories import NetworkRoleFactory
from puentes.places.testing import load_reference_data_for_tests
from tests.test_access_matrix import (
    EXAMPLE_KWARGS,
    EXPECTED,
    all_patterns,
    area_headers,
    derived_admin_expectations,
    example_path,
    sign_in,
    world,  # noqa: F401 -- the matrix's fixture, used below
)

LIMIT = 100 * 1024

# Answers that are files to download or data for programs, not pages.
NOT_MEASURED = {
    "healthz": "JSON for the monitoring",
    "admin:jsi18n": "a script: counted in the weight of the admin pages that load it",
    "api:schema": "the API's OpenAPI description (JSON)",
    "workshops:workshop_ics": "a calendar file (ICS)",
    "workshops:calendar_feed": "a calendar feed (ICS)",
    "workshops:visa_letter_download": "a PDF letter",
    "review:export_csv": "a CSV download",
    "review:export_xlsx": "an XLSX download",
    "documents:document_download": "a shared document (an upload)",
    "dashboards:annual_report": "a PDF report",
    "privacy:data_json": "the person's data as a JSON download",
}
# Every other API endpoint answers JSON, paged by the API (puentes/api/pagination.py).
NOT_MEASURED_PREFIX = ("api:", "JSON of the API")

# Pages whose stylesheets and scripts are a vendor's, not Puentes': only their HTML counts.
# The Django admin's own CSS and JavaScript (jQuery, select2) weigh 330 KB before any row,
# are cached after the first page and serve the secretariat on a desktop; the API's docs
# page loads Swagger UI (about 2 MB) for developers.
HTML_ONLY = ("admin:", "api:docs")


# Pages that choose their network or call with a GET form: asked for the variant's.
SCOPE_QUERIES = {
    "dashboards:coordinator_dashboard": lambda w: {"network": w.network.slug, "call": w.call.slug},
    "workshops:rule_overview": lambda w: {"call": w.call.pk},
}


def not_measured(key):
    if key in NOT_MEASURED:
        return NOT_MEASURED[key]
    if key.startswith(NOT_MEASURED_PREFIX[0]) and key != "api:docs":
        return NOT_MEASURED_PREFIX[1]
    return None


# The role whose page is measured, in this order of preference: the one who sees most.
PREFERRED_ROLES = ("coordinator", "member_a", "mentor", "member_b", "anonymous")


class _Assets(html.parser.HTMLParser):
    """The same-origin stylesheets and scripts a page references."""

    def __init__(self):
        super().__init__()
        self.paths = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self._add(attrs.get("href"))
        elif tag == "script":
            self._add(attrs.get("src"))

    def _add(self, url):
        if not url:
            return
        parts = urllib.parse.urlsplit(url)
        if not parts.netloc:
            self.paths.append(parts.path)


def asset_size(path, client):
    static = "/" + settings.STATIC_URL.lstrip("/")
    if not path.startswith(static):  # a script a view writes, e.g. the admin's jsi18n
        response = client.get(path)
        assert response.status_code == 200, f"a page references {path}: {response.status_code}"
        return len(response.content)
    found = finders.find(urllib.parse.unquote(path.removeprefix(static)))
    assert found, f"a page references a static file that does not exist: {path}"
    with open(found, "rb") as file:
        return len(file.read())


@dataclasses.dataclass
class Weight:
    key: str
    path: str
    role: str
    html: int
    assets: int

    @property
    def total(self):
        return self.html + self.assets


def measure(key, path, role, response, client):
    parser = _Assets()
    content = response.content.decode(response.charset or "utf-8")
    parser.feed(content)
    assets = 0
    if not key.startswith(HTML_ONLY):
        assets = sum(asset_size(p, client) for p in dict.fromkeys(parser.paths))
    return Weight(key, path, role, len(response.content), assets)


def role_for(row):
    return next((role for role in PREFERRED_ROLES if row.get(role) == 200), None)


def _client(user=None, secret=""):
    client = Client()
    if user is not None:
        sign_in(client, user, secret)
    return client


@pytest.mark.django_db(transaction=False)
def test_every_page_weighs_at_most_100_kb_at_the_programme_size(world):  # noqa: F811
    started = time.monotonic()
    load_reference_data_for_tests()
    generate(SIZES["programme"], seed=2026)
    generated_at = time.monotonic()

    table = {**EXPECTED, **derived_admin_expectations()}
    patterns = all_patterns()
    to_measure = {}
    for key, pattern in patterns.items():
        if key == "admin:app_list":
            continue  # the per-app index: the admin's own, measured as admin:index
        # A pattern without a policy fails the access matrix's own test; it is measured
        # once it has one.
        role = role_for(table.get(key, {}))
        if role is not None and not_measured(key) is None:
            to_measure[key] = (pattern, role)

    small = {
        role: _client(world.users[role], world.totp_secret if role == "coordinator" else "")
        for role in PREFERRED_ROLES
        if role != "anonymous"
    }
    small["anonymous"] = _client()
    # The matrix's coordinator coordinates the first generated network too.
    network = Network.objects.filter(slug__startswith="bench-").order_by("pk").first()
    NetworkRoleFactory(network=network, person=world.users["coordinator"].person)
    variants = [world]
    for call in network.calls.order_by("open_date"):
        variant = copy.copy(world)  # keeps the areas' attributes (replace() would not)
        variant.network, variant.call = network, call
        variant.interest_call = call  # the interest form of tests/access/interests.py
        variant.matching_call = call  # the matching board of tests/access/matching.py
        variants.append(variant)

    weights = {}
    not_html = []
    for variant in variants:
        for key, (pattern, role) in to_measure.items():
            client = small[role]
            try:
                with transaction.atomic():
                    path = example_path(key, pattern, variant)
            except Exception:
                # Some areas make their example record when asked (e.g. a shared document)
                # and cannot make it twice: that page was measured with the small world.
                assert variant is not world
                continue
            query = SCOPE_QUERIES[key](variant) if key in SCOPE_QUERIES else {}
            response = client.get(path, query, headers=area_headers(role, world))
            if query:
                path += "?" + urllib.parse.urlencode(query)
            if response.status_code != 200:
                continue
            if not response.get("Content-Type", "").startswith("text/html"):
                not_html.append(f"{key} ({response['Content-Type']})")
                continue
            weight = measure(key, path, role, response, client)
            if key not in weights or weight.total > weights[key].total:
                weights[key] = weight
    walked_at = time.monotonic()

    largest = sorted(weights.values(), key=lambda w: -w.total)
    report = "\n".join(
        f"  {w.total / 1024:6.1f} KB  (HTML {w.html / 1024:5.1f}, CSS+JS {w.assets / 1024:5.1f})"
        f"  {w.key}  {w.path}"
        for w in largest
    )
    print(
        f"\nPage weight: {len(weights)} pages, generated in {generated_at - started:.0f} s, "
        f"walked in {walked_at - generated_at:.0f} s\n{report}"
    )
    assert not not_html, f"answers that are not pages; add them to NOT_MEASURED: {not_html}"
    stale = sorted(set(NOT_MEASURED) - set(patterns))
    assert not stale, f"NOT_MEASURED names URL patterns that no longer exist: {stale}"
    unmeasured = sorted(set(to_measure) - set(weights))
    assert not unmeasured, f"pages never answered 200 (add example arguments): {unmeasured}"
    offenders = [w for w in largest if w.total > LIMIT]
    assert not offenders, "pages over 100 KB:\n" + "\n".join(
        f"  {w.total / 1024:6.1f} KB  {w.key}  {w.path}" for w in offenders
    )
    assert EXAMPLE_KWARGS  # the matrix's example arguments were merged in
