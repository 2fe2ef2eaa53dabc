from .models import Membership, NetworkRole, Person


def person_overview(user):
    """The signed-in user's person record, memberships and roles, in three queries."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        return None, [], []
    memberships = list(
        Membership.objects.filter(person=person).select_related(
            "organisation__country", "organisation__area"
        )
    )
    roles = list(NetworkRole.objects.filter(person=person).select_related("network"))
    return person, memberships, roles
