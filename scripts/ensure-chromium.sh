#!/usr/bin/env bash
# Make sure the browser end-to-end tests have a Chromium at /usr/bin/chromium (or $CHROMIUM).
# Installs Debian's `chromium` package when running as root with apt-get; otherwise, or if
# that fails, prints one line saying what is missing and exits non-zero (`make test` goes on,
# and the browser tests are skipped with that reason).
set -u
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install chromium)..." >&2
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
     && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
     && [ -x "$CHROMIUM" ]; then
    exit 0
  fi
  echo "ensure-chromium: apt-get could not install chromium; the browser tests will be skipped (they need $CHROMIUM)" >&2
  exit 1
fi
echo "ensure-chromium: $CHROMIUM is missing and cannot be installed here (needs root and apt-get; or set CHROMIUM=/path/to/chromium); the browser tests will be skipped" >&2
exit 1
