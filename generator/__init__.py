"""Briefing: a static briefing and timeline site generator for newsrooms."""

__version__ = "0.1.0"
