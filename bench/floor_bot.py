"""The floor: the same echo bot with only the SDK's avoidable costs removed.

`bench.echo_bot` unchanged (stock `CloudAdapter`, `ConfigurationBotFrameworkAuthentication`,
a new `ConnectorClient` per turn) except for two things: the bot's token is fetched once
and kept (Regrets' `CachedCredentialsFactory`) and msrest's `ClientRetryPolicy` is built
in microseconds (`fast_retry_policy()` below). No turn of any bot can cost much less than
this one, so it is the yardstick for Regrets' CPU per turn. Run: `python -m bench.floor_bot`.

msrest 0.7.1 builds its retry status list in `ClientRetryPolicy.__init__` as
`[i for i in range(999) if i not in safe_codes]` with `safe_codes` a ~500-item list: about
3.5 ms of CPU per client, and the stock SDK builds two clients per turn. A frozenset gives
the same list (same codes, same order) in microseconds. Regrets itself does not need this:
it keeps one connector client per service URL, so it builds the policy twice per process
(counted under `make bench`: 2 for 630 turns), and the fix was dropped from it.
"""

from __future__ import annotations

import os

from msrest.universal_http import requests as msrest_requests
from msrest.version import msrest_version

from bench import echo_bot
from bot.credentials import CachedCredentialsFactory

PATCHED_MSREST = "0.7.1"


def fast_retry_policy() -> bool:
    """Make `ClientRetryPolicy.safe_codes` a frozenset; False (nothing changed) on another msrest."""
    if msrest_version != PATCHED_MSREST:
        return False
    policy = msrest_requests.ClientRetryPolicy
    policy.safe_codes = frozenset(policy.safe_codes)  # type: ignore[assignment]  # only read by `in`
    return True


def main() -> None:
    fast_retry_policy()
    config = echo_bot.DefaultConfig()
    echo_bot.main(
        CachedCredentialsFactory(config.APP_ID, config.APP_PASSWORD, ca_bundle=os.environ.get("REQUESTS_CA_BUNDLE"))
    )


if __name__ == "__main__":
    main()
