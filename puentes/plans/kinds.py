"""The kinds of item a plan holds, described once, so one set of services (create, update,
delete under a version) and one set of views serve them all.

A kind names its model, the fields that tie an item to its parent, the lookups from an item
to its partnership (which scope every read and write), the audit actions, and how the data a
form hands in becomes the model's fields under the rules in rules.py.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import activity
from .models import Activity, Assumption, Indicator, Outcome, Output
from .rules import PlanError, dates_check, figure_clean, figure_fields, texts_merge, units_clean


def author_language(by) -> str | None:
    """The language a user writes in by preference: a new text's original, if they wrote it."""
    person = getattr(by, "person", None) if by is not None else None
    return getattr(person, "preferred_language", None)


def clean_texts(data: dict, current, by) -> dict:
    texts, language = texts_merge(
        current=current.texts if current else {},
        current_language=current.language if current else None,
        new=data["texts"],
        author_language=author_language(by),
    )
    return {"texts": texts, "language": language}


def clean_activity(data: dict, current, by) -> dict:
    dates_check(data.get("start_date"), data.get("end_date"))
    if data.get("responsible") not in Activity.Responsible.values:
        raise PlanError(_("Choose who is responsible for the activity."))
    return {
        **clean_texts(data, current, by),
        "start_date": data["start_date"],
        "end_date": data["end_date"],
        "responsible": data["responsible"],
    }


class KindOfIndicatorFixed(PlanError):
    message = _(
        "This indicator has actual values, so whether it counts people cannot change. "
        "Add a new indicator instead."
    )


def clean_indicator(data: dict, current, by) -> dict:
    counts_people = bool(data.get("counts_people"))
    if current is not None and current.counts_people != counts_people and current.values.exists():
        raise KindOfIndicatorFixed
    baseline = figure_clean(data["baseline"], counts_people=counts_people)
    target = figure_clean(data["target"], counts_people=counts_people)
    return {
        **clean_texts(data, current, by),
        "units": units_clean(data.get("units") or {}),
        "counts_people": counts_people,
        **figure_fields(baseline, "baseline"),
        **figure_fields(target, "target"),
    }


@dataclass(frozen=True)
class Kind:
    """One kind of plan item."""

    name: str  # in URL names and templates: "outcome", "output", …
    model: type
    parent_fields: tuple[str, ...]  # the foreign keys to a parent; "plan" for top-level items
    partnership_paths: tuple[str, ...]  # lookups from an item to its partnership
    clean: Callable[[dict, object, object], dict]
    added: str
    changed: str
    deleted: str

    @property
    def is_top_level(self) -> bool:
        return self.parent_fields == ("plan",)

    def in_partnership(self, partnership):
        """The items of this kind in the partnership's plan."""
        query = Q()
        for path in self.partnership_paths:
            query |= Q(**{path: partnership})
        return self.model.objects.filter(query)

    def parent_field(self, parent) -> str:
        for name in self.parent_fields:
            if isinstance(parent, self.model._meta.get_field(name).related_model):
                return name
        raise TypeError(f"a {self.name} does not hang on a {type(parent).__name__}")

    def parent_of(self, item):
        """The parent the item hangs on (a plan, an outcome or an output)."""
        for name in self.parent_fields:
            if getattr(item, f"{name}_id") is not None:
                return name, getattr(item, f"{name}_id")
        raise ValueError("an item without a parent")


OUTCOME = Kind(
    "outcome",
    Outcome,
    ("plan",),
    ("plan__partnership",),
    clean_texts,
    activity.OUTCOME_ADDED,
    activity.OUTCOME_CHANGED,
    activity.OUTCOME_DELETED,
)
OUTPUT = Kind(
    "output",
    Output,
    ("outcome",),
    ("outcome__plan__partnership",),
    clean_texts,
    activity.OUTPUT_ADDED,
    activity.OUTPUT_CHANGED,
    activity.OUTPUT_DELETED,
)
ACTIVITY = Kind(
    "activity",
    Activity,
    ("output",),
    ("output__outcome__plan__partnership",),
    clean_activity,
    activity.ACTIVITY_ADDED,
    activity.ACTIVITY_CHANGED,
    activity.ACTIVITY_DELETED,
)
INDICATOR = Kind(
    "indicator",
    Indicator,
    ("outcome", "output"),
    ("outcome__plan__partnership", "output__outcome__plan__partnership"),
    clean_indicator,
    activity.INDICATOR_ADDED,
    activity.INDICATOR_CHANGED,
    activity.INDICATOR_DELETED,
)
ASSUMPTION = Kind(
    "assumption",
    Assumption,
    ("plan",),
    ("plan__partnership",),
    clean_texts,
    activity.ASSUMPTION_ADDED,
    activity.ASSUMPTION_CHANGED,
    activity.ASSUMPTION_DELETED,
)

KINDS = {kind.name: kind for kind in (OUTCOME, OUTPUT, ACTIVITY, INDICATOR, ASSUMPTION)}


def kind_of(model) -> Kind:
    return next(kind for kind in KINDS.values() if kind.model is model)
