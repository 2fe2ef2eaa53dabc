"""What the fuzz tests aim at: every page of the access matrix's world that a role may open,
and every form those pages hold, read from the HTML the way a browser would read it.

Reading the forms from the pages (instead of listing them by hand) means a new form is fuzzed
as soon as a page shows it to someone."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client

from tests.test_access_matrix import (
    EXPECTED,
    all_patterns,
    area_headers,
    example_path,
    sign_in,
)

# Forms that end the session or the account's way in: fuzzing them would sign the client out
# (or lock it) and every later request would only test the sign-in page.
SESSION_ENDING = (
    "/accounts/logout/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/i18n/setlang/",
)


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, number, date, file, hidden, ...
    value: str = ""
    options: list = field(default_factory=list)


@dataclass
class Form:
    page: str  # the URL name of the page that shows it
    path: str  # where it is found
    action: str  # where it posts
    method: str
    fields: dict = field(default_factory=dict)

    def initial_data(self) -> dict:
        """What a person who changes nothing would send: the values the page filled in."""
        data = {}
        for item in self.fields.values():
            if item.kind == "file":
                continue
            if item.kind in ("checkbox", "radio"):
                if item.value:
                    data[item.name] = item.value
                continue
            data[item.name] = item.value
        return data


class FormParser(HTMLParser):
    def __init__(self, page, path):
        super().__init__(convert_charrefs=True)
        self.page, self.path = page, path
        self.forms: list[Form] = []
        self._form = self._select = self._textarea = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(
                page=self.page,
                path=self.path,
                action=urljoin(self.path, attrs.get("action") or self.path),
                method=(attrs.get("method") or "get").lower(),
            )
            self.forms.append(self._form)
        if self._form is None or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            name = attrs["name"]
            existing = self._form.fields.get(name)
            if kind in ("checkbox", "radio"):
                chosen = attrs.get("value", "on")
                item = existing or Field(name, kind)
                item.options.append(chosen)
                if "checked" in attrs and not item.value:
                    item.value = chosen
                self._form.fields[name] = item
            else:
                self._form.fields[name] = Field(name, kind, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = self._form.fields[attrs["name"]] = Field(attrs["name"], "textarea")
            self._textarea_starts = True
        elif tag == "select":
            self._select = self._form.fields[attrs["name"]] = Field(attrs["name"], "select")
        elif tag == "option" and self._select is not None:
            self._option = attrs.get("value")
            if self._option is not None:
                self._select.options.append(self._option)
                if "selected" in attrs:
                    self._select.value = self._option

    def handle_data(self, data):
        if self._textarea is not None:
            # A browser drops the newline that follows <textarea>.
            if self._textarea_starts:
                data = data.removeprefix("\n")
                self._textarea_starts = False
            self._textarea.value += data
        elif self._select is not None and self._option is None and "option" in self.lasttag:
            # <option>text</option> without a value attribute sends its text.
            self._select.options.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            if self._select is not None and not self._select.value and self._select.options:
                self._select.value = self._select.options[0]
            self._select = None
        elif tag == "option":
            self._option = None


def signed_in_client(role, world) -> Client:
    client = Client()
    if role != "anonymous":
        sign_in(client, world.users[role], world.totp_secret if role == "coordinator" else "")
    return client


def pages_for(role):
    """(key, pattern) of the non-admin, non-API pages the access policy lets the role open."""
    for key, pattern in sorted(all_patterns().items()):
        if pattern.app_name in ("admin", "api") or key.startswith("admin:"):
            continue
        if EXPECTED.get(key, {}).get(role) == 200:
            yield key, pattern


def forms_for(role, world, client=None, pages=("",)):
    """Every form on every page the role may open (whose URL name starts with one of
    ``pages``), once per (method, action, field names)."""
    client = client or signed_in_client(role, world)
    headers = area_headers(role, world)
    seen, found = set(), []
    for key, pattern in pages_for(role):
        if not key.startswith(pages):
            continue
        path = example_path(key, pattern, world)
        response = client.get(path, headers=headers)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = FormParser(key, path)
        parser.feed(response.content.decode())
        for form in parser.forms:
            # The addresses carry the language first (/sv/accounts/logout/).
            if any(ending in urlsplit(form.action).path for ending in SESSION_ENDING):
                continue
            identity = (form.method, form.action, tuple(sorted(form.fields)))
            if identity not in seen:
                seen.add(identity)
                found.append(form)
    return found
