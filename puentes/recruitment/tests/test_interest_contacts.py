"""Contact people of an interest: one person record per human, whatever form they came in."""

from puentes.people.models import Person
from puentes.recruitment.services import ContactInput, interest_create, interest_update


def test_a_contact_with_an_account_is_linked_to_their_own_record_and_not_copied(
    member, organisation, call, interest_input, now
):
    member.person.name = "Maja Medlem"
    member.person.title = "Strateg"
    member.person.save()
    myself = ContactInput(name="Someone Else", email=member.email.upper(), role="politician")

    interest = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(contacts=[myself]),
        by=member,
        now=now,
    )

    [contact] = [link.person for link in interest.contacts.all()]
    assert contact == member.person
    contact.refresh_from_db()
    assert (contact.name, contact.title) == ("Maja Medlem", "Strateg")
    assert Person.objects.filter(email__iexact=member.email).count() == 1


def test_renaming_a_contact_without_an_account_updates_their_record(
    member, organisation, call, interest_input, now
):
    anna = ContactInput(name="Anna", email="anna@example.org", role="official")
    interest = interest_create(
        call=call,
        organisation=organisation,
        data=interest_input(contacts=[anna]),
        by=member,
        now=now,
    )

    renamed = ContactInput(name="Anna Lind", email="anna@example.org", role="official")
    interest_update(interest=interest, data=interest_input(contacts=[renamed]), by=member, now=now)

    [person] = [link.person for link in interest.contacts.all()]
    assert person.name == "Anna Lind"
    assert Person.objects.filter(email="anna@example.org").count() == 1
