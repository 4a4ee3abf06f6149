from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.install_mount_install_mount_201_response import InstallMountInstallMount201Response
from ...models.install_mount_install_mount_request import InstallMountInstallMountRequest
from typing import cast


def _get_kwargs(
    ship_symbol: str,
    *,
    body: InstallMountInstallMountRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/my/ships/{ship_symbol}/mounts/install".format(ship_symbol=quote(str(ship_symbol), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InstallMountInstallMount201Response | None:
    if response.status_code == 201:
        response_201 = InstallMountInstallMount201Response.from_dict(response.json())


        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InstallMountInstallMount201Response]:
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
    body: InstallMountInstallMountRequest,

) -> Response[InstallMountInstallMount201Response]:
    """
    Args:
        ship_symbol (str):
        body (InstallMountInstallMountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstallMountInstallMount201Response]
     """


    kwargs = _get_kwargs(
        ship_symbol=ship_symbol,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,
    body: InstallMountInstallMountRequest,

) -> InstallMountInstallMount201Response | None:
    """
    Args:
        ship_symbol (str):
        body (InstallMountInstallMountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstallMountInstallMount201Response
     """


    return sync_detailed(
        ship_symbol=ship_symbol,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,
    body: InstallMountInstallMountRequest,

) -> Response[InstallMountInstallMount201Response]:
    """
    Args:
        ship_symbol (str):
        body (InstallMountInstallMountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstallMountInstallMount201Response]
     """


    kwargs = _get_kwargs(
        ship_symbol=ship_symbol,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    ship_symbol: str,
    *,
    client: AuthenticatedClient,
    body: InstallMountInstallMountRequest,

) -> InstallMountInstallMount201Response | None:
    """
    Args:
        ship_symbol (str):
        body (InstallMountInstallMountRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstallMountInstallMount201Response
     """


    return (await asyncio_detailed(
        ship_symbol=ship_symbol,
client=client,
body=body,

    )).parsed
