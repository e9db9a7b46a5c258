"""Painters of a computed CardLayout: PDF (reportlab), Qt (QPainter, PNG), imposition."""
