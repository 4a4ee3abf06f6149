from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fulfill_contract_response_200 import FulfillContractResponse200
from typing import cast


def _get_kwargs(
    contract_id: str,

) -> dict[str, Any]:


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/my/contracts/{contract_id}/fulfill".format(contract_id=quote(str(contract_id), safe=""),),
    }


    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> FulfillContractResponse200 | None:
    if response.status_code == 200:
        response_200 = FulfillContractResponse200.from_dict(response.json())


        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[FulfillContractResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parse=lambda: _parse_response(client=client, response=response),
    )


def sync_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[FulfillContractResponse200]:
    """
    Args:
        contract_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FulfillContractResponse200]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    contract_id: str,
    *,
    client: AuthenticatedClient,

) -> FulfillContractResponse200 | None:
    """
    Args:
        contract_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FulfillContractResponse200
     """


    return sync_detailed(
        contract_id=contract_id,
client=client,

    ).parsed

async def asyncio_detailed(
    contract_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[FulfillContractResponse200]:
    """
    Args:
        contract_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FulfillContractResponse200]
     """


    kwargs = _get_kwargs(
        contract_id=contract_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    contract_id: str,
    *,
    client: AuthenticatedClient,

) -> FulfillContractResponse200 | None:
    """
    Args:
        contract_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FulfillContractResponse200
     """


    return (await asyncio_detailed(
        contract_id=contract_id,
client=client,

    )).parsed
