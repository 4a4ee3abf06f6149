from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.agent import Agent
  from ..models.chart import Chart
  from ..models.chart_transaction import ChartTransaction
  from ..models.waypoint import Waypoint


T = TypeVar("T", bound="CreateChartResponse201Data")


@_attrs_define
class CreateChartResponse201Data:
    """
        Attributes:
            chart (Chart):
            waypoint (Waypoint):
            transaction (ChartTransaction):
            agent (Agent):
     """

    chart: Chart
    waypoint: Waypoint
    transaction: ChartTransaction
    agent: Agent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.chart import Chart # noqa: PLC0415
        from ..models.chart_transaction import ChartTransaction # noqa: PLC0415
        from ..models.waypoint import Waypoint # noqa: PLC0415
        chart = self.chart.to_dict()

        waypoint = self.waypoint.to_dict()

        transaction = self.transaction.to_dict()

        agent = self.agent.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "chart": chart,
            "waypoint": waypoint,
            "transaction": transaction,
            "agent": agent,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent import Agent # noqa: PLC0415
        from ..models.chart import Chart # noqa: PLC0415
        from ..models.chart_transaction import ChartTransaction # noqa: PLC0415
        from ..models.waypoint import Waypoint # noqa: PLC0415
        d = dict(src_dict)
        chart = Chart.from_dict(d.pop("chart"))


        waypoint = Waypoint.from_dict(d.pop("waypoint"))


        transaction = ChartTransaction.from_dict(d.pop("transaction"))


        agent = Agent.from_dict(d.pop("agent"))


        create_chart_response_201_data = cls(
            chart=chart,
            waypoint=waypoint,
            transaction=transaction,
            agent=agent,
        )


        create_chart_response_201_data.additional_properties = d
        return create_chart_response_201_data

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
