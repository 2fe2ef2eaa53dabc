"""Matching Swedish and Latin American candidates.

`engine` (with `scoring`, `reasons` and `assignment`) is pure Python, numpy and scipy: import
it as ``from puentes.matching import engine``. Nothing is re-exported here, so loading the
Django app does not pay for importing scipy.
"""
