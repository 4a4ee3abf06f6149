"""The real gateway, adapters and writer fit the DataService's Protocols (checked by mypy and at run time)."""

from __future__ import annotations

import inspect

from stdaemon.api import adapters
from stdaemon.api.gateway import Gateway
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.services.protocols import Api, Decoder, ModelSink, ReferenceSource


def _as_api(gateway: Gateway) -> Api:
    return gateway  # mypy: Gateway satisfies Api


def _as_sink(sink: WriterSink) -> ModelSink:
    return sink


def _as_reference(source: DbReferenceSource) -> ReferenceSource:
    return source


DECODER: Decoder = adapters  # a module satisfies a Protocol of functions


def test_every_protocol_member_exists_on_the_real_implementation() -> None:
    for protocol, impl in ((Api, Gateway), (Decoder, adapters), (ModelSink, WriterSink)):
        members = [n for n, _ in inspect.getmembers(protocol) if not n.startswith("_")]
        assert members, protocol
        missing = [n for n in members if not hasattr(impl, n)]
        assert not missing, f"{impl} lacks {missing}"
    assert DECODER is adapters
