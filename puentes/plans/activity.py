"""What the timeline of a partnership's workspace says about changes to its plan. Entries
quote the item's title (its original text, shortened) so the sentence still reads after the
item is deleted."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

GOAL_SAVED = audit.action("plans.goal_saved", _("%(actor)s saved the plan's overall goal."))

OUTCOME_ADDED = audit.action(
    "plans.outcome_added", _("%(actor)s added the outcome “%(title)s” to the plan.")
)
OUTCOME_CHANGED = audit.action(
    "plans.outcome_changed", _("%(actor)s changed the outcome “%(title)s”.")
)
OUTCOME_DELETED = audit.action(
    "plans.outcome_deleted", _("%(actor)s deleted the outcome “%(title)s”.")
)

OUTPUT_ADDED = audit.action(
    "plans.output_added", _("%(actor)s added the output “%(title)s” to the plan.")
)
OUTPUT_CHANGED = audit.action(
    "plans.output_changed", _("%(actor)s changed the output “%(title)s”.")
)
OUTPUT_DELETED = audit.action(
    "plans.output_deleted", _("%(actor)s deleted the output “%(title)s”.")
)

ACTIVITY_ADDED = audit.action(
    "plans.activity_added", _("%(actor)s added the activity “%(title)s” to the plan.")
)
ACTIVITY_CHANGED = audit.action(
    "plans.activity_changed", _("%(actor)s changed the activity “%(title)s”.")
)
ACTIVITY_DELETED = audit.action(
    "plans.activity_deleted", _("%(actor)s deleted the activity “%(title)s”.")
)

INDICATOR_ADDED = audit.action(
    "plans.indicator_added", _("%(actor)s added the indicator “%(title)s” to the plan.")
)
INDICATOR_CHANGED = audit.action(
    "plans.indicator_changed", _("%(actor)s changed the indicator “%(title)s”.")
)
INDICATOR_DELETED = audit.action(
    "plans.indicator_deleted", _("%(actor)s deleted the indicator “%(title)s”.")
)

ASSUMPTION_ADDED = audit.action(
    "plans.assumption_added", _("%(actor)s added the assumption “%(title)s” to the plan.")
)
ASSUMPTION_CHANGED = audit.action(
    "plans.assumption_changed", _("%(actor)s changed the assumption “%(title)s”.")
)
ASSUMPTION_DELETED = audit.action(
    "plans.assumption_deleted", _("%(actor)s deleted the assumption “%(title)s”.")
)

VALUE_RECORDED = audit.action(
    "plans.value_recorded",
    _("%(actor)s recorded the value of the indicator “%(title)s” for %(period)s."),
)
VALUE_CLEARED = audit.action(
    "plans.value_cleared",
    _("%(actor)s removed the value of the indicator “%(title)s” for %(period)s."),
)
