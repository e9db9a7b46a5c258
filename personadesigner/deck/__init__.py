"""Set-level pages of a deck (cover, overview, comparison grid, buying-committee map, sources).

Every page is a CardLayout built from a list of personas, so every painter (PDF,
PNG, PPTX) draws it as it draws a card. No Qt and no reportlab here.
"""
