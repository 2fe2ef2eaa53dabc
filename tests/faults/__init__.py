"""A failure in the middle of a multi-step service leaves no partial rows (issue #7).

One module per app area; each test refuses every write of one service in turn, through
puentes.core.testing.faults, and checks that nothing was kept.
"""
