from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.repair_ship_response_200 import RepairShipResponse200
from typing import cast


def _get_kwargs(
    ship_symbol: str,

) -> dict[str, Any]:


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/my/ships/{ship_symbol}/repair".format(ship_symbol=quote(str(ship_symbol), safe=""),),
    }


    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> RepairShipResponse200 | None:
    if response.status_code == 200:
        response_200 = RepairShipResponse200.from_dict(response.json())


        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[RepairShipResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,

) -> Response[RepairShipResponse200]:
    """
    Args:
        ship_symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RepairShipResponse200]
     """


    kwargs = _get_kwargs(
        ship_symbol=ship_symbol,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,

) -> RepairShipResponse200 | None:
    """
    Args:
        ship_symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RepairShipResponse200
     """


    return sync_detailed(
        ship_symbol=ship_symbol,
client=client,

    ).parsed

async def asyncio_detailed(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,

) -> Response[RepairShipResponse200]:
    """
    Args:
        ship_symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RepairShipResponse200]
     """


    kwargs = _get_kwargs(
        ship_symbol=ship_symbol,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,

) -> RepairShipResponse200 | None:
    """
    Args:
        ship_symbol (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RepairShipResponse200
     """


    return (await asyncio_detailed(
        ship_symbol=ship_symbol,
client=client,

    )).parsed
