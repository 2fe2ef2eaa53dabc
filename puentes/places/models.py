from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from puentes.core.models import TimeStampedModel, TranslatedText


class Country(TimeStampedModel):
    """A country of the reference data, by ISO 3166-1 alpha-2 code."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    names = models.JSONField(_("name per language"), default=dict)
    time_zone = models.CharField(_("time zone"), max_length=60)
    region = models.CharField(
        _("world region"),
        max_length=20,
        choices=[("sweden", _("Sweden")), ("latin_america", _("Latin America"))],
    )

    name = TranslatedText("names")

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self):
        return self.name or self.code


class Area(TimeStampedModel):
    """An administrative area: a Swedish län, a department, or an area with no municipal
    government (Colombia's non-municipalised areas and the island of San Andrés)."""

    class Kind(models.TextChoices):
        COUNTY = "county", _("county (län)")
        DEPARTMENT = "department", _("department")
        CAPITAL_DISTRICT = "capital_district", _("capital district")
        NON_MUNICIPAL_AREA = "non_municipal_area", _("non-municipalised area")
        ISLAND = "island", _("island administered by its department")

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="areas"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    code = models.CharField(_("official code"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    lat = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["country", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "code"], name="area_code_unique_per_country"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_first_level(self) -> bool:
        return self.parent_id is None


class OrganisationQuerySet(models.QuerySet):
    def joinable(self):
        return self.filter(can_join=True)

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(code=text) | Q(name__icontains=text) | Q(other_names__icontains=text))


class Organisation(TimeStampedModel):
    """A local or regional government that can be a member of a network."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region")

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="organisations"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="organisations"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("official code"), max_length=10)
    name = models.CharField(_("name"), max_length=200)
    other_names = models.CharField(
        _("other names"),
        max_length=300,
        blank=True,
        help_text=_("Other official forms of the name, found by search (e.g. Region Gotland)."),
    )
    website = models.URLField(_("website"), blank=True)
    lat = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    can_join = models.BooleanField(_("can join a network"), default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["country", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "code"], name="organisation_code_unique_per_country"
            ),
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name
