"""Narrow, version-scoped fixes to the Bot Framework SDK's dependencies, applied at startup.

1. msrest 0.7.1 (pulled in by botframework-connector 4.17.1) builds its retry status list
   in `ClientRetryPolicy.__init__` as `[i for i in range(999) if i not in safe_codes]`
   where `safe_codes` is a ~500-item list: about 3.5 ms of CPU for every client built,
   twice per turn in the stock SDK. Making `safe_codes` a frozenset keeps the resulting
   list identical (same codes, same order) and costs microseconds.

2. `fast_serialization=True` also installs `bot.msrest_fast`: msrest 0.7.1's JSON
   (de)serialization of activities without its Python 2 era per-value overhead, with the
   same results (see that module). It is opt-in so that the benchmark's floor echo bot,
   which calls `apply_sdk_patches()`, keeps measuring only fix 1.
"""

from __future__ import annotations

from msrest.universal_http import requests as msrest_requests

from bot.msrest_fast import apply_fast_serialization


def apply_sdk_patches(*, fast_serialization: bool = False) -> None:
    policy = msrest_requests.ClientRetryPolicy
    if not isinstance(policy.safe_codes, frozenset):
        policy.safe_codes = frozenset(policy.safe_codes)  # type: ignore[assignment]  # read only by `in`
    if fast_serialization:
        apply_fast_serialization()
