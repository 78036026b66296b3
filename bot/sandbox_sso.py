"""SANDBOX MODE ONLY: the Playground user's SSO token, from the Entra stand-in.

The Microsoft 365 Agents Playground cannot do Teams SSO. So that the local demo runs
the same on-behalf-of and token-cache code as production, this source asks the Entra
stand-in for the token Teams would have handed over. `Settings.sandbox_sso` is false
whenever a real `MicrosoftAppId` is set, and app.py only builds this class then.
"""

from __future__ import annotations

import httpx

from dialogs.users import TeamsUser


class SandboxSso:
    def __init__(self, http: httpx.AsyncClient, url: str) -> None:
        self._http = http
        self._url = url

    async def __call__(self, user: TeamsUser) -> str:
        response = await self._http.post(
            self._url, json={"aadObjectId": user.key, "name": user.name, "tenantId": user.tenant_id}
        )
        response.raise_for_status()
        return str(response.json()["token"])
