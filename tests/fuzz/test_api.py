"""Hostile input to the REST API beyond what schemathesis derives from the OpenAPI document
(puentes/api/tests/test_schemathesis.py): JSON nested thousands deep, numbers beyond any
column, wrong types, bytes that are not UTF-8, duplicate keys, wrong content types, and odd
query parameters on every list. Every answer is a client error or a success, never a 5xx."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.hostile import FUZZ, odd_number, odd_text
from tests.fuzz.runner import row_counts
from tests.test_access_matrix import all_patterns, area_headers, example_path

WRITES = ("api:interest_review", "api:interest_decision", "api:registration_mark",
          "api:registration_cancel", "api:indicator_value_list")  # fmt: skip

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**80), 2**80)
    | st.floats()
    | odd_text.filter(lambda t: "\ud800" not in t),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)
RAW_BODIES = [
    b"[" * 100_000 + b"]" * 100_000,  # deeper than any parser's recursion
    b'{"a":' * 5_000 + b"1" + b"}" * 5_000,
    b'{"status": "accepted", "status": "rejected"}',  # the same key twice
    b'{"value": 1e999999}',
    b'{"value": ' + b"9" * 5_000 + b"}",
    b'{"value": NaN, "other": -Infinity}',
    b'{"text": "\\u0000\\ud800"}',
    b'{"text": "\xff\xfe\x00"}',  # not UTF-8
    b"\xef\xbb\xbf{}",  # a byte-order mark
    b"",
    b"null",
    b"[]",
    b'"just a string"',
    b"{",
]
CONTENT_TYPES = [
    "application/json",
    "application/json; charset=latin-1",
    "text/plain",
    "application/xml",
    "multipart/form-data; boundary=x",
    "application/x-www-form-urlencoded",
    "",
]


def coordinator_api(world, client):
    headers = area_headers("coordinator", world)
    patterns = all_patterns()
    return headers, {name: example_path(name, patterns[name], world) for name in WRITES}


def fuzz_json_posts(client, path, headers):
    @FUZZ
    @given(body=json_values, content_type=st.sampled_from(CONTENT_TYPES))
    def example(body, content_type):
        before = row_counts()
        response = client.post(
            path, json.dumps(body).encode(), content_type=content_type, headers=headers
        )
        assert response.status_code < 500, (path, body, response.status_code)
        if response.status_code >= 400:
            assert row_counts() == before, (path, body)

    example()


@pytest.mark.parametrize("role", ["coordinator", "member_a", "anonymous"])
def test_given_odd_json_of_any_shape_when_posted_to_every_api_write_then_no_server_error(
    world, client, role
):
    headers = area_headers(role, world)
    patterns = all_patterns()
    for name in WRITES:
        fuzz_json_posts(client, example_path(name, patterns[name], world), headers)


def test_given_malformed_bodies_when_posted_with_every_content_type_then_no_server_error(
    world, client
):
    headers, paths = coordinator_api(world, client)
    for path in paths.values():
        for body in RAW_BODIES:
            for content_type in CONTENT_TYPES:
                before = row_counts()
                response = client.generic("POST", path, body, content_type, headers=headers)
                assert response.status_code < 500, (path, body[:40], content_type)
                if response.status_code >= 400:  # review and cancel take no body at all
                    assert row_counts() == before, (path, body[:40], content_type)


def test_given_every_other_method_when_sent_to_the_api_then_no_server_error(world, client):
    headers = area_headers("coordinator", world)
    for name, pattern in all_patterns().items():
        if not name.startswith("api:") or name in ("api:schema", "api:docs"):
            continue
        path = example_path(name, pattern, world)
        for method in ("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"):
            body = b'{"x": [1, {"y": null}]}'
            response = client.generic(method, path, body, "application/json", headers=headers)
            assert response.status_code < 500, (method, path, response.status_code)


LIST_PARAMETERS = ["page", "page_size", "call", "network", "country", "theme", "state",
                   "is_online", "status", "preferred_country", "workshop", "partnership",
                   "indicator", "period", "ordering", "format", "cursor"]  # fmt: skip


def test_given_odd_query_parameters_when_every_api_list_is_read_then_no_server_error(world, client):
    headers = area_headers("coordinator", world)
    lists = [
        example_path(name, pattern, world)
        for name, pattern in all_patterns().items()
        if name.startswith("api:") and name.endswith("_list")
    ]
    for path in lists:
        fuzz_list_query(client, path, headers)


def fuzz_list_query(client, path, headers):
    parameters = st.dictionaries(
        st.sampled_from(LIST_PARAMETERS),
        st.one_of(odd_number, odd_text, st.lists(odd_number, min_size=2, max_size=3)),
        min_size=1,
        max_size=4,
    )

    @FUZZ
    @given(query=parameters)
    def example(query):
        query = {
            key: [v.encode("utf-8", "replace").decode() for v in value]
            if isinstance(value, list)
            else value.encode("utf-8", "replace").decode()
            for key, value in query.items()
        }
        response = client.get(path, query, headers=headers)
        assert response.status_code < 500, (path, query, response.status_code)

    example()
