"""A partnership's plan in the Logical Framework Approach.

Every kind of item has the same three pages (add, edit, delete) served by the same views; the
URL names the kind. Items are found only within the partnership in the URL."""

from django.urls import path

from . import views, views_values

app_name = "plans"


def item_urls(kind: str, plural: str, parent: tuple[str, str] | None = None) -> list:
    """Add (under the plan, or under a parent of kind `parent[0]` at URL `parent[1]`), edit
    and delete an item of `kind`."""
    if parent is None:
        add = path(
            f"<int:pk>/plan/{plural}/add/", views.item_add, {"kind": kind}, name=f"{kind}_add"
        )
    else:
        parent_kind, parent_plural = parent
        add = path(
            f"<int:pk>/plan/{parent_plural}/<int:parent_pk>/{plural}/add/",
            views.item_add,
            {"kind": kind, "parent_kind": parent_kind},
            name=f"{kind}_add" if kind != "indicator" else f"{parent_kind}_indicator_add",
        )
    return [
        add,
        path(
            f"<int:pk>/plan/{plural}/<int:item_pk>/",
            views.item_edit,
            {"kind": kind},
            name=f"{kind}_edit",
        ),
        path(
            f"<int:pk>/plan/{plural}/<int:item_pk>/delete/",
            views.item_delete_view,
            {"kind": kind},
            name=f"{kind}_delete",
        ),
    ]


urlpatterns = [
    path("<int:pk>/plan/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/plan/goal/", views.goal_edit, name="goal_edit"),
    *item_urls("outcome", "outcomes"),
    *item_urls("output", "outputs", ("outcome", "outcomes")),
    *item_urls("activity", "activities", ("output", "outputs")),
    *item_urls("indicator", "indicators", ("outcome", "outcomes")),
    # The edit and delete pages of indicators are the same whatever they measure.
    item_urls("indicator", "indicators", ("output", "outputs"))[0],
    *item_urls("assumption", "assumptions"),
    path(
        "<int:pk>/plan/indicators/<int:item_pk>/values/",
        views_values.indicator_values,
        name="indicator_values",
    ),
]
