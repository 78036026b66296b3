"""Issue 13 round 2, stage by stage: chat typing, everyday intents, asides, one-to-ones, external meetings."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from graph.models import Event, Person
from understanding import intents, normalise, parse, resolve
from understanding.chat import tidy

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 10, 13, 10, tzinfo=NY)  # Tuesday afternoon
DANA = Person(name="Dana Reyes", address="dana.reyes@contoso.example")


def who(name: str, domain: str = "contoso.example") -> Person:
    return Person(name=name, address=name.lower().replace(" ", ".") + "@" + domain)


def event(eid: str, subject: str, day: int, hour: int, organizer: Person, *others: Person) -> Event:
    start = datetime(2026, 11, day, hour, tzinfo=NY)
    return Event(
        id=eid,
        subject=subject,
        start=start,
        end=start + timedelta(minutes=30),
        organizer=organizer,
        attendees=(DANA, *others),
    )


def test_short_forms_are_spelt_out_and_lone_thanks_dropped():
    assert tidy("dclne the HR check-in tday thx") == "decline the HR check-in today"
    assert tidy("thx, decline the 3pm mtg tmr") == "decline the 3pm meeting tomorrow"
    assert tidy("decline my mtgs this arvo plz ta") == "decline my meetings this afternoon please"
    assert tidy("decline the vendor sync nxt wk cheers") == "decline the vendor sync next week"


def test_thanks_inside_a_note_is_kept():
    assert tidy("decline, say thanks for the invite") == "decline, say thanks for the invite"


def test_a_verb_typo_at_distance_two_becomes_the_verb():
    for typed, verb in (
        ("dclne", "decline"),
        ("decilne", "decline"),
        ("delcine", "decline"),
        ("declne", "decline"),
        ("accpet", "accept"),
        ("acept", "accept"),
        ("tenative", "tentative"),
    ):
        assert tidy(f"{typed} the design review") == f"{verb} the design review"
    assert tidy("tentativly accept the demo") == "tentatively accept the demo"


def test_a_real_word_near_a_verb_never_becomes_an_intent():
    for text in ("help me decide on the design review", "declare the ops review done", "accent the review"):
        assert parse(text, NOW).intent not in ("decline", "accept", "tentative", "cancel"), text


def test_everyday_words_name_the_answer_anywhere_in_the_sentence():
    cases = {
        "nope on the review": "decline",
        "the vendor sync next week, pass": "decline",
        "count me out of the prep": "decline",
        "keen for the demo": "accept",
        "friday demo - i'm in": "accept",
        "down for the check-in": "accept",
        "yes to the demo": "accept",
        "maybe the design review": "tentative",
    }
    for text, intent in cases.items():
        assert intents.classify(text) == intent, text


def test_a_groan_or_an_opinion_in_brackets_is_dropped_but_a_reason_in_brackets_is_not():
    assert normalise.drop_asides("decline the review (I really can't stand their PM)") == "decline the review"
    assert normalise.drop_asides("decline the prep — ugh, again?") == "decline the prep"
    assert "(I'm out sick)" in normalise.drop_asides("decline my 3pm (I'm out sick)")


def test_a_pair_titled_only_by_their_names_is_a_one_to_one_and_the_organizer_counts():
    austin = who("Austin Reed")
    events = [
        event("group", "Roadmap review", 11, 10, who("Grace Hopper"), austin, who("Omar Haddad")),
        event("pair", "Dana <> Austin", 11, 11, austin),
    ]
    got = resolve(parse("decline my 1:1 with Austin", NOW), events, NOW)
    assert (got.status, got.event_ids) == ("matched", ("pair",))


def test_a_pair_with_a_real_title_is_not_a_one_to_one():
    events = [event("ops", "Ops review", 11, 11, who("Olivia Hart"))]
    assert resolve(parse("decline my 1:1 with Olivia", NOW), events, NOW).status == "none"


def test_a_person_on_the_invite_beats_the_same_word_in_a_title():
    phoenix = who("Phoenix Wright")
    events = [
        event("project", "Project Phoenix", 11, 13, who("Grace Hopper")),
        event("budget", "Budget review", 12, 14, phoenix),
    ]
    got = resolve(parse("decline my meeting with Phoenix", NOW), events, NOW)
    assert (got.status, got.event_ids) == ("matched", ("budget",))


def test_external_means_someone_from_another_mail_domain_than_the_user_s():
    events = [
        event("guest", "Integration check-in", 11, 10, who("Priya Shah"), who("Bo Fab", "fabrikam.example")),
        event("theirs", "QBR", 11, 11, who("Ann Fab", "fabrikam.example")),
        event("inside", "Eng sync", 11, 14, who("Omar Haddad")),
    ]
    got = resolve(parse("decline all my external meetings tomorrow", NOW), events, NOW)
    assert (got.status, got.event_ids) == ("matched", ("guest", "theirs"))
    got = resolve(parse("decline my internal meeting tomorrow", NOW), events, NOW)
    assert (got.status, got.event_ids) == ("matched", ("inside",))


def test_a_title_that_says_external_is_matched_as_a_title():
    events = [
        event("ext", "External audit", 11, 10, who("Priya Shah")),
        event("guest", "Integration", 11, 11, who("Bo Fab", "fabrikam.example")),
    ]
    got = resolve(parse("decline the external audit", NOW), events, NOW)
    assert got.event_ids == ("ext",)
