"""The plan page and the pages that add and edit its parts: who sees and does what, form
errors, and the 409 conflict pages that lose nothing."""

import re
from decimal import Decimal

from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.plans.models import Activity, Indicator, Outcome, Output, Plan

from .factories import OutcomeFactory, PlanFactory
from .pages import main

# --- The plan page --------------------------------------------------------------------


def test_a_member_reads_the_whole_logframe_with_figures_per_period(client, plan, people, url):
    client.force_login(people.swedish)

    page = main(client.get(url("plan_detail", pk=plan.partnership.pk)))

    assert "Fler kvinnor deltar i de lokala besluten." in page
    assert 'lang="es"><p>Más mujeres participan' in page
    assert f'id="outcome-{plan.outcomes.get().pk}"' in page
    assert '<span lang="es">Más mujeres en los COCODE.</span>' in page
    assert "Utbildade ledare." in page
    assert "Ledarskapsskola" in page and "Cobán" in page
    assert "4 mars 2024" in page
    assert re.search(r"50\s*<span class=\"plan-split\">", page)
    assert "20" in page and "29" in page
    assert "Las elecciones se celebran en paz." in page
    assert url("outcome_edit", pk=plan.partnership.pk, item_pk=plan.outcomes.get().pk) in page


def test_the_plan_page_of_a_partnership_without_a_plan_invites_to_start_one(
    client, partnership, people, url
):
    client.force_login(people.latin)

    response = client.get(url("plan_detail", "es", pk=partnership.pk))

    assert response.status_code == 200
    page = main(response)
    assert url("goal_edit", "es", pk=partnership.pk) in page
    assert url("outcome_add", "es", pk=partnership.pk) in page
    assert not Plan.objects.exists()


def test_the_mentor_reads_the_plan_but_every_edit_page_refuses_them(client, plan, people, url):
    client.force_login(people.mentor)
    pk = plan.partnership.pk
    outcome = plan.outcomes.get()

    page = main(client.get(url("plan_detail", pk=pk)))
    assert "Más mujeres en los COCODE." in page
    assert "/plan/outcomes/" not in page

    for path in (
        url("goal_edit", pk=pk),
        url("outcome_add", pk=pk),
        url("outcome_edit", pk=pk, item_pk=outcome.pk),
        url("outcome_delete", pk=pk, item_pk=outcome.pk),
        url("indicator_values", pk=pk, item_pk=Indicator.objects.first().pk),
    ):
        assert client.get(path).status_code == 403
        assert client.post(path, {"text_sv": "x", "version": 1}).status_code == 403
    assert Outcome.objects.get().version == 1 and Outcome.objects.count() == 1


def test_a_member_of_another_municipality_gets_404_everywhere(client, plan, people, url):
    client.force_login(people.outsider)
    pk = plan.partnership.pk

    assert client.get(url("plan_detail", pk=pk)).status_code == 404
    assert client.get(url("goal_edit", pk=pk)).status_code == 404
    assert client.get(url("outcome_add", pk=pk)).status_code == 404


def test_an_item_of_another_plan_is_404_in_this_partnerships_urls(client, plan, people, url):
    elsewhere = OutcomeFactory(plan=PlanFactory(partnership=PartnershipFactory()))
    client.force_login(people.swedish)
    pk = plan.partnership.pk

    assert client.get(url("outcome_edit", pk=pk, item_pk=elsewhere.pk)).status_code == 404
    assert client.get(url("output_add", pk=pk, parent_pk=elsewhere.pk)).status_code == 404
    # A save to it is answered as if it had been deleted (so the editor's text is given
    # back), saying nothing of the other plan and changing nothing
    response = client.post(
        url("outcome_edit", pk=pk, item_pk=elsewhere.pk), {"text_es": "Mío", "version": 1}
    )
    assert response.status_code == 409
    assert elsewhere.texts["es"] not in response.content.decode()
    texts = elsewhere.texts
    elsewhere.refresh_from_db()
    assert (elsewhere.version, elsewhere.texts) == (1, texts)


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, plan, url):
    response = client.get(url("plan_detail", pk=plan.partnership.pk))

    assert response.status_code == 302 and "/accounts/login/" in response.url


# --- Adding and editing ---------------------------------------------------------------


def test_a_member_writes_the_first_goal_and_the_plan_is_made(client, partnership, people, url):
    client.force_login(people.latin)

    response = client.post(
        url("goal_edit", "es", pk=partnership.pk),
        {"text_sv": "", "text_es": "Más mujeres deciden.", "version": 0},
    )

    assert response.status_code == 302
    assert response.url == url("plan_detail", "es", pk=partnership.pk)
    plan = Plan.objects.get(partnership=partnership)
    assert (plan.goals, plan.goal_language, plan.version) == (
        {"es": "Más mujeres deciden."},
        "es",
        1,
    )


def test_a_member_adds_an_outcome_and_an_output_under_it(client, partnership, people, url):
    client.force_login(people.swedish)

    client.post(url("outcome_add", pk=partnership.pk), {"text_sv": "Fler kvinnor i råden."})
    outcome = Outcome.objects.get()
    response = client.post(
        url("output_add", pk=partnership.pk, parent_pk=outcome.pk),
        {"text_sv": "Utbildade ledare.", "text_es": "Lideresas formadas."},
    )

    assert response.status_code == 302
    assert Output.objects.get().outcome == outcome
    assert outcome.plan.partnership == partnership


