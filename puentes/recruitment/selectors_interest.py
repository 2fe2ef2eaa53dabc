"""Reads for the expression of interest pages: who may see which interest, and the lists and
choices the pages show.

The access rule for an interest, written once and used by every view: its creator, the
members of its organisation and the coordinators see it; anyone else is told it does not
exist (404), so another municipality's draft is never revealed.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from puentes.networks.models import Call, Theme
from puentes.networks.selectors import themes_in_order
from puentes.people.access import acts_as_coordinator
from puentes.people.models import Membership, NetworkRole, PrivacyNotice
from puentes.places.models import Organisation

from .models import Interest, SeekingProfile
from .search import fold


def _is_member_of_organisation(user):
    return Exists(
        Membership.objects.filter(organisation=OuterRef("organisation"), person__user=user)
    )


def interests_of(user):
    """The user's own interests: created by them or of an organisation they are a member of."""
    return Interest.objects.filter(Q(created_by=user) | _is_member_of_organisation(user))


def interests_visible_to(user):
    """Every interest the user may see: their own, or all of them for a coordinator."""
    if not user.is_authenticated:
        return Interest.objects.none()
    if acts_as_coordinator(user):
        return Interest.objects.all()
    return interests_of(user)


def interest_for(user, pk) -> Interest:
    """The interest `pk` if `user` may see it, with what its pages show; raises
    Interest.DoesNotExist otherwise, which the views answer with 404 (never 403)."""
    return (
        interests_visible_to(user)
        .select_related("call__network", "organisation", "partnership__latin_organisation")
        .get(pk=pk)
    )


def can_see_interest(user, interest: Interest) -> bool:
    return interests_visible_to(user).filter(pk=interest.pk).exists()


def my_interests(user):
    """The user's interests for the list page, with the call, organisation and, once matched,
    the partnership (one query)."""
    return interests_of(user).select_related(
        "call__network", "organisation", "partnership__latin_organisation"
    )


def swedish_organisations() -> list[Organisation]:
    """The municipalities and regions that may register their interest, by name."""
    return list(
        Organisation.objects.joinable()
        .filter(country__code="SE")
        .only("pk", "name", "code", "other_names", "kind")
        .order_by("name")
    )


def organisation_label(organisation: Organisation) -> str:
    return f"{organisation.name} ({organisation.code})"


def find_organisation(text: str, organisations: list[Organisation]) -> Organisation | None:
    """The organisation `text` names: "Name (code)" as the list offers it, the official code,
    or the name or another official name, with accents and case ignored ("malmo" finds
    Malmö). A name and a code that name two different organisations find nothing."""
    text = " ".join(text.split())
    name, code = text, ""
    if text.endswith(")") and "(" in text:
        name, code = text[: text.rindex("(")].strip(), text[text.rindex("(") + 1 : -1].strip()
    by_code = {organisation.code: organisation for organisation in organisations}
    if not code and text in by_code:
        return by_code[text]
    wanted = fold(name)
    if code:
        organisation = by_code.get(code)
        if organisation is not None and (not wanted or _is_named(organisation, wanted)):
            return organisation
        return None
    return next((o for o in organisations if _is_named(o, wanted)), None) if wanted else None


def _is_named(organisation: Organisation, folded_name: str) -> bool:
    names = [organisation.name, *organisation.other_names.split(";")]
    return any(fold(name) == folded_name for name in names if name.strip())


def user_swedish_organisations(user) -> list[Organisation]:
    if not user.is_authenticated:
        return []
    return list(
        Organisation.objects.joinable().filter(country__code="SE", memberships__person__user=user)
    )


def call_themes(call: Call) -> tuple[list[Theme], list[Theme]]:
    """The call's network's (themes, perspectives), in their order (one query)."""
    themes = themes_in_order(call.network)
    return (
        [theme for theme in themes if theme.kind == Theme.Kind.THEME],
        [theme for theme in themes if theme.kind == Theme.Kind.PERSPECTIVE],
    )


def call_catalogue(call: Call) -> list[SeekingProfile]:
    """The call's published seeking profiles, for choosing preferred municipalities."""
    return list(
        SeekingProfile.objects.published()
        .filter(call=call)
        .select_related("organisation__area", "organisation__country")
        .order_by("organisation__country__code", "organisation__name")
    )


def published_privacy_notices(now) -> list[PrivacyNotice]:
    """Every published version of the privacy notice, newest first."""
    return list(PrivacyNotice.objects.filter(published_at__lte=now).order_by("-published_at"))


def latest_privacy_notice(now) -> PrivacyNotice | None:
    return PrivacyNotice.objects.filter(published_at__lte=now).order_by("-published_at").first()


def active_interest_in(call: Call, organisation: Organisation) -> Interest | None:
    return Interest.objects.active().filter(call=call, organisation=organisation).first()


def interest_history(interest: Interest, viewer) -> list:
    """The interest's recorded steps, oldest first, each with `who`: "you", the person's
    name, or "the secretariat" for a coordinator (whose identity applicants need not see)."""
    steps = list(
        interest.transitions.select_related("by__person").annotate(
            by_coordinator=Exists(
                NetworkRole.objects.filter(
                    person__user=OuterRef("by"), role=NetworkRole.Role.COORDINATOR
                )
            )
        )
    )
    for step in steps:
        step.to_label = Interest.Status(step.to_status).label
        step.from_label = Interest.Status(step.from_status).label if step.from_status else ""
        step.who = _who(step, viewer)
    return steps


def _who(step, viewer) -> str:
    if step.by_id is None:
        return ""
    if step.by_id == viewer.pk:
        return str(_("you"))
    if step.by_coordinator:
        return str(_("the secretariat"))
    person = getattr(step.by, "person", None)
    return person.name if person else step.by.email


def interest_contacts(interest: Interest):
    return [link.person for link in interest.contacts.select_related("person")]
