"""One narrowly scoped fix to the Bot Framework SDK's dependencies, applied at startup.

msrest 0.7.1 (pulled in by botframework-connector 4.17.1) builds its retry status list
in `ClientRetryPolicy.__init__` as `[i for i in range(999) if i not in safe_codes]`
where `safe_codes` is a ~500-item list: about 3.5 ms of CPU for every client built,
twice per turn in the stock SDK. Making `safe_codes` a frozenset keeps the resulting
list identical (same codes, same order) and costs microseconds.
"""

from __future__ import annotations

from msrest.universal_http import requests as msrest_requests


def apply_sdk_patches() -> None:
    policy = msrest_requests.ClientRetryPolicy
    if not isinstance(policy.safe_codes, frozenset):
        policy.safe_codes = frozenset(policy.safe_codes)
