"""Script payloads saved through every form are shown escaped on every page.

Each form that saves text gets a payload of its own in every text field, filled in as a
person would fill the rest of the form; then every page of the site is read as every role,
and no HTML page may contain a payload as written (it would run), while the escaped payload
of each form whose text is shown somewhere must appear."""

from urllib.parse import urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from puentes.core.models import OutboxMessage
from tests.fuzz.site import forms_for, pages_for, signed_in_client
from tests.test_access_matrix import area_headers, example_path

ROLES = ("anonymous", "member_a", "coordinator")
TEXT_KINDS = ("text", "textarea", "search")
# Forms whose text a page shows back; each must show its payload escaped. (The accessibility
# feedback goes to the secretariat by mail, whose HTML is checked below.)
SHOWN = {
    "partnerships:comment_create",
    "partnerships:statement_edit",
    "plans:goal_edit",
    "plans:outcome_add",
    "plans:output_add",
    "plans:activity_add",
    "plans:assumption_add",
    "reports:report_edit",
    "documents:document_upload",
    "interests:interest_withdraw",
    "interests:interest_edit",
    "plans:outcome_edit",
    "plans:output_edit",
    "plans:activity_edit",
    "plans:assumption_edit",
    "plans:indicator_edit",
    "plans:outcome_indicator_add",
    "plans:output_indicator_add",
    "workshops:registration_new",
    "workshops:visa_letter",
}


def payload(number: int) -> str:
    return f"<script>alert({number})</script>\"'><img src=x onerror=alert({number})>"


# Text inputs that hold something other than free text, and what a person writes there.
NOT_FREE_TEXT = {
    "organisation": None,
    "website": None,
    "baseline": "",
    "target": "",
    "passport_number": "AB1234567",
}


def filled(form, text: str, dates: bool = True) -> dict:
    """The form as a careful person fills it, with the payload in every free-text field."""
    data = form.initial_data()
    for name, item in form.fields.items():
        if name in NOT_FREE_TEXT:
            if NOT_FREE_TEXT[name] is not None:
                data[name] = NOT_FREE_TEXT[name]
        elif item.kind in TEXT_KINDS:
            data[name] = text
        elif item.kind == "email" and not item.value:
            data[name] = "someone@example.org"
        elif item.kind == "tel":
            data[name] = "+46 70 123 45 67"
        elif item.kind == "date" and not item.value and dates:
            data[name] = "2030-05-01"
        elif item.kind == "number" and not item.value:
            data[name] = "1"
        elif item.kind in ("radio", "select") and not item.value and item.options:
            data[name] = [option for option in item.options if option][0]
        elif item.kind == "checkbox" and not item.value and item.options:
            data[name] = item.options[0]
    return data


def saving_forms(role, world, client):
    for form in forms_for(role, world, client):
        path = urlsplit(form.action).path
        texts = [item for item in form.fields.values() if item.kind in TEXT_KINDS]
        if form.method == "post" and texts and not path.endswith("/delete/"):
            yield form


def test_given_script_payloads_saved_through_every_form_when_every_page_is_read_then_escaped(
    world,
):
    # One sign-in per role: signing in again and again would meet the sign-in rate limit.
    clients = {role: signed_in_client(role, world) for role in ROLES}
    saved = {}
    for role in ROLES:
        client = clients[role]
        headers = area_headers(role, world)
        for form in saving_forms(role, world, client):
            if form.page in saved:
                continue
            text = payload(len(saved) + 1)
            data = filled(form, text)
            files = {
                name: SimpleUploadedFile("notes.txt", b"Notes\n")
                for name, item in form.fields.items()
                if item.kind == "file"
            }
            data = {**data, **files}
            response = client.post(form.action, data, headers=headers)
            if response.status_code == 400:  # dates a person may leave empty were out of range
                data = {**filled(form, text, dates=False), **files}
                response = client.post(form.action, data, headers=headers)
            assert response.status_code < 500
            if response.status_code in (302, 303):
                saved[form.page] = text

    missing = SHOWN - set(saved)
    assert not missing, f"these forms refused a careful filling; fix filled(): {missing}"

    escaped_seen = set()
    for role in ROLES:
        client = clients[role]
        headers = area_headers(role, world)
        for key, pattern in pages_for(role):
            response = client.get(example_path(key, pattern, world), headers=headers)
            if "html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            for page, text in saved.items():
                assert text not in html, f"{key} as {role} shows the payload of {page} unescaped"
                if escape(text) in html:
                    escaped_seen.add(page)
    not_shown = SHOWN - escaped_seen
    assert not not_shown, f"escaped payloads not found on any page for: {sorted(not_shown)}"

    for message in OutboxMessage.objects.all():
        for page, text in saved.items():
            assert text not in message.body_html, f"mail {message.subject} holds {page}'s raw"
