"""The real gateway, adapters and writer fit the DataService's Protocols (checked by mypy and at run time)."""

from __future__ import annotations

import inspect

from stdaemon.api import adapters
from stdaemon.api.decoder import ADAPTERS, AdapterDecoder
from stdaemon.api.gateway import Gateway
from stdaemon.db.sink import DbReferenceSource, WriterSink
from stdaemon.services.protocols import Api, Decoder, ModelSink, ReferenceSource


def _as_api(gateway: Gateway) -> Api:
    return gateway  # mypy: Gateway satisfies Api


def _as_sink(sink: WriterSink) -> ModelSink:
    return sink


def _as_reference(source: DbReferenceSource) -> ReferenceSource:
    return source


DECODER: Decoder = ADAPTERS  # mypy: an object whose type satisfies the Protocol, not a module


def _members(protocol: type) -> list[str]:
    return [n for n, _ in inspect.getmembers(protocol) if not n.startswith("_")]


def test_every_protocol_member_exists_on_the_real_implementation() -> None:
    for protocol, impl in ((Api, Gateway), (Decoder, AdapterDecoder), (ModelSink, WriterSink)):
        members = _members(protocol)
        assert members, protocol
        missing = [n for n in members if not hasattr(impl, n)]
        assert not missing, f"{impl} lacks {missing}"


def test_each_decoder_member_is_the_adapter_of_the_same_name() -> None:
    for name in _members(Decoder):
        assert getattr(ADAPTERS, name) is getattr(adapters, name), name
