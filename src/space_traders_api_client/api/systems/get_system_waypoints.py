from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_system_waypoints_response_200 import GetSystemWaypointsResponse200
from ...types import UNSET, Unset
from typing import cast


def _get_kwargs(
    system_symbol: str,
    *,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    type_: str | Unset = UNSET,
    traits: list[str] | str | Unset = UNSET,

) -> dict[str, Any]:


    params: dict[str, Any] = {}

    params["page"] = page

    params["limit"] = limit

    params["type"] = type_

    json_traits: list[str] | str | Unset
    if isinstance(traits, Unset):
        json_traits = UNSET
    elif isinstance(traits, list):
        json_traits = traits


    else:
        json_traits = traits
    params["traits"] = json_traits


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/systems/{system_symbol}/waypoints".format(system_symbol=quote(str(system_symbol), safe=""),),
        "params": params,
    }


    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> GetSystemWaypointsResponse200 | None:
    if response.status_code == 200:
        response_200 = GetSystemWaypointsResponse200.from_dict(response.json())


        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[GetSystemWaypointsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    system_symbol: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    type_: str | Unset = UNSET,
    traits: list[str] | str | Unset = UNSET,

) -> Response[GetSystemWaypointsResponse200]:
    """
    Args:
        system_symbol (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        type_ (str | Unset):
        traits (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetSystemWaypointsResponse200]
     """


    kwargs = _get_kwargs(
        system_symbol=system_symbol,
page=page,
limit=limit,
type_=type_,
traits=traits,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    system_symbol: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    type_: str | Unset = UNSET,
    traits: list[str] | str | Unset = UNSET,

) -> GetSystemWaypointsResponse200 | None:
    """
    Args:
        system_symbol (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        type_ (str | Unset):
        traits (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetSystemWaypointsResponse200
     """


    return sync_detailed(
        system_symbol=system_symbol,
client=client,
page=page,
limit=limit,
type_=type_,
traits=traits,

    ).parsed

async def asyncio_detailed(
    system_symbol: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    type_: str | Unset = UNSET,
    traits: list[str] | str | Unset = UNSET,

) -> Response[GetSystemWaypointsResponse200]:
    """
    Args:
        system_symbol (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        type_ (str | Unset):
        traits (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetSystemWaypointsResponse200]
     """


    kwargs = _get_kwargs(
        system_symbol=system_symbol,
page=page,
limit=limit,
type_=type_,
traits=traits,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    system_symbol: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    limit: int | Unset = 10,
    type_: str | Unset = UNSET,
    traits: list[str] | str | Unset = UNSET,

) -> GetSystemWaypointsResponse200 | None:
    """
    Args:
        system_symbol (str):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 10.
        type_ (str | Unset):
        traits (list[str] | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetSystemWaypointsResponse200
     """


    return (await asyncio_detailed(
        system_symbol=system_symbol,
client=client,
page=page,
limit=limit,
type_=type_,
traits=traits,

    )).parsed
