"""Comments in the workspace: who writes them and as whom, the mail the members get when the
mentor or a coordinator writes (each in their own language), deleting, and the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from puentes.core.audit import entries_for
from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import links_in, text_of
from puentes.partnerships import activity
from puentes.partnerships.comments import (
    CommentEmpty,
    CommentLanguageUnknown,
    CommentNotAllowed,
    CommentNotYours,
    CommentTooLong,
    comment_create,
    comment_delete,
)
from puentes.partnerships.models import Comment

from .conftest import NOW, coordinator_of, workspace_url

BASE_URL = "https://puentes.example/"


def write(ws, role, body="Bra start!", language="sv", now=NOW):
    return comment_create(
        partnership=ws.partnership,
        body=body,
        language=language,
        by=ws.users[role],
        now=now,
        base_url=BASE_URL,
    )


# --- The services -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "written_as"),
    [
        ("mentor", Comment.AuthorRole.MENTOR),
        ("coordinator", Comment.AuthorRole.COORDINATOR),
        ("swede", Comment.AuthorRole.SWEDISH),
        ("guatemalan", Comment.AuthorRole.LATIN),
        ("colleague", Comment.AuthorRole.SWEDISH),
    ],
)
def test_everyone_around_the_partnership_comments_as_who_they_are(ws, role, written_as):
    comment = write(ws, role, body="  Bra start!  ")

    comment.refresh_from_db()
    assert comment.author == ws.users[role]
    assert comment.author_role == written_as
    assert (comment.body, comment.language, comment.created_at) == ("Bra start!", "sv", NOW)
    [entry] = entries_for(ws.partnership)
    assert (entry.action, entry.actor, entry.at) == (activity.COMMENTED, ws.users[role], NOW)
    assert entry.target_id == str(comment.pk)


def test_someone_outside_the_partnership_cannot_comment(ws):
    with pytest.raises(CommentNotAllowed):
        write(ws, "outsider")

    assert not Comment.objects.exists() and not entries_for(ws.partnership).exists()


def test_a_coordinator_without_the_second_factor_does_not_comment_as_coordinator(ws):
    from puentes.people.tests.factories import NetworkRoleFactory

    ws.users["unsafe"] = NetworkRoleFactory(network=ws.network).person.user

    with pytest.raises(CommentNotAllowed):
        write(ws, "unsafe")


@pytest.mark.parametrize(
    ("body", "language", "refusal"),
    [
        ("   ", "sv", CommentEmpty),
        ("x" * 4001, "sv", CommentTooLong),
        ("Hola", "fr", CommentLanguageUnknown),
    ],
)
def test_an_empty_overlong_or_unknown_language_comment_is_refused_leaving_nothing(
    ws, body, language, refusal
):
    with pytest.raises(refusal):
        write(ws, "mentor", body=body, language=language)

    assert not Comment.objects.exists()
    assert not entries_for(ws.partnership).exists()
    assert not OutboxMessage.objects.exists()


def test_the_mentors_comment_is_mailed_to_members_with_an_account_in_their_language(
    ws, smtp_server
):
    # when the mentor comments
    write(ws, "mentor", body="Tänk på att ta med COCODE i planen.")
    mail_deliver_due(now=timezone.now())

    # then the two members with an account are told, each in their language, with a link
    to_swede = smtp_server.messages_to(ws.users["swede"].email)
    to_guatemalan = smtp_server.messages_to(ws.users["guatemalan"].email)
    assert len(to_swede) == 1 and len(to_guatemalan) == 1
    assert to_swede[0]["Content-Language"] == "sv"
    assert to_guatemalan[0]["Content-Language"] == "es"
    assert "Hej Karin Lind" in text_of(to_swede[0])
    assert "Hola, María José Caal" in text_of(to_guatemalan[0])
    assert "Tänk på att ta med COCODE i planen." in text_of(to_guatemalan[0])
    assert "Eva Mentor" in to_guatemalan[0]["Subject"]
    pk = ws.partnership.pk
    assert f"https://puentes.example/es/partnerships/{pk}/#comments" in links_in(to_guatemalan[0])
    assert f"https://puentes.example/sv/partnerships/{pk}/#comments" in links_in(to_swede[0])
    # and nobody else: not the member without an account, nor the mentor
    assert {m.to_address for m in OutboxMessage.objects.all()} == {
        ws.users["swede"].email,
        ws.users["guatemalan"].email,
    }
    assert all(m.reply_to == "secretariat@example.org" for m in OutboxMessage.objects.all())


def test_a_coordinators_comment_is_mailed_but_a_members_is_not(ws):
    write(ws, "swede")
    assert not OutboxMessage.objects.exists()

    write(ws, "coordinator")
    assert OutboxMessage.objects.filter(kind="partnership_comment").count() == 2


def test_a_member_who_is_also_mentor_does_not_mail_themselves(ws):
    from puentes.partnerships.models import Partnership

    Partnership.objects.filter(pk=ws.partnership.pk).update(mentor=ws.users["swede"].person)
    ws.partnership.refresh_from_db()

    write(ws, "swede")

    assert list(OutboxMessage.objects.values_list("to_address", flat=True)) == [
        ws.users["guatemalan"].email
    ]


def test_an_author_deletes_their_own_comment_and_the_timeline_keeps_whose_it_was(ws):
    comment = write(ws, "guatemalan")

    comment_delete(comment=comment, by=ws.users["guatemalan"], now=NOW)

    assert not Comment.objects.exists()
    latest = entries_for(ws.partnership).first()
    assert latest.action == activity.COMMENT_DELETED
    assert latest.data == {"author": "María José Caal"}


def test_a_coordinator_deletes_anyones_comment_but_another_member_cannot(ws):
    comment = write(ws, "mentor")

    with pytest.raises(CommentNotYours):
        comment_delete(comment=comment, by=ws.users["swede"], now=NOW)
    assert Comment.objects.filter(pk=comment.pk).exists()

    comment_delete(comment=comment, by=ws.users["coordinator"], now=NOW)
    assert not Comment.objects.exists()


# --- The pages --------------------------------------------------------------------------


def test_the_mentor_comments_from_the_overview_and_sees_it_newest_first(ws, sign_in):
    client = sign_in(ws.users["mentor"])
    write(ws, "swede", body="Vi har bokat resan.", now=NOW)
    overview = workspace_url("partnership_detail", pk=ws.partnership.pk)

    response = client.post(
        workspace_url("comment_create", pk=ws.partnership.pk),
        {"body": "Fint arbete!", "language": "sv"},
    )

    assert response.status_code == 302
    assert response.url == f"{overview}#comments"
    page = client.get(overview).content.decode()
    assert page.index("Fint arbete!") < page.index("Vi har bokat resan.")
    assert "Eva Mentor" in page and "Karin Lind" in page
    assert "Mentor" in page or "mentor" in page


def test_a_comment_in_another_language_is_marked_with_it(ws, sign_in):
    write(ws, "guatemalan", body="Buen avance.", language="es")
    client = sign_in(ws.users["swede"])

    page = client.get(workspace_url("partnership_detail", pk=ws.partnership.pk)).content.decode()

    assert '<div class="user-text" lang="es"><p>Buen avance.</p></div>' in page


def test_an_empty_comment_comes_back_with_the_error_next_to_the_field(ws, sign_in):
    client = sign_in(ws.users["swede"])

    response = client.post(
        workspace_url("comment_create", pk=ws.partnership.pk), {"body": " ", "language": "sv"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page and 'href="#id_body"' in page
    assert not Comment.objects.exists()


def test_the_comment_form_page_is_offered_to_those_who_see_the_partnership(ws, sign_in):
    assert (
        sign_in(ws.users["mentor"])
        .get(workspace_url("comment_create", pk=ws.partnership.pk))
        .status_code
        == 200
    )
    response = sign_in(ws.users["outsider"]).post(
        workspace_url("comment_create", pk=ws.partnership.pk), {"body": "Hej", "language": "sv"}
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_only_the_author_and_coordinators_see_the_delete_link_and_may_delete(ws, sign_in):
    comment = write(ws, "swede")
    delete_url = workspace_url("comment_delete", pk=ws.partnership.pk, comment_pk=comment.pk)
    overview = workspace_url("partnership_detail", pk=ws.partnership.pk)

    assert delete_url not in sign_in(ws.users["mentor"]).get(overview).content.decode()
    assert sign_in(ws.users["guatemalan"]).post(delete_url).status_code == 403
    assert delete_url in sign_in(ws.users["coordinator"]).get(overview).content.decode()
    assert sign_in(ws.users["outsider"]).post(delete_url).status_code == 404
    assert Comment.objects.filter(pk=comment.pk).exists()

    client = sign_in(ws.users["swede"])
    assert delete_url in client.get(overview).content.decode()
    assert client.get(delete_url).status_code == 200  # asks first
    response = client.post(delete_url)
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_comment_of_another_partnership_is_not_found_under_this_one(ws, sign_in):
    from .factories import PartnershipFactory

    other = PartnershipFactory()
    comment = write(ws, "coordinator")
    client = sign_in(ws.users["coordinator"])

    response = client.post(workspace_url("comment_delete", pk=other.pk, comment_pk=comment.pk))

    assert response.status_code == 404
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_the_overview_runs_the_same_queries_for_2_and_15_comments(ws, sign_in):
    client = sign_in(ws.users["swede"])
    overview = workspace_url("partnership_detail", pk=ws.partnership.pk)
    for role in ("mentor", "guatemalan"):
        write(ws, role)
    client.get(overview)  # the member joins on the first visit; later visits only read
    with CaptureQueriesContext(connection) as few:
        client.get(overview)
    extra_coordinator = coordinator_of(ws.network)
    ws.users["extra"] = extra_coordinator
    for n in range(13):
        write(ws, ("extra", "colleague", "swede")[n % 3], body=f"Kommentar {n}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(overview).content.decode()

    assert page.count('<div class="user-text" lang="sv">') == 15
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]
