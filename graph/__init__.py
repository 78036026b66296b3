"""Regrets' Microsoft Graph layer: plain async Python over httpx (no Bot Framework types).

`graph.client.GraphClient` reads the calendar and responds to meetings;
`graph.address.CalendarAddress` names a calendar; `graph.errors` holds the failures the
dialogs turn into sentences; `graph.tokens.UserTokens` gets the user's Graph token.
`graph.models` and `graph.timezones` are pure (no I/O library is loaded by importing
them), so understanding/ may use them. This file imports nothing for that reason.
"""
