"""`python -m sandbox`: start the stand-ins only, print the environment a bot needs, run until Ctrl-C.

For running Regrets (or another bot) by hand against the local Entra ID, Bot Framework
channel and Microsoft Graph stand-ins: paste the printed `export` lines into a shell (or
`eval` them) and start the bot there. `--authenticated` prints app credentials so
inbound tokens are checked and replies signed, as in a deployment; without it the bot
runs in local mode with the sandbox SSO source, as `make run` does. The Playground's
default users get the demo calendar.
"""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
import tempfile
import threading
from pathlib import Path

from sandbox.demo_calendar import demo_time_zone
from sandbox.stack import PLAYGROUND_USERS, Sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--authenticated",
        action="store_true",
        help="print app credentials (inbound tokens checked) instead of local mode",
    )
    parser.add_argument("--port", type=int, default=None, help="include PORT=<port> in the environment")
    parser.add_argument("--time-zone", default=None, help="the demo users' mailbox zone (default: this machine's zone)")
    args = parser.parse_args(argv)

    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with tempfile.TemporaryDirectory(prefix="regrets-sandbox-") as workdir, Sandbox(Path(workdir)) as sandbox:
        time_zone = args.time_zone or demo_time_zone()
        sandbox.add_playground_users(time_zone=time_zone)
        env = sandbox.bot_env(authenticated=args.authenticated, port=args.port)
        print(
            f"# Stand-ins running: Entra {sandbox.entra.url}, channel {sandbox.channel.url}, Graph {sandbox.graph_url}",
            flush=True,
        )
        users = ", ".join(name for _, _, name in PLAYGROUND_USERS)
        print(f"# Demo calendars ({time_zone}) for {users}. Environment for the bot:", flush=True)
        for key, value in env.items():
            print(f"export {key}={shlex.quote(value)}", flush=True)
        print("# Ctrl-C stops the stand-ins.", flush=True)
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
