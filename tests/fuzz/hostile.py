"""Hypothesis strategies for what a hostile or careless client sends: text from every Unicode
plane with control characters, NUL and lone surrogates, a megabyte of text, numbers far out of
range, impossible dates, lists where one value is expected, fields left out or sent twice."""

from urllib.parse import urlencode

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Modest and reproducible: the whole fuzz suite runs in minutes, and CI sees the same examples.
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SCRIPT = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
MEGABYTE = "ä" * (512 * 1024)  # 1 MB in UTF-8

odd_text = st.one_of(
    st.text(),  # every plane, combining marks, RTL, control characters
    st.text(st.characters(codec="utf-8"), min_size=1).map(lambda t: f"{t}\x00{t}"),
    st.text(st.characters(max_codepoint=0x1F), min_size=1),  # control characters only
    st.sampled_from(
        [
            "\x00",
            "\ud800",  # a lone surrogate: sent as the bytes a careless encoder makes
            "\u202eevil\u202c",
            "e\u0301\u0301\u0301",
            "\U0001f600" * 50,
            "\ufeff",
            " ",
            SCRIPT,
            "{{ 7*7 }}{% now 'Y' %}",
            "%s%n%x",
            "../../etc/passwd",
            "' OR 1=1 --",
            MEGABYTE,
        ]
    ),
)
odd_number = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.sampled_from(
        ["NaN", "nan", "inf", "-inf", "Infinity", "1e309", "-0", "0x10", "1_000", "٣", "1,5"]
    ),
    st.sampled_from([str(2**31), str(2**63), str(-(2**63) - 1), "9" * 400]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
odd_date = st.one_of(
    st.sampled_from(
        ["0000-00-00", "2024-02-30", "9999-12-31", "0001-01-01", "10000-01-01", "-1-01-01"]
    ),
    st.sampled_from(["2024-13-01", "24:61", "25:00", "99:99:99", "2024-01-01T25:00", "today"]),
    st.dates().map(str),
)
# An id that points nowhere, or at something of someone else's.
odd_choice = st.one_of(st.integers(-(2**70), 2**70).map(str), st.sampled_from(["", "x", "1.5"]))


def field_value(field):
    """A strategy for one form field: mostly hostile, sometimes what the page offered."""
    kind_specific = {
        "number": odd_number,
        "date": odd_date,
        "time": odd_date,
        "select": st.one_of(st.sampled_from(field.options or [""]), odd_choice),
        "radio": st.one_of(st.sampled_from(field.options or [""]), odd_choice),
        "checkbox": st.one_of(st.sampled_from(field.options or ["on"]), odd_choice),
        "hidden": st.one_of(st.just(field.value), odd_number, odd_text),
    }.get(field.kind, odd_text)
    single = st.one_of(st.just(field.value), kind_specific, odd_text)
    return st.one_of(
        single,
        st.lists(single, min_size=2, max_size=3),  # a list, or the key sent twice
        st.just(None),  # left out
    )


@st.composite
def form_data(draw, form):
    data = {}
    for name, item in form.fields.items():
        if item.kind == "file" or name == "csrfmiddlewaretoken":
            continue
        value = draw(field_value(item))
        if value is not None:
            data[name] = value
    if draw(st.booleans()):
        data[draw(st.text(min_size=1, max_size=20))] = draw(odd_text)  # a field nobody asked for
    return data


def urlencoded(data: dict) -> bytes:
    """The body a browser would send, with lone surrogates encoded as the invalid UTF-8 bytes a
    buggy client produces (the test client's own encoder would refuse them)."""
    return urlencode(data, doseq=True, encoding="utf-8", errors="surrogatepass").encode("ascii")
