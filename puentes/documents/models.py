"""Documents a partnership's members share."""
