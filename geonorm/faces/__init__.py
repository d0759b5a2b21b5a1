"""Faces: interfaces built on the public matching API (evaluation, tables, text, geopy)."""
