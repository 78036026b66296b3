"""A throwaway certificate authority for the HTTPS stand-ins (Entra ID needs https).

`TestCA.create(dir)` makes a CA and a server certificate for 127.0.0.1/localhost and
writes `ca.pem` (the test CA alone) and `bundle.pem` (the system CAs plus the test CA),
so a client told `REQUESTS_CA_BUNDLE=bundle.pem` trusts both the stand-ins and the
real cloud.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path

import certifi
import trustme

SYSTEM_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")


@dataclass
class TestCA:
    __test__ = False  # not a pytest class

    ca_file: Path
    bundle_file: Path
    server_context: ssl.SSLContext

    @classmethod
    def create(cls, directory: Path) -> TestCA:
        directory.mkdir(parents=True, exist_ok=True)
        ca = trustme.CA(organization_name="Regrets sandbox CA")
        cert = ca.issue_cert("127.0.0.1", "localhost", "::1")
        ca_file = directory / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        system = SYSTEM_BUNDLE if SYSTEM_BUNDLE.exists() else Path(certifi.where())
        bundle_file = directory / "bundle.pem"
        bundle_file.write_bytes(system.read_bytes() + b"\n" + ca.cert_pem.bytes())
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(context)
        return cls(ca_file=ca_file, bundle_file=bundle_file, server_context=context)
