"""The visa invitation letter as a PDF: the English letter, then the same letter in Swedish
or Spanish, drawn by WeasyPrint from an HTML template on each download (never stored)."""

from django.template.loader import render_to_string
from django.utils import formats, translation

from puentes.core.i18n import translated

from .models import VisaLetter


def reference(letter: VisaLetter) -> str:
    registration = letter.registration
    return f"PUENTES-{registration.workshop_id}-{registration.pk}"


def _context(letter: VisaLetter, language: str, today) -> dict:
    registration = letter.registration
    workshop = registration.workshop
    network = workshop.call.network
    zone = workshop.zone

    def day(value):
        return formats.date_format(value, "DATE_FORMAT") if value else ""

    partnership = registration.partnership
    return {
        "letter": letter,
        "language": language,
        "network": translated(network.names, language),
        "contact_email": network.contact_email,
        "call": translated(workshop.call.titles, language),
        "workshop": translated(workshop.titles, language),
        "city": workshop.city,
        "country": translated(workshop.country.names, language) if workshop.country else "",
        "starts": day(workshop.start_at.astimezone(zone).date()),
        "ends": day(workshop.end_at.astimezone(zone).date()),
        "born": day(letter.date_of_birth),
        "expires": day(letter.passport_expires_on),
        "arrival": day(registration.arrival_date),
        "departure": day(registration.departure_date),
        "organisation": registration.organisation.name if registration.organisation else "",
        "swedish": partnership.swedish_organisation.name if partnership else "",
        "latin": partnership.latin_organisation.name if partnership else "",
        "today": day(today),
        "reference": reference(letter),
    }


def visa_letter_pdf(letter: VisaLetter, *, today) -> bytes:
    # Imported here: WeasyPrint needs the Pango library, and only this download needs it.
    from weasyprint import HTML

    versions = []
    for language in ("en", letter.second_language):
        with translation.override(language):
            versions.append(
                render_to_string(
                    "workshops/letters/_visa_letter.html", _context(letter, language, today)
                )
            )
    html = render_to_string("workshops/letters/visa_letter.html", {"versions": versions})
    return HTML(string=html).write_pdf()
