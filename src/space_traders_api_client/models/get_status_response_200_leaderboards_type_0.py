from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.get_status_response_200_leaderboards_type_0_most_credits_item import GetStatusResponse200LeaderboardsType0MostCreditsItem
  from ..models.get_status_response_200_leaderboards_type_0_most_submitted_charts_item import GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem


T = TypeVar("T", bound="GetStatusResponse200LeaderboardsType0")


@_attrs_define
class GetStatusResponse200LeaderboardsType0:
    """
        Attributes:
            most_credits (list[GetStatusResponse200LeaderboardsType0MostCreditsItem]):
            most_submitted_charts (list[GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem]):
     """

    most_credits: list[GetStatusResponse200LeaderboardsType0MostCreditsItem]
    most_submitted_charts: list[GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.get_status_response_200_leaderboards_type_0_most_credits_item import GetStatusResponse200LeaderboardsType0MostCreditsItem # noqa: PLC0415
        from ..models.get_status_response_200_leaderboards_type_0_most_submitted_charts_item import GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem # noqa: PLC0415
        most_credits = []
        for most_credits_item_data in self.most_credits:
            most_credits_item = most_credits_item_data.to_dict()
            most_credits.append(most_credits_item)


        most_submitted_charts = []
        for most_submitted_charts_item_data in self.most_submitted_charts:
            most_submitted_charts_item = most_submitted_charts_item_data.to_dict()
            most_submitted_charts.append(most_submitted_charts_item)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mostCredits": most_credits,
            "mostSubmittedCharts": most_submitted_charts,
        })

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_status_response_200_leaderboards_type_0_most_credits_item import GetStatusResponse200LeaderboardsType0MostCreditsItem # noqa: PLC0415
        from ..models.get_status_response_200_leaderboards_type_0_most_submitted_charts_item import GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem # noqa: PLC0415
        d = dict(src_dict)
        most_credits = []
        _most_credits = d.pop("mostCredits")
        for most_credits_item_data in (_most_credits):
            most_credits_item = GetStatusResponse200LeaderboardsType0MostCreditsItem.from_dict(most_credits_item_data)


            most_credits.append(most_credits_item)


        most_submitted_charts = []
        _most_submitted_charts = d.pop("mostSubmittedCharts")
        for most_submitted_charts_item_data in (_most_submitted_charts):
            most_submitted_charts_item = GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem.from_dict(most_submitted_charts_item_data)


            most_submitted_charts.append(most_submitted_charts_item)


        get_status_response_200_leaderboards_type_0 = cls(
            most_credits=most_credits,
            most_submitted_charts=most_submitted_charts,
        )


        get_status_response_200_leaderboards_type_0.additional_properties = d
        return get_status_response_200_leaderboards_type_0

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
