"""Regrets' Microsoft Graph layer: plain async Python over httpx (no Bot Framework types).

`GraphClient` reads the calendar and responds to meetings; `CalendarAddress` names a
calendar; `graph.errors` holds the failures the dialogs turn into sentences.
"""

from graph.address import ME, CalendarAddress
from graph.batch import ItemResult, RespondItem
from graph.client import GraphClient, RetryPolicy, TokenSource

__all__ = ["ME", "CalendarAddress", "GraphClient", "ItemResult", "RespondItem", "RetryPolicy", "TokenSource"]
