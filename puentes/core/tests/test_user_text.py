"""Text people write is shown in the page's language, or marked with the language it has."""

from django.template import Context, Template
from django.utils import translation


def render(texts, language, options=""):
    template = Template("{% load puentes %}{% user_text texts " + options + " %}")
    with translation.override(language):
        return template.render(Context({"texts": texts}))


def test_text_in_the_pages_language_is_shown_escaped():
    assert render({"sv": "Kvinnor <b>", "es": "Mujeres"}, "sv") == "Kvinnor &lt;b&gt;"


def test_text_only_in_another_language_is_marked_with_that_language():
    assert render({"es": "Mujeres <b>"}, "sv") == '<span lang="es">Mujeres &lt;b&gt;</span>'


def test_blank_lines_become_paragraphs_when_asked():
    html = render({"en": "First <i>\n\nSecond"}, "en", "paragraphs=True")

    assert html == "<p>First &lt;i&gt;</p>\n\n<p>Second</p>"


def test_an_empty_map_shows_nothing():
    assert render({}, "en") == ""
