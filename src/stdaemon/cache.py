"""A typed TTL cache with an injectable clock and per-key single-flight loading.

Why a class and not `@cached`: decorating a coroutine function caches the coroutine object, which can be
awaited only once (STYLE P13). Why single-flight: fifty tasks asking for one market at once must cost one
API call, not fifty. Why futures instead of a lock per key: a `defaultdict(asyncio.Lock)` grows for ever
with unbounded keys (market symbols across a universe); an in-flight future lives only while its load runs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar, cast

from cachetools import TTLCache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_MISSING = object()


class TtlStore(Generic[K, V]):
    """A bounded TTL cache: `get`, `set`, `pop`, `clear`, and `get_or_load` with single-flight.

    - Memory is bounded by `maxsize` (least recently used entries go first) and by `ttl_s`.
    - `clock` is any monotonic `() -> float`; tests hand in a fake one instead of sleeping.
    - A failed load propagates to every waiter and is not cached; the next call tries again.
    - A `set`/`pop`/`clear` while a load for that key is in flight wins: the (older) loaded value is
      returned to its waiters but not cached, so a reset or a fresher action result is never overwritten.
    """

    def __init__(self, *, maxsize: int, ttl_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._cache: TTLCache[K, V] = TTLCache(maxsize=maxsize, ttl=ttl_s, timer=clock)
        self._inflight: dict[K, asyncio.Future[V]] = {}
        self._stale: set[K] = set()
        self.hits = 0
        self.misses = 0
        self.loads = 0

    def __len__(self) -> int:
        return len(self._cache)

    def __contains__(self, key: K) -> bool:
        return self._cache.get(key, _MISSING) is not _MISSING

    @property
    def inflight(self) -> int:
        """Loads running right now (for tests and metrics: nothing may leak here)."""
        return len(self._inflight)

    def get(self, key: K) -> V | None:
        """The cached value, or None when absent or expired."""
        value = self._cache.get(key, _MISSING)
        return None if value is _MISSING else cast(V, value)

    def set(self, key: K, value: V) -> None:
        """Store a fresh value (e.g. what an action just returned)."""
        if key in self._inflight:
            self._stale.add(key)
        self._cache[key] = value

    def pop(self, key: K) -> None:
        """Forget one key."""
        if key in self._inflight:
            self._stale.add(key)
        self._cache.pop(key, None)

    def clear(self) -> None:
        """Forget everything, including what loads in flight are about to return (a server reset)."""
        self._stale.update(self._inflight)
        self._cache.clear()

    async def get_or_load(self, key: K, load: Callable[[], Awaitable[V]]) -> V:
        """The cached value, else the result of ONE `load()` shared by every concurrent caller for `key`."""
        while True:
            value = self._cache.get(key, _MISSING)
            if value is not _MISSING:
                self.hits += 1
                return cast(V, value)
            running = self._inflight.get(key)
            if running is None:
                return await self._lead(key, load)
            try:
                return await asyncio.shield(running)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if running.cancelled() and (task is None or not task.cancelling()):
                    continue  # the leader was cancelled, not us: take over the load
                raise  # we were cancelled too (a TaskGroup stopping): never swallow it

    async def _lead(self, key: K, load: Callable[[], Awaitable[V]]) -> V:
        self.misses += 1
        self.loads += 1
        future: asyncio.Future[V] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            value = await load()
        except asyncio.CancelledError:
            future.cancel()
            raise
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # mark retrieved: no "never retrieved" noise when nobody else waited
            raise
        else:
            if key not in self._stale:
                self._cache[key] = value
            future.set_result(value)
            return value
        finally:
            del self._inflight[key]
            self._stale.discard(key)
