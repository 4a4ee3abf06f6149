"""How history tables are laid out: one partition per reset epoch, BRIN on the time column.

`BY_EPOCH` is the table options of a history table (`PARTITION BY LIST (reset_date)`); its partitions live in
schema `partitions` and are made by `telemetry.ensure_epoch(date)` (migration 0005), which the DbWriter calls
the first time it writes an epoch; a DEFAULT partition holds rows of an epoch that has none yet. `brin(col)`
is the index on the observation or event time: rows arrive in time order, so a BRIN answers time ranges at a
fraction of a btree's cost per insert.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index

from stdaemon.db.tables.base import TELEMETRY

PARTITIONS = "partitions"
BY_EPOCH: dict[str, Any] = {"schema": TELEMETRY, "postgresql_partition_by": "LIST (reset_date)"}


def brin(column: str) -> Index:
    return Index(None, column, postgresql_using="brin")
