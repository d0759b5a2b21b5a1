"""Matching: phrase parsing, candidate generation, scoring with hints, explained matches."""
