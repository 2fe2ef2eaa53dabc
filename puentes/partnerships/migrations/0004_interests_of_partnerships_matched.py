"""Interests that became partnerships before `matched` existed stayed `accepted`: move them
on, recording the step as confirming the match would have (by whom, when)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Partnership = apps.get_model("partnerships", "Partnership")
    Interest = apps.get_model("recruitment", "Interest")
    Transition = apps.get_model("recruitment", "Transition")
    partnerships = Partnership.objects.filter(
        interest__isnull=False, interest__status="accepted"
    ).values_list("interest_id", "confirmed_by_id", "confirmed_at", "created_at")
    steps = []
    for interest_id, by_id, confirmed_at, created_at in partnerships:
        steps.append(
            Transition(
                interest_id=interest_id,
                from_status="accepted",
                to_status="matched",
                by_id=by_id,
                at=confirmed_at or created_at,
            )
        )
    Transition.objects.bulk_create(steps)
    Interest.objects.filter(pk__in=[step.interest_id for step in steps]).update(status="matched")


def backwards(apps, schema_editor):
    Interest = apps.get_model("recruitment", "Interest")
    Transition = apps.get_model("recruitment", "Transition")
    Transition.objects.filter(interest__isnull=False, to_status="matched").delete()
    Interest.objects.filter(status="matched").update(status="accepted")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0003_comments_and_phase_check"),
        ("recruitment", "0003_interest_status_matched"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
