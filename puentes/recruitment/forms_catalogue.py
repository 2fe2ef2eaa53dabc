"""Forms of the catalogue: its filters, the contact relay and the profile submission."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from puentes.networks.models import Theme
from puentes.people.models import Person

from .contact import CONTACT_MESSAGE_MAX, EMAIL_MAX, SENDER_TEXT_MAX
from .models import LONG_TEXT_MAX
from .selectors_catalogue import CatalogueFilters, find_seeking_organisation
from .services import PHONE_MAX, SHORT_TEXT_MAX, ContactInput, ProfileInput

SEARCH_MAX = 200
# The honeypot: a field people never see, so only robots fill it.
HONEYPOT_FIELD = "website"


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters, sent with GET so that every filtered list has its own link."""

    q = forms.CharField(
        label=_("Search"),
        help_text=_("Municipality, department or words of the challenge, in any language."),
        required=False,
        max_length=SEARCH_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    area = forms.TypedChoiceField(label=_("Department"), required=False, coerce=int)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int)

    def __init__(self, data, *, countries, areas, themes):
        super().__init__(data)
        everything = ("", _("All"))
        self.fields["country"].choices = [everything] + [(c.code, c.name) for c in countries]
        by_country = {}
        for area in areas:
            by_country.setdefault(area.country.name, []).append((area.pk, area.name))
        self.fields["area"].choices = [everything, *by_country.items()]
        self.fields["theme"].choices = [
            everything,
            *[
                (kind.label.capitalize(), [(t.pk, t.name) for t in themes if t.kind == kind])
                for kind in Theme.Kind
                if any(t.kind == kind for t in themes)
            ],
        ]

    def filters(self) -> CatalogueFilters:
        """The filters that are valid; a value that is not (an old link) is left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return CatalogueFilters(
            country=data.get("country") or "",
            area_id=data.get("area") or None,
            theme_id=data.get("theme") or None,
            text=data.get("q") or "",
        )


class ContactMessageForm(forms.Form):
    """A message to a profile's contact person, relayed without showing their address."""

    sender_name = forms.CharField(
        label=_("Your name"),
        max_length=SENDER_TEXT_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    sender_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The contact person answers you here."),
        max_length=EMAIL_MAX,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Your municipality or organisation"),
        required=False,
        max_length=SENDER_TEXT_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=CONTACT_MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].help_text = _("At most %(limit)d characters.") % {
            "limit": CONTACT_MESSAGE_MAX
        }

    @staticmethod
    def is_from_a_robot(data) -> bool:
        return bool(data.get(HONEYPOT_FIELD, "").strip())


class Checkboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose field "label id" is the first box's, so that the error summary's link
    leads to the group (Django gives none, to keep <label for> off a group)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class Radios(forms.RadioSelect):
    """Radio buttons whose error summary link leads to the first button (see Checkboxes)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


def _text(label, *, required=False, max_length=SHORT_TEXT_MAX, **attrs):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs) if attrs else forms.TextInput,
    )


def _long_text(label, *, required=False, help_text="", **attrs):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6, **attrs}),
    )


TRANSLATION_LABELS = {
    "sv": _("The challenge in Swedish"),
    "es": _("The challenge in Spanish"),
    "en": _("The challenge in English"),
}


def translation_field(code: str) -> str:
    return f"translation_{code}"


class SeekingProfileForm(forms.Form):
    """A Guatemalan or Colombian municipality's wish for a Swedish partner (Spanish first).

    A member chooses among their own municipalities; a coordinator names any municipality by
    name or official code (the page suggests them in a datalist; no script is needed).
    """

    challenge_language = forms.ChoiceField(
        label=_("Language you write the challenge in"), initial="es"
    )
    challenge = _long_text(
        _("Your municipality's gender-equality challenge"),
        required=True,
        help_text=_(
            "In your own words: the problem, whom it affects, and what you would like to "
            "work on with a Swedish partner."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        widget=Checkboxes,
        help_text=_("Choose at least one."),
        error_messages={"required": _("Choose at least one theme.")},
    )
    perspectives = forms.ModelMultipleChoiceField(
        label=_("Cross-cutting perspectives"),
        queryset=Theme.objects.none(),
        widget=Checkboxes,
        required=False,
    )
    local_context = _long_text(
        _("Local context"),
        help_text=_(
            "For example indigenous population, peacebuilding, citizen dialogue, "
            "women's organisations in the municipality."
        ),
    )
    contact_name = _text(_("Name"), required=True, autocomplete="name")
    contact_role = forms.ChoiceField(
        label=_("Role"),
        choices=Person.Role.choices,
        initial=Person.Role.OFFICIAL,
        widget=Radios,
    )
    contact_title = _text(_("Title"), autocomplete="organization-title")
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX,
        help_text=_("Never shown on the site: messages reach the contact person through it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = _text(_("Phone"), max_length=PHONE_MAX, type="tel", autocomplete="tel")
    contact_language = forms.ChoiceField(
        label=_("Language of the e-mail the contact person receives"), initial="es"
    )

    def __init__(self, data=None, *, call, organisations=None, initial=None):
        """`organisations`: the member's own municipalities; None lets a coordinator name any."""
        super().__init__(data, initial=initial)
        self.by_coordinator = organisations is None
        if self.by_coordinator:
            field = forms.CharField(
                label=_("Municipality"),
                help_text=_("Its name or official code (INE in Guatemala, DANE in Colombia)."),
                max_length=SHORT_TEXT_MAX,
                widget=forms.TextInput(attrs={"list": "municipalities", "autocomplete": "off"}),
            )
        else:
            field = forms.ModelChoiceField(
                label=_("Municipality"),
                queryset=organisations,
                empty_label=None,
            )
            field.label_from_instance = lambda o: f"{o.name} — {o.area.name}, {o.country.name}"
        self.fields = {"organisation": field, **self.fields}
        for code, _name in settings.LANGUAGES:
            self.fields[translation_field(code)] = _long_text(TRANSLATION_LABELS[code], lang=code)
        self.fields["challenge_language"].choices = settings.LANGUAGES
        self.fields["contact_language"].choices = settings.LANGUAGES
        themes = call.network.themes.order_by("kind", "position", "slug")
        self.fields["themes"].queryset = themes.filter(kind=Theme.Kind.THEME)
        self.fields["perspectives"].queryset = themes.filter(kind=Theme.Kind.PERSPECTIVE)
        if not self.fields["perspectives"].queryset.exists():
            del self.fields["perspectives"]

    def translation_fields(self):
        return [self[translation_field(code)] for code, _name in settings.LANGUAGES]

    def clean_organisation(self):
        value = self.cleaned_data["organisation"]
        if not self.by_coordinator:
            return value
        matches = find_seeking_organisation(value)
        if not matches:
            raise forms.ValidationError(
                _("No municipality in Guatemala or Colombia has this name or code.")
            )
        if len(matches) > 1:
            raise forms.ValidationError(
                _("Several municipalities have this name: %(choices)s. Give the official code.")
                % {"choices": ", ".join(f"{o.name} ({o.code})" for o in matches)}
            )
        return matches[0]

    def clean(self):
        cleaned = super().clean()
        original = cleaned.get("challenge_language")
        if original and (cleaned.get(translation_field(original)) or "").strip():
            self.add_error(
                translation_field(original),
                _("This is the language of the original: leave it empty here."),
            )
        return cleaned

    def to_input(self) -> ProfileInput:
        data = self.cleaned_data
        original = data["challenge_language"]
        themes = [*data["themes"], *data.get("perspectives", [])]
        return ProfileInput(
            challenge=data["challenge"],
            challenge_language=original,
            theme_ids=[theme.pk for theme in themes],
            contact=ContactInput(
                name=data["contact_name"],
                email=data["contact_email"],
                role=data["contact_role"],
                title=data["contact_title"],
                phone=data["contact_phone"],
                language=data["contact_language"],
            ),
            local_context=data["local_context"],
            translations={
                code: data[translation_field(code)]
                for code, _name in settings.LANGUAGES
                if code != original and data[translation_field(code)].strip()
            },
        )


class ProfileDecisionForm(forms.Form):
    """A coordinator publishes a submitted profile, or refuses it with a reason."""

    APPROVE, REJECT = "approve", "reject"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve and publish")), (REJECT, _("Do not approve"))],
        widget=Radios,
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Needed when the profile is not approved."),
        required=False,
        max_length=LONG_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason for not approving."))
        return cleaned
