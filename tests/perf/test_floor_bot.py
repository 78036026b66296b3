"""The benchmark's floor echo bot: its one msrest fix keeps msrest's retry rules as they were."""

from __future__ import annotations

from msrest.universal_http.requests import ClientRetryPolicy

from bench.floor_bot import fast_retry_policy


def test_the_retry_policy_status_list_is_unchanged_and_cheap_to_build():
    stock_safe_codes = [i for i in range(500) if i != 408] + [501, 505]  # msrest 0.7.1's list
    stock = [i for i in range(999) if i not in stock_safe_codes]

    assert fast_retry_policy() is True

    assert isinstance(ClientRetryPolicy.safe_codes, frozenset)
    assert ClientRetryPolicy().policy.status_forcelist == stock
