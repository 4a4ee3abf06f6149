"""`stdaemon report`: one self-contained HTML page drawn from the `analytics` views (see `page`)."""

from __future__ import annotations

from stdaemon.report.page import render_page

__all__ = ["render_page"]
