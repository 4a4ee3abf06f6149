"""The newest observation of each thing we track, and whether another observation is newer than it.

The API answers concurrent requests in any order. A read asked before an action but answered after it
carries the older state: it must neither replace the action's result nor be written after it. So every
observation gets a stamp from one counter: a read takes its stamp when it is *asked* (`ask()`), an action's
result is stamped when it is *recorded* (it is the newest state there is). An observation is taken only if
nothing held for its key was learnt after it was asked.

`newer` is a pure predicate; `record` is the only mutation and keeps whichever of the held and the offered
observation is newer, so offering an old one can never roll a key back. Memory is bounded: the least
recently recorded keys go first beyond `maxsize` (a forgotten key accepts the next observation, as a key
never seen does). Stamps are not times: a fake clock that does not advance cannot reorder them.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Ledger(Generic[K, V]):
    """Per key: the newest value observed and the stamp it was learnt at."""

    def __init__(self, *, maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError(f"maxsize must be at least 1, not {maxsize}")
        self._maxsize = maxsize
        self._ticks = itertools.count(1)
        self._held: OrderedDict[K, tuple[int, V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._held)

    def ask(self) -> int:
        """A stamp for a read about to be sent: its answer is at most as new as this moment."""
        return next(self._ticks)

    def newer(self, key: K, asked: int) -> bool:
        """Would an observation of `key` by a read asked at `asked` be taken? (Changes nothing.)"""
        held = self._held.get(key)
        return held is None or held[0] <= asked

    def latest(self, key: K) -> V | None:
        """The newest value held for `key`, or None."""
        held = self._held.get(key)
        return held[1] if held is not None else None

    def record(self, key: K, value: V, asked: int | None = None) -> None:
        """Offer `value`, learnt by a read asked at `asked` or, with `asked` None, just now (an action).

        The ledger keeps the newer of what it holds and `value`; an older offer changes nothing.
        """
        stamp = self.ask() if asked is None else asked
        if not self.newer(key, stamp):
            return
        self._held[key] = (stamp, value)
        self._held.move_to_end(key)
        while len(self._held) > self._maxsize:
            self._held.popitem(last=False)

    def forget(self, key: K) -> None:
        """Drop what is held for `key` (its state is unknown now); the next observation is taken."""
        self._held.pop(key, None)

    def clear(self) -> None:
        """Forget everything (a server reset: nothing held belongs to the new epoch)."""
        self._held.clear()
