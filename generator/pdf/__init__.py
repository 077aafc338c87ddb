"""Printable briefs with WeasyPrint."""
