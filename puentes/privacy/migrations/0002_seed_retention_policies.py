"""The retention policies the network starts with (issue #7); coordinators change them in the
admin. The periods are written out here rather than imported, so that this migration keeps
meaning what it meant when later code changes its defaults."""

from django.db import migrations

POLICIES = [
    ("declined_interests", 365, "Declined expressions of interest: motivation, reasons and contact people are erased a year after the decision; the interest is still counted."),
    ("withdrawn_interests", 365, "Withdrawn expressions of interest: as declined ones, a year after the withdrawal."),
    ("visa_data", 30, "Passport data given for visa invitation letters: erased 30 days after the workshop ends (at once when the registration or the workshop is cancelled)."),
    ("inactive_accounts", 3 * 365, "Accounts nobody has signed in to for three years: the person is erased (anonymised) as if they had asked."),
    ("sent_mail", 90, "Delivered and abandoned e-mails in the outbox: deleted 90 days after delivery or the last attempt."),
]


def seed(apps, schema_editor):
    RetentionPolicy = apps.get_model("privacy", "RetentionPolicy")
    for kind, days, description in POLICIES:
        RetentionPolicy.objects.get_or_create(
            kind=kind, defaults={"period_days": days, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_erasure_and_retention_policy")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
