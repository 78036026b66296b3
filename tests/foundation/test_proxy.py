from app import behind_proxy


def test_without_a_proxy_graph_is_reached_directly(monkeypatch):
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert not behind_proxy("https://graph.microsoft.com/v1.0")


def test_an_https_proxy_in_the_environment_is_honoured_unless_graph_is_excluded(monkeypatch):
    monkeypatch.setenv("https_proxy", "http://proxy.contoso.example:8080")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert behind_proxy("https://graph.microsoft.com/v1.0")
    monkeypatch.setenv("no_proxy", "graph.microsoft.com")
    assert not behind_proxy("https://graph.microsoft.com/v1.0")
