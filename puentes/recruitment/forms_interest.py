"""The expression of interest form: the organisation, its contact people, themes, motivation,
preferences, the workshop commitment and consent.

Saving a draft asks only for the organisation and well-formed answers; submitting also asks
for everything submission needs (the service checks the same again). Contact people are a
formset whose rows are added and removed with submit buttons, so it works without
JavaScript.
"""

from django import forms
from django.conf import settings
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from puentes.people.models import Person

from .models import LONG_TEXT_MAX, Interest
from .selectors_interest import find_organisation, interest_contacts, organisation_label
from .services import (
    MAX_PREFERRED_PROFILES,
    PHONE_MAX,
    SHORT_TEXT_MAX,
    ContactInput,
    InterestInput,
)

MAX_CONTACTS = 10
CONTACTS_PREFIX = "contacts"
ORGANISATION_OPTIONS_ID = "organisation-options"


class Checkboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose group id is the first box's, so an error summary can link to it
    (Django gives a group of boxes no id of its own)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class Radios(forms.RadioSelect):
    """Radio buttons, linked from an error summary like Checkboxes."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class InterestForm(forms.Form):
    organisation = forms.CharField(
        label=_("Municipality or region"),
        max_length=300,
        help_text=_(
            "Type the name or the official code and choose from the list, e.g. “Malmö” or “1280”."
        ),
        error_messages={"required": _("Choose your municipality or region.")},
        widget=forms.TextInput(attrs={"list": ORGANISATION_OPTIONS_ID, "autocomplete": "off"}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=Checkboxes,
        help_text=_("Choose at least one theme your municipality or region wants to work on."),
        error_messages={"required": _("Choose at least one theme.")},
    )
    perspectives = forms.MultipleChoiceField(
        label=_("Cross-cutting perspectives (optional)"),
        required=False,
        widget=Checkboxes,
    )
    motivation = forms.CharField(
        label=_("Motivation"),
        required=False,
        max_length=LONG_TEXT_MAX,
        help_text=_(
            "Why does your organisation want to take part, and what would it bring? "
            "At most 5,000 characters."
        ),
        error_messages={"required": _("Write your motivation.")},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    motivation_language = forms.ChoiceField(
        label=_("Language of the motivation"), choices=settings.LANGUAGES
    )
    preferred_country = forms.ChoiceField(
        label=_("Preferred country"),
        required=False,
        choices=[
            (Interest.PreferredCountry.GUATEMALA, _("Guatemala")),
            (Interest.PreferredCountry.COLOMBIA, _("Colombia")),
            (Interest.PreferredCountry.EITHER, _("Either")),
        ],
        initial=Interest.PreferredCountry.EITHER,
        widget=Radios,
    )
    preferred_profiles = forms.MultipleChoiceField(
        label=_("Preferred municipalities (optional)"),
        required=False,
        help_text=_("Choose up to three of the municipalities that seek a partner in this call."),
        widget=Checkboxes,
    )
    workshop_commitment = forms.BooleanField(
        required=False,
        error_messages={
            "required": _("Confirm that your team can take part in the call's workshops.")
        },
    )
    consent = forms.BooleanField(
        required=False,
        error_messages={"required": _("Consent to the privacy notice to submit.")},
    )
    consent_notice_version = forms.CharField(
        required=False, max_length=20, widget=forms.HiddenInput
    )

    def __init__(
        self,
        *args,
        call,
        themes,
        perspectives,
        catalogue,
        notice,
        organisations=None,
        consent_given=False,
        strict=False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.organisations = organisations
        if organisations is None:  # an existing interest keeps its organisation
            del self.fields["organisation"]
        self.fields["themes"].choices = [(str(t.pk), t.name) for t in themes]
        self.fields["perspectives"].choices = [(str(t.pk), t.name) for t in perspectives]
        if not perspectives:
            del self.fields["perspectives"]
        self.fields["preferred_profiles"].choices = [
            (str(p.pk), _profile_label(p)) for p in catalogue
        ]
        if not catalogue:
            del self.fields["preferred_profiles"]
        self.fields["workshop_commitment"].label = workshop_rule_label(call)
        self.notice = notice
        self.consent_given = consent_given
        if consent_given:
            del self.fields["consent"]
        else:
            self.fields["consent"].label = consent_label(notice)
            self.initial.setdefault("consent_notice_version", notice.version if notice else "")
        if strict:
            for name in ("themes", "motivation", "workshop_commitment", "consent"):
                if name in self.fields:
                    self.fields[name].required = True

    def organisation_options(self):
        return [organisation_label(o) for o in self.organisations or ()]

    def clean_organisation(self):
        text = self.cleaned_data["organisation"]
        organisation = find_organisation(text, self.organisations or [])
        if organisation is None:
            raise forms.ValidationError(
                _(
                    "“%(text)s” is not a Swedish municipality or region that can join. Type "
                    "its name or official code and choose it from the list."
                ),
                params={"text": text},
                code="unknown",
            )
        return organisation

    def clean_preferred_profiles(self):
        chosen = self.cleaned_data["preferred_profiles"]
        if len(chosen) > MAX_PREFERRED_PROFILES:
            raise forms.ValidationError(
                _("Choose at most three preferred municipalities."), code="too_many"
            )
        return chosen

    def interest_input(self, contacts: list[ContactInput], language: str) -> InterestInput:
        data = self.cleaned_data
        theme_ids = [*data.get("themes", []), *data.get("perspectives", [])]
        return InterestInput(
            contacts=contacts,
            theme_ids=[int(pk) for pk in theme_ids],
            motivation=data.get("motivation", ""),
            motivation_language=data["motivation_language"],
            preferred_country=data.get("preferred_country", ""),
            preferred_profile_ids=[int(pk) for pk in data.get("preferred_profiles", [])],
            workshop_commitment=data.get("workshop_commitment", False),
            consent_given=data.get("consent", False),
            consent_language=language,
            consent_notice_version=data.get("consent_notice_version", ""),
        )


def _profile_label(profile) -> str:
    organisation = profile.organisation
    return f"{organisation.name}, {organisation.area.name} ({organisation.country.name})"


def workshop_rule_label(call) -> str:
    """The commitment in the words of the call's participation rule."""
    return ngettext(
        "Our team can take part in at least %(latin_america)d workshop in Latin America and "
        "%(sweden)d in Sweden during %(year)d.",
        "Our team can take part in at least %(latin_america)d workshops in Latin America and "
        "%(sweden)d in Sweden during %(year)d.",
        call.rule_min_latin_america,
    ) % {
        "latin_america": call.rule_min_latin_america,
        "sweden": call.rule_min_sweden,
        "year": call.rule_year,
    }


