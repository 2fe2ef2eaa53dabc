"""Networks, themes and calls in the admin, their texts edited one language at a time."""

import json

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from puentes.core.forms import TranslatedField, TranslatedTextModelForm, language_field_name

from .models import Call, Network, ReportingPeriod, Theme


def language_fields(map_name: str) -> list[str]:
    return [language_field_name(map_name, code) for code, _name in settings.LANGUAGES]


class NetworkForm(TranslatedTextModelForm):
    translated_fields = (
        TranslatedField("names", _("name"), required=True, max_length=200),
        TranslatedField("descriptions", _("description"), multiline=True),
    )

    class Meta:
        model = Network
        exclude = ["names", "descriptions"]


class ThemeForm(TranslatedTextModelForm):
    translated_fields = (TranslatedField("names", _("name"), required=True, max_length=200),)

    class Meta:
        model = Theme
        exclude = ["names"]


class CallForm(TranslatedTextModelForm):
    translated_fields = (
        TranslatedField("titles", _("title"), required=True, max_length=200),
        TranslatedField("descriptions", _("description"), multiline=True),
    )

    class Meta:
        model = Call
        exclude = ["titles", "descriptions"]


class TranslatedSearchMixin:
    """Searches the JSON {language: text} maps too, with non-ASCII letters, on every database.

    SQLite stores JSON with such letters escaped ("Bor\\u00e5s"), so the escaped form of the
    search term is looked for as well.
    """

    translated_search_fields: tuple[str, ...] = ()

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        query = Q()
        for field_name in self.translated_search_fields:
            for variant in {term, json.dumps(term)[1:-1]}:
                query |= Q(**{f"{field_name}__icontains": variant})
        return results | queryset.filter(query), may_have_duplicates


class LabelledRowsFormSet(BaseInlineFormSet):
    """In the admin's tables the labels head the columns, not each box: every box (the
    delete box included, which the formset adds) gets its name for screen readers."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            field.widget.attrs.setdefault("aria-label", str(field.label))


class ThemeInline(admin.TabularInline):
    # A row per theme, not a box: a network of dozens of themes and perspectives kept its
    # page at the edge of the 100 KB budget (issue #8).
    model = Theme
    form = ThemeForm
    formset = LabelledRowsFormSet
    fields = ["kind", *language_fields("names"), "slug", "position"]
    extra = 0


class CallInline(admin.TabularInline):
    """The network's calls, for overview; each is edited on its own page."""

    model = Call
    fields = ["display_title", "open_date", "close_date", "rule_year", "is_demo"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return obj.title


@admin.register(Network)
class NetworkAdmin(TranslatedSearchMixin, admin.ModelAdmin):
    form = NetworkForm
    inlines = [ThemeInline, CallInline]
    list_display = [
        "display_name",
        "slug",
        "start_date",
        "end_date",
        "theme_count",
        "call_count",
        "is_published",
        "is_demo",
    ]
    list_filter = ["is_published", "is_demo"]
    search_fields = ["slug"]
    translated_search_fields = ("names",)
    fieldsets = [
        (None, {"fields": ["slug"]}),
        (_("Name"), {"fields": language_fields("names")}),
        (_("Description"), {"fields": language_fields("descriptions")}),
        (_("Period and contact"), {"fields": ["start_date", "end_date", "contact_email"]}),
        (_("Visibility"), {"fields": ["is_published", "is_demo"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                theme_total=Count("themes", distinct=True),
                call_total=Count("calls", distinct=True),
            )
        )

    @admin.display(description=_("name"), ordering="slug")
    def display_name(self, obj):
        return obj.name

    @admin.display(description=_("themes"), ordering="theme_total")
    def theme_count(self, obj):
        return obj.theme_total

    @admin.display(description=_("calls"), ordering="call_total")
    def call_count(self, obj):
        return obj.call_total


@admin.register(Theme)
class ThemeAdmin(TranslatedSearchMixin, admin.ModelAdmin):
    form = ThemeForm
    list_display = ["display_name", "kind", "position", "network", "slug"]
    list_filter = ["kind", "network"]
    list_select_related = ["network"]
    search_fields = ["slug"]
    translated_search_fields = ("names",)
    fieldsets = [
        (None, {"fields": ["network", "kind", "slug", "position"]}),
        (_("Name"), {"fields": language_fields("names")}),
    ]

    @admin.display(description=_("name"), ordering="slug")
    def display_name(self, obj):
        return obj.name


@admin.register(Call)
class CallAdmin(TranslatedSearchMixin, admin.ModelAdmin):
    form = CallForm
    list_display = [
        "display_title",
        "network",
        "open_date",
        "close_date",
        "rule_year",
        "rule_min_latin_america",
        "rule_min_sweden",
        "is_demo",
    ]
    list_filter = ["network", "rule_year", "is_demo"]
    list_select_related = ["network"]
    search_fields = ["slug"]
    translated_search_fields = ("titles",)
    date_hierarchy = "open_date"
    fieldsets = [
        (None, {"fields": ["network", "slug"]}),
        (_("Title"), {"fields": language_fields("titles")}),
        (_("Description"), {"fields": language_fields("descriptions")}),
        (_("Dates"), {"fields": ["open_date", "close_date"]}),
        (
            _("Participation rule"),
            {"fields": ["rule_year", "rule_min_latin_america", "rule_min_sweden"]},
        ),
        (None, {"fields": ["is_demo"]}),
    ]

    @admin.display(description=_("title"), ordering="-open_date")
    def display_title(self, obj):
        return obj.title


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    """Coordinators set each call's reporting periods and when their reports are due."""

    list_display = ["__str__", "call", "start_date", "end_date", "due_date"]
    list_filter = ["call"]
    list_select_related = ["call"]
    date_hierarchy = "due_date"
