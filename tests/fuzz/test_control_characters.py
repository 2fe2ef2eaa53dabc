"""Control characters in text. NUL: PostgreSQL refuses it in text and jsonb columns, so a
NUL reaching the database is a server error. Django's form CharField (and DRF's) already
refuse it with a translated message, before any service runs; this pins that down on a form
whose text goes into a JSON map (a plan's goal) and on a plain text column (a comment). The
other invisible control characters (not tab or line breaks) are refused by
puentes.core.forms.refuse_control_characters on the plan's texts, the translated text maps
and comments."""

import pytest
from django.utils import translation

from puentes.partnerships.models import Comment
from tests.fuzz.site import signed_in_client
from tests.test_access_matrix import all_patterns, example_path

NUL = "Null characters are not allowed."
CONTROL = "This text holds invisible control characters"


@pytest.mark.parametrize(
    ("page", "data", "message"),
    [
        ("partnerships:comment_create", {"body": "Hej\x00då", "language": "sv"}, NUL),
        ("plans:goal_edit", {"version": "1", "text_sv": "Mål\x00", "text_es": "Meta"}, NUL),
        (
            "partnerships:comment_create",
            {"body": "Hej\x1b[31m då\x07", "language": "sv"},
            CONTROL,
        ),
        (
            "plans:goal_edit",
            {"version": "1", "text_sv": "Mål\x0b", "text_es": "Meta\x7f"},
            CONTROL,
        ),
    ],
)
def test_given_control_characters_in_text_when_the_form_is_sent_then_it_says_remove_them(
    world, page, data, message
):
    client = signed_in_client("member_a", world)
    path = example_path(page, all_patterns()[page], world).replace("/sv/", "/en/", 1)
    comments = Comment.objects.count()

    with translation.override("en"):
        response = client.post(path, data)

    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert Comment.objects.count() == comments


def test_given_tabs_and_line_breaks_when_a_comment_is_sent_then_it_is_kept(world):
    client = signed_in_client("member_a", world)
    path = example_path("partnerships:comment_create", all_patterns()[
        "partnerships:comment_create"], world)  # fmt: skip

    response = client.post(path, {"body": "Rad ett\r\n\tRad två", "language": "sv"})

    assert response.status_code == 302
    assert Comment.objects.latest("pk").body == "Rad ett\r\n\tRad två"
