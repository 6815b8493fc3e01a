"""`kg vocab check` end to end: read a folder, check it, and format the report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.vocab.check import Problem, check_vocabulary
from kg.vocab.model import load_vocabulary


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The problems of one vocabulary folder, errors and warnings apart."""

    schemes: int
    concepts: int
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def lines(self, folder: Path) -> list[str]:
        """The report as printed: errors, then warnings under their own heading, then counts."""
        out = [f"error: {p}" for p in self.errors]
        if self.warnings:
            out.append("warnings:")
            out += [f"warning: {p}" for p in self.warnings]
        out.append(
            f"{folder}: {self.schemes} schemes, {self.concepts} concepts: "
            f"{len(self.errors)} errors, {len(self.warnings)} warnings"
        )
        return out


def check_folder(folder: Path, id_base: str) -> CheckReport:
    """Check every vocabulary file in `folder` (IRIs resolved against `id_base`)."""
    vocab = load_vocabulary(folder, id_base)
    problems = tuple(check_vocabulary(vocab, id_base))
    return CheckReport(len(vocab.schemes), len(vocab.concepts), problems)
