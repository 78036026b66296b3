"""The floor: the same echo bot with only the SDK's avoidable costs removed.

`bench.echo_bot` unchanged (stock `CloudAdapter`, `ConfigurationBotFrameworkAuthentication`,
a new `ConnectorClient` per turn) except for two things: the bot's token is fetched once
and kept (Regrets' `CachedCredentialsFactory`) and msrest's `ClientRetryPolicy` is built
in microseconds (`bot.sdk_patches`). No turn of any bot can cost much less than this one,
so it is the yardstick for Regrets' CPU per turn. Run: `python -m bench.floor_bot`.
"""

from __future__ import annotations

import os

from bench import echo_bot
from bot.credentials import CachedCredentialsFactory
from bot.sdk_patches import apply_sdk_patches


def main() -> None:
    apply_sdk_patches()
    config = echo_bot.DefaultConfig()
    echo_bot.main(
        CachedCredentialsFactory(config.APP_ID, config.APP_PASSWORD, ca_bundle=os.environ.get("REQUESTS_CA_BUNDLE"))
    )


if __name__ == "__main__":
    main()
