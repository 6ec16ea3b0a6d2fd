"""Who said what, and the figures that matter to the trade story.

Modules: :mod:`.speech` (quotations and reported speech), :mod:`.figures` (money, percentages, counts).
"""
