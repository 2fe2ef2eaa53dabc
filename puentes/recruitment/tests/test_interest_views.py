"""The expression of interest journey through Django's test client: a Swedish member saves a
draft, comes back, edits it, adds and removes contact people without JavaScript, submits it,
and the contacts get their confirmation through a real SMTP server in their own language."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.networks.models import Theme
from puentes.networks.tests.factories import CallFactory, ThemeFactory
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from puentes.places.models import Organisation
from puentes.recruitment.models import Interest, Transition
from puentes.recruitment.selectors_interest import find_organisation
from puentes.recruitment.services import interest_start_review, interest_submit

from .factories import (
    InterestFactory,
    PrivacyNoticeFactory,
    SeekingProfileFactory,
    contact_people,
)

I = Interest.Status  # noqa: E741
SUBMITTED_SUBJECT = "We have received the expression of interest of %(organisation)s"


def url(name, *args, language="sv"):
    with translation.override(language):
        return reverse(name, args=args)


def new_url(call, language="sv"):
    return url("interests:interest_new", call.network.slug, call.slug, language=language)


@pytest.fixture
def open_call(network):
    today = timezone.localdate()
    return CallFactory(
        network=network,
        slug="call-open",
        open_date=today - datetime.timedelta(days=10),
        close_date=today + datetime.timedelta(days=20),
        rule_year=today.year,
    )


@pytest.fixture
def closed_call(network):
    today = timezone.localdate()
    return CallFactory(
        network=network,
        slug="call-closed",
        open_date=today - datetime.timedelta(days=60),
        close_date=today - datetime.timedelta(days=1),
    )


@pytest.fixture
def perspective(network):
    return ThemeFactory(network=network, kind=Theme.Kind.PERSPECTIVE, slug="civil-society")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def contact(n, **changes):
    return {
        "name": f"Kontakt {n}",
        "role": "official",
        "title": "Jämställdhetsstrateg",
        "email": f"kontakt{n}@stockholm.example.org",
        "phone": "",
        "language": "sv",
        **changes,
    }


def form_data(action="save", contacts=None, **fields):
    """The POST of the form as a browser sends it: contact rows, then the other fields."""
    contacts = [contact(1)] if contacts is None else contacts
    data = {
        "contacts-TOTAL_FORMS": str(len(contacts)),
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "10",
        "organisation": "Stockholm (0180)",
        "motivation": "Vi vill stärka kvinnors politiska deltagande.",
        "motivation_language": "sv",
        "preferred_country": "",
        "consent_notice_version": "1",
        "action": action,
    }
    for i, row in enumerate(contacts):
        for key, value in row.items():
            data[f"contacts-{i}-{key}"] = value
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def complete(theme, **fields):
    return {"themes": [str(theme.pk)], "workshop_commitment": "on", "consent": "on", **fields}


def test_member_saves_a_draft_comes_back_edits_contacts_and_submits_it(
    member_client, member, organisation, open_call, theme, notice, smtp_server
):
    # given a member of Stockholm on the form of an open call
    response = member_client.get(new_url(open_call))
    assert response.status_code == 200
    assert 'value="Stockholm (0180)"' in response.text  # their municipality, pre-filled

    # when they save a draft with only a motivation and one contact
    response = member_client.post(new_url(open_call), form_data())

    # then a draft exists, and its page says what submission still needs
    interest = Interest.objects.get()
    assert (interest.status, interest.organisation, interest.created_by) == (
        I.DRAFT,
        organisation,
        member,
    )
    assert response.url == url("interests:interest_detail", interest.pk)
    detail = member_client.get(url("interests:interest_detail", interest.pk, language="en"))
    assert "Choose at least one theme." in detail.text

    # when they come back from their list to the draft
    listing = member_client.get(url("interests:my_interests"))
    edit_url = url("interests:interest_edit", interest.pk)
    assert edit_url in listing.text
    page = member_client.get(edit_url)
    assert "Kontakt 1" in page.text and "Vi vill stärka" in page.text

    # and add a contact row (no JavaScript), fill it, add a third and remove it again
    two_rows = [contact(1), contact(2, language="es", role="politician")]
    added = member_client.post(edit_url, form_data("add_contact", contacts=[contact(1)]))
    assert 'name="contacts-1-name"' in added.text
    assert 'name="contacts-2-name"' not in added.text
    three = member_client.post(edit_url, form_data("add_contact", contacts=two_rows))
    assert 'name="contacts-2-name"' in three.text
    removed = member_client.post(
        edit_url, form_data(contacts=[*two_rows, contact(3)], remove_contact="2")
    )
    assert 'name="contacts-2-name"' not in removed.text
    assert "kontakt2@stockholm.example.org" in removed.text
    assert list(contact_people(interest)) != []  # nothing saved by adding or removing rows
    assert len(contact_people(interest)) == 1

    # and submit the complete form
    response = member_client.post(
        edit_url, form_data("submit", contacts=two_rows, **complete(theme))
    )

    # then it is submitted, every step is recorded, and the contacts get mail in their language
    interest.refresh_from_db()
    assert interest.status == I.SUBMITTED
    assert interest.consent.notice == notice
    assert [p.email for p in contact_people(interest)] == [
        "kontakt1@stockholm.example.org",
        "kontakt2@stockholm.example.org",
    ]
    steps = list(
        Transition.objects.filter(interest=interest).values_list("from_status", "to_status")
    )
    assert steps == [("", I.DRAFT), (I.DRAFT, I.SUBMITTED)]
    detail = member_client.get(response.url)
    assert "message-success" in detail.text  # the submission is confirmed on the page
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED).count() == 3
    mail_deliver_due(now=timezone.now())
    smtp_server.wait_for(3)
    for address, language in [
        ("kontakt1@stockholm.example.org", "sv"),
        ("kontakt2@stockholm.example.org", "es"),
    ]:
        (message,) = smtp_server.messages_to(address)
        assert message["Content-Language"] == language
        with translation.override(language):
            subject = gettext(SUBMITTED_SUBJECT) % {"organisation": "Stockholm"}
        assert str(message["Subject"]).strip() == subject
        assert "Stockholm" in text_of(message)


def test_organisation_is_found_by_code_or_by_name_without_accents(
    member_client, open_call, theme, notice
):
    malmo = OrganisationFactory(country_code="SE", code="1280")

    response = member_client.post(new_url(open_call), form_data(organisation="  MALMO "))

    assert response.status_code == 302
    assert Interest.objects.get().organisation == malmo


def test_an_organisation_not_on_the_list_is_refused_with_the_input_kept(
    member_client, open_call, notice
):
    OrganisationFactory(country_code="GT", code="1601")  # Cobán cannot register interest

    response = member_client.post(new_url(open_call), form_data(organisation="Cobán (1601)"))

    assert response.status_code == 200
    assert "är inte en svensk kommun eller region" in response.text
    assert 'value="Cobán (1601)"' in response.text
    assert 'class="error-summary"' in response.text
    assert not Interest.objects.exists()


def test_the_organisation_list_offers_name_and_code_without_javascript(member_client, open_call):
    OrganisationFactory(country_code="SE", code="1480")

    response = member_client.get(new_url(open_call))

    assert 'list="organisation-options"' in response.text
    assert '<option value="Göteborg (1480)">' in response.text


def test_submitting_an_incomplete_form_shows_every_problem_next_to_its_field(
    member_client, open_call, theme, notice
):
    response = member_client.post(
        new_url(open_call, "en"), form_data("submit", contacts=[{}], motivation="")
    )

    assert response.status_code == 200
    for problem in [
        "Give at least one contact person.",
        "Choose at least one theme.",
        "Write your motivation.",
        "Confirm that your team can take part in the call&#x27;s workshops.",
        "Consent to the privacy notice to submit.",
    ]:
        assert problem in response.text
    assert not Interest.objects.exists()


def test_the_workshop_commitment_states_the_calls_rule(client, member, network, notice):
    client.force_login(member)
    today = timezone.localdate()
    call = CallFactory(
        network=network,
        open_date=today,
        close_date=today,
        rule_year=2025,
        rule_min_latin_america=1,
        rule_min_sweden=2,
    )

    response = client.get(new_url(call, "en"))

    assert (
        "Our team can take part in at least 1 workshop in Latin America and 2 in Sweden "
        "during 2025." in response.text
    )


def test_the_form_shows_the_latest_privacy_notice_and_its_version(member_client, open_call, notice):
    response = member_client.get(new_url(open_call, "es"))

    assert "<details" in response.text
    assert "Aviso de privacidad, versión 1." in response.text
    assert 'name="consent_notice_version" value="1"' in response.text


def test_more_than_three_preferred_municipalities_are_refused(
    member_client, open_call, theme, notice
):
    profiles = [
        SeekingProfileFactory(
            call=open_call, organisation=OrganisationFactory(country_code=c, code=code)
        )
        for c, code in [("GT", "0101"), ("GT", "1601"), ("CO", "05001"), ("CO", "11001")]
    ]

    response = member_client.post(
        new_url(open_call, "en"), form_data(preferred_profiles=[str(p.pk) for p in profiles])
    )

    assert response.status_code == 200
    assert "Choose at most three preferred municipalities." in response.text
    assert not Interest.objects.exists()


def test_three_preferred_municipalities_are_kept(member_client, open_call, theme, notice):
    profiles = [
        SeekingProfileFactory(
            call=open_call, organisation=OrganisationFactory(country_code=c, code=code)
        )
        for c, code in [("GT", "0101"), ("GT", "1601"), ("CO", "05001")]
    ]

    member_client.post(
        new_url(open_call), form_data(preferred_profiles=[str(p.pk) for p in profiles])
    )

    assert set(Interest.objects.get().preferred_profiles.all()) == set(profiles)


def test_an_oversized_motivation_is_refused_and_the_input_kept(
    member_client, open_call, theme, notice
):
    too_long = "å" * 5001

    response = member_client.post(new_url(open_call, "en"), form_data(motivation=too_long))

    assert response.status_code == 200
    assert "Ensure this value has at most 5000 characters" in response.text
    assert too_long in response.text
    assert "Kontakt 1" in response.text
    assert not Interest.objects.exists()


def test_a_closed_call_says_so_and_accepts_nothing(member_client, closed_call, theme, notice):
    page = member_client.get(new_url(closed_call, "en"))
    response = member_client.post(
        new_url(closed_call, "en"), form_data("submit", **complete(theme))
    )

    for answer in (page, response):
        assert answer.status_code == 200
        assert "accepts no more expressions of interest" in answer.text
        assert "<form" not in answer.text.split("<main", 1)[1]
    assert not Interest.objects.exists()


def test_the_form_needs_a_signed_in_user(client, open_call):
    response = client.get(new_url(open_call))

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_post_without_csrf_token_is_refused(member, open_call, theme, notice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(new_url(open_call), form_data())

    assert response.status_code == 403
    assert not Interest.objects.exists()


# --- The duplicate rule -------------------------------------------------------------------


def test_a_member_of_the_organisation_is_linked_to_its_existing_interest(
    member_client, organisation, open_call, theme, notice
):
    existing = InterestFactory(call=open_call, organisation=organisation)

    response = member_client.post(new_url(open_call, "en"), form_data())

    assert "already registered its interest in this call" in response.text
    assert url("interests:interest_detail", existing.pk, language="en") in response.text
    assert Interest.objects.count() == 1


def test_anyone_else_is_only_told_that_an_interest_exists(client, open_call, theme, notice):
    existing = InterestFactory(call=open_call, organisation=OrganisationFactory(code="0180"))
    outsider = UserFactory()
    client.force_login(outsider)

    response = client.post(new_url(open_call, "en"), form_data())

    assert "already registered its interest in this call" in response.text
    assert f"/interests/{existing.pk}/" not in response.text
    assert "Vi vill stärka" not in response.text.replace(form_data()["motivation"], "", 1)
    assert Interest.objects.count() == 1


def test_the_creator_who_is_not_a_member_is_linked_to_their_interest(
    client, open_call, theme, notice
):
    OrganisationFactory(country_code="SE", code="0180")
    creator = UserFactory()  # not (yet) linked to Stockholm
    client.force_login(creator)
    client.post(new_url(open_call), form_data())
    existing = Interest.objects.get()

    response = client.post(new_url(open_call, "en"), form_data())

    assert url("interests:interest_detail", existing.pk, language="en") in response.text


# --- Who may see and change an interest ----------------------------------------------------


@pytest.fixture
def draft_of_a(open_call, organisation, member):
    return InterestFactory(call=open_call, organisation=organisation, created_by=member)


@pytest.fixture
def member_of_b(db):
    return MembershipFactory(
        organisation=OrganisationFactory(country_code="SE", code="1280")
    ).person.user


@pytest.mark.parametrize("name", ["interest_detail", "interest_edit", "interest_withdraw"])
def test_a_member_of_another_municipality_gets_404_for_a_draft(
    client, draft_of_a, member_of_b, name, theme
):
    client.force_login(member_of_b)

    page = client.get(url(f"interests:{name}", draft_of_a.pk))
    post = client.post(
        url(f"interests:{name}", draft_of_a.pk), form_data("submit", **complete(theme))
    )

    assert (page.status_code, post.status_code) == (404, 404)
    draft_of_a.refresh_from_db()
    assert draft_of_a.status == I.DRAFT
    assert draft_of_a.motivation != form_data()["motivation"]


def test_another_member_of_the_organisation_sees_the_draft(client, draft_of_a, organisation):
    colleague = MembershipFactory(organisation=organisation).person.user
    client.force_login(colleague)

    response = client.get(url("interests:interest_detail", draft_of_a.pk))

    assert response.status_code == 200
    assert "Stockholm" in response.text


def test_my_interests_lists_only_my_own(client, draft_of_a, member_of_b, open_call):
    other = InterestFactory(call=open_call, organisation=OrganisationFactory(code="1280"))
    client.force_login(member_of_b)

    response = client.get(url("interests:my_interests"))

    assert url("interests:interest_edit", other.pk) in response.text
    assert url("interests:interest_edit", draft_of_a.pk) not in response.text


# --- Withdrawing ------------------------------------------------------------------------


def test_withdrawing_asks_first_then_records_the_reason(member_client, draft_of_a, member):
    withdraw_url = url("interests:interest_withdraw", draft_of_a.pk)

    confirmation = member_client.get(withdraw_url)
    draft_of_a.refresh_from_db()
    assert confirmation.status_code == 200 and draft_of_a.status == I.DRAFT

    member_client.post(withdraw_url, {"reason": "Vi hinner inte i år."})

    draft_of_a.refresh_from_db()
    assert draft_of_a.status == I.WITHDRAWN
    step = draft_of_a.transitions.get(to_status=I.WITHDRAWN)
    assert (step.by, step.reason) == (member, "Vi hinner inte i år.")


def test_a_withdrawn_interest_can_no_longer_be_changed(member_client, draft_of_a):
    draft_of_a.status = I.WITHDRAWN
    draft_of_a.save()

    response = member_client.get(url("interests:interest_edit", draft_of_a.pk))

    assert response.status_code == 302
    assert response.url == url("interests:interest_detail", draft_of_a.pk)


def test_a_submitted_interest_cannot_be_emptied_by_a_change(
    member_client, draft_of_a, theme, notice, member
):
    member_client.post(
        url("interests:interest_edit", draft_of_a.pk),
        form_data("submit", **complete(theme)),
    )
    draft_of_a.refresh_from_db()
    assert draft_of_a.status == I.SUBMITTED

    response = member_client.post(
        url("interests:interest_edit", draft_of_a.pk, language="en"),
        form_data("save", motivation="", themes=[str(theme.pk)]),
    )

    assert response.status_code == 200
    assert "Write your motivation." in response.text
    draft_of_a.refresh_from_db()
    assert draft_of_a.motivation == form_data()["motivation"]


def test_the_history_shows_a_coordinators_step_as_the_secretariat(
    member_client, draft_of_a, coordinator, member
):
    now = timezone.now()
    interest_submit(interest=draft_of_a, by=member, now=now)
    interest_start_review(interest=draft_of_a, by=coordinator, now=now)

    with translation.override("en"):
        response = member_client.get(url("interests:interest_detail", draft_of_a.pk, language="en"))

    assert "the secretariat" in response.text
    assert "Carmen" not in response.text


# --- Lists and pages ----------------------------------------------------------------------


def test_my_interests_runs_as_many_queries_for_20_as_for_2(
    client, member, open_call, django_assert_num_queries
):
    client.force_login(member)
    organisation = member.person.memberships.get().organisation
    calls = CallFactory.create_batch(20, network=open_call.network)
    for call in calls[:2]:
        InterestFactory(call=call, organisation=organisation)
    client.get(url("interests:my_interests"))  # warm the session and the user's cache
    with CaptureQueriesContext(connection) as small:
        response = client.get(url("interests:my_interests"))
    assert response.text.count("<tr>") == 3

    for call in calls[2:]:
        InterestFactory(call=call, organisation=organisation, created_by=member)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url("interests:my_interests"))
    assert response.text.count("<tr>") == 21


def test_the_privacy_page_shows_the_latest_notice_in_the_page_language(client, notice):
    PrivacyNoticeFactory(version="2", published_at=notice.published_at + datetime.timedelta(days=1))

    response = client.get(url("interests:privacy_notice", language="es"))

    assert "Aviso de privacidad, versión 2." in response.text
    assert "versión 1" not in response.text


def test_the_account_page_links_to_my_interests(member_client):
    response = member_client.get(url("people:account_home"))

    assert url("interests:my_interests") in response.text


# --- Finding the organisation ------------------------------------------------------------

SWEDISH = [
    Organisation(name="Malmö", code="1280"),
    Organisation(name="Göteborg", code="1480"),
    Organisation(name="Gotland", code="0980", other_names="Region Gotland"),
    Organisation(name="Region Stockholm", code="01"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Malmö (1280)", "1280"),
        ("1280", "1280"),
        ("malmo", "1280"),
        ("  GÖTEBORG ", "1480"),
        ("Region Gotland", "0980"),
        ("Region Gotland (0980)", "0980"),
        ("Region Stockholm (01)", "01"),
        ("Malmö (1480)", None),  # a name and a code of two different municipalities
        ("Malm", None),  # not a whole name
        ("9999", None),
        ("", None),
    ],
)
def test_the_organisation_is_found_by_what_the_list_offers_its_code_or_its_name(text, found):
    organisation = find_organisation(text, SWEDISH)

    assert (organisation.code if organisation else None) == found


def test_every_error_in_the_summary_links_to_a_field_on_the_page(
    member_client, open_call, theme, notice
):
    response = member_client.post(
        new_url(open_call, "en"), form_data("submit", contacts=[{"name": "Åsa"}], motivation="")
    )

    targets = re.findall(r'<a href="#([^"]*)"', response.text.split('class="error-summary"')[1])
    assert len(targets) >= 6
    for target in targets:
        assert f'id="{target}"' in response.text, target


def test_a_refusal_of_the_service_is_shown_in_the_summary_and_nothing_is_saved(
    member_client, open_call, theme
):
    # given no privacy notice has been published yet (no `notice` fixture)
    response = member_client.post(new_url(open_call, "en"), form_data("submit", **complete(theme)))

    assert response.status_code == 200
    assert "There is no privacy notice to consent to." in response.text
    assert "Kontakt 1" in response.text
    assert not Interest.objects.exists()


def test_a_member_whose_municipality_already_has_an_interest_is_told_on_arrival(
    member_client, draft_of_a
):
    response = member_client.get(new_url(draft_of_a.call, "en"))

    assert "already registered its interest in this call" in response.text
    assert url("interests:interest_detail", draft_of_a.pk, language="en") in response.text
