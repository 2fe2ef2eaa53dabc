from django.db import migrations, models

# Plain SQL that SQLite and PostgreSQL both take; the model is unmanaged (see its docstring).
CREATE = (
    'CREATE TABLE "core_publicpageversion" ("id" integer NOT NULL PRIMARY KEY, '
    '"value" bigint NOT NULL DEFAULT 0)'
)
DROP = 'DROP TABLE "core_publicpageversion"'


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_outbox_attachment"),
    ]

    operations = [
        migrations.RunSQL(CREATE, DROP),
        migrations.CreateModel(
            name="PublicPageVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "public page version",
                "verbose_name_plural": "public page versions",
                "db_table": "core_publicpageversion",
                "managed": False,
            },
        ),
    ]
