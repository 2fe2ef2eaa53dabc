"""What the audit trail says about imports. Each value an import records is also recorded in
its partnership's timeline by the plans service, as if typed on the plan page."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

INDICATOR_VALUES_IMPORTED = audit.action(
    "exports.indicator_values_imported",
    _("%(actor)s imported %(changed)s indicator values from the file “%(file)s”."),
)
