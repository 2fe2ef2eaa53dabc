"""Password rules of our own: a password must not contain the name of the person's own
municipality or region, the first word an attacker who knows where someone works will try."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Words that name the kind of organisation rather than the place: "Region Stockholm",
# "Municipalidad de Cobán", "Bogotá, D.C.", "Stockholms län". Refusing a password that
# contains "region" would refuse far more than the place's name.
GENERIC_WORDS = frozenset(
    {
        "kommun",
        "region",
        "regionen",
        "lan",
        "stad",
        "municipalidad",
        "municipio",
        "alcaldia",
        "departamento",
        "gobernacion",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "dc",
    }
)
# Shorter cores ("Ede", "Ia") would refuse ordinary passwords that merely contain the letters.
MIN_NAME_LENGTH = 4


def fold(text: str) -> str:
    """Lower case without accents: "Totonicapán" and "TOTONICAPAN" fold to the same."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_core(name: str) -> str:
    """The place in an organisation's name, letters and digits only: "Bogotá, D.C." → "bogota"."""
    words = re.findall(r"[^\W_]+", fold(name))
    return "".join(word for word in words if word not in GENERIC_WORDS)


def names_of_own_places(user) -> list[str]:
    """Names of the organisations the account's person acts for, and of their areas."""
    if user is None or user.pk is None:
        # At sign-up the account has no person and no membership yet: nothing to compare.
        return []
    from puentes.places.models import Organisation

    organisations = Organisation.objects.filter(memberships__person__user=user).select_related(
        "area"
    )
    names = []
    for organisation in organisations:
        names.append(organisation.name)
        names.append(organisation.area.name)
    return names


class OwnPlaceNameValidator:
    """Refuses a password containing the name of the user's own municipality or region,
    whatever its case and accents ("totonicapan2024!!" for someone from Totonicapán)."""

    def validate(self, password: str, user=None) -> None:
        folded = "".join(re.findall(r"[^\W_]+", fold(password)))
        for name in names_of_own_places(user):
            core = name_core(name)
            if len(core) >= MIN_NAME_LENGTH and core in folded:
                raise ValidationError(
                    _(
                        "Your password contains the name %(place)s, where you work. "
                        "Choose a password that does not contain it."
                    ),
                    code="password_contains_own_place",
                    params={"place": name},
                )

    def get_help_text(self) -> str:
        return _("Your password cannot contain the name of your own municipality or region.")
