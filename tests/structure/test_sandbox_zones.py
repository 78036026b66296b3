"""The Graph stand-in's own zone table (sandbox/zones.py) says what CLDR says."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from tzlocal.windows_tz import win_tz

from sandbox.zones import WINDOWS_TO_IANA, zone


def test_every_windows_name_in_the_stand_ins_table_maps_to_cldrs_zone():
    assert {name: iana for name, iana in WINDOWS_TO_IANA.items() if win_tz.get(name) != iana} == {}


def test_windows_and_iana_names_give_the_zone_and_anything_else_gives_utc():
    assert zone("Pacific Standard Time") == ZoneInfo("America/Los_Angeles")
    assert zone("Europe/Paris") == ZoneInfo("Europe/Paris")
    assert zone("Mars Standard Time") is UTC
    assert zone("") is UTC
    assert zone(None) is UTC
