"""The REST API (/api/v1/, not language-prefixed). Every role calls it with a token of its
own (see request_headers): public reading answers everyone; coordinators' endpoints answer 401
without a valid token and 403 to a token whose user is not a coordinator with TOTP (members
cannot make tokens; theirs here stand for one left from when they were coordinators). The
write endpoints take POST only, so a coordinator's GET is 405. The API has no admin pages of
its own except the tokens."""

from tests.access.policy import FORBIDDEN, MANAGES, NOT_ALLOWED, NOT_FOUND, OK, PUBLIC, policy

UNAUTHORIZED = 401
COORDINATOR_TOKEN = policy(
    UNAUTHORIZED, FORBIDDEN, coordinator=OK, coordinator_without_totp=FORBIDDEN
)
COORDINATOR_POST = {**COORDINATOR_TOKEN, "coordinator": NOT_ALLOWED}

EXPECTED = {
    "api:schema": PUBLIC,
    "api:docs": PUBLIC,
    "api:not_found": policy(NOT_FOUND, NOT_FOUND),
    "api:network_list": PUBLIC,
    "api:network_detail": PUBLIC,
    "api:call_list": PUBLIC,
    "api:call_detail": PUBLIC,
    "api:seeking_profile_list": PUBLIC,
    "api:seeking_profile_detail": PUBLIC,
    "api:partnership_list": PUBLIC,
    "api:partnership_detail": PUBLIC,
    "api:workshop_list": PUBLIC,
    "api:workshop_detail": PUBLIC,
    "api:interest_list": COORDINATOR_TOKEN,
    "api:interest_detail": COORDINATOR_TOKEN,
    "api:interest_review": COORDINATOR_POST,
    "api:interest_decision": COORDINATOR_POST,
    "api:registration_list": COORDINATOR_TOKEN,
    "api:registration_detail": COORDINATOR_TOKEN,
    "api:registration_mark": COORDINATOR_POST,
    "api:registration_cancel": COORDINATOR_POST,
    "api:indicator_value_list": COORDINATOR_TOKEN,
    "api:indicator_value_detail": COORDINATOR_TOKEN,
}

ADMIN_APPS = {"api": MANAGES}

EXAMPLE_KWARGS = {
    "api:network_detail": lambda w: {"slug": w.network.slug},
    "api:call_detail": lambda w: {"pk": w.api_call.pk},
    "api:seeking_profile_detail": lambda w: {"pk": w.api_profile.pk},
    "api:partnership_detail": lambda w: {"pk": w.api_partnership.pk},
    "api:workshop_detail": lambda w: {"pk": w.api_registration.workshop_id},
    "api:interest_detail": lambda w: {"pk": w.api_interest.pk},
    "api:interest_review": lambda w: {"pk": w.api_interest.pk},
    "api:interest_decision": lambda w: {"pk": w.api_interest.pk},
    "api:registration_detail": lambda w: {"pk": w.api_registration.pk},
    "api:registration_mark": lambda w: {"pk": w.api_registration.pk},
    "api:registration_cancel": lambda w: {"pk": w.api_registration.pk},
    "api:indicator_value_detail": lambda w: {"pk": w.api_value.pk},
}


def populate(world):
    import secrets

    from puentes.api.models import ApiToken, token_digest
    from puentes.networks.tests.factories import CallFactory, ReportingPeriodFactory
    from puentes.partnerships.tests.factories import PartnershipFactory
    from puentes.plans.tests.factories import IndicatorFactory, IndicatorValueFactory
    from puentes.recruitment.models import Interest
    from puentes.recruitment.tests.factories import InterestFactory, SeekingProfileFactory
    from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory

    # A call of the API's own, so its records do not collide with other areas' in world.call.
    world.api_call = call = CallFactory(network=world.network, slug="api-call")
    world.api_profile = SeekingProfileFactory(call=call, organisation=world.organisation_b)
    world.api_interest = InterestFactory(
        call=call, organisation=world.organisation_a, status=Interest.Status.SUBMITTED
    )
    world.api_partnership = PartnershipFactory(
        call=call,
        swedish_organisation=world.organisation_a,
        latin_organisation=world.organisation_b,
    )
    world.api_registration = RegistrationFactory(workshop=WorkshopFactory(call=call))
    world.api_value = IndicatorValueFactory(
        indicator=IndicatorFactory(outcome__plan__partnership=world.api_partnership),
        period=ReportingPeriodFactory(call=call),
    )
    world.api_tokens = {}
    for role, user in world.users.items():
        secret = secrets.token_urlsafe(32)
        ApiToken.objects.create(
            user=user, name=role, prefix=secret[:8], digest=token_digest(secret)
        )
        world.api_tokens[role] = secret


def request_headers(role, world) -> dict:
    """Each role's requests carry its API token; pages other than the API ignore it."""
    secret = world.api_tokens.get(role)
    return {"Authorization": f"Bearer {secret}"} if secret else {}
