"""A minimal HTTP/1.1 client over asyncio streams, for the load generator.

Why not aiohttp or httpx: the load generator shares the machine's two cores with
the server it measures, so every microsecond it spends is taken from the server.
This client does only what the benchmark needs (keep-alive, Content-Length and
chunked bodies, a cookie-free request line) and nothing else.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass


class ProtocolError(Exception):
    """The server's answer could not be read as HTTP/1.1."""


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: dict[bytes, bytes]  # lower-case names
    body: bytes


class Connection:
    """One keep-alive connection to host:port; reconnects when the server closes it."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def request(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        body: bytes = b"",
    ) -> Response:
        """Send one request and read its whole response.

        A request on a connection the server had closed while idle is retried once
        on a new connection (the usual keep-alive race); any other failure raises.
        """
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                fresh = True
            else:
                fresh = False
            try:
                return await self._exchange(method, path, headers or {}, body)
            except (ConnectionError, asyncio.IncompleteReadError, ProtocolError):
                await self.close()
                if fresh or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _exchange(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> Response:
        assert self.reader is not None and self.writer is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines.extend(f"{name}: {value}" for name, value in headers.items())
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        parts = status_line.split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise ProtocolError(status_line[:80])
        status = int(parts[1])
        response_headers: dict[bytes, bytes] = {}
        for line in header_lines:
            name, _, value = line.partition(b":")
            response_headers[name.strip().lower()] = value.strip()
        if method == "HEAD" or status in (204, 304):
            response_body = b""
        elif b"content-length" in response_headers:
            response_body = await self.reader.readexactly(int(response_headers[b"content-length"]))
        elif response_headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            response_body = await self._read_chunked()
        else:
            response_body = await self.reader.read()
            await self.close()
            return Response(status, response_headers, response_body)
        if response_headers.get(b"connection", b"").lower() == b"close":
            await self.close()
        return Response(status, response_headers, response_body)

    async def _read_chunked(self) -> bytes:
        assert self.reader is not None
        chunks = []
        while True:
            size_line = await self.reader.readuntil(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")  # the empty trailer
                return b"".join(chunks)
            chunks.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)
