from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from puentes.core.i18n import pick

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language, for the language switcher."""
    request = context["request"]
    query = request.GET.urlencode()
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if query:
            url = f"{url}?{query}"
        info = get_language_info(code)
        links.append(
            {"code": code, "url": url, "name": info["name_local"], "current": code == current}
        )
    return links


@register.simple_tag
def user_text(texts, language=None, paragraphs=False):
    """A user-written text in the page's language, or in the language it exists in, marked
    with a lang attribute so screen readers and readers know which language they read.
    With paragraphs=True, blank lines in the text become paragraphs."""
    text, code = pick(texts, language)
    if not text:
        return ""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    if paragraphs:
        body = linebreaks(text, autoescape=True)
        if code == current:
            return body
        return format_html('<div lang="{}">{}</div>', code, body)
    if code == current:
        return text
    return format_html('<span lang="{}">{}</span>', code, text)
