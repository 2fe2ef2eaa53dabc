"""Seeking profiles and expressions of interest in the admin.

Coordinators look things up here and move records through their workflow with actions that
call the services, so every step is checked, recorded and mailed as it is from the pages.
Statuses are never edited as fields; expressions of interest are read only, and of a seeking
profile only its texts and themes can be corrected (a translation added, a typo fixed).
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from puentes.core.admin_readonly import ReadOnlyAdminMixin
from puentes.core.forms import TranslatedField, TranslatedTextModelForm, language_field_name

from . import services
from .models import LONG_TEXT_MAX, Interest, InterestContact, SeekingProfile, Transition


def language_fields(map_name: str) -> list[str]:
    return [language_field_name(map_name, code) for code, _name in settings.LANGUAGES]


class ReasonActionForm(ActionForm):
    """The changelist's action bar with a reason, for the steps that need or record one."""

    reason = forms.CharField(label=_("reason"), required=False, max_length=LONG_TEXT_MAX)


class WorkflowActionsMixin:
    """Runs a service on each selected record; a refusal is reported and the others go on."""

    action_form = ReasonActionForm

    def has_workflow_permission(self, request):
        # Actions are allowed to whoever may change the model, even where the change form
        # itself is read only.
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def run_step(self, request, queryset, step, done_message):
        now = timezone.now()
        reason = request.POST.get("reason", "")
        done = 0
        for obj in queryset:
            try:
                step(obj, by=request.user, now=now, reason=reason)
            except services.RecruitmentError as exc:
                self.message_user(request, f"{obj}: {exc.message}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)


class TransitionInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The recorded steps, oldest first: who, when, why."""

    model = Transition
    fields = ["at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class SeekingProfileForm(TranslatedTextModelForm):
    translated_fields = (
        TranslatedField("challenges", _("gender-equality challenge"), multiline=True),
        TranslatedField("local_contexts", _("local context"), multiline=True),
    )

    class Meta:
        model = SeekingProfile
        fields = ["challenge_language", "themes"]

    def clean(self):
        cleaned_data = super().clean()
        language = cleaned_data.get("challenge_language")
        if language and not self.instance.challenges.get(language):
            self.add_error(
                language_field_name("challenges", language),
                _("The challenge needs its text in the language it was written in."),
            )
        for texts in (self.instance.challenges, self.instance.local_contexts):
            if any(len(text) > LONG_TEXT_MAX for text in texts.values()):
                raise forms.ValidationError(
                    _("A text is too long: at most %(limit)d characters.")
                    % {"limit": LONG_TEXT_MAX}
                )
        return cleaned_data


@admin.register(SeekingProfile)
class SeekingProfileAdmin(WorkflowActionsMixin, admin.ModelAdmin):
    list_per_page = 50  # rows with workflow columns: 100 a page weighed over 100 KB (#8)
    form = SeekingProfileForm
    inlines = [TransitionInline]
    list_display = [
        "organisation",
        "country",
        "department",
        "call",
        "status",
        "challenge_language",
        "decided_at",
        "is_demo",
    ]
    list_filter = ["call", "status", "organisation__country", "themes", "is_demo"]
    search_fields = ["organisation__name", "organisation__code"]
    list_select_related = ["organisation__country", "organisation__area", "call"]
    filter_horizontal = ["themes"]
    readonly_fields = [
        "call",
        "organisation",
        "status",
        "contact",
        "submitted_by",
        "decided_by",
        "decided_at",
        "decision_reason",
        "is_demo",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["call", "organisation", "status", "contact"]}),
        (_("Challenge"), {"fields": ["challenge_language", *language_fields("challenges")]}),
        (_("Local context"), {"fields": language_fields("local_contexts")}),
        (_("Themes"), {"fields": ["themes"]}),
        (
            _("Decision"),
            {"fields": ["submitted_by", "decided_by", "decided_at", "decision_reason"]},
        ),
        (None, {"fields": ["is_demo", "created_at", "updated_at"]}),
    ]
    actions = ["approve", "reject", "withdraw", "mark_matched"]

    def has_add_permission(self, request):
        return False  # a profile is submitted through profile_submit, from its form

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw it instead: its history stays

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results = results | queryset.search(search_term)
        return results, may_have_duplicates

    @admin.display(description=_("country"), ordering="organisation__country__code")
    def country(self, obj):
        return obj.organisation.country

    @admin.display(description=_("department"), ordering="organisation__area__name")
    def department(self, obj):
        return obj.organisation.area

    @admin.action(description=_("Approve and publish"), permissions=["workflow"])
    def approve(self, request, queryset):
        def step(profile, *, by, now, reason):
            services.profile_decide(profile=profile, approve=True, reason=reason, by=by, now=now)

        self.run_step(request, queryset, step, self._done(_("published")))

    @admin.action(description=_("Do not approve (give the reason)"), permissions=["workflow"])
    def reject(self, request, queryset):
        def step(profile, *, by, now, reason):
            services.profile_decide(profile=profile, approve=False, reason=reason, by=by, now=now)

        self.run_step(request, queryset, step, self._done(_("not approved")))

    @admin.action(description=_("Withdraw"), permissions=["workflow"])
    def withdraw(self, request, queryset):
        def step(profile, *, by, now, reason):
            services.profile_withdraw(profile=profile, reason=reason, by=by, now=now)

        self.run_step(request, queryset, step, self._done(_("withdrawn")))

    @admin.action(description=_("Mark as matched with a partner"), permissions=["workflow"])
    def mark_matched(self, request, queryset):
        def step(profile, *, by, now, reason):
            services.profile_match(profile=profile, reason=reason, by=by, now=now)

        self.run_step(request, queryset, step, self._done(_("matched")))

    @staticmethod
    def _done(status):
        return lambda count: (
            ngettext(
                "%(count)d partner-seeking municipality: %(status)s.",
                "%(count)d partner-seeking municipalities: %(status)s.",
                count,
            )
            % {"count": count, "status": status}
        )


class InterestContactInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The contact people, in the order the applicant gave them."""

    model = InterestContact
    fields = ["position", "name", "title", "role", "email", "language"]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")

    @admin.display(description=_("name"))
    def name(self, obj):
        return obj.person.name

    @admin.display(description=_("title"))
    def title(self, obj):
        return obj.person.title

    @admin.display(description=_("role"))
    def role(self, obj):
        return obj.person.get_role_display()

    @admin.display(description=_("e-mail address"))
    def email(self, obj):
        return obj.person.email

    @admin.display(description=_("preferred language"))
    def language(self, obj):
        return obj.person.get_preferred_language_display()


@admin.register(Interest)
class InterestAdmin(WorkflowActionsMixin, admin.ModelAdmin):
    list_per_page = 50  # rows with workflow columns: 100 a page weighed over 100 KB (#8)
    inlines = [InterestContactInline, TransitionInline]
    list_display = [
        "organisation",
        "call",
        "status",
        "submitted_at",
        "preferred_country",
        "workshop_commitment",
        "is_demo",
    ]
    list_filter = ["call", "status", "preferred_country", "themes", "is_demo"]
    search_fields = ["organisation__name", "organisation__code"]
    list_select_related = ["organisation", "call"]
    date_hierarchy = "submitted_at"
    fieldsets = [
        (None, {"fields": ["call", "organisation", "status", "submitted_at", "created_by"]}),
        (
            _("Expression of interest"),
            {
                "fields": [
                    "motivation_language",
                    "motivation",
                    "themes",
                    "preferred_country",
                    "preferred_profiles",
                    "workshop_commitment",
                    "consent",
                ]
            },
        ),
        (_("Decision"), {"fields": ["decision_reason"]}),
        (None, {"fields": ["is_demo", "created_at", "updated_at"]}),
    ]
    readonly_fields = [field for fieldset in fieldsets for field in fieldset[1]["fields"]]
    actions = ["start_review", "accept", "waitlist", "decline", "withdraw"]

    def has_add_permission(self, request):
        return False  # an interest is registered through interest_create, from its form

    def has_change_permission(self, request, obj=None):
        return False  # only the applicant edits it; coordinators take steps by actions

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw it instead: its history stays

    @admin.action(description=_("Start the review"), permissions=["workflow"])
    def start_review(self, request, queryset):
        def step(interest, *, by, now, reason):
            services.interest_start_review(interest=interest, by=by, now=now)

        self.run_step(request, queryset, step, self._done(_("in review")))

    def _decide(self, request, queryset, decision):
        def step(interest, *, by, now, reason):
            services.interest_decide(
                interest=interest, decision=decision, reason=reason, by=by, now=now
            )

        label = Interest.Status(decision).label
        self.run_step(request, queryset, step, self._done(label))

    @admin.action(description=_("Accept (the contacts are told)"), permissions=["workflow"])
    def accept(self, request, queryset):
        self._decide(request, queryset, Interest.Status.ACCEPTED)

    @admin.action(description=_("Waitlist (the contacts are told)"), permissions=["workflow"])
    def waitlist(self, request, queryset):
        self._decide(request, queryset, Interest.Status.WAITLISTED)

    @admin.action(
        description=_("Decline with the reason given (the contacts are told)"),
        permissions=["workflow"],
    )
    def decline(self, request, queryset):
        self._decide(request, queryset, Interest.Status.DECLINED)

    @admin.action(description=_("Withdraw on the applicant's behalf"), permissions=["workflow"])
    def withdraw(self, request, queryset):
        def step(interest, *, by, now, reason):
            services.interest_withdraw(interest=interest, reason=reason, by=by, now=now)

        self.run_step(request, queryset, step, self._done(_("withdrawn")))

    @staticmethod
    def _done(status):
        return lambda count: (
            ngettext(
                "%(count)d expression of interest: %(status)s.",
                "%(count)d expressions of interest: %(status)s.",
                count,
            )
            % {"count": count, "status": status}
        )


@admin.register(Transition)
class TransitionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every recorded workflow step, read only: the history is never rewritten."""

    list_display = ["at", "subject", "from_status", "to_status", "by", "reason"]
    list_filter = ["to_status", "interest__call", "seeking_profile__call"]
    search_fields = [
        "interest__organisation__name",
        "interest__organisation__code",
        "seeking_profile__organisation__name",
        "seeking_profile__organisation__code",
    ]
    list_select_related = [
        "by",
        "interest__organisation",
        "interest__call",
        "seeking_profile__organisation",
        "seeking_profile__call",
    ]
    date_hierarchy = "at"
    readonly_fields = [
        "interest",
        "seeking_profile",
        "from_status",
        "to_status",
        "by",
        "at",
        "reason",
    ]
    fields = readonly_fields

    @admin.display(description=_("about"))
    def subject(self, obj):
        return obj.interest or obj.seeking_profile
