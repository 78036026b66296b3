import socket

import pytest


def test_a_connection_to_a_non_loopback_address_is_refused():
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(("192.0.2.1", 443))
