"""Request priorities: who gets the next slot of the rate budget when several requests wait.

Lower value = served first. Ship actions wait on a known timestamp (arrival, cooldown) and a late action
wastes a ship's time, so they come first; reference crawls are resumable and come last.
"""

from __future__ import annotations

from enum import IntEnum


class Priority(IntEnum):
    ACTION = 0  # ship actions waiting on a known time
    FLEET = 1  # fleet and agent reads
    MARKET = 2  # market and shipyard polls
    CRAWL = 3  # the reference crawl
