"""Pure mappers: a domain model (+ the reset epoch and when it was observed) → row dicts per table.

So that the DataService and `stdaemon ingest` write domain models, never hand-built dicts, and so that the
column names live next to the tables. `rows_for(model, …)` dispatches on the model's type and returns
`{"schema.table": [row, …]}`; an action result yields the rows of every entity it carries (agent, contract,
transaction, survey, extraction …). Partial ship state in a result (nav, fuel, cargo) is not a row on its
own: the DataService folds it into the cached Ship and writes that.

The mappers live by schema in `reference`, `fleet` and `trade`; importing this package registers them all.
"""

from __future__ import annotations

from stdaemon.db.rows.core import Row, Rows, merge, rows_for, rows_for_all
from stdaemon.db.rows.fleet import extraction_rows
from stdaemon.db.rows.reference import SIMULATOR, reset_rows
from stdaemon.db.rows.trade import transaction_rows

__all__ = [
    "SIMULATOR",
    "Row",
    "Rows",
    "extraction_rows",
    "merge",
    "reset_rows",
    "rows_for",
    "rows_for_all",
    "transaction_rows",
]
