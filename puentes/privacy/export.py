"""What the person's data download contains: one source per way a record points at a person.

Each `Source` names the records (a model and how it points at the person or their account),
the fields that are shown, and the references to Person/User it covers. The completeness test
(tests/test_export_completeness.py) fails when a model points at Person or User through a
field no source covers, so a new model cannot be left out of the download by mistake.

Fields are an allow-list: secrets (password hashes, TOTP secrets, API token digests, calendar
feed tokens) are never listed. Records written about someone else (a registration made for a
colleague, a visa letter requested for them) show what the person did, not the other
person's personal data.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

PERSON, USER = "person", "user"


@dataclass(frozen=True)
class Source:
    """One section of the download: the records of `model` that point at the person."""

    key: str
    title: str
    model: str
    # Lookups that point at the person (`PERSON`) or at their account (`USER`); records
    # matching any of them are listed.
    via: tuple[tuple[str, str], ...]
    fields: tuple[str, ...]
    # "app_label.Model.field" references to Person/User that this source covers, beyond `via`.
    also_covers: tuple[str, ...] = field(default=())

    def covers(self) -> set[str]:
        direct = {f"{self.model}.{lookup}" for lookup, _owner in self.via if "__" not in lookup}
        return direct | set(self.also_covers)


PLAN_FIELDS = ("id", "version", "updated_at")

SOURCES: tuple[Source, ...] = (
    Source(
        "person",
        _("About you"),
        "people.Person",
        (("pk", PERSON),),
        (
            "name",
            "email",
            "phone",
            "role",
            "title",
            "languages",
            "preferred_language",
            "gender",
            "gender_consent_at",
            "is_demo",
            "created_at",
            "updated_at",
        ),
    ),
    Source(
        "account",
        _("Your account"),
        "people.User",
        (("pk", USER),),
        ("email", "is_active", "date_joined", "last_login"),
        also_covers=("people.Person.user",),
    ),
    Source(
        "email_addresses",
        _("E-mail addresses of your account"),
        "account.EmailAddress",
        (("user", USER),),
        ("email", "verified", "primary"),
    ),
    Source(
        "authenticators",
        _("Two-factor authentication"),
        "mfa.Authenticator",
        (("user", USER),),
        ("type", "created_at", "last_used_at"),
    ),
    Source(
        "api_tokens",
        _("API tokens"),
        "api.ApiToken",
        (("user", USER),),
        ("name", "created_at", "last_used_at"),
    ),
    Source(
        "memberships",
        _("Your organisations"),
        "people.Membership",
        (("person", PERSON),),
        ("organisation.name", "position", "created_at"),
    ),
    Source(
        "network_roles",
        _("Your roles in networks"),
        "people.NetworkRole",
        (("person", PERSON),),
        ("network.names", "role", "created_at"),
    ),
    Source(
        "consents",
        _("Your consents to the privacy notice"),
        "people.Consent",
        (("person", PERSON),),
        ("notice.version", "language", "given_at", "withdrawn_at"),
    ),
    Source(
        "interests",
        _("Expressions of interest you submitted"),
        "recruitment.Interest",
        (("created_by", USER),),
        (
            "id",
            "call.titles",
            "organisation.name",
            "status",
            "motivation",
            "motivation_language",
            "preferred_country",
            "workshop_commitment",
            "submitted_at",
            "decision_reason",
        ),
    ),
    Source(
        "interest_contacts",
        _("Expressions of interest naming you as contact"),
        "recruitment.InterestContact",
        (("person", PERSON),),
        ("interest_id", "interest.organisation.name", "interest.status", "position"),
    ),
    Source(
        "interest_decisions",
        _("Changes of status you made to interests and profiles"),
        "recruitment.Transition",
        (("by", USER),),
        ("interest_id", "seeking_profile_id", "from_status", "to_status", "at", "reason"),
    ),
    Source(
        "seeking_profiles",
        _("Partner-seeking profiles you are contact for, submitted or decided"),
        "recruitment.SeekingProfile",
        (("contact", PERSON), ("submitted_by", USER), ("decided_by", USER)),
        ("id", "organisation.name", "status", "decided_at", "decision_reason"),
    ),
    Source(
        "match_constraints",
        _("Matching constraints you set"),
        "matching.MatchConstraint",
        (("created_by", USER),),
        ("kind", "interest_id", "seeking_profile_id", "created_at"),
    ),
    Source(
        "partnership_memberships",
        _("Your partnerships"),
        "partnerships.PartnershipMember",
        (("person", PERSON),),
        (
            "partnership_id",
            "partnership.swedish_organisation.name",
            "partnership.latin_organisation.name",
            "side",
            "invited_at",
            "joined_at",
        ),
    ),
    Source(
        "partnerships",
        _("Partnerships you mentor, confirmed or whose statement you saved"),
        "partnerships.Partnership",
        (("mentor", PERSON), ("statement_updated_by", USER), ("confirmed_by", USER)),
        (
            "id",
            "swedish_organisation.name",
            "latin_organisation.name",
            "phase",
            "statement_updated_at",
            "confirmed_at",
        ),
    ),
    Source(
        "comments",
        _("Comments you wrote"),
        "partnerships.Comment",
        (("author", USER),),
        ("partnership_id", "author_role", "body", "language", "created_at"),
    ),
    Source(
        "plans", _("Plans you last changed"), "plans.Plan", (("updated_by", USER),), PLAN_FIELDS
    ),
    Source(
        "outcomes",
        _("Plan outcomes you last changed"),
        "plans.Outcome",
        (("updated_by", USER),),
        PLAN_FIELDS,
    ),
    Source(
        "outputs",
        _("Plan outputs you last changed"),
        "plans.Output",
        (("updated_by", USER),),
        PLAN_FIELDS,
    ),
    Source(
        "activities",
        _("Plan activities you last changed"),
        "plans.Activity",
        (("updated_by", USER),),
        PLAN_FIELDS,
    ),
    Source(
        "indicators",
        _("Indicators you last changed"),
        "plans.Indicator",
        (("updated_by", USER),),
        PLAN_FIELDS,
    ),
    Source(
        "indicator_values",
        _("Indicator values you last changed"),
        "plans.IndicatorValue",
        (("updated_by", USER),),
        PLAN_FIELDS,
    ),
    Source(
        "assumptions",
        _("Plan assumptions you last changed"),
        "plans.Assumption",
        (("updated_by", USER),),
        PLAN_FIELDS,
    ),
    Source(
        "progress_reports",
        _("Progress reports whose text you saved"),
        "reports.ProgressReport",
        (("text_saved_by", USER),),
        ("id", "partnership_id", "status", "text_saved_at", "submitted_at"),
    ),
    Source(
        "report_sign_offs",
        _("Progress reports you signed off"),
        "reports.ReportSignOff",
        (("signed_by", USER),),
        ("report_id", "side", "version", "signed_at"),
    ),
    Source(
        "documents",
        _("Documents you uploaded"),
        "documents.Document",
        (("uploaded_by", USER),),
        ("partnership_id", "original_name", "content_type", "size", "uploaded_at"),
    ),
    Source(
        "working_hours",
        _("Your working hours"),
        "meetings.WorkingHours",
        (("person", PERSON),),
        ("time_zone", "day_start", "day_end"),
    ),
    Source(
        "meetings_invited",
        _("Meetings you were invited to"),
        "meetings.MeetingInvitee",
        (("person", PERSON),),
        ("meeting.title", "meeting.start_at", "meeting.end_at", "time_zone", "language"),
    ),
    Source(
        "meetings_sent",
        _("Meeting invitations you sent"),
        "meetings.Meeting",
        (("sent_by", USER),),
        ("title", "start_at", "end_at", "sent_at"),
    ),
    Source(
        "registrations",
        _("Your workshop registrations"),
        "workshops.Registration",
        (("person", PERSON),),
        (
            "workshop.titles",
            "organisation.name",
            "status",
            "registered_at",
            "arrival_date",
            "departure_date",
            "needs_visa_letter",
            "dietary_needs",
            "accessibility_needs",
            "interpretation_language",
        ),
    ),
    Source(
        "registrations_made",
        _("Workshop registrations you made"),
        "workshops.Registration",
        (("registered_by", USER),),
        ("workshop.titles", "status", "registered_at"),
    ),
    Source(
        "visa_letters",
        _("Your visa letters"),
        "workshops.VisaLetter",
        (("registration__person", PERSON),),
        (
            "registration.workshop.titles",
            "second_language",
            "passport_name",
            "nationality",
            "date_of_birth",
            "passport_number",
            "passport_expires_on",
            "requested_at",
            "erased_at",
        ),
    ),
    Source(
        "visa_letters_requested",
        _("Visa letters you requested"),
        "workshops.VisaLetter",
        (("requested_by", USER),),
        ("registration.workshop.titles", "requested_at"),
    ),
    Source(
        "calendar_feed",
        _("Your private calendar address"),
        "workshops.CalendarFeed",
        (("person", PERSON),),
        ("created_at",),
    ),
    Source(
        "audit_by_you",
        _("What you did, as the audit trail records it"),
        "core.AuditEntry",
        (("actor", USER),),
        ("action", "at", "data"),
    ),
    Source(
        "admin_log",
        _("Your changes in the administration"),
        "admin.LogEntry",
        (("user", USER),),
        ("action_time", "content_type.model", "object_repr", "action_flag", "change_message"),
    ),
    Source(
        "erasure",
        _("Erasure of your data"),
        "privacy.Erasure",
        (("person", PERSON),),
        ("reason", "erased_at"),
    ),
    Source(
        "erasures_done",
        _("Erasures you carried out"),
        "privacy.Erasure",
        (("by", USER),),
        ("person_pk", "reason", "erased_at"),
    ),
)
