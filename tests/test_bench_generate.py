"""The benchmark data generator (bench/generate.py): the network size and a scaled-down
programme have the rows they promise, the rows pass the models' validation (constraints
included), the pages of a generated partnership and the public pages render, and the same
seed gives the same data."""

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from bench.gen_recruitment import COORDINATOR_EMAIL, MEMBER_EMAIL
from bench.generate import COUNTED, SIZES, BenchDataPresent, counts, generate
from puentes.networks.models import Call, Network
from puentes.partnerships.models import Partnership
from puentes.people.models import Person, User
from puentes.places.testing import load_reference_data_for_tests
from puentes.workshops.models import Registration, Workshop


@pytest.fixture
def reference_data(db):
    load_reference_data_for_tests()


def _generated(size):
    before = counts()
    generate(size, seed=7)
    after = counts()
    return {label: after[label] - before[label] for label in COUNTED}


def test_network_size_has_twelve_partnerships_and_valid_rows(reference_data):
    rows = _generated(SIZES["network"])

    assert rows["networks.Network"] == 1
    assert rows["networks.Call"] == 2
    assert rows["partnerships.Partnership"] == 12
    assert rows["partnerships.PartnershipMember"] == 12 * 4
    assert rows["workshops.Workshop"] == 6
    assert rows["workshops.Registration"] == 240
    assert rows["people.Person"] >= 240
    for label in ("plans.Indicator", "plans.IndicatorValue", "reports.ProgressReport"):
        assert rows[label] > 0, label
    assert Network.objects.get().is_demo and Network.objects.get().slug.startswith("bench-")
    assert not Person.objects.filter(is_demo=False).exists()
    # The rows pass the models' validation, constraints included ...
    for label in COUNTED:
        for row in apps.get_model(label).objects.order_by("?")[:5]:
            row.full_clean()
    # ... and no workshop gives more places than it has.
    for workshop in Workshop.objects.all():
        taken = workshop.registrations.filter(status__in=Registration.PLACE_STATUSES).count()
        assert 0 < taken <= workshop.capacity


def test_pages_render_over_generated_data(reference_data, client):
    generate(SIZES["network"], seed=7)
    partnership = Partnership.objects.filter(progress_reports__isnull=False).first()
    period = partnership.progress_reports.first().period
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))

    pages = [
        reverse("partnerships:partnership_detail", kwargs={"pk": partnership.pk}),
        reverse("partnerships:partnership_activity", kwargs={"pk": partnership.pk}),
        reverse("plans:plan_detail", kwargs={"pk": partnership.pk}),
        reverse("reports:report_list", kwargs={"pk": partnership.pk}),
        reverse("reports:report_detail", kwargs={"pk": partnership.pk, "period_pk": period.pk}),
        reverse("workshops:partnership_workshops", kwargs={"pk": partnership.pk}),
    ]
    for page in pages:
        assert client.get(f"/en{page[3:]}").status_code == 200, page
    client.logout()

    network = Network.objects.get()
    open_call = Call.objects.get(close_date__gte=timezone.localdate())
    slugs = {"network_slug": network.slug, "call_slug": open_call.slug}

    public = [
        reverse("networks:home"),
        reverse("networks:network_detail", kwargs={"slug": network.slug}),
        reverse("catalogue:list", kwargs=slugs),
        reverse("partnerships:partnership_list"),
        reverse("workshops:workshop_list"),
    ]
    for page in public:
        response = client.get(f"/en{page[3:]}")
        assert response.status_code == 200, page
        assert b"Bench: " in response.content, page
    client.force_login(User.objects.get(email=MEMBER_EMAIL))
    form = reverse("interests:interest_new", kwargs=slugs)
    assert client.get(f"/en{form[3:]}").status_code == 200


def test_a_scaled_programme_keeps_its_networks_and_calls_and_scales_the_rest(reference_data):
    rows = _generated(SIZES["programme"].scaled(0.01))

    assert rows["networks.Network"] == 4
    assert rows["networks.Call"] == 12
    assert rows["partnerships.Partnership"] == 20
    assert rows["workshops.Workshop"] == 5
    assert rows["people.Person"] >= 200
    assert rows["workshops.Registration"] > 0
    # Every closed call has partnerships; the open ones have none.
    closed = Call.objects.filter(close_date__lt=timezone.localdate())
    assert all(call.partnerships.exists() for call in closed)
    assert not Partnership.objects.filter(call__close_date__gte=timezone.localdate()).exists()


def test_the_same_seed_gives_the_same_data_and_a_second_run_is_refused(reference_data):
    def signature():
        return sorted(
            Partnership.objects.values_list(
                "swedish_organisation__code", "latin_organisation__code", "phase"
            )
        )

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        generate(SIZES["network"], seed=7)
        first = signature()
        raise Undo
    generate(SIZES["network"], seed=7)

    assert signature() == first
    with pytest.raises(BenchDataPresent):
        generate(SIZES["network"], seed=7)
