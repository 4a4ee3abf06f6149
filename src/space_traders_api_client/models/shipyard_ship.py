from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ship_engine import ShipEngine
  from ..models.ship_frame import ShipFrame
  from ..models.ship_module import ShipModule
  from ..models.ship_mount import ShipMount
  from ..models.ship_reactor import ShipReactor
  from ..models.shipyard_ship_crew import ShipyardShipCrew


T = TypeVar("T", bound="ShipyardShip")


@_attrs_define
class ShipyardShip:
    """
        Attributes:
            type_ (str):
            name (str):
            description (str):
            supply (str):
            purchase_price (int):
            frame (ShipFrame):
            reactor (ShipReactor):
            engine (ShipEngine):
            modules (list[ShipModule]):
            mounts (list[ShipMount]):
            crew (ShipyardShipCrew):
            activity (None | str | Unset):
     """

    type_: str
    name: str
    description: str
    supply: str
    purchase_price: int
    frame: ShipFrame
    reactor: ShipReactor
    engine: ShipEngine
    modules: list[ShipModule]
    mounts: list[ShipMount]
    crew: ShipyardShipCrew
    activity: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.ship_engine import ShipEngine # noqa: PLC0415
        from ..models.ship_frame import ShipFrame # noqa: PLC0415
        from ..models.ship_module import ShipModule # noqa: PLC0415
        from ..models.ship_mount import ShipMount # noqa: PLC0415
        from ..models.ship_reactor import ShipReactor # noqa: PLC0415
        from ..models.shipyard_ship_crew import ShipyardShipCrew # noqa: PLC0415
        type_ = self.type_

        name = self.name

        description = self.description

        supply = self.supply

        purchase_price = self.purchase_price

        frame = self.frame.to_dict()

        reactor = self.reactor.to_dict()

        engine = self.engine.to_dict()

        modules = []
        for modules_item_data in self.modules:
            modules_item = modules_item_data.to_dict()
            modules.append(modules_item)


        mounts = []
        for mounts_item_data in self.mounts:
            mounts_item = mounts_item_data.to_dict()
            mounts.append(mounts_item)


        crew = self.crew.to_dict()

        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        else:
            activity = self.activity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "name": name,
            "description": description,
            "supply": supply,
            "purchasePrice": purchase_price,
            "frame": frame,
            "reactor": reactor,
            "engine": engine,
            "modules": modules,
            "mounts": mounts,
            "crew": crew,
        })
        if activity is not UNSET:
            field_dict["activity"] = activity

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ship_engine import ShipEngine # noqa: PLC0415
        from ..models.ship_frame import ShipFrame # noqa: PLC0415
        from ..models.ship_module import ShipModule # noqa: PLC0415
        from ..models.ship_mount import ShipMount # noqa: PLC0415
        from ..models.ship_reactor import ShipReactor # noqa: PLC0415
        from ..models.shipyard_ship_crew import ShipyardShipCrew # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        name = d.pop("name")

        description = d.pop("description")

        supply = d.pop("supply")

        purchase_price = d.pop("purchasePrice")

        frame = ShipFrame.from_dict(d.pop("frame"))


        reactor = ShipReactor.from_dict(d.pop("reactor"))


        engine = ShipEngine.from_dict(d.pop("engine"))


        modules = []
        _modules = d.pop("modules")
        for modules_item_data in (_modules):
            modules_item = ShipModule.from_dict(modules_item_data)


            modules.append(modules_item)


        mounts = []
        _mounts = d.pop("mounts")
        for mounts_item_data in (_mounts):
            mounts_item = ShipMount.from_dict(mounts_item_data)


            mounts.append(mounts_item)


        crew = ShipyardShipCrew.from_dict(d.pop("crew"))


        def _parse_activity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))


        shipyard_ship = cls(
            type_=type_,
            name=name,
            description=description,
            supply=supply,
            purchase_price=purchase_price,
            frame=frame,
            reactor=reactor,
            engine=engine,
            modules=modules,
            mounts=mounts,
            crew=crew,
            activity=activity,
        )


        shipyard_ship.additional_properties = d
        return shipyard_ship

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
