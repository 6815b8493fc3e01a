"""What a catalogue prints where it knows no place or no publisher: `Online:`, `[S.l.]` (sine
loco), `n.p.`, `[s.n.]` (sine nomine) and RDA's `… not identified`."""

from __future__ import annotations

# What a catalogue prints where `Place:` goes when there is none: `Online:`, or no place known
# (`[S.l.]`, sine loco; `n.p.`; RDA's words).
NO_PLACE = frozenset(
    ["online", "web", "internet", "electronic", "s.l", "n.p", "sine loco",
     "place of publication not identified"]
)  # fmt: skip
# No publisher known: `[s.n.]`, sine nomine; RDA's words.
NO_PUBLISHER = frozenset(["s.n", "n.pub", "sine nomine", "publisher not identified"])


def no_place(printed: str) -> bool:
    """`[S.l.]`, `Online`: printed where the place goes, naming none."""
    return printed.strip(" .,[]").casefold() in NO_PLACE


def no_publisher(printed: str) -> bool:
    """`[s.n.]`: printed where the publisher goes, naming none."""
    return printed.strip(" .,[]").casefold() in NO_PUBLISHER
