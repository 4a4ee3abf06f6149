from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.get_status_response_200_announcements_type_0_item import GetStatusResponse200AnnouncementsType0Item
  from ..models.get_status_response_200_health_type_0 import GetStatusResponse200HealthType0
  from ..models.get_status_response_200_leaderboards_type_0 import GetStatusResponse200LeaderboardsType0
  from ..models.get_status_response_200_links_type_0_item import GetStatusResponse200LinksType0Item
  from ..models.get_status_response_200_server_resets_type_0 import GetStatusResponse200ServerResetsType0
  from ..models.get_status_response_200_stats_type_0 import GetStatusResponse200StatsType0


T = TypeVar("T", bound="GetStatusResponse200")


@_attrs_define
class GetStatusResponse200:
    """
        Attributes:
            status (str):
            reset_date (str):
            version (None | str | Unset):
            description (None | str | Unset):
            stats (GetStatusResponse200StatsType0 | None | Unset):
            health (GetStatusResponse200HealthType0 | None | Unset):
            leaderboards (GetStatusResponse200LeaderboardsType0 | None | Unset):
            server_resets (GetStatusResponse200ServerResetsType0 | None | Unset):
            announcements (list[GetStatusResponse200AnnouncementsType0Item] | None | Unset):
            links (list[GetStatusResponse200LinksType0Item] | None | Unset):
     """

    status: str
    reset_date: str
    version: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    stats: GetStatusResponse200StatsType0 | None | Unset = UNSET
    health: GetStatusResponse200HealthType0 | None | Unset = UNSET
    leaderboards: GetStatusResponse200LeaderboardsType0 | None | Unset = UNSET
    server_resets: GetStatusResponse200ServerResetsType0 | None | Unset = UNSET
    announcements: list[GetStatusResponse200AnnouncementsType0Item] | None | Unset = UNSET
    links: list[GetStatusResponse200LinksType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)


    def to_dict(self) -> dict[str, Any]:
        from ..models.get_status_response_200_announcements_type_0_item import GetStatusResponse200AnnouncementsType0Item # noqa: PLC0415
        from ..models.get_status_response_200_health_type_0 import GetStatusResponse200HealthType0 # noqa: PLC0415
        from ..models.get_status_response_200_leaderboards_type_0 import GetStatusResponse200LeaderboardsType0 # noqa: PLC0415
        from ..models.get_status_response_200_links_type_0_item import GetStatusResponse200LinksType0Item # noqa: PLC0415
        from ..models.get_status_response_200_server_resets_type_0 import GetStatusResponse200ServerResetsType0 # noqa: PLC0415
        from ..models.get_status_response_200_stats_type_0 import GetStatusResponse200StatsType0 # noqa: PLC0415
        status = self.status

        reset_date = self.reset_date

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        stats: dict[str, Any] | None | Unset
        if isinstance(self.stats, Unset):
            stats = UNSET
        elif isinstance(self.stats, GetStatusResponse200StatsType0):
            stats = self.stats.to_dict()
        else:
            stats = self.stats

        health: dict[str, Any] | None | Unset
        if isinstance(self.health, Unset):
            health = UNSET
        elif isinstance(self.health, GetStatusResponse200HealthType0):
            health = self.health.to_dict()
        else:
            health = self.health

        leaderboards: dict[str, Any] | None | Unset
        if isinstance(self.leaderboards, Unset):
            leaderboards = UNSET
        elif isinstance(self.leaderboards, GetStatusResponse200LeaderboardsType0):
            leaderboards = self.leaderboards.to_dict()
        else:
            leaderboards = self.leaderboards

        server_resets: dict[str, Any] | None | Unset
        if isinstance(self.server_resets, Unset):
            server_resets = UNSET
        elif isinstance(self.server_resets, GetStatusResponse200ServerResetsType0):
            server_resets = self.server_resets.to_dict()
        else:
            server_resets = self.server_resets

        announcements: list[dict[str, Any]] | None | Unset
        if isinstance(self.announcements, Unset):
            announcements = UNSET
        elif isinstance(self.announcements, list):
            announcements = []
            for announcements_type_0_item_data in self.announcements:
                announcements_type_0_item = announcements_type_0_item_data.to_dict()
                announcements.append(announcements_type_0_item)


        else:
            announcements = self.announcements

        links: list[dict[str, Any]] | None | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        elif isinstance(self.links, list):
            links = []
            for links_type_0_item_data in self.links:
                links_type_0_item = links_type_0_item_data.to_dict()
                links.append(links_type_0_item)


        else:
            links = self.links


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "resetDate": reset_date,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if description is not UNSET:
            field_dict["description"] = description
        if stats is not UNSET:
            field_dict["stats"] = stats
        if health is not UNSET:
            field_dict["health"] = health
        if leaderboards is not UNSET:
            field_dict["leaderboards"] = leaderboards
        if server_resets is not UNSET:
            field_dict["serverResets"] = server_resets
        if announcements is not UNSET:
            field_dict["announcements"] = announcements
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_status_response_200_announcements_type_0_item import GetStatusResponse200AnnouncementsType0Item # noqa: PLC0415
        from ..models.get_status_response_200_health_type_0 import GetStatusResponse200HealthType0 # noqa: PLC0415
        from ..models.get_status_response_200_leaderboards_type_0 import GetStatusResponse200LeaderboardsType0 # noqa: PLC0415
        from ..models.get_status_response_200_links_type_0_item import GetStatusResponse200LinksType0Item # noqa: PLC0415
        from ..models.get_status_response_200_server_resets_type_0 import GetStatusResponse200ServerResetsType0 # noqa: PLC0415
        from ..models.get_status_response_200_stats_type_0 import GetStatusResponse200StatsType0 # noqa: PLC0415
        d = dict(src_dict)
        status = d.pop("status")

        reset_date = d.pop("resetDate")

        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_stats(data: object) -> GetStatusResponse200StatsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stats_type_0 = GetStatusResponse200StatsType0.from_dict(data)


                return stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetStatusResponse200StatsType0 | None | Unset, data)

        stats = _parse_stats(d.pop("stats", UNSET))


        def _parse_health(data: object) -> GetStatusResponse200HealthType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                health_type_0 = GetStatusResponse200HealthType0.from_dict(data)


                return health_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetStatusResponse200HealthType0 | None | Unset, data)

        health = _parse_health(d.pop("health", UNSET))


        def _parse_leaderboards(data: object) -> GetStatusResponse200LeaderboardsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                leaderboards_type_0 = GetStatusResponse200LeaderboardsType0.from_dict(data)


                return leaderboards_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetStatusResponse200LeaderboardsType0 | None | Unset, data)

        leaderboards = _parse_leaderboards(d.pop("leaderboards", UNSET))


        def _parse_server_resets(data: object) -> GetStatusResponse200ServerResetsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                server_resets_type_0 = GetStatusResponse200ServerResetsType0.from_dict(data)


                return server_resets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetStatusResponse200ServerResetsType0 | None | Unset, data)

        server_resets = _parse_server_resets(d.pop("serverResets", UNSET))


        def _parse_announcements(data: object) -> list[GetStatusResponse200AnnouncementsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                announcements_type_0 = []
                _announcements_type_0 = data
                for announcements_type_0_item_data in (_announcements_type_0):
                    announcements_type_0_item = GetStatusResponse200AnnouncementsType0Item.from_dict(announcements_type_0_item_data)


                    announcements_type_0.append(announcements_type_0_item)

                return announcements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GetStatusResponse200AnnouncementsType0Item] | None | Unset, data)

        announcements = _parse_announcements(d.pop("announcements", UNSET))


        def _parse_links(data: object) -> list[GetStatusResponse200LinksType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                links_type_0 = []
                _links_type_0 = data
                for links_type_0_item_data in (_links_type_0):
                    links_type_0_item = GetStatusResponse200LinksType0Item.from_dict(links_type_0_item_data)


                    links_type_0.append(links_type_0_item)

                return links_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GetStatusResponse200LinksType0Item] | None | Unset, data)

        links = _parse_links(d.pop("links", UNSET))


        get_status_response_200 = cls(
            status=status,
            reset_date=reset_date,
            version=version,
            description=description,
            stats=stats,
            health=health,
            leaderboards=leaderboards,
            server_resets=server_resets,
            announcements=announcements,
            links=links,
        )


        get_status_response_200.additional_properties = d
        return get_status_response_200

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