def consent_label(notice) -> str:
    if notice is None:
        return str(_("I consent to the privacy notice."))
    return str(
        _(
            "I have read the privacy notice (version %(version)s) and consent to the processing "
            "of the personal data in this form as it describes."
        )
        % {"version": notice.version}
    )


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=SHORT_TEXT_MAX)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Person.Role.OFFICIAL, _("Official")),
            (Person.Role.POLITICIAN, _("Elected politician")),
        ],
        widget=Radios,
        error_messages={"required": _("Say whether this person is an official or a politician.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=SHORT_TEXT_MAX,
        help_text=_("E.g. gender-equality strategist, municipal councillor."),
    )
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(
        label=_("Phone (optional)"),
        max_length=PHONE_MAX,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Language for e-mail"), choices=settings.LANGUAGES, initial="sv"
    )

    def has_changed(self):
        """A row counts as filled when anything but its language (a select, always sent)
        is given; a blank row is skipped."""
        return any(name != "language" for name in self.changed_data)

    def contact_input(self) -> ContactInput:
        data = self.cleaned_data
        return ContactInput(
            name=data["name"],
            email=data["email"],
            role=data["role"],
            title=data["title"],
            phone=data["phone"],
            language=data["language"],
        )


class BaseContactFormSet(BaseFormSet):
    """Contact people; a row left blank is skipped, so "Add another" never forces a row."""

    def __init__(self, *args, strict=False, **kwargs):
        self.strict = strict
        super().__init__(*args, prefix=CONTACTS_PREFIX, **kwargs)

    def initial_form_count(self):
        # Every posted row counts as new, so that a blank row is optional (empty_permitted).
        return 0 if self.is_bound else super().initial_form_count()

    def filled_forms(self):
        return [form for form in self.forms if form.has_changed()]

    def clean(self):
        if any(self.errors):
            return
        emails = [form.cleaned_data["email"].lower() for form in self.filled_forms()]
        if len(set(emails)) != len(emails):
            raise forms.ValidationError(
                _("Each contact person needs an e-mail address of their own.")
            )
        if self.strict and not emails:
            raise forms.ValidationError(_("Give at least one contact person."))

    def contact_inputs(self) -> list[ContactInput]:
        return [form.contact_input() for form in self.filled_forms()]


ContactFormSet = formset_factory(
    ContactForm,
    formset=BaseContactFormSet,
    extra=0,
    max_num=MAX_CONTACTS,
    validate_max=True,
    absolute_max=MAX_CONTACTS,
)

CONTACT_FIELDS = tuple(ContactForm.base_fields)


def posted_contact_rows(data) -> list[dict]:
    """The contact rows as posted, for re-showing them with one row more or less."""
    try:
        total = int(data.get(f"{CONTACTS_PREFIX}-TOTAL_FORMS", 0))
    except ValueError:
        total = 0
    return [
        {name: data.get(f"{CONTACTS_PREFIX}-{i}-{name}", "") for name in CONTACT_FIELDS}
        for i in range(min(max(total, 0), MAX_CONTACTS))
    ]


def posted_values(form: forms.Form, data) -> dict:
    """What was posted for each field of `form`, as initial values to show again."""
    return {
        name: field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        for name, field in form.fields.items()
    }


def interest_initial(interest) -> dict:
    """The form's answers as an interest holds them, to continue or change it."""
    theme_ids = {str(theme.pk) for theme in interest.themes.all()}
    return {
        "themes": list(theme_ids),
        "perspectives": list(theme_ids),
        "motivation": interest.motivation,
        "motivation_language": interest.motivation_language,
        "preferred_country": interest.preferred_country,
        "preferred_profiles": [
            str(pk) for pk in interest.preferred_profiles.values_list("pk", flat=True)
        ],
        "workshop_commitment": interest.workshop_commitment,
    }


def interest_contact_rows(interest) -> list[dict]:
    return [
        {
            "name": person.name,
            "role": person.role,
            "title": person.title,
            "email": person.email,
            "phone": person.phone,
            "language": person.preferred_language,
        }
        for person in interest_contacts(interest)
    ]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you withdraw? (optional)"),
        required=False,
        max_length=LONG_TEXT_MAX,
        help_text=_("The network's secretariat reads this. At most 5,000 characters."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
