"""Hostile query parameters on every page: the filters, search, paging and choices the pages
read (?network=, ?call=, ?zone=, ?page=, ?year=...) and those of the GET forms the pages show,
each with odd text, numbers beyond any column, impossible dates, lists and lone surrogates.
Every page answers without a server error."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fuzz.hostile import FUZZ, odd_date, odd_number, odd_text
from tests.fuzz.site import FormParser, pages_for, signed_in_client
from tests.test_access_matrix import area_headers, example_path

# What views read from request.GET (grep request.GET), and what their GET forms send.
READ_BY_VIEWS = ["page", "network", "call", "zone", "tz", "status", "year", "language", "q",
                 "text", "theme", "country", "area", "sort", "scope", "kind", "format",
                 "first_day", "last_day", "length", "members", "include_weekends", "next",
                 "preferred_country"]  # fmt: skip
ROLES = ("anonymous", "member_a", "coordinator")


def get_form_fields(response, key, path) -> list[str]:
    parser = FormParser(key, path)
    parser.feed(response.content.decode())
    return [name for form in parser.forms if form.method == "get" for name in form.fields]


def fuzz_page(client, path, names, headers):
    value = st.one_of(
        odd_text, odd_number, odd_date, st.lists(st.one_of(odd_number, odd_text), max_size=3)
    )

    @settings(FUZZ, max_examples=10)
    @given(query=st.dictionaries(st.sampled_from(names), value, min_size=1, max_size=5))
    def example(query):
        # A query string carries bytes; a lone surrogate arrives as the bytes a buggy client
        # sends, which the test client can only encode replaced.
        query = {
            key: [item.encode("utf-8", "replace").decode() for item in value]
            if isinstance(value, list)
            else value.encode("utf-8", "replace").decode()
            for key, value in query.items()
        }
        response = client.get(path, query, headers=headers)
        assert response.status_code < 500, (path, query, response.status_code)

    example()


def test_given_hostile_query_parameters_when_any_page_is_read_then_no_server_error(world):
    done = set()
    for role in ROLES:
        client = signed_in_client(role, world)
        headers = area_headers(role, world)
        for key, pattern in pages_for(role):
            path = example_path(key, pattern, world)
            if path in done or "logout" in key or key.startswith(("account_", "mfa_")):
                continue
            done.add(path)
            response = client.get(path, headers=headers)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            names = sorted(set(READ_BY_VIEWS + get_form_fields(response, key, path)))
            fuzz_page(client, path, names, headers)
    assert len(done) >= 30
