"""How long drawing a visa invitation letter (English + Spanish, two A4 pages) takes, and
how much memory Python allocates for it.

    .venv/bin/python -m bench.visa_letter_bench
    .venv/bin/python -m bench.visa_letter_bench --repeats 30

The letter is drawn on every download and never stored, so this is what a person waits for
after pressing "Download". The records are built in memory (nothing is read from a
database): the timing is WeasyPrint's layout and PDF writing plus the two template renders.
The first letter a worker process draws also loads the fonts; it is reported apart.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, date, datetime


def letter():
    from puentes.networks.models import Call, Network
    from puentes.partnerships.models import Partnership
    from puentes.people.models import Person
    from puentes.places.models import Country, Organisation
    from puentes.workshops.models import Registration, VisaLetter, Workshop

    network = Network(
        names={"en": "Gender equality network", "es": "Red de igualdad de género"},
        contact_email="secretariat@example.org",
    )
    call = Call(network=network, titles={"en": "Call 2026", "es": "Convocatoria 2026"})
    workshop = Workshop(
        pk=7,
        call=call,
        titles={"en": "Workshop in Malmö", "es": "Taller en Malmö"},
        city="Malmö",
        country=Country(code="SE", names={"en": "Sweden", "es": "Suecia"}, region="sweden"),
        time_zone="Europe/Stockholm",
        start_at=datetime(2026, 9, 14, 7, tzinfo=UTC),
        end_at=datetime(2026, 9, 16, 15, tzinfo=UTC),
    )
    totonicapan = Organisation(name="Totonicapán")
    registration = Registration(
        pk=42,
        workshop=workshop,
        person=Person(name="Ana Lucía Gómez"),
        organisation=totonicapan,
        partnership=Partnership(
            swedish_organisation=Organisation(name="Lessebo"), latin_organisation=totonicapan
        ),
        arrival_date=date(2026, 9, 13),
        departure_date=date(2026, 9, 17),
    )
    return VisaLetter(
        registration=registration,
        second_language="es",
        passport_name="Ana Lucía Gómez Tzul",
        nationality="guatemalteca",
        date_of_birth=date(1988, 4, 2),
        passport_number="G12345678",
        passport_expires_on=date(2031, 1, 31),
    )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from puentes.workshops.letters import visa_letter_pdf

    sample = letter()
    today = date(2026, 8, 1)
    started = time.perf_counter()
    size = len(visa_letter_pdf(sample, today=today))
    first = time.perf_counter() - started

    times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        visa_letter_pdf(sample, today=today)
        times.append(time.perf_counter() - started)

    tracemalloc.start()
    visa_letter_pdf(sample, today=today)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    print(f"Python {sys.version.split()[0]} on {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"PDF of {size:,} bytes, 2 pages")
    print(f"first letter of the process: {first * 1000:.0f} ms")
    print(
        f"then, over {args.repeats}: best {min(times) * 1000:.0f} ms, "
        f"median {statistics.median(times) * 1000:.0f} ms"
    )
    print(f"peak Python memory for one letter: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
