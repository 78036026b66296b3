"""`python -m manifest`: what an admin gets (a valid package) or sees (one error line, no zip)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from manifest import package
from manifest.package import APP_PACKAGE, REPO_ROOT, VALIDATOR, main
from settings import Settings

# Packaging validates the manifest with node, so every test here starts a process.
pytestmark = pytest.mark.process

APP_ID = "0b4f2d8e-6c1a-4f3b-9d7e-2a5c8e1f4b6d"
DOMAIN = "regrets.contoso.com"
BASE_ENV = {"MicrosoftAppId": APP_ID, "BOT_DOMAIN": DOMAIN}
COMMANDS = {"decline my 3pm", "what's on today", "help", "sign out"}


def run(tmp_path: Path, env: dict[str, str], capsys) -> tuple[int, str, str]:
    code = main(["--out", "build/appPackage.zip"], environ=env, cwd=tmp_path)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def filled(tmp_path: Path) -> dict:
    return json.loads((tmp_path / "build" / "appPackage" / "manifest.json").read_text(encoding="utf-8"))


def validate(manifest_file: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["node", str(VALIDATOR), str(manifest_file)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_filled_manifest_passes_microsofts_schema_offline(tmp_path, capsys):
    code, out, _ = run(tmp_path, BASE_ENV, capsys)
    assert code == 0, out
    result = validate(tmp_path / "build" / "appPackage" / "manifest.json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "json-schemas/teams/v1.22/MicrosoftTeams.schema.json" in result.stdout
    manifest = filled(tmp_path)
    assert manifest["manifestVersion"] == "1.22"
    assert manifest["$schema"].startswith("https://developer.microsoft.com/")


def test_the_validator_reports_each_field_teams_would_refuse(tmp_path, capsys):
    run(tmp_path, BASE_ENV, capsys)
    manifest = filled(tmp_path)
    manifest["accentColor"] = "red"
    manifest["bots"][0]["scopes"].append("meeting")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(manifest), encoding="utf-8")
    result = validate(broken)
    assert result.returncode == 1
    assert "/accentColor" in result.stdout
    assert "/bots/0/scopes/3" in result.stdout


def test_the_validator_refuses_a_schema_it_would_have_to_download(tmp_path, capsys):
    run(tmp_path, BASE_ENV, capsys)
    manifest = filled(tmp_path)
    manifest["$schema"] = "https://schemas.contoso.com/teams/MicrosoftTeams.schema.json"
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(manifest), encoding="utf-8")
    result = validate(elsewhere)
    assert result.returncode == 2
    assert "not a Teams schema bundled" in result.stderr


def test_the_zip_holds_exactly_the_manifest_and_the_two_icons_at_its_root(tmp_path, capsys):
    code, out, _ = run(tmp_path, BASE_ENV, capsys)
    assert code == 0
    assert "wrote" in out and APP_ID in out
    with zipfile.ZipFile(tmp_path / "build" / "appPackage.zip") as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        assert archive.read("color.png") == (APP_PACKAGE / "color.png").read_bytes()
        assert archive.read("outline.png") == (APP_PACKAGE / "outline.png").read_bytes()
        assert json.loads(archive.read("manifest.json")) == filled(tmp_path)


def test_the_same_settings_give_a_byte_identical_package(tmp_path, capsys):
    run(tmp_path, BASE_ENV, capsys)
    first = (tmp_path / "build" / "appPackage.zip").read_bytes()
    run(tmp_path, BASE_ENV, capsys)
    assert (tmp_path / "build" / "appPackage.zip").read_bytes() == first


def test_the_bot_offers_the_four_commands_in_every_scope_it_supports(tmp_path, capsys):
    run(tmp_path, BASE_ENV, capsys)
    bot = filled(tmp_path)["bots"][0]
    assert bot["botId"] == APP_ID
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    assert bot["supportsFiles"] is False
    listed_scopes = [scope for command_list in bot["commandLists"] for scope in command_list["scopes"]]
    assert sorted(listed_scopes) == ["groupChat", "personal", "team"]
    for command_list in bot["commandLists"]:
        assert {command["title"] for command in command_list["commands"]} == COMMANDS
        assert all(len(command["description"]) > 10 for command in command_list["commands"])


def test_sso_in_the_manifest_matches_what_the_bot_asks_teams_for(tmp_path, capsys):
    run(tmp_path, BASE_ENV, capsys)
    manifest = filled(tmp_path)
    bot_settings = Settings.from_mapping({**BASE_ENV, "MicrosoftAppPassword": "secret"})
    assert manifest["id"] == APP_ID
    assert manifest["webApplicationInfo"] == {"id": APP_ID, "resource": f"api://botid-{APP_ID}"}
    assert manifest["webApplicationInfo"]["resource"] == bot_settings.sso_resource
    assert set(manifest["validDomains"]) == {"token.botframework.com", DOMAIN}


def test_a_custom_sso_resource_reaches_the_manifest_and_the_bot_alike(tmp_path, capsys):
    env = {**BASE_ENV, "SSO_RESOURCE": f"api://{DOMAIN}/botid-{APP_ID}"}
    code, _, err = run(tmp_path, env, capsys)
    assert code == 0, err
    bot_settings = Settings.from_mapping({**env, "MicrosoftAppPassword": "secret"})
    assert filled(tmp_path)["webApplicationInfo"]["resource"] == bot_settings.sso_resource == env["SSO_RESOURCE"]


def test_names_urls_and_version_come_from_the_settings(tmp_path, capsys):
    env = {
        **BASE_ENV,
        "APP_SHORT_NAME": "Regrets (Contoso)",
        "APP_FULL_NAME": "Regrets for Contoso",
        "APP_DEVELOPER_NAME": "Contoso IT",
        "APP_WEBSITE_URL": "https://it.contoso.com/regrets",
        "APP_PRIVACY_URL": "https://it.contoso.com/privacy",
        "APP_TERMS_URL": "https://it.contoso.com/terms",
        "APP_VERSION": "2.3.4",
    }
    code, _, err = run(tmp_path, env, capsys)
    assert code == 0
    assert "warning" not in err
    manifest = filled(tmp_path)
    assert manifest["name"] == {"short": "Regrets (Contoso)", "full": "Regrets for Contoso"}
    assert manifest["developer"] == {
        "name": "Contoso IT",
        "websiteUrl": "https://it.contoso.com/regrets",
        "privacyUrl": "https://it.contoso.com/privacy",
        "termsOfUseUrl": "https://it.contoso.com/terms",
    }
    assert manifest["version"] == "2.3.4"


def test_without_settings_the_package_uses_documented_defaults_and_warns_about_placeholder_urls(tmp_path, capsys):
    code, _, err = run(tmp_path, BASE_ENV, capsys)
    assert code == 0
    manifest = filled(tmp_path)
    assert manifest["version"] == (REPO_ROOT / "manifest" / "VERSION").read_text().strip() == "1.0.0"
    assert manifest["name"]["short"] == "Regrets"
    assert len(manifest["description"]["short"]) <= 80
    assert "Calendars.ReadWrite" in manifest["description"]["full"]
    assert "MailboxSettings.Read" in manifest["description"]["full"]
    for name in ("APP_WEBSITE_URL", "APP_PRIVACY_URL", "APP_TERMS_URL"):
        assert f"warning: {name} is not set" in err


def test_dotenv_values_are_read_and_the_environment_wins(tmp_path, capsys):
    (tmp_path / ".env").write_text(f"MicrosoftAppId={APP_ID}\nBOT_DOMAIN=old.contoso.com\n", encoding="utf-8")
    code, _, _ = run(tmp_path, {"BOT_DOMAIN": "new.contoso.com"}, capsys)
    assert code == 0
    manifest = filled(tmp_path)
    assert manifest["id"] == APP_ID
    assert "new.contoso.com" in manifest["validDomains"]
    assert "old.contoso.com" not in manifest["validDomains"]


INVALID = [
    ({"MicrosoftAppId": ""}, "MicrosoftAppId is required"),
    ({"MicrosoftAppId": "not-a-guid"}, "MicrosoftAppId is not a GUID"),
    ({"MicrosoftAppId": APP_ID[:-1]}, "MicrosoftAppId is not a GUID"),
    ({"BOT_DOMAIN": ""}, "BOT_DOMAIN is required"),
    ({"BOT_DOMAIN": f"https://{DOMAIN}"}, "BOT_DOMAIN must be a host name"),
    ({"BOT_DOMAIN": f"{DOMAIN}/api/messages"}, "BOT_DOMAIN must be a host name"),
    ({"BOT_DOMAIN": f"{DOMAIN}:443"}, "BOT_DOMAIN must be a host name"),
    ({"APP_SHORT_NAME": "R" * 31}, "APP_SHORT_NAME is 31 characters; Teams allows 30"),
    ({"APP_FULL_NAME": "R" * 101}, "APP_FULL_NAME is 101 characters"),
    ({"APP_DEVELOPER_NAME": "D" * 33}, "APP_DEVELOPER_NAME is 33 characters"),
    ({"SSO_RESOURCE": "api://botid-11111111-2222-3333-4444-555555555555"}, "SSO_RESOURCE must be"),
    ({"APP_VERSION": "1.0"}, "APP_VERSION must be MAJOR.MINOR.PATCH"),
    ({"APP_PRIVACY_URL": "http://contoso.com/privacy"}, "APP_PRIVACY_URL must be an https:// URL"),
]


@pytest.mark.parametrize(("change", "message"), INVALID, ids=[m for _, m in INVALID])
def test_an_invalid_setting_exits_2_with_one_line_naming_it_and_leaves_no_zip(tmp_path, capsys, change, message):
    # A package from an earlier run must not survive to be uploaded by mistake.
    run(tmp_path, BASE_ENV, capsys)
    assert (tmp_path / "build" / "appPackage.zip").exists()
    code, out, err = run(tmp_path, {**BASE_ENV, **change}, capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert message in err
    assert "wrote" not in out
    assert not (tmp_path / "build" / "appPackage.zip").exists()
    assert not (tmp_path / "build" / "appPackage" / "manifest.json").exists()


def test_a_template_that_fails_the_schema_exits_1_listing_the_fields_and_leaves_no_zip(tmp_path, capsys, monkeypatch):
    run(tmp_path, BASE_ENV, capsys)
    template = json.loads(package.TEMPLATE.read_text(encoding="utf-8"))
    template["accentColor"] = "crimson"
    broken = tmp_path / "manifest.template.json"
    broken.write_text(json.dumps(template), encoding="utf-8")
    monkeypatch.setattr(package, "TEMPLATE", broken)
    code, _, err = run(tmp_path, BASE_ENV, capsys)
    assert code == 1
    assert "/accentColor" in err
    assert not (tmp_path / "build" / "appPackage.zip").exists()
    # The filled manifest stays for inspection.
    assert filled(tmp_path)["accentColor"] == "crimson"


def test_a_short_description_over_80_characters_is_refused_naming_the_field(tmp_path, capsys, monkeypatch):
    template = json.loads(package.TEMPLATE.read_text(encoding="utf-8"))
    template["description"]["short"] = "x" * 81
    long_template = tmp_path / "manifest.template.json"
    long_template.write_text(json.dumps(template), encoding="utf-8")
    monkeypatch.setattr(package, "TEMPLATE", long_template)
    code, _, err = run(tmp_path, BASE_ENV, capsys)
    assert code == 2
    assert "description.short is 81 characters; Teams allows 80" in err


def test_the_command_line_exits_2_on_a_missing_app_id(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("MicrosoftAppId", "BOT_DOMAIN")}
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["BOT_DOMAIN"] = DOMAIN
    result = subprocess.run(
        [sys.executable, "-m", "manifest", "--out", str(tmp_path / "appPackage.zip")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: MicrosoftAppId is required: the bot's Microsoft App ID (a GUID) from Entra"
    ]
    assert not (tmp_path / "appPackage.zip").exists()
