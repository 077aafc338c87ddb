"""Feeds, calendar and open data: one module a format, one shared publication view."""
