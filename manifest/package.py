"""Builds Regrets' Teams app package: `python -m manifest [--out build/appPackage.zip]`.

Fills `appPackage/manifest.template.json` (`${{NAME}}` placeholders, as in Agents Toolkit
projects) from the environment over `.env`, checks the values Teams is strict about,
validates the result offline against Microsoft's schema (`node manifest/validate.js`)
and zips manifest.json, color.png and outline.png at the zip's root.

Exit codes: 0 written; 2 a setting is missing or malformed (one `error:` line naming it);
1 the schema check failed or could not run. On any failure no zip is left behind, so a
stale package is never uploaded by mistake. The filled manifest is also written next to
the zip (`build/appPackage/manifest.json`) for inspection.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from settings import GUID, read_dotenv

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
APP_PACKAGE = HERE / "appPackage"
TEMPLATE = APP_PACKAGE / "manifest.template.json"
ICONS = ("color.png", "outline.png")
VALIDATOR = HERE / "validate.js"
VERSION_FILE = HERE / "VERSION"
DEFAULT_OUT = Path("build") / "appPackage.zip"

PLACEHOLDER = re.compile(r"\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
HOST_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
# Fixed timestamp for zip entries: the same inputs give a byte-identical package.
ZIP_DATE = (2020, 1, 1, 0, 0, 0)

# Placeholders are documented in docs/deploy.md; the URLs must be replaced for production.
DEFAULTS = {
    "APP_SHORT_NAME": "Regrets",
    "APP_FULL_NAME": "Regrets: decline Outlook meetings from Teams chat",
    "APP_DEVELOPER_NAME": "Regrets",
    "APP_WEBSITE_URL": "https://example.com/regrets",
    "APP_PRIVACY_URL": "https://example.com/regrets/privacy",
    "APP_TERMS_URL": "https://example.com/regrets/terms",
}
# Limits Teams enforces, by manifest field (checked on the filled manifest).
LIMITS = {
    ("name", "short"): 30,
    ("name", "full"): 100,
    ("description", "short"): 80,
    ("description", "full"): 4000,
    ("developer", "name"): 32,
}


class PackageError(ValueError):
    """An input Teams would refuse; the message names the setting or manifest field."""


@dataclass(frozen=True)
class PackageInputs:
    app_id: str
    bot_domain: str
    sso_resource: str
    version: str
    short_name: str
    full_name: str
    developer_name: str
    website_url: str
    privacy_url: str
    terms_url: str
    placeholders_used: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, env: Mapping[str, str], default_version: str = "1.0.0") -> PackageInputs:
        def get(name: str, default: str = "") -> str:
            value = env.get(name)
            return default if value is None or not value.strip() else value.strip()

        app_id = get("MicrosoftAppId")
        if not app_id:
            raise PackageError("MicrosoftAppId is required: the bot's Microsoft App ID (a GUID) from Entra")
        if not GUID.match(app_id):
            raise PackageError(f"MicrosoftAppId is not a GUID: {app_id!r}")
        app_id = app_id.lower()

        bot_domain = _host_name(get("BOT_DOMAIN"))

        sso_resource = get("SSO_RESOURCE", f"api://botid-{app_id}")
        # Teams asks Entra for a token for exactly this URI; anything but the bot's own
        # Application ID URI makes every silent sign-in fail.
        if not (sso_resource.startswith("api://") and sso_resource.lower().endswith(f"botid-{app_id}")):
            raise PackageError(
                f"SSO_RESOURCE must be the bot's Application ID URI, api://botid-{app_id} "
                f"(or api://<domain>/botid-{app_id}): {sso_resource!r}"
            )

        version = get("APP_VERSION", default_version)
        if not SEMVER.match(version):
            raise PackageError(f"APP_VERSION must be MAJOR.MINOR.PATCH, like 1.0.0: {version!r}")

        values = {name: get(name, default) for name, default in DEFAULTS.items()}
        if len(values["APP_SHORT_NAME"]) > 30:
            raise PackageError(f"APP_SHORT_NAME is {len(values['APP_SHORT_NAME'])} characters; Teams allows 30")
        if len(values["APP_FULL_NAME"]) > 100:
            raise PackageError(f"APP_FULL_NAME is {len(values['APP_FULL_NAME'])} characters; Teams allows 100")
        if len(values["APP_DEVELOPER_NAME"]) > 32:
            raise PackageError(f"APP_DEVELOPER_NAME is {len(values['APP_DEVELOPER_NAME'])} characters; Teams allows 32")
        for name in ("APP_WEBSITE_URL", "APP_PRIVACY_URL", "APP_TERMS_URL"):
            parsed = urlparse(values[name])
            if parsed.scheme != "https" or not parsed.netloc:
                raise PackageError(f"{name} must be an https:// URL: {values[name]!r}")

        return cls(
            app_id=app_id,
            bot_domain=bot_domain,
            sso_resource=sso_resource,
            version=version,
            short_name=values["APP_SHORT_NAME"],
            full_name=values["APP_FULL_NAME"],
            developer_name=values["APP_DEVELOPER_NAME"],
            website_url=values["APP_WEBSITE_URL"],
            privacy_url=values["APP_PRIVACY_URL"],
            terms_url=values["APP_TERMS_URL"],
            placeholders_used=tuple(
                name for name in ("APP_WEBSITE_URL", "APP_PRIVACY_URL", "APP_TERMS_URL") if not get(name)
            ),
        )

    def placeholders(self) -> dict[str, str]:
        return {
            "MicrosoftAppId": self.app_id,
            "BOT_DOMAIN": self.bot_domain,
            "SSO_RESOURCE": self.sso_resource,
            "APP_VERSION": self.version,
            "APP_SHORT_NAME": self.short_name,
            "APP_FULL_NAME": self.full_name,
            "APP_DEVELOPER_NAME": self.developer_name,
            "APP_WEBSITE_URL": self.website_url,
            "APP_PRIVACY_URL": self.privacy_url,
            "APP_TERMS_URL": self.terms_url,
        }


def _host_name(value: str) -> str:
    if not value:
        raise PackageError(
            "BOT_DOMAIN is required: the bot's public host name, e.g. regrets.contoso.com "
            "(its messaging endpoint is https://BOT_DOMAIN/api/messages)"
        )
    host = value.lower().rstrip(".")
    labels = host.split(".")
    if len(host) > 253 or len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels):
        raise PackageError(
            f"BOT_DOMAIN must be a host name only, like regrets.contoso.com (no https://, path or port): {value!r}"
        )
    return host


def fill(template: object, values: Mapping[str, str]) -> object:
    """The template with every `${{NAME}}` in its strings replaced; an unknown name is an error."""
    if isinstance(template, dict):
        return {key: fill(item, values) for key, item in template.items()}
    if isinstance(template, list):
        return [fill(item, values) for item in template]
    if isinstance(template, str):

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in values:
                raise PackageError(f"{name} is used in {TEMPLATE.name} but has no value")
            return values[name]

        return PLACEHOLDER.sub(substitute, template)
    return template


def check_limits(manifest: Mapping[str, object]) -> None:
    for (section, key), limit in LIMITS.items():
        text = manifest.get(section, {}).get(key)  # type: ignore[union-attr]
        if isinstance(text, str) and len(text) > limit:
            raise PackageError(f"{section}.{key} is {len(text)} characters; Teams allows {limit}")
    if manifest.get("id") != manifest.get("webApplicationInfo", {}).get("id"):  # type: ignore[union-attr]
        raise PackageError("webApplicationInfo.id must be the app id")


def schema_errors(manifest_file: Path, node: str | None = None) -> list[str]:
    """Microsoft's schema verdict on `manifest_file`, from `node manifest/validate.js` (offline)."""
    node = node or shutil.which("node")
    if not node:
        return ["node is not installed: it is needed to validate the manifest (see docs/deploy.md)"]
    if not (REPO_ROOT / "node_modules" / "@microsoft" / "app-manifest").is_dir():
        return ["@microsoft/app-manifest is not installed: run `npm ci` (make package does)"]
    result = subprocess.run(
        [node, str(VALIDATOR), str(manifest_file)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode == 0:
        return []
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return lines or [f"validate.js exited with {result.returncode}"]


def write_zip(out: Path, manifest_json: bytes) -> None:
    """manifest.json and the two icons at the zip's root, written atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".appPackage-", suffix=".zip", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            entries = [("manifest.json", manifest_json)] + [(n, (APP_PACKAGE / n).read_bytes()) for n in ICONS]
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m manifest", description="Build Regrets' Teams app package.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="zip to write (default: build/appPackage.zip)")
    parser.add_argument("--env-file", type=Path, default=None, help="dotenv file (default: ./.env)")
    args = parser.parse_args(argv)

    cwd = cwd or Path.cwd()
    out = args.out if args.out.is_absolute() else cwd / args.out
    inspect_file = out.with_suffix("") / "manifest.json"
    env: dict[str, str] = dict(read_dotenv(args.env_file or cwd / ".env"))
    env.update(os.environ if environ is None else environ)

    try:
        inputs = PackageInputs.from_mapping(env, default_version=VERSION_FILE.read_text(encoding="utf-8").strip())
        manifest = fill(json.loads(TEMPLATE.read_text(encoding="utf-8")), inputs.placeholders())
        check_limits(manifest)  # type: ignore[arg-type]
    except PackageError as exc:
        _remove(out, inspect_file)
        print(f"error: {exc}", file=sys.stderr)
        return 2

    manifest_json = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    inspect_file.parent.mkdir(parents=True, exist_ok=True)
    inspect_file.write_bytes(manifest_json)
    errors = schema_errors(inspect_file)
    if errors:
        _remove(out)
        print(f"error: {inspect_file} does not pass Microsoft's Teams manifest schema:", file=sys.stderr)
        for line in errors:
            print(f"  {line}", file=sys.stderr)
        return 1

    write_zip(out, manifest_json)
    for name in inputs.placeholders_used:
        print(f"warning: {name} is not set; the package uses the placeholder {DEFAULTS[name]}", file=sys.stderr)
    print(f"wrote {out} (app {inputs.app_id}, bot https://{inputs.bot_domain}/api/messages, version {inputs.version})")
    return 0
