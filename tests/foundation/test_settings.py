import subprocess
import sys
from pathlib import Path

import pytest

from settings import ConfigError, Settings

APP_ID = "11111111-2222-3333-4444-555555555555"
ROOT = Path(__file__).resolve().parents[2]


def test_without_an_app_id_regrets_runs_in_local_mode_on_loopback():
    settings = Settings.from_mapping({})
    assert settings.local_mode
    assert settings.host == "127.0.0.1"
    assert settings.port == 3978
    assert settings.app_type == "MultiTenant"


def test_with_an_app_id_it_listens_on_all_interfaces_and_derives_the_sso_resource():
    settings = Settings.from_mapping({"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "s"})
    assert settings.host == "0.0.0.0"
    assert settings.sso_resource == f"api://botid-{APP_ID}"
    assert settings.bot_login_url == "https://login.microsoftonline.com/botframework.com"


def test_a_single_tenant_bot_logs_in_against_its_own_tenant_on_the_configured_authority_host():
    settings = Settings.from_mapping(
        {
            "MicrosoftAppId": APP_ID,
            "MicrosoftAppPassword": "s",
            "MicrosoftAppTenantId": "contoso.onmicrosoft.com",
            "AUTHORITY_HOST": "https://login.microsoftonline.us",
        }
    )
    assert settings.app_type == "SingleTenant"
    assert settings.bot_login_url == "https://login.microsoftonline.us/contoso.onmicrosoft.com"
    assert settings.authority == "https://login.microsoftonline.us/contoso.onmicrosoft.com"
    assert not settings.is_public_authority


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MicrosoftAppId": APP_ID}, "MicrosoftAppPassword"),
        ({"MicrosoftAppId": "not-a-guid", "MicrosoftAppPassword": "s"}, "MicrosoftAppId"),
        ({"GRAPH_BASE_URL": "graph.microsoft.com/v1.0"}, "GRAPH_BASE_URL"),
        ({"AUTHORITY_HOST": "ftp://login"}, "AUTHORITY_HOST"),
        ({"PORT": "http"}, "PORT"),
        ({"MicrosoftAppType": "Sometimes"}, "MicrosoftAppType"),
        ({"REQUESTS_CA_BUNDLE": "/nonexistent/ca.pem"}, "REQUESTS_CA_BUNDLE"),
    ],
)
def test_broken_configuration_is_refused_naming_the_variable(env, named):
    with pytest.raises(ConfigError, match=named):
        Settings.from_mapping(env)


def test_a_dotenv_file_is_read_and_the_environment_wins(tmp_path):
    (tmp_path / ".env").write_text(
        f'# demo\nexport MicrosoftAppId="{APP_ID}"\nMicrosoftAppPassword=from-file\nPORT=4000\n'
    )
    settings = Settings.load({"PORT": "5000"}, dotenv=tmp_path / ".env")
    assert settings.app_id == APP_ID
    assert settings.app_password == "from-file"
    assert settings.port == 5000


def test_sandbox_sso_can_never_be_on_with_real_credentials():
    env = {"SANDBOX_SSO_URL": "https://127.0.0.1:1/sandbox/sso-token", "SANDBOX_CLIENT_ID": "x"}
    assert Settings.from_mapping(env).sandbox_sso
    assert not Settings.from_mapping({**env, "MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "s"}).sandbox_sso


@pytest.mark.process
def test_the_process_stops_before_listening_with_one_line_naming_the_variable(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        env={"MicrosoftAppId": APP_ID, "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "MicrosoftAppPassword" in lines[0]
