"""Name processing: normalization, romanization and lookup keys (no knowledge of places)."""
