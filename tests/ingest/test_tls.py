"""HTTPS through the fetcher's asyncio network backend (TLS start, SNI, verification)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from wirewatch_ingest.fetcher import Fetcher, FetchError, make_http_client
from wirewatch_ingest.settings import IngestSettings

from tests.ingest.support import rss

BODY = rss([("tls-1", "Over TLS")])


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl not available to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return key, cert


@pytest.fixture
def https_server(certificate: tuple[Path, Path]) -> Iterator[int]:
    key, cert = certificate

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


async def test_https_fetch_verifies_the_certificate(
    https_server: int, certificate: tuple[Path, Path]
) -> None:
    settings = IngestSettings(ingest_allow_private_networks=True, fetch_total_timeout_s=5)
    trusted = ssl.create_default_context(cafile=str(certificate[1]))
    async with make_http_client(settings, verify=trusted) as client:
        fetcher = Fetcher.from_settings(client, settings, polite=False)
        for host in ("localhost", "127.0.0.1"):
            result = await fetcher.fetch(f"https://{host}:{https_server}/feed")
            assert result.status == 200 and result.body == BODY
    # The default trust store does not know the test CA: refused, cleanly.
    async with make_http_client(settings) as client:
        fetcher = Fetcher.from_settings(client, settings, polite=False)
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(f"https://localhost:{https_server}/feed")
    assert "CERTIFICATE_VERIFY_FAILED" in str(info.value) or "certificate" in str(info.value)