def test_an_activity_form_with_errors_is_shown_again_with_the_input_kept(client, plan, people, url):
    output = Output.objects.get()
    client.force_login(people.swedish)

    response = client.post(
        url("activity_add", pk=plan.partnership.pk, parent_pk=output.pk),
        {
            "text_sv": "Workshop i Cobán",
            "start_date": "2024-05-10",
            "end_date": "2024-05-01",
            "responsible": "",
        },
    )

    assert response.status_code == 400
    page = main(response)
    assert 'class="error-summary"' in page
    assert 'href="#id_end_date"' in page and 'href="#id_responsible_0"' in page
    assert "Workshop i Cobán" in page
    assert 'value="2024-05-10"' in page
    assert Activity.objects.count() == 1


def test_the_responsible_organisations_are_named_in_the_activity_form(client, plan, people, url):
    client.force_login(people.swedish)

    page = main(
        client.get(url("activity_add", pk=plan.partnership.pk, parent_pk=Output.objects.get().pk))
    )

    assert "Uppsala" in page and "Cobán" in page


def test_an_indicator_counting_people_asks_for_the_split_by_sex(client, plan, people, url):
    output = Output.objects.get()
    client.force_login(people.swedish)
    path = url("output_indicator_add", pk=plan.partnership.pk, parent_pk=output.pk)

    refused = client.post(
        path, {"text_sv": "Utbildade", "counts_people": "on", "baseline": "3", "target": "9"}
    )
    added = client.post(
        path,
        {
            "text_sv": "Utbildade",
            "unit_sv": "personer",
            "counts_people": "on",
            "baseline_women": "1",
            "baseline_men": "2",
            "baseline_other": "0",
            "target_women": "10",
            "target_men": "5",
            "target_other": "0",
        },
    )

    assert refused.status_code == 400
    assert 'href="#id_baseline_women"' in main(refused)
    assert added.status_code == 302
    indicator = Indicator.objects.get(texts={"sv": "Utbildade"})
    assert (indicator.output, indicator.baseline, indicator.target) == (output, 3, 15)


def test_an_indicator_of_numbers_takes_decimals_written_with_a_comma(client, plan, people, url):
    client.force_login(people.latin)
    outcome = Outcome.objects.get()

    response = client.post(
        url("outcome_indicator_add", "es", pk=plan.partnership.pk, parent_pk=outcome.pk),
        {"text_es": "Presupuesto", "unit_es": "% del total", "baseline": "0,5", "target": "2,25"},
    )

    assert response.status_code == 302
    indicator = Indicator.objects.get(texts={"es": "Presupuesto"})
    assert (indicator.baseline, indicator.target) == (Decimal("0.5"), Decimal("2.25"))


def test_a_member_saves_an_item_they_opened(client, plan, people, url):
    outcome = Outcome.objects.get()
    client.force_login(people.swedish)
    path = url("outcome_edit", pk=plan.partnership.pk, item_pk=outcome.pk)

    form = main(client.get(path))
    response = client.post(path, {"text_sv": "Fler kvinnor.", "text_es": "Más.", "version": 1})

    assert 'name="version" value="1"' in form and "Más mujeres en los COCODE." in form
    assert response.status_code == 302
    outcome.refresh_from_db()
    assert (outcome.texts, outcome.version) == ({"sv": "Fler kvinnor.", "es": "Más."}, 2)


def test_a_stale_save_shows_both_versions_and_gives_the_text_back(client, plan, people, url):
    # Given someone saved the outcome after our member opened version 1
    outcome = Outcome.objects.get()
    Outcome.objects.filter(pk=outcome.pk).update(
        texts={"es": "Texto guardado por María."}, version=2, updated_by=people.latin
    )
    client.force_login(people.swedish)
    path = url("outcome_edit", pk=plan.partnership.pk, item_pk=outcome.pk)

    # When the member saves on top of version 1
    response = client.post(path, {"text_sv": "Min svenska text.", "text_es": "", "version": 1})

    # Then the conflict page shows the saved version and theirs, their text in the form
    assert response.status_code == 409
    page = main(response)
    assert "Texto guardado por María." in page
    assert page.count("Min svenska text.") == 2  # in the comparison and in the form
    assert 'name="version" value="2"' in page
    assert f'action="{path}"' in page
    assert people.latin.email in page
    outcome.refresh_from_db()
    assert outcome.texts == {"es": "Texto guardado por María."}

    # And saving again from the conflict page is a deliberate overwrite that succeeds
    again = client.post(path, {"text_sv": "Min svenska text.", "text_es": "", "version": 2})
    assert again.status_code == 302
    outcome.refresh_from_db()
    assert outcome.texts == {"sv": "Min svenska text."}


def test_saving_an_outcome_deleted_meanwhile_gives_the_text_back_to_add_again(
    client, plan, people, url
):
    # Given someone deleted the outcome after our member opened it
    outcome = Outcome.objects.get()
    client.force_login(people.swedish)
    path = url("outcome_edit", pk=plan.partnership.pk, item_pk=outcome.pk)
    client.get(path)
    Outcome.objects.filter(pk=outcome.pk).delete()

    # When they save
    response = client.post(path, {"text_sv": "Min text.", "version": 1})

    # Then their text comes back in a form that adds it to the plan again
    assert response.status_code == 409
    page = main(response)
    assert page.count("Min text.") == 2
    assert f'action="{url("outcome_add", pk=plan.partnership.pk)}"' in page
    again = client.post(url("outcome_add", pk=plan.partnership.pk), {"text_sv": "Min text."})
    assert again.status_code == 302
    assert Outcome.objects.get().texts == {"sv": "Min text."}


def test_saving_an_output_deleted_meanwhile_gives_the_text_back(client, plan, people, url):
    output = Output.objects.get()
    client.force_login(people.swedish)
    Output.objects.filter(pk=output.pk).delete()

    response = client.post(
        url("output_edit", pk=plan.partnership.pk, item_pk=output.pk),
        {"text_sv": "Min text.", "version": 1},
    )

    assert response.status_code == 409
    assert "Min text." in main(response)
    assert not Output.objects.exists()
