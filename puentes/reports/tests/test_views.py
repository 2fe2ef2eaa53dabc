"""The pages of progress reports: the list of periods, a report in Swedish and Spanish side
by side with its sign-offs, the edit form and its conflict page, signing off and reopening;
what each role sees and may do."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory
from puentes.reports.models import ProgressReport, ReportSignOff

from .factories import ProgressReportFactory, ReportSignOffFactory

FAR = 2030  # periods due in 2031 are not overdue whatever day the tests run


def url(name, partnership, period=None, language="en"):
    kwargs = {"pk": partnership.pk}
    if period is not None:
        kwargs["period_pk"] = period.pk
    with translation.override(language):
        return reverse(f"reports:{name}", kwargs=kwargs)


def year_period(call, year):
    return ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
        due_date=datetime.date(year + 1, 1, 31),
    )


@pytest.fixture
def future(call):
    return year_period(call, FAR)


@pytest.fixture
def report(partnership, future, swedish, latin):
    return ProgressReportFactory(
        partnership=partnership,
        period=future,
        activities={"sv": "Två workshoppar.", "es": "Dos talleres."},
        results={"es": "Más mujeres."},
        authors={"activities": {"sv": "swedish", "es": "latin"}, "results": {"es": "latin"}},
    )


def form_data(version, **texts):
    data = {"version": version}
    for section in ("activities", "results", "lessons", "next_steps"):
        for code in ("sv", "es"):
            data[f"{section}_{code}"] = texts.get(f"{section}_{code}", "")
    return data


# --- The list ------------------------------------------------------------------------------


def test_the_list_shows_each_period_with_its_due_date_status_and_who_signed(
    client, partnership, call, period, swedish
):
    # Given a late 2024 report nobody started, a 2030 draft Stockholm signed, a 2031 untouched
    draft = ProgressReportFactory(partnership=partnership, period=year_period(call, FAR))
    ReportSignOffFactory(report=draft, side="swedish")
    year_period(call, FAR + 1)
    client.force_login(swedish)

    page = client.get(url("report_list", partnership)).content.decode()

    rows = page.split("<tbody>")[1].split("</tr>")
    assert "Report 2024" in rows[0] and "Overdue" in rows[0] and "Jan. 31, 2025" in rows[0]
    assert "Report 2030" in rows[1] and "Signed off by one side" in rows[1]
    assert "Stockholm" in rows[1]
    assert "Report 2031" in rows[2] and "Not started" in rows[2]
    assert 'aria-current="page">Progress reports</a>' in page


def test_the_list_runs_as_many_queries_for_five_reports_as_for_one(
    client, partnership, call, swedish, django_assert_num_queries
):
    client.force_login(swedish)
    ProgressReportFactory(partnership=partnership, period=year_period(call, FAR))
    client.get(url("report_list", partnership))
    with CaptureQueriesContext(connection) as one:
        client.get(url("report_list", partnership))
    for year in range(FAR + 1, FAR + 5):
        report = ProgressReportFactory(partnership=partnership, period=year_period(call, year))
        ReportSignOffFactory(report=report, side="latin")

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url("report_list", partnership))

    assert response.content.decode().count("Signed off by one side") == 4


def test_someone_outside_the_partnership_gets_404_on_every_report_page(
    client, partnership, report, future
):
    stranger = MembershipFactory(organisation=OrganisationFactory(country_code="SE", code="1480"))
    client.force_login(stranger.person.user)

    assert client.get(url("report_list", partnership)).status_code == 404
    for name in ("report_detail", "report_edit"):
        assert client.get(url(name, partnership, future)).status_code == 404
    for name in ("report_edit", "report_sign", "report_reopen"):
        assert client.post(url(name, partnership, future), {"version": 1}).status_code == 404


def test_a_period_of_another_call_is_404(client, partnership, swedish):
    client.force_login(swedish)

    assert (
        client.get(url("report_detail", partnership, ReportingPeriodFactory())).status_code == 404
    )


# --- One report ---------------------------------------------------------------------------


def test_the_report_shows_swedish_and_spanish_side_by_side_marking_which_side_wrote_which(
    client, partnership, report, future, swedish
):
    client.force_login(swedish)

    page = client.get(url("report_detail", partnership, future)).content.decode()

    assert '<div class="user-text" lang="sv"><p>Två workshoppar.</p></div>' in page
    assert '<div class="user-text" lang="es"><p>Dos talleres.</p></div>' in page
    assert page.count("Written by Stockholm") == 1
    assert page.count("Written by Guatemala") == 2
    assert "Not written yet." in page


def test_a_member_may_sign_off_for_their_own_side_only(client, partnership, report, future, latin):
    client.force_login(latin)

    page = client.get(url("report_detail", partnership, future)).content.decode()

    assert "Sign off for Guatemala" in page
    assert "Sign off for Stockholm" not in page
    assert url("report_edit", partnership, future) in page


def test_the_mentor_reads_but_may_neither_write_nor_sign_off(
    client, partnership, report, future, mentor
):
    client.force_login(mentor)

    page = client.get(url("report_detail", partnership, future))
    assert page.status_code == 200
    assert "Sign off for" not in page.content.decode()
    assert url("report_edit", partnership, future) not in page.content.decode()
    assert client.get(url("report_edit", partnership, future)).status_code == 403
    edit = client.post(url("report_edit", partnership, future), form_data(1, lessons_sv="Mentor."))
    assert edit.status_code == 403
    sign = client.post(url("report_sign", partnership, future), {"side": "swedish", "version": 1})
    assert sign.status_code == 403
    report.refresh_from_db()
    assert (report.version, report.lessons) == (1, {})
    assert not ReportSignOff.objects.exists()


def test_a_coordinator_edits_but_has_no_side_to_sign_off_for(
    client, partnership, report, future, coordinator
):
    client.force_login(coordinator)

    page = client.get(url("report_detail", partnership, future)).content.decode()

    assert url("report_edit", partnership, future) in page
    assert "Sign off for" not in page
    sign = client.post(url("report_sign", partnership, future), {"side": "latin", "version": 1})
    assert sign.status_code == 403


def test_a_period_nobody_wrote_about_invites_the_members_to_write(
    client, partnership, future, swedish
):
    client.force_login(swedish)

    page = client.get(url("report_detail", partnership, future)).content.decode()

    assert "Nobody has started this report yet." in page
    assert "Write the report" in page
    assert "Sign off for" not in page


# --- Writing ------------------------------------------------------------------------------


def test_a_member_writes_the_first_version(client, partnership, future, swedish):
    client.force_login(swedish)
    form = client.get(url("report_edit", partnership, future)).content.decode()
    assert 'name="version" value="0"' in form
    assert 'lang="es"' in form

    response = client.post(
        url("report_edit", partnership, future),
        form_data(0, activities_sv="Två workshoppar.", next_steps_es="Un manual."),
    )

    assert response.status_code == 302
    assert response.url == url("report_detail", partnership, future)
    report = ProgressReport.objects.get()
    assert report.activities == {"sv": "Två workshoppar."}
    assert report.next_steps == {"es": "Un manual."}
    assert report.text_saved_by == swedish


def test_an_empty_report_is_refused_with_an_error_summary_linked_to_the_first_field(
    client, partnership, future, swedish
):
    client.force_login(swedish)

    response = client.post(url("report_edit", partnership, future), form_data(0))

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_activities_sv"' in page
    assert "Write at least one section in Swedish or Spanish." in page
    assert not ProgressReport.objects.exists()


def test_a_stale_save_shows_both_versions_and_gives_the_text_back(
    client, partnership, report, future, swedish
):
    # Given someone saved version 2 after Sara opened version 1
    ProgressReport.objects.filter(pk=report.pk).update(
        version=2, activities={"sv": "Två workshoppar.", "es": "Texto guardado por Ana."}
    )
    client.force_login(swedish)

    # When Sara saves on top of version 1
    response = client.post(
        url("report_edit", partnership, future),
        form_data(1, activities_sv="Saras text.", activities_es="Dos talleres.", results_es="Más."),
    )

    # Then she sees where the versions differ, and her text is in the form at version 2
    assert response.status_code == 409
    page = response.content.decode()
    assert "Texto guardado por Ana." in page
    assert "Saras text." in page
    assert ">\nSaras text.</textarea>" in page
    assert 'name="version" value="2"' in page
    assert "Más mujeres." in page  # the saved results, which she left out
    report.refresh_from_db()
    assert report.activities["es"] == "Texto guardado por Ana."


def test_saving_again_from_the_conflict_page_replaces_the_saved_version(
    client, partnership, report, future, swedish
):
    ProgressReport.objects.filter(pk=report.pk).update(version=2)
    client.force_login(swedish)

    response = client.post(
        url("report_edit", partnership, future), form_data(2, activities_sv="Saras text.")
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.version, report.activities) == (3, {"sv": "Saras text."})


def test_a_save_on_a_report_both_sides_signed_meanwhile_keeps_the_text_on_screen_only(
    client, partnership, report, future, swedish
):
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ProgressReport.Status.SUBMITTED, submitted_at=datetime.datetime.now(datetime.UTC)
    )
    client.force_login(swedish)

    response = client.post(
        url("report_edit", partnership, future),
        form_data(1, activities_sv="Sent ändrad text.", activities_es="Dos talleres."),
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "Sent ändrad text." in page
    assert "it is locked" in page
    assert "<textarea" not in page
    report.refresh_from_db()
    assert report.activities["sv"] == "Två workshoppar."


def test_opening_the_form_of_a_submitted_report_leads_back_to_the_report(
    client, partnership, report, future, swedish
):
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ProgressReport.Status.SUBMITTED, submitted_at=datetime.datetime.now(datetime.UTC)
    )
    client.force_login(swedish)

    response = client.get(url("report_edit", partnership, future), follow=True)

    assert response.redirect_chain[-1][0] == url("report_detail", partnership, future)
    assert "submitted and locked" in response.content.decode()


def test_changing_the_text_after_a_sign_off_says_the_sign_offs_were_withdrawn(
    client, partnership, report, future, latin
):
    ReportSignOffFactory(report=report, side="swedish")
    client.force_login(latin)

    response = client.post(
        url("report_edit", partnership, future),
        form_data(1, activities_sv="Två workshoppar.", activities_es="Tres talleres."),
        follow=True,
    )

    assert "its sign-offs were withdrawn" in response.content.decode()
    assert not ReportSignOff.objects.exists()


# --- Signing off and reopening ------------------------------------------------------------


def test_both_sides_sign_off_through_the_page_and_the_report_is_submitted(
    client, partnership, report, future, swedish, latin
):
    client.force_login(swedish)
    first = client.post(
        url("report_sign", partnership, future), {"side": "swedish", "version": 1}, follow=True
    )
    assert "The other side signs off next." in first.content.decode()

    client.force_login(latin)
    second = client.post(
        url("report_sign", partnership, future), {"side": "latin", "version": 1}, follow=True
    )

    page = second.content.decode()
    assert "it is submitted" in page
    assert "The report is locked." in page
    assert "Edit the report" not in page
    report.refresh_from_db()
    assert report.is_submitted


def test_signing_off_a_version_that_changed_meanwhile_is_refused_with_a_message(
    client, partnership, report, future, latin
):
    ProgressReport.objects.filter(pk=report.pk).update(version=2)
    client.force_login(latin)

    response = client.post(
        url("report_sign", partnership, future), {"side": "latin", "version": 1}, follow=True
    )

    assert "The report changed after you read it." in response.content.decode()
    assert not ReportSignOff.objects.exists()


def test_a_coordinator_reopens_a_submitted_report_saying_why(
    client, partnership, report, future, coordinator
):
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ProgressReport.Status.SUBMITTED, submitted_at=datetime.datetime.now(datetime.UTC)
    )
    client.force_login(coordinator)
    assert (
        "Reopen the report"
        in client.get(url("report_detail", partnership, future)).content.decode()
    )

    refused = client.post(url("report_reopen", partnership, future), {"reason": ""})
    assert refused.status_code == 400
    assert 'class="error-summary"' in refused.content.decode()

    response = client.post(
        url("report_reopen", partnership, future), {"reason": "Siffrorna saknas."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.DRAFT


def test_a_member_may_not_reopen(client, partnership, report, future, swedish):
    client.force_login(swedish)

    assert (
        client.post(url("report_reopen", partnership, future), {"reason": "x"}).status_code == 403
    )
