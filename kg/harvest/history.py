"""Change history: what changed in this build compared with the release that was live before.

Each build that changes anything is a new *generation*. Every entity keeps the generation in
which its record last changed; a generation's time is set when its release goes live (the swap),
so a datestamp is never older than the moment a harvester could first see the change. This module
is pure: the states in, the decisions out (`kg/harvest/index.py` stores them).
"""

from __future__ import annotations

from dataclasses import dataclass

LIVE, DEPRECATED, MERGED, WITHDRAWN = "live", "deprecated", "merged", "withdrawn"
SERVED = frozenset({LIVE, DEPRECATED})  # statuses whose page is served (200)


@dataclass(frozen=True, slots=True)
class State:
    """One entity as this build publishes it (or the ledger retires it)."""

    type: str
    key: str
    status: str
    successor: str | None = None  # IRI of the replacement (merged, or a deprecated concept)
    digest: str = ""  # of the record's content; "" for a retired key
    sets: str = ""  # space-separated OAI set specs (works)


@dataclass(frozen=True, slots=True)
class Past:
    """What the previous release knew about an entity."""

    generation: int
    first_generation: int
    entered: str
    status: str
    successor: str | None
    digest: str
    sets: str


@dataclass(frozen=True, slots=True)
class Decision:
    """How an entity is recorded in this build: its generation, and the activity if it changed."""

    generation: int
    first_generation: int
    entered: str
    activity: str | None  # Add | Update | Deprecate | Remove, None when unchanged
    sets: str


def decide(state: State, past: Past | None, generation: int, today: str) -> Decision:
    """Compare an entity with its past; a change moves it to `generation`."""
    if past is None:
        return Decision(generation, generation, today, _FIRST[state.status], state.sets)
    activity = _activity(state, past)
    # A retired record keeps the sets it was in, so selective harvests see it deleted.
    sets = state.sets if state.status in SERVED else past.sets
    if activity is None:
        return Decision(past.generation, past.first_generation, past.entered, None, sets)
    return Decision(generation, past.first_generation, past.entered, activity, sets)


def vanished(past: Past, generation: int) -> Decision:
    """An entity the previous release had and this build neither publishes nor retires."""
    if past.status == WITHDRAWN:
        return Decision(past.generation, past.first_generation, past.entered, None, past.sets)
    return Decision(generation, past.first_generation, past.entered, "Remove", past.sets)


_FIRST = {LIVE: "Add", DEPRECATED: "Add", MERGED: "Deprecate", WITHDRAWN: "Remove"}
# A change within one status: new content, or a merge into another successor.
_AGAIN: dict[str, str | None] = {
    LIVE: "Update",
    DEPRECATED: "Update",
    MERGED: "Deprecate",
    WITHDRAWN: None,
}


def _activity(state: State, past: Past) -> str | None:
    if state.status == past.status:
        same = state.digest == past.digest and state.successor == past.successor
        if same:
            return None
        return (
            "Deprecate"
            if state.status == MERGED
            else (None if state.status == WITHDRAWN else "Update")
        )
    if state.status in SERVED and past.status not in SERVED:
        return "Add"
    if state.status == LIVE:  # deprecated → live again
        return "Update"
    if state.status in (DEPRECATED, MERGED):
        return "Deprecate"
    return "Remove"


def leader_status(decision: Decision) -> str:
    """MARC leader/05: `n` for a record unchanged since first published, else `c`."""
    return "n" if decision.generation == decision.first_generation else "c"
