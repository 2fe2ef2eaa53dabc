"""What the audit trail says about a person's own data (scope: the person). The value of a
person's gender is never written into the trail, only that it was given or withdrawn."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

GENDER_GIVEN = audit.action(
    "people.gender_given", _("%(actor)s gave their gender with consent to count it.")
)
GENDER_WITHDRAWN = audit.action(
    "people.gender_withdrawn", _("%(actor)s withdrew their gender and the consent to count it.")
)
CONSENT_GIVEN = audit.action(
    "people.consent_given",
    _("%(actor)s consented to version %(version)s of the privacy notice."),
)
CONSENT_WITHDRAWN = audit.action(
    "people.consent_withdrawn",
    _("%(actor)s withdrew their consent to version %(version)s of the privacy notice."),
)
