"""Shared pieces of the importers: error type and a report of skipped lines."""
from __future__ import annotations

from dataclasses import dataclass, field


class SourceError(ValueError):
    """A source file is missing, unreadable or not in the expected format."""


@dataclass
class ImportReport:
    """What an importer read and what it skipped (with line numbers)."""

    source: str
    rows: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def skip(self, line_no: int, reason: str) -> None:
        self.skipped.append((line_no, reason))

    def summary(self) -> str:
        text = f"{self.source}: {self.rows} rows"
        if self.skipped:
            first = "; ".join(f"line {n}: {r}" for n, r in self.skipped[:5])
            text += f", {len(self.skipped)} malformed lines skipped ({first}"
            text += ", ...)" if len(self.skipped) > 5 else ")"
        return text
