"""The Ledger on its own: is an observation newer than what is held; predicates change nothing."""

from __future__ import annotations

import pytest

from stdaemon.services.ledger import Ledger


def test_a_key_never_seen_takes_any_observation() -> None:
    ledger: Ledger[str, str] = Ledger(maxsize=8)
    asked = ledger.ask()
    assert ledger.newer("S-1", asked)
    assert ledger.latest("S-1") is None


def test_a_read_asked_before_an_action_result_is_not_newer() -> None:
    ledger: Ledger[str, str] = Ledger(maxsize=8)
    asked = ledger.ask()  # the read is sent
    ledger.record("S-1", "after the action")  # the action's result arrives first: stamped now
    assert not ledger.newer("S-1", asked)
    ledger.record("S-1", "the read's older answer", asked)  # offering it anyway changes nothing
    assert ledger.latest("S-1") == "after the action"


def test_a_read_asked_after_the_action_result_is_newer_and_replaces_it() -> None:
    ledger: Ledger[str, str] = Ledger(maxsize=8)
    ledger.record("S-1", "action")
    asked = ledger.ask()
    assert ledger.newer("S-1", asked)
    ledger.record("S-1", "read", asked)
    assert ledger.latest("S-1") == "read"


def test_newer_and_latest_do_not_mutate() -> None:
    ledger: Ledger[str, str] = Ledger(maxsize=2)
    ledger.record("A", "a")
    early = ledger.ask()
    ledger.record("B", "b")
    for _ in range(3):  # asking is idempotent: no stamp, order or size changes
        assert ledger.newer("A", early)
        assert not ledger.newer("B", early)
        assert ledger.latest("A") == "a"
    assert len(ledger) == 2
    ledger.record("C", "c")  # "A" is the least recently recorded, however often it was looked at
    assert ledger.latest("A") is None and ledger.latest("B") == "b"


def test_each_key_is_ordered_on_its_own() -> None:
    ledger: Ledger[str, str] = Ledger(maxsize=8)
    asked = ledger.ask()
    ledger.record("S-2", "another ship's action")
    assert ledger.newer("S-1", asked), "an action on S-2 says nothing about S-1"


def test_one_listing_stamp_serves_every_key_it_carries() -> None:
    ledger: Ledger[str, int] = Ledger(maxsize=8)
    asked = ledger.ask()
    for key in ("S-1", "S-2", "S-3"):
        ledger.record(key, 1, asked)
    assert all(ledger.newer(key, asked) for key in ("S-1", "S-2", "S-3")), "equal stamps are the same read"


def test_bounded_forget_and_clear() -> None:
    ledger: Ledger[int, int] = Ledger(maxsize=3)
    for i in range(10):
        ledger.record(i, i)
    assert len(ledger) == 3 and [ledger.latest(i) for i in (6, 7, 8, 9)] == [None, 7, 8, 9]
    old = ledger.ask() - 100  # a read older than everything held
    assert not ledger.newer(9, old)
    ledger.forget(9)
    assert ledger.newer(9, old), "a forgotten key takes the next observation"
    ledger.clear()
    assert len(ledger) == 0 and ledger.newer(8, old)


def test_maxsize_must_hold_something() -> None:
    with pytest.raises(ValueError, match="maxsize"):
        Ledger[str, str](maxsize=0)
