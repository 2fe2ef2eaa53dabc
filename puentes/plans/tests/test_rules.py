"""The plain rules of plans: texts and their original language, figures split by sex."""

from decimal import Decimal

import pytest

from puentes.plans.rules import Figure, PlanError, figure_clean, texts_merge, units_clean


def merge(current=None, current_language=None, new=None, author=None):
    return texts_merge(
        current=current or {},
        current_language=current_language,
        new=new or {},
        author_language=author,
    )


def test_a_new_text_is_original_in_its_authors_language_when_they_wrote_in_it():
    assert merge(new={"sv": "Mål", "es": "Meta"}, author="es") == (
        {"sv": "Mål", "es": "Meta"},
        "es",
    )


def test_a_new_text_not_in_its_authors_language_is_original_in_the_language_written():
    assert merge(new={"sv": "", "es": " Meta "}, author="sv") == ({"es": "Meta"}, "es")


def test_the_original_stays_the_original_while_it_has_text():
    texts, language = merge({"es": "Meta"}, "es", {"sv": "Mål", "es": "Meta nueva"}, "sv")

    assert (texts, language) == ({"sv": "Mål", "es": "Meta nueva"}, "es")


def test_emptying_the_original_makes_the_remaining_language_the_original():
    assert merge({"sv": "Mål", "es": "Meta"}, "es", {"sv": "Mål", "es": ""}, "es") == (
        {"sv": "Mål"},
        "sv",
    )


def test_languages_other_than_swedish_and_spanish_are_kept():
    texts, _language = merge({"en": "Goal", "sv": "Mål"}, "sv", {"sv": "Nytt mål"}, "sv")

    assert texts == {"en": "Goal", "sv": "Nytt mål"}


@pytest.mark.parametrize("new", [{}, {"sv": " ", "es": ""}])
def test_a_text_in_neither_language_is_refused(new):
    with pytest.raises(PlanError):
        merge(new=new)


def test_an_oversized_text_is_refused_not_cut():
    with pytest.raises(PlanError):
        merge(new={"sv": "x" * 2001})


def test_a_unit_may_be_left_out_but_not_oversized():
    assert units_clean({"sv": " ", "es": "personas"}) == {"es": "personas"}
    with pytest.raises(PlanError):
        units_clean({"sv": "x" * 61})


def test_a_figure_of_people_is_split_by_sex_and_its_total_is_the_sum():
    figure = figure_clean(Figure(women=7, men=4, other=1), counts_people=True)

    assert figure == Figure(total=Decimal(12), women=7, men=4, other=1)


@pytest.mark.parametrize(
    "figure",
    [
        Figure(total=12),
        Figure(women=7, men=4),
        Figure(women=-1, men=4, other=0),
        Figure(women=Decimal("1.5"), men=4, other=0),
    ],
)
def test_a_figure_of_people_needs_three_whole_parts_of_zero_or_more(figure):
    with pytest.raises(PlanError):
        figure_clean(figure, counts_people=True)


def test_a_figure_of_something_else_is_one_number_of_zero_or_more():
    assert figure_clean(Figure(total=Decimal("2.5")), counts_people=False) == Figure(
        total=Decimal("2.5")
    )
    for figure in (Figure(), Figure(total=-1), Figure(total=3, women=3, men=0, other=0)):
        with pytest.raises(PlanError):
            figure_clean(figure, counts_people=False)
