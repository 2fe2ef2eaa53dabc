"""Posting hostile data to every form of an area and checking what comes back: never a server
error or an unhandled exception (the test client raises those), and a refusal leaves every
table as it was."""

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from hypothesis import given

from tests.fuzz.hostile import FUZZ, form_data, urlencoded
from tests.fuzz.site import forms_for, signed_in_client
from tests.test_access_matrix import area_headers

# Sessions change on every request; they are the client's, not the data's.
NOT_DATA = {"sessions"}


def row_counts() -> dict[str, int]:
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in NOT_DATA and model._meta.db_table in tables
    }


def without_surrogates(data: dict) -> dict:
    def clean(value):
        if isinstance(value, list):
            return [clean(item) for item in value]
        return value.encode("utf-8", "replace").decode()

    return {key.encode("utf-8", "replace").decode(): clean(value) for key, value in data.items()}


def post(client, form, data, headers):
    if any(item.kind == "file" for item in form.fields.values()):
        # Multipart cannot carry lone surrogates through the test client; the rest can.
        data = without_surrogates(data)
        for name, item in form.fields.items():
            if item.kind == "file":
                data[name] = SimpleUploadedFile("\u202etxt.exe\x00.pdf", b"%PDF-1.4\n\x00\xff")
        return client.post(form.action, data, headers=headers)
    return client.post(
        form.action,
        urlencoded(data),
        content_type="application/x-www-form-urlencoded",
        headers=headers,
    )


def send(client, form, data, headers):
    if form.method == "post":
        return post(client, form, data, headers)
    return client.get(form.action, without_surrogates(data), headers=headers)


def fuzz_form(client, form, headers, role):
    where = f"{role} {form.method.upper()} {form.action} (form on {form.page})"

    @FUZZ
    @given(data=form_data(form))
    def example(data):
        before = row_counts() if form.method == "post" else None
        response = send(client, form, data, headers)
        assert response.status_code < 500, f"{where}: {response.status_code}"
        refused = response.status_code == 200 or 400 <= response.status_code < 500
        if before is not None and refused:
            after = row_counts()
            changed = {k: (n, after[k]) for k, n in before.items() if n != after[k]}
            assert not changed, f"{where} refused ({response.status_code}) but saved {changed}"

    example()


# Each form is fuzzed once, as the first of these roles whose pages show it (a form the
# coordinator shares with members is the same code); coordinator_without_totp sees no more.
FUZZ_ROLES = ("anonymous", "member_a", "coordinator", "mentor", "member_b")


def fuzz_forms(world, pages: tuple[str, ...]) -> int:
    """Fuzz every form on the pages whose URL names start with one of ``pages``, as a role that
    may open them. Returns how many forms were fuzzed (the tests assert a floor)."""
    done = set()
    for role in FUZZ_ROLES:
        client = signed_in_client(role, world)
        headers = area_headers(role, world)
        for form in forms_for(role, world, client, pages):
            identity = (form.method, form.action, tuple(sorted(form.fields)))
            if identity not in done:
                done.add(identity)
                fuzz_form(client, form, headers, role)
    return len(done)
