"""Visa invitation letters: who may ask, the PDF (its text read back), the page, and the
retention job that erases passport data and nothing else."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from puentes.core.models import AuditEntry
from puentes.people.tests.factories import PersonFactory, reference_country
from puentes.privacy.models import RetentionPolicy
from puentes.workshops import visa
from puentes.workshops.letters import visa_letter_pdf
from puentes.workshops.models import Registration, VisaLetter, Workshop

from .factories import RegistrationFactory, WorkshopFactory

Status = Registration.Status
STOCKHOLM = datetime.UTC  # instants below are written in UTC

PASSPORT = {
    "second_language": "es",
    "passport_name": "María José Tzul Pérez",
    "nationality": "guatemalteca",
    "date_of_birth": datetime.date(1984, 5, 17),
    "passport_number": "G12345678",
    "passport_expires_on": datetime.date(2031, 1, 31),
}


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"workshops:{name}", kwargs=kwargs)


def swedish_workshop(call, *, start, days=3, **fields):
    return WorkshopFactory(
        call=call,
        city="Stockholm",
        country=reference_country("SE"),
        time_zone="Europe/Stockholm",
        start_at=start,
        end_at=start + datetime.timedelta(days=days),
        registration_opens_at=start - datetime.timedelta(days=90),
        registration_closes_at=start - datetime.timedelta(days=10),
        titles={"sv": "Workshop i Stockholm", "es": "Taller en Estocolmo", "en": "Stockholm"},
        **fields,
    )


@pytest.fixture
def coming(partnership):
    start = (timezone.now() + datetime.timedelta(days=60)).replace(microsecond=0)
    return swedish_workshop(partnership.call, start=start)


@pytest.fixture
def place(coming, latin_member, partnership):
    return RegistrationFactory(
        workshop=coming,
        person=latin_member,
        partnership=partnership,
        organisation=partnership.latin_organisation,
        arrival_date=coming.start_at.date() - datetime.timedelta(days=1),
        departure_date=coming.end_at.date() + datetime.timedelta(days=1),
    )


# --- Who may ask --------------------------------------------------------------------------


def test_saving_the_passport_data_marks_the_registration_and_audits_without_the_data(
    place, latin_member
):
    now = timezone.now()
    letter = visa.visa_letter_save(registration=place, data=PASSPORT, by=latin_member.user, now=now)

    place.refresh_from_db()
    assert place.needs_visa_letter
    assert letter.passport_number == "G12345678" and letter.requested_at == now
    entries = AuditEntry.objects.filter(action="workshops.visa_letter_requested")
    assert entries.count() == 2  # the workshop's timeline and the partnership's
    for entry in entries:
        assert "G12345678" not in str(entry.data) and "1984" not in str(entry.data)

    visa.visa_letter_save(
        registration=place,
        data={**PASSPORT, "passport_number": "G87654321"},
        by=latin_member.user,
        now=now,
    )
    assert VisaLetter.objects.get().passport_number == "G87654321"
    assert AuditEntry.objects.filter(action="workshops.visa_letter_changed").count() == 2


@pytest.mark.parametrize(
    "change",
    ["in_bogota", "waitlisted", "cancelled_registration", "cancelled_workshop", "over"],
)
def test_no_letter_outside_sweden_without_a_place_or_after_the_end(place, latin_member, change):
    workshop = place.workshop
    if change == "in_bogota":
        workshop.city, workshop.country = "Bogotá", reference_country("CO")
        workshop.time_zone = "America/Bogota"
        workshop.save()
    elif change == "waitlisted":
        place.status = Status.WAITLISTED
        place.save()
    elif change == "cancelled_registration":
        place.status = Status.CANCELLED
        place.save()
    elif change == "cancelled_workshop":
        workshop.state = Workshop.State.CANCELLED
        workshop.save()
    now = workshop.end_at + datetime.timedelta(minutes=1) if change == "over" else timezone.now()

    with pytest.raises(visa.NoVisaLetter):
        visa.visa_letter_save(registration=place, data=PASSPORT, by=latin_member.user, now=now)
    assert not VisaLetter.objects.exists()
    place.refresh_from_db()
    assert not place.needs_visa_letter


# --- The PDF ------------------------------------------------------------------------------


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("es", ["Carta de invitación", "Taller en Estocolmo", "Número de pasaporte"]),
        ("sv", ["Inbjudan", "Workshop i Stockholm", "Passnummer"]),
    ],
)
def test_the_letter_is_in_english_then_the_chosen_language_filled_from_the_registration(
    place, latin_member, partnership, language, words
):
    letter = visa.visa_letter_save(
        registration=place,
        data={**PASSPORT, "second_language": language},
        by=latin_member.user,
        now=timezone.now(),
    )

    pages = pdf_text(visa_letter_pdf(letter, today=datetime.date(2026, 11, 28)))

    english = next(i for i, text in enumerate(pages) if "Letter of invitation" in text)
    second = next(i for i, text in enumerate(pages) if words[0] in text)
    assert english < second
    for text in (pages[english], "\n".join(pages[second:])):
        flat = " ".join(text.split())
        assert "María José Tzul Pérez" in flat
        assert "G12345678" in flat
        assert "Stockholm" in flat
        assert partnership.swedish_organisation.name in flat
        assert partnership.latin_organisation.name in flat
        assert f"PUENTES-{place.workshop_id}-{place.pk}" in flat
    assert "Stockholm" in pages[english] and "May 17, 1984" in " ".join(pages[english].split())
    for word in words[1:]:
        assert word in " ".join("\n".join(pages[second:]).split())


# --- The page -----------------------------------------------------------------------------


def form_data(**changes):
    data = {**PASSPORT, **changes}
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in data.items()
    }


def test_the_person_gives_the_data_and_downloads_the_letter(client, place, latin_member):
    client.force_login(latin_member.user)
    page = client.get(url("visa_letter", "es", pk=place.pk))
    assert page.status_code == 200
    assert 'name="passport_number"' in page.content.decode()
    assert "visa-letter-download" not in page.content.decode()

    response = client.post(url("visa_letter", "es", pk=place.pk), form_data())
    assert response.status_code == 302

    page = client.get(url("visa_letter", "es", pk=place.pk)).content.decode()
    assert "visa-letter-download" in page and "G12345678" in page
    pdf = client.get(url("visa_letter_download", "es", pk=place.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "no-store"
    assert pdf["X-Content-Type-Options"] == "nosniff"
    assert pdf["Content-Disposition"].startswith("attachment;")
    assert pdf.content.startswith(b"%PDF")


def test_a_wrong_passport_number_or_expiry_is_refused_and_nothing_saved(
    client, place, latin_member
):
    client.force_login(latin_member.user)
    response = client.post(
        url("visa_letter", "en", pk=place.pk),
        form_data(passport_number="G1", passport_expires_on=place.workshop.start_at.date()),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "A passport number has 5 to 20 letters" in page
    assert "The passport must be valid after the workshop ends" in page
    assert not VisaLetter.objects.exists()


def test_someone_elses_letter_answers_404(client, place, swedish_member):
    visa.visa_letter_save(
        registration=place, data=PASSPORT, by=place.person.user, now=timezone.now()
    )
    stranger = PersonFactory()
    for user in (swedish_member.user, stranger.user):
        client.force_login(user)
        assert client.get(url("visa_letter", pk=place.pk)).status_code == 404
        assert client.get(url("visa_letter_download", pk=place.pk)).status_code == 404


def test_a_coordinator_downloads_the_letter(client, place, coordinator):
    visa.visa_letter_save(
        registration=place, data=PASSPORT, by=place.person.user, now=timezone.now()
    )
    client.force_login(coordinator)
    assert client.get(url("visa_letter_download", pk=place.pk)).status_code == 200


def test_a_workshop_in_latin_america_offers_no_letter(client, partnership, latin_member):
    start = timezone.now() + datetime.timedelta(days=30)
    registration = RegistrationFactory(
        workshop=WorkshopFactory(
            call=partnership.call, start_at=start, end_at=start + datetime.timedelta(days=1)
        ),
        person=latin_member,
    )
    client.force_login(latin_member.user)
    page = client.get(url("visa_letter", "en", pk=registration.pk))
    assert page.status_code == 200
    assert 'name="passport_number"' not in page.content.decode()
    assert "for workshops in Sweden" in page.content.decode()
    mine = client.get(url("my_registrations", "en")).content.decode()
    assert url("visa_letter", "en", pk=registration.pk) not in mine


# --- Retention ----------------------------------------------------------------------------


def letter_for(workshop, *, status=Status.REGISTERED, number="P0000001"):
    registration = RegistrationFactory(
        workshop=workshop, status=status, needs_visa_letter=True, dietary_needs="vegetarian"
    )
    return VisaLetter.objects.create(
        registration=registration,
        requested_at=workshop.start_at - datetime.timedelta(days=40),
        **{**PASSPORT, "passport_number": number},
    )


def snapshot():
    letters = {
        letter.pk: model_to_dict(letter) | {"updated_at": letter.updated_at}
        for letter in VisaLetter.objects.all()
    }
    registrations = {r.pk: model_to_dict(r) for r in Registration.objects.all()}
    return letters, registrations


def test_the_retention_job_erases_passport_data_and_nothing_else(partnership):
    # The period comes from the visa-data retention policy (privacy app).
    RetentionPolicy.objects.update_or_create(kind="visa_data", defaults={"period_days": 30})
    now = timezone.now().replace(microsecond=0)
    ended_long_ago = swedish_workshop(partnership.call, start=now - datetime.timedelta(days=40))
    ended_lately = swedish_workshop(partnership.call, start=now - datetime.timedelta(days=20))
    coming = swedish_workshop(partnership.call, start=now + datetime.timedelta(days=20))
    cancelled_workshop = swedish_workshop(
        partnership.call, start=now + datetime.timedelta(days=20), state=Workshop.State.CANCELLED
    )
    due = [
        letter_for(ended_long_ago, number="P0000001"),
        letter_for(coming, status=Status.CANCELLED, number="P0000002"),
        letter_for(cancelled_workshop, number="P0000003"),
    ]
    kept = [
        letter_for(ended_lately, number="P0000004"),
        letter_for(coming, number="P0000005"),
    ]
    letters_before, registrations_before = snapshot()

    out = io.StringIO()
    call_command("erase_visa_data", "--dry-run", stdout=out)
    assert "3" in out.getvalue()
    assert snapshot() == (letters_before, registrations_before)

    call_command("erase_visa_data", stdout=io.StringIO())

    letters_after, registrations_after = snapshot()
    assert registrations_after == registrations_before
    for letter in kept:
        assert letters_after[letter.pk] == letters_before[letter.pk]
    for letter in due:
        before, after = letters_before[letter.pk], letters_after[letter.pk]
        erased = {name: after.pop(name) for name in VisaLetter.PASSPORT_FIELDS}
        assert erased == {
            "passport_name": "",
            "nationality": "",
            "date_of_birth": None,
            "passport_number": "",
            "passport_expires_on": None,
        }
        assert after.pop("erased_at") is not None and before.pop("erased_at") is None
        after.pop("updated_at"), before.pop("updated_at")
        for name in VisaLetter.PASSPORT_FIELDS:
            before.pop(name)
        assert after == before
    assert AuditEntry.objects.filter(action="workshops.visa_data_erased").count() == 3

    # A second run finds nothing more to erase.
    out = io.StringIO()
    call_command("erase_visa_data", stdout=out)
    assert out.getvalue().startswith("0 ")


def test_after_erasure_the_page_says_so_and_the_letter_is_gone(
    client, partnership, place, latin_member, settings
):
    visa.visa_letter_save(
        registration=place, data=PASSPORT, by=latin_member.user, now=timezone.now()
    )
    place.status = Status.CANCELLED
    place.save()
    visa.visa_data_erase(now=timezone.now())

    client.force_login(latin_member.user)
    page = client.get(url("visa_letter", "en", pk=place.pk)).content.decode()
    assert 'id="visa-erased"' in page and "G12345678" not in page
    assert client.get(url("visa_letter_download", "en", pk=place.pk)).status_code == 404
