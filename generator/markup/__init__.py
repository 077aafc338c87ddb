"""Editors' Markdown rendered once, sanitised, remembered."""
