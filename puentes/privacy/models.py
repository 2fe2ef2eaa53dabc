"""Models of the privacy app: erasure records and retention policies."""
