"""A partnership's progress reports, one per reporting period."""
