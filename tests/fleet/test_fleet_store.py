"""Ship claims and saved behaviour state on a real PostgreSQL: one runner per ship, across processes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from stdaemon.db.fleet_store import DbAssignmentStore
from stdaemon.domain.operations import ShipAssignment

RESET = date(2026, 11, 15)


async def test_a_ship_belongs_to_one_runner_until_its_lease_runs_out(clean_db: AsyncEngine) -> None:
    store = DbAssignmentStore(clean_db)
    held = await store.claim(RESET, "markets", ["P-1", "P-2"])
    assert [a.ship_symbol for a in held] == ["P-1", "P-2"]
    assert all(a.runner == "markets" and a.behaviour is None for a in held)

    assert await store.claim(RESET, "fleet", ["P-1", "C-1"]) == [
        ShipAssignment(ship_symbol="C-1", runner="fleet")
    ]  # P-1 is the market runner's while its lease runs
    renewed = await store.claim(RESET, "markets", ["P-1"])  # the heartbeat keeps it
    assert [a.ship_symbol for a in renewed] == ["P-1"]

    async with clean_db.begin() as conn:  # the market runner died long ago: its lease is over
        await conn.execute(text("UPDATE telemetry.ship_behaviours SET lease_until = now() - interval '1 s'"))
    taken = await store.claim(RESET, "fleet", ["P-1"])
    assert [(a.ship_symbol, a.runner) for a in taken] == [("P-1", "fleet")]
    assert await store.claim(RESET, "markets", ["P-1"]) == []  # and now it is the fleet's


async def test_saved_state_comes_back_to_the_same_runner_and_not_to_another(clean_db: AsyncEngine) -> None:
    store = DbAssignmentStore(clean_db, lease=timedelta(seconds=30))
    await store.claim(RESET, "fleet", ["C-1"])
    wake = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    saved = ShipAssignment(
        ship_symbol="C-1",
        runner="fleet",
        behaviour="contracts",
        state={"contract_id": "c1", "avoid": ["X1-A-B1:IRON"]},
        wake_at=wake,
        note="flying to X1-A-B1",
    )
    await store.save(RESET, saved)
    assert await store.claim(RESET, "fleet", ["C-1"]) == [saved]  # a restart resumes the ship
    assert await store.assignments(RESET) == [saved]

    await store.release(RESET, "fleet", ["C-1"])
    [taken] = await store.claim(RESET, "markets", ["C-1"])  # released: another runner may take it
    assert (taken.runner, taken.behaviour, taken.state, taken.wake_at) == ("markets", None, {}, None)

    stale = saved.model_copy(update={"note": "a runner that lost the ship"})
    await store.save(RESET, stale)  # the fleet's save no longer lands: the ship is not its
    [now] = await store.assignments(RESET)
    assert now.runner == "markets" and now.note != stale.note


async def test_claims_are_per_reset(clean_db: AsyncEngine) -> None:
    store = DbAssignmentStore(clean_db)
    await store.claim(RESET, "markets", ["S-1"])
    assert [a.ship_symbol for a in await store.claim(RESET + timedelta(days=14), "fleet", ["S-1"])] == ["S-1"]


async def test_only_one_process_holds_a_runner_role(clean_db: AsyncEngine) -> None:
    first, second = DbAssignmentStore(clean_db), DbAssignmentStore(clean_db)
    async with first.hold_role("fleet") as held:
        assert held
        async with second.hold_role("fleet") as again, second.hold_role("markets") as other:
            assert not again
            assert other
    async with second.hold_role("fleet") as held_later:
        assert held_later  # released when the holder finished


async def test_a_role_whose_connection_died_is_left_without_an_error(clean_db: AsyncEngine) -> None:
    """PostgreSQL restarted under a runner: its lock went with the connection, and leaving must not crash
    the runner (it made the daemon exit 1 on its next SIGTERM)."""
    store = DbAssignmentStore(clean_db)
    async with store.hold_role("fleet") as held:
        assert held
        async with clean_db.connect() as conn:
            killed = await conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    " AND pid <> pg_backend_pid()"
                    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            )
            assert killed.scalars().all() == [True]
    async with DbAssignmentStore(clean_db).hold_role("fleet") as held_again:
        assert held_again
