from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.scanned_ship_engine import ScannedShipEngine
  from ..models.scanned_ship_frame_type_0 import ScannedShipFrameType0
  from ..models.scanned_ship_mounts_type_0_item import ScannedShipMountsType0Item
  from ..models.scanned_ship_reactor_type_0 import ScannedShipReactorType0
  from ..models.ship_nav import ShipNav
  from ..models.ship_registration import ShipRegistration


T = TypeVar("T", bound="ScannedShip")


@_attrs_define
class ScannedShip:
    """
        Attributes:
            symbol (str):
            registration (ShipRegistration):
            nav (ShipNav):
            engine (ScannedShipEngine):
            frame (None | ScannedShipFrameType0 | Unset):
            reactor (None | ScannedShipReactorType0 | Unset):
            mounts (list[ScannedShipMountsType0Item] | None | Unset):
     """

    symbol: str
    registration: ShipRegistration
    nav: ShipNav
    engine: ScannedShipEngine
    frame: None | ScannedShipFrameType0 | Unset = UNSET
    reactor: None | ScannedShipReactorType0 | Unset = UNSET
    mounts: list[ScannedShipMountsType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.scanned_ship_engine import ScannedShipEngine # noqa: PLC0415
        from ..models.scanned_ship_frame_type_0 import ScannedShipFrameType0 # noqa: PLC0415
        from ..models.scanned_ship_mounts_type_0_item import ScannedShipMountsType0Item # noqa: PLC0415
        from ..models.scanned_ship_reactor_type_0 import ScannedShipReactorType0 # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        from ..models.ship_registration import ShipRegistration # noqa: PLC0415
        symbol = self.symbol

        registration = self.registration.to_dict()

        nav = self.nav.to_dict()

        engine = self.engine.to_dict()

        frame: dict[str, Any] | None | Unset
        if isinstance(self.frame, Unset):
            frame = UNSET
        elif isinstance(self.frame, ScannedShipFrameType0):
            frame = self.frame.to_dict()
        else:
            frame = self.frame

        reactor: dict[str, Any] | None | Unset
        if isinstance(self.reactor, Unset):
            reactor = UNSET
        elif isinstance(self.reactor, ScannedShipReactorType0):
            reactor = self.reactor.to_dict()
        else:
            reactor = self.reactor

        mounts: list[dict[str, Any]] | None | Unset
        if isinstance(self.mounts, Unset):
            mounts = UNSET
        elif isinstance(self.mounts, list):
            mounts = []
            for mounts_type_0_item_data in self.mounts:
                mounts_type_0_item = mounts_type_0_item_data.to_dict()
                mounts.append(mounts_type_0_item)


        else:
            mounts = self.mounts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "registration": registration,
            "nav": nav,
            "engine": engine,
        })
        if frame is not UNSET:
            field_dict["frame"] = frame
        if reactor is not UNSET:
            field_dict["reactor"] = reactor
        if mounts is not UNSET:
            field_dict["mounts"] = mounts

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scanned_ship_engine import ScannedShipEngine # noqa: PLC0415
        from ..models.scanned_ship_frame_type_0 import ScannedShipFrameType0 # noqa: PLC0415
        from ..models.scanned_ship_mounts_type_0_item import ScannedShipMountsType0Item # noqa: PLC0415
        from ..models.scanned_ship_reactor_type_0 import ScannedShipReactorType0 # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        from ..models.ship_registration import ShipRegistration # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        registration = ShipRegistration.from_dict(d.pop("registration"))


        nav = ShipNav.from_dict(d.pop("nav"))


        engine = ScannedShipEngine.from_dict(d.pop("engine"))


        def _parse_frame(data: object) -> None | ScannedShipFrameType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                frame_type_0 = ScannedShipFrameType0.from_dict(data)


                return frame_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScannedShipFrameType0 | Unset, data)

        frame = _parse_frame(d.pop("frame", UNSET))


        def _parse_reactor(data: object) -> None | ScannedShipReactorType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reactor_type_0 = ScannedShipReactorType0.from_dict(data)


                return reactor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScannedShipReactorType0 | Unset, data)

        reactor = _parse_reactor(d.pop("reactor", UNSET))


        def _parse_mounts(data: object) -> list[ScannedShipMountsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                mounts_type_0 = []
                _mounts_type_0 = data
                for mounts_type_0_item_data in (_mounts_type_0):
                    mounts_type_0_item = ScannedShipMountsType0Item.from_dict(mounts_type_0_item_data)


                    mounts_type_0.append(mounts_type_0_item)

                return mounts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ScannedShipMountsType0Item] | None | Unset, data)

        mounts = _parse_mounts(d.pop("mounts", UNSET))


        scanned_ship = cls(
            symbol=symbol,
            registration=registration,
            nav=nav,
            engine=engine,
            frame=frame,
            reactor=reactor,
            mounts=mounts,
        )


        scanned_ship.additional_properties = d
        return scanned_ship

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
