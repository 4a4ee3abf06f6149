""" Contains some shared types for properties """

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import Any, BinaryIO, Generic, TypeVar, Literal, IO, cast

from attrs import define, field


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]

@define
class File:
    """ Contains information for file uploads """

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """ Return a tuple representation that httpx will accept for multipart/form-data """
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


_UNPARSED: Any = object()


@define
class Response(Generic[T]):
    """ A response from an endpoint; `parsed` is decoded from the body when it is first read """

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parse: Callable[[], T | None] = field(repr=False, eq=False)
    _parsed: Any = field(default=_UNPARSED, init=False, repr=False, eq=False)

    @property
    def parsed(self) -> T | None:
        if self._parsed is _UNPARSED:
            self._parsed = self.parse()
        return cast(T | None, self._parsed)


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
