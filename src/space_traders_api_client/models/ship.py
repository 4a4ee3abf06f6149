from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cooldown import Cooldown
  from ..models.ship_cargo import ShipCargo
  from ..models.ship_crew import ShipCrew
  from ..models.ship_engine import ShipEngine
  from ..models.ship_frame import ShipFrame
  from ..models.ship_fuel import ShipFuel
  from ..models.ship_module import ShipModule
  from ..models.ship_mount import ShipMount
  from ..models.ship_nav import ShipNav
  from ..models.ship_reactor import ShipReactor
  from ..models.ship_registration import ShipRegistration


T = TypeVar("T", bound="Ship")


@_attrs_define
class Ship:
    """
        Attributes:
            symbol (str):
            nav (ShipNav):
            modules (list[ShipModule]):
            mounts (list[ShipMount]):
            cargo (ShipCargo):
            fuel (ShipFuel):
            registration (None | ShipRegistration | Unset):
            crew (None | ShipCrew | Unset):
            frame (None | ShipFrame | Unset):
            reactor (None | ShipReactor | Unset):
            engine (None | ShipEngine | Unset):
            cooldown (Cooldown | None | Unset):
     """

    symbol: str
    nav: ShipNav
    modules: list[ShipModule]
    mounts: list[ShipMount]
    cargo: ShipCargo
    fuel: ShipFuel
    registration: None | ShipRegistration | Unset = UNSET
    crew: None | ShipCrew | Unset = UNSET
    frame: None | ShipFrame | Unset = UNSET
    reactor: None | ShipReactor | Unset = UNSET
    engine: None | ShipEngine | Unset = UNSET
    cooldown: Cooldown | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.cooldown import Cooldown # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        from ..models.ship_crew import ShipCrew # noqa: PLC0415
        from ..models.ship_engine import ShipEngine # noqa: PLC0415
        from ..models.ship_frame import ShipFrame # noqa: PLC0415
        from ..models.ship_fuel import ShipFuel # noqa: PLC0415
        from ..models.ship_module import ShipModule # noqa: PLC0415
        from ..models.ship_mount import ShipMount # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        from ..models.ship_reactor import ShipReactor # noqa: PLC0415
        from ..models.ship_registration import ShipRegistration # noqa: PLC0415
        symbol = self.symbol

        nav = self.nav.to_dict()

        modules = []
        for modules_item_data in self.modules:
            modules_item = modules_item_data.to_dict()
            modules.append(modules_item)


        mounts = []
        for mounts_item_data in self.mounts:
            mounts_item = mounts_item_data.to_dict()
            mounts.append(mounts_item)


        cargo = self.cargo.to_dict()

        fuel = self.fuel.to_dict()

        registration: dict[str, Any] | None | Unset
        if isinstance(self.registration, Unset):
            registration = UNSET
        elif isinstance(self.registration, ShipRegistration):
            registration = self.registration.to_dict()
        else:
            registration = self.registration

        crew: dict[str, Any] | None | Unset
        if isinstance(self.crew, Unset):
            crew = UNSET
        elif isinstance(self.crew, ShipCrew):
            crew = self.crew.to_dict()
        else:
            crew = self.crew

        frame: dict[str, Any] | None | Unset
        if isinstance(self.frame, Unset):
            frame = UNSET
        elif isinstance(self.frame, ShipFrame):
            frame = self.frame.to_dict()
        else:
            frame = self.frame

        reactor: dict[str, Any] | None | Unset
        if isinstance(self.reactor, Unset):
            reactor = UNSET
        elif isinstance(self.reactor, ShipReactor):
            reactor = self.reactor.to_dict()
        else:
            reactor = self.reactor

        engine: dict[str, Any] | None | Unset
        if isinstance(self.engine, Unset):
            engine = UNSET
        elif isinstance(self.engine, ShipEngine):
            engine = self.engine.to_dict()
        else:
            engine = self.engine

        cooldown: dict[str, Any] | None | Unset
        if isinstance(self.cooldown, Unset):
            cooldown = UNSET
        elif isinstance(self.cooldown, Cooldown):
            cooldown = self.cooldown.to_dict()
        else:
            cooldown = self.cooldown


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "symbol": symbol,
            "nav": nav,
            "modules": modules,
            "mounts": mounts,
            "cargo": cargo,
            "fuel": fuel,
        })
        if registration is not UNSET:
            field_dict["registration"] = registration
        if crew is not UNSET:
            field_dict["crew"] = crew
        if frame is not UNSET:
            field_dict["frame"] = frame
        if reactor is not UNSET:
            field_dict["reactor"] = reactor
        if engine is not UNSET:
            field_dict["engine"] = engine
        if cooldown is not UNSET:
            field_dict["cooldown"] = cooldown

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooldown import Cooldown # noqa: PLC0415
        from ..models.ship_cargo import ShipCargo # noqa: PLC0415
        from ..models.ship_crew import ShipCrew # noqa: PLC0415
        from ..models.ship_engine import ShipEngine # noqa: PLC0415
        from ..models.ship_frame import ShipFrame # noqa: PLC0415
        from ..models.ship_fuel import ShipFuel # noqa: PLC0415
        from ..models.ship_module import ShipModule # noqa: PLC0415
        from ..models.ship_mount import ShipMount # noqa: PLC0415
        from ..models.ship_nav import ShipNav # noqa: PLC0415
        from ..models.ship_reactor import ShipReactor # noqa: PLC0415
        from ..models.ship_registration import ShipRegistration # noqa: PLC0415
        d = dict(src_dict)
        symbol = d.pop("symbol")

        nav = ShipNav.from_dict(d.pop("nav"))


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


        cargo = ShipCargo.from_dict(d.pop("cargo"))


        fuel = ShipFuel.from_dict(d.pop("fuel"))


        def _parse_registration(data: object) -> None | ShipRegistration | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                registration_type_0 = ShipRegistration.from_dict(data)


                return registration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipRegistration | Unset, data)

        registration = _parse_registration(d.pop("registration", UNSET))


        def _parse_crew(data: object) -> None | ShipCrew | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                crew_type_0 = ShipCrew.from_dict(data)


                return crew_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipCrew | Unset, data)

        crew = _parse_crew(d.pop("crew", UNSET))


        def _parse_frame(data: object) -> None | ShipFrame | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                frame_type_0 = ShipFrame.from_dict(data)


                return frame_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipFrame | Unset, data)

        frame = _parse_frame(d.pop("frame", UNSET))


        def _parse_reactor(data: object) -> None | ShipReactor | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reactor_type_0 = ShipReactor.from_dict(data)


                return reactor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipReactor | Unset, data)

        reactor = _parse_reactor(d.pop("reactor", UNSET))


        def _parse_engine(data: object) -> None | ShipEngine | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                engine_type_0 = ShipEngine.from_dict(data)


                return engine_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShipEngine | Unset, data)

        engine = _parse_engine(d.pop("engine", UNSET))


        def _parse_cooldown(data: object) -> Cooldown | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cooldown_type_0 = Cooldown.from_dict(data)


                return cooldown_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Cooldown | None | Unset, data)

        cooldown = _parse_cooldown(d.pop("cooldown", UNSET))


        ship = cls(
            symbol=symbol,
            nav=nav,
            modules=modules,
            mounts=mounts,
            cargo=cargo,
            fuel=fuel,
            registration=registration,
            crew=crew,
            frame=frame,
            reactor=reactor,
            engine=engine,
            cooldown=cooldown,
        )


        ship.additional_properties = d
        return ship

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
