# Regrets' runtime image: the bot only (no tests, stand-ins or node tools).
# Build: docker build -t regrets .   Run: see docs/deploy.md (it needs HTTPS in front of it).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. Runtime lock only (every package, hashed).
COPY requirements.txt ./
RUN pip install --no-cache-dir --require-hashes -r requirements.txt

# The bot runs as an unprivileged user; the code stays owned by root, so it cannot be
# modified by the process. /var/lib/regrets holds conversation state and the encrypted
# token caches: mount a volume there to keep sign-ins across container re-creation.
RUN groupadd --system --gid 10001 regrets \
 && useradd --system --uid 10001 --gid regrets --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin regrets \
 && mkdir -p /var/lib/regrets \
 && chown regrets:regrets /var/lib/regrets \
 && chmod 0700 /var/lib/regrets

COPY . .

ENV STORAGE_DIR=/var/lib/regrets
USER 10001:10001
EXPOSE 3978

# No curl in slim images: ask /healthz with the standard library. The empty ProxyHandler
# keeps a corporate HTTP_PROXY from swallowing a request meant for loopback; a non-2xx
# answer raises, which exits non-zero.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.build_opener(urllib.request.ProxyHandler({})).open('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3978'), timeout=4)"]

CMD ["python", "app.py"]
