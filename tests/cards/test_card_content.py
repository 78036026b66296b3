"""What each card shows and what its buttons send, as a user and the bot's verb table see it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dialogs import cards
from dialogs.snapshots import snapshot, stamp
from tests.cards import samples
from tests.cards.samples import ALL_DAY, CANCELLED, COMMENT, DECLINED, NOW, OWN, PAST, SINGLE, TRICKY, WEEKLY
from tests.cards.walk import actions, inputs, objects, of_type, runs, visible_text

V = samples.variants()


def shown(event) -> str:
    return stamp(snapshot(event))


def buttons(card, verb=None):
    return [a for a in actions(card) if verb is None or a.get("verb") == verb]


def test_the_confirm_card_shows_the_meeting_and_prefills_what_the_user_said():
    card = V["confirm-decline-recurring"]
    text = visible_text(card)
    assert "Decline this meeting?" in text
    assert "Weekly sync" in text and "Fri 27 Nov, 3:00 PM – 3:30 PM" in text and "Organizer: Ann Lee" in text
    assert "Times in Europe/London" in text
    fields = inputs(card)
    assert fields["comment"]["value"] == COMMENT
    assert fields["comment"]["isMultiline"] is True and fields["comment"]["maxLength"] == 2000
    assert fields["comment"]["placeholder"]
    assert fields["notify"]["title"] == "Notify the organizer" and fields["notify"]["value"] == "true"
    assert (fields["notify"]["valueOn"], fields["notify"]["valueOff"]) == ("true", "false")


def test_the_confirm_card_offers_occurrence_or_series_only_for_a_recurring_meeting():
    scope = inputs(V["confirm-decline-recurring"])["scope"]
    assert scope["style"] == "compact" and scope["value"] == "occurrence"
    assert [c["value"] for c in scope["choices"]] == ["occurrence", "series"]
    assert "scope" not in inputs(V["confirm-single-no-notify"])
    series = cards.confirm_card(
        WEEKLY,
        verb="decline",
        comment=None,
        notify=True,
        request_id="r",
        allow_series=True,
        allow_propose=False,
        user_zone_label="",
        scope="series",
    )
    # Preset to the series, the buttons say which: no choice set that could contradict the heading.
    assert "scope" not in inputs(series)


def _series_confirm(verb: str) -> dict:
    return cards.confirm_card(WEEKLY, verb=verb, request_id="r", allow_series=True, scope="series")


@pytest.mark.parametrize(
    ("verb", "heading", "whole", "one"),
    [
        ("decline", "Decline every “Weekly sync”?", "Decline the whole series", "Decline just this one"),
        ("accept", "Accept every “Weekly sync”?", "Accept the whole series", "Accept just this one"),
        (
            "tentativelyAccept",
            "Tentatively accept every “Weekly sync”?",
            "Tentatively accept the whole series",
            "Tentatively accept just this one",
        ),
    ],
)
def test_a_confirm_card_preset_to_the_series_names_the_series_in_its_heading_and_buttons(verb, heading, whole, one):
    card = _series_confirm(verb)
    text = visible_text(card)
    assert heading in text and "this meeting" not in text
    assert card["fallbackText"] == f"Regrets: {heading}"
    primary, just_one, cancel = card["actions"]
    assert (primary["title"], primary["data"]["scope"], primary["verb"]) == (whole, "series", verb)
    assert (just_one["title"], just_one["data"]["scope"], just_one["verb"]) == (one, "occurrence", verb)
    assert cancel["verb"] == "dismiss"


def test_a_confirm_card_for_one_meeting_keeps_the_occurrence_wording_even_when_the_request_said_series():
    # "decline the review from now on" when the review is a single meeting: nothing else to answer.
    card = cards.confirm_card(SINGLE, request_id="r", allow_series=False, scope="series")
    assert "Decline this meeting?" in visible_text(card) and "series" not in visible_text(card)
    assert [a["title"] for a in card["actions"]] == ["Decline", "Cancel"]
    assert "scope" not in card["actions"][0]["data"]


def test_the_cancel_card_for_a_series_names_the_series_and_offers_the_one_meeting_too():
    own_weekly = replace(OWN, type="occurrence", series_master_id="ev-own-master")
    card = cards.cancel_meeting_card(own_weekly, request_id="r", asked_to_cancel=True, scope="series")
    text = visible_text(card)
    assert "Cancel every “My planning session”?" in text and "every meeting in the series" in text
    primary, just_one, keep = card["actions"]
    assert (primary["title"], primary["data"]["scope"]) == ("Cancel the whole series", "series")
    assert (just_one["title"], just_one["data"]["scope"]) == ("Cancel just this one", "occurrence")
    assert keep["title"] == "Keep it" and "scope" not in inputs(card)
    asked_to_decline = cards.cancel_meeting_card(own_weekly, request_id="r", scope="series")
    assert "You organize this series" in visible_text(asked_to_decline)


def test_a_bulk_card_over_series_says_series_on_its_heading_rows_and_buttons_and_carries_the_scope():
    other = replace(WEEKLY, id="ev-other", subject="Platform sync", series_master_id="ev-other-master")
    card = cards.choice_card([WEEKLY, other], verb="decline", request_id="r", offer_all=True, scope="series")
    text = visible_text(card)
    assert "Decline these 2 series?" in text and "every meeting in the series" in text
    assert "The whole series; next Fri 27 Nov, 3:00 PM – 3:30 PM" in text
    rows = buttons(card, "decline")
    assert [b["title"] for b in rows] == ["Decline series", "Decline series"]
    assert all(b["data"]["scope"] == "series" for b in rows)
    [every] = buttons(card, "respondAll")
    assert (every["title"], every["data"]["scope"]) == ("Decline all 2 series", "series")
    which = cards.choice_card([WEEKLY, other], verb="accept", request_id="r", scope="series")
    assert "Which series should I accept?" in visible_text(which)


def test_a_bulk_card_over_meetings_carries_no_scope_so_a_click_answers_only_those_meetings():
    card = V["choice-bulk"]
    assert all("scope" not in a["data"] for a in actions(card) if a.get("data"))
    assert "series" not in visible_text(card)


def test_the_summary_after_a_series_bulk_counts_series():
    done = [samples.Result(WEEKLY, True, None)]
    text = visible_text(cards.summary_card(done, verb="decline", scope="series"))
    assert "Declined 1 series" in text and "the whole series" in text


def test_the_notify_toggle_is_off_when_the_user_said_not_to_tell_the_organizer():
    fields = inputs(V["confirm-single-no-notify"])
    assert fields["notify"]["value"] == "false"
    assert "value" not in fields["comment"]


def test_proposing_a_new_time_is_offered_only_where_outlook_accepts_one():
    decline = inputs(V["confirm-decline-recurring"])
    assert decline["propose"]["value"] == "false"
    assert (decline["proposeDate"]["value"], decline["proposeStart"]["value"], decline["proposeEnd"]["value"]) == (
        "2026-11-27",
        "15:00",
        "15:30",
    )
    assert "propose" in inputs(V["confirm-tentativelyAccept-recurring"])
    assert "propose" not in inputs(V["confirm-accept-recurring"])  # accept has no proposedNewTime
    assert "propose" not in inputs(V["confirm-single-no-notify"])  # the meeting does not allow it
    assert "propose" not in inputs(V["confirm-all-day"])


@pytest.mark.parametrize(
    ("verb", "title", "style"),
    [
        ("decline", "Decline", "destructive"),
        ("accept", "Accept", "positive"),
        ("tentativelyAccept", "Tentative", "positive"),
    ],
)
def test_the_confirm_buttons_are_the_verb_and_cancel(verb, title, style):
    card = V[f"confirm-{verb}-recurring"]
    primary, cancel = card["actions"]
    assert (primary["title"], primary["verb"], primary.get("style")) == (title, verb, style)
    assert primary["data"] == {"verb": verb, "requestId": "req-1", "eventId": WEEKLY.id, "shown": shown(WEEKLY)}
    assert (cancel["title"], cancel["verb"], cancel["associatedInputs"]) == ("Cancel", "dismiss", "none")
    assert cancel["data"] == {"verb": "dismiss", "requestId": "req-1"}


def test_a_confirm_card_refuses_a_verb_that_is_not_a_response():
    with pytest.raises(ValueError):
        cards.confirm_card(
            OWN,
            verb="cancel",
            comment=None,
            notify=True,
            request_id="r",
            allow_series=False,
            allow_propose=False,
            user_zone_label="",
        )


def test_the_choice_card_has_one_button_per_meeting_and_the_note_and_notify_as_inputs():
    card = V["choice"]
    rows = buttons(card, "decline")
    assert [b["data"]["eventId"] for b in rows] == [WEEKLY.id, SINGLE.id, TRICKY.id]
    by_id = {e.id: e for e in (WEEKLY, SINGLE, TRICKY)}
    for button in rows:
        event_id = button["data"]["eventId"]
        assert button["data"] == {
            "verb": "decline",
            "requestId": "req-5",
            "eventId": event_id,
            "shown": shown(by_id[event_id]),
        }
    assert "Which meeting should I decline?" in visible_text(card)
    assert inputs(card)["comment"]["value"] == COMMENT
    assert inputs(card)["notify"]["value"] == "true"
    assert [b["verb"] for b in card["actions"]] == ["dismiss"]


def test_a_bulk_choice_card_also_offers_all_of_them_at_once():
    card = V["choice-bulk"]
    every, cancel = card["actions"]
    assert every["title"] == "Accept all 4" and every["verb"] == "respondAll"
    assert every["data"] == {
        "verb": "respondAll",
        "requestId": "req-6",
        "eventIds": [WEEKLY.id, SINGLE.id, ALL_DAY.id, samples.LONG.id],
        "response": "accept",
    }
    assert cancel["verb"] == "dismiss"
    assert all("comment" not in b["data"] for b in buttons(card, "accept"))
    assert inputs(card)["notify"]["value"] == "false"
    assert "value" not in inputs(card)["comment"]


def test_the_agenda_offers_decline_only_on_meetings_the_user_can_still_decline():
    card = V["agenda"]
    declinable = [b["data"]["eventId"] for b in buttons(card, "decline")]
    assert declinable == [SINGLE.id, WEEKLY.id, TRICKY.id, samples.LONG.id, samples.UNTITLED.id, ALL_DAY.id]
    for gone in (PAST, DECLINED, CANCELLED, OWN):
        assert gone.id not in declinable
    for button in buttons(card, "decline"):
        assert button["data"]["requestId"] == "req-7" and "notify" not in button["data"]


def test_agenda_rows_show_time_subject_organizer_and_response_status():
    text = visible_text(V["agenda"])
    assert "Your meetings on Friday 27 Nov" in text
    for expected in (
        "7:00 AM – 7:15 AM",
        "Early standup",
        "Organizer: Ann Lee",
        "Declined",
        "Accepted",
        "You organize",
        "Cancelled",
        "Tentative",
        "All day",
        "4:00 PM – Sat 1:00 AM",
        "Untitled meeting",
        "No response yet",
        "Organizer: noname@contoso.example",
    ):
        assert expected in text, expected
    cancelled = [o for o in objects(V["agenda"]) if o.get("type") == "TextRun" and o["text"] == "Lunch and learn"]
    assert cancelled[0]["strikethrough"] is True
    colours = {o["text"]: o.get("color") for o in of_type(V["agenda"], "TextBlock")}
    assert colours["Declined"] == "attention" and colours["Accepted"] == "good" and colours["You organize"] == "accent"


def test_an_empty_day_says_so_and_offers_nothing():
    card = V["agenda-empty"]
    assert "No meetings" in visible_text(card)
    assert actions(card) == []


def test_the_outcome_card_says_what_was_done_to_which_meeting():
    text = visible_text(V["outcome-decline"])
    assert "✓ Declined “Weekly sync”" in text.replace("\n", "")
    assert "The whole series: every “Weekly sync”" in text  # the series, not one date
    assert "Organizer notified" in text
    notes = [[r["text"] for r in o["inlines"]] for o in of_type(V["outcome-decline"], "RichTextBlock")]
    assert ["Your note: ", COMMENT] in notes
    assert "Organizer not notified" in visible_text(V["outcome-tricky-not-notified"])
    assert "✓ Tentatively accepted " in visible_text(V["outcome-tentativelyAccept"])
    assert "Attendees were sent a cancellation." in visible_text(V["outcome-cancel"])
    assert V["outcome-decline"]["body"][0]["style"] == "good"


def test_a_failed_outcome_is_an_attention_card_with_a_plain_sentence():
    card = V["outcome-failed"]
    assert card["body"][0]["style"] == "attention"
    text = visible_text(card)
    assert "Couldn't decline " in text and "“Budget review”" in text
    assert "I couldn't find that meeting any more." in text and "Nothing was changed." in text
    assert COMMENT not in text


def test_the_summary_counts_successes_and_failures_and_says_why_each_failure_failed():
    card = V["summary"]
    text = visible_text(card)
    assert "Declined 4 meetings, 1 failed" in text
    assert card["body"][0]["style"] == "attention"
    assert "Outlook asked me to slow down." in text
    marks = [o["text"] for o in objects(card) if o.get("type") == "TextRun" and o["text"] in ("✓ ", "✗ ")]
    assert marks == ["✗ ", "✓ ", "✓ ", "✓ ", "✓ "]  # the failure first
    assert "Accepted 1 meeting" in visible_text(V["summary-all-ok"])
    assert V["summary-all-ok"]["body"][0]["style"] == "good"


def test_the_cancel_meeting_card_explains_and_offers_cancel_or_keep():
    card = V["cancel-meeting"]
    text = visible_text(card)
    assert "You organize this meeting" in text and "My planning session" in text
    primary, keep = card["actions"]
    assert (primary["title"], primary["verb"], primary["style"]) == ("Cancel meeting", "cancelMeeting", "destructive")
    assert primary["data"] == {"verb": "cancelMeeting", "requestId": "req-10", "eventId": OWN.id, "shown": shown(OWN)}
    assert (keep["title"], keep["verb"]) == ("Keep it", "dismiss")
    comment = inputs(card)["comment"]
    assert "attendees" in comment["label"] and comment["value"] == COMMENT
    assert "scope" not in inputs(card)
    assert "scope" in inputs(V["cancel-meeting-recurring"])
    assert len(V["cancel-meeting-recurring"]["actions"]) == 2  # the choice set says which; one button


def test_the_consent_card_links_to_the_consent_page_and_speaks_to_users_or_admins():
    admin, user = V["consent-admin"], V["consent-user"]
    assert [a["type"] for a in actions(admin)] == ["Action.OpenUrl"]
    assert actions(admin)[0]["url"].endswith("adminconsent?client_id=x")
    assert "administrator" in visible_text(admin)
    assert "your permission" in visible_text(user)
    assert visible_text(admin) != visible_text(user)


def test_help_examples_send_themselves_and_sign_out_and_invitation_cards_are_offered():
    card = V["help"]
    said = [a["data"]["text"] for a in buttons(card, "say")]
    assert sorted(said) == sorted(
        [
            "decline my 3pm",
            "decline the standup tomorrow, say I'm sick",
            "what's on Friday",
            "turn on invitation cards",
            "sign out",
        ]
    )
    assert [(a["title"], a["data"]["text"]) for a in card["actions"]] == [
        ("Turn on invitation cards", "turn on invitation cards"),
        ("Sign out", "sign out"),
    ]
    assert "decline my 3pm" in visible_text(card)


def test_a_notice_card_is_one_sentence_in_the_style_asked_for():
    assert V["notice"]["body"][0]["style"] == "default"
    assert "Already declined — nothing more to do." in visible_text(V["notice"])
    assert V["notice-attention"]["body"][0]["style"] == "attention"
    with pytest.raises(ValueError):
        cards.notice_card("x", style="red")


def test_the_invoke_response_body_replaces_the_card():
    card = V["outcome-decline"]
    assert cards.invoke_response(card) == {
        "statusCode": 200,
        "type": "application/vnd.microsoft.card.adaptive",
        "value": card,
    }
    assert cards.CARD_CONTENT_TYPE == "application/vnd.microsoft.card.adaptive"


def test_a_long_subject_is_shortened_in_lists_and_an_empty_one_is_named():
    long_runs = [
        o["text"] for o in objects(V["choice-bulk"]) if o.get("type") == "TextRun" and o["text"].startswith("Very long")
    ]
    assert len(long_runs[0]) == 120 and long_runs[0].endswith("…")
    card = cards.outcome_card(
        replace(SINGLE, subject=""),
        verb="decline",
        notify=True,
        comment=None,
        scope="occurrence",
        ok=True,
        message=None,
    )
    assert "“Untitled meeting”" in visible_text(card)


def test_building_cards_never_changes_the_templates():
    first = cards.notice_card("one", style="good")
    first["body"][0]["items"][0]["inlines"][0]["text"] = "changed"
    assert "one" not in visible_text(cards.notice_card("two", style="good"))
    assert visible_text(cards.notice_card("one", style="good")).strip() == "one"


def test_a_meeting_after_the_clocks_now_stays_declinable():
    later = replace(SINGLE, start=NOW.replace(year=2099), end=NOW.replace(year=2099, hour=9))
    card = cards.agenda_card([later], title="Later", request_id="r", note=None, now=NOW)
    assert [b["data"]["eventId"] for b in buttons(card, "decline")] == [SINGLE.id]


def test_a_meeting_the_user_organizes_gets_no_decline_button_on_a_choice_card_and_says_cancel():
    card = cards.choice_card([SINGLE, OWN], verb="decline", request_id="req-own")
    assert [b["data"]["eventId"] for b in buttons(card, "decline")] == [SINGLE.id]
    assert "You organize this one: ask me to cancel it" in visible_text(card)


def test_an_agenda_answering_a_request_opens_with_the_answer_and_offers_the_verb_asked():
    card = V["agenda-accept-nothing-found"]
    assert card["body"][0]["inlines"][0]["text"] == "Nothing called “**x** [y](https://evil.example)” today."
    assert card["fallbackText"].startswith("Regrets: Nothing called")
    offered = [a for a in actions(card) if a.get("data")]
    assert offered and {(a["title"], a["verb"]) for a in offered} == {("Accept", "accept")}
    # Rows already accepted (the weekly sync), cancelled, over or the user's own get no Accept button.
    ids = {a["data"]["eventId"] for a in offered}
    assert SINGLE.id in ids and DECLINED.id in ids
    assert not ids & {WEEKLY.id, CANCELLED.id, OWN.id, PAST.id}


def test_an_agenda_refuses_a_verb_it_cannot_offer():
    with pytest.raises(ValueError):
        cards.agenda_card([], title="t", request_id="r", now=NOW, verb="cancel")


def test_what_a_request_left_out_is_said_on_the_card_literally():
    card = V["confirm-left-out"]
    assert f"You have already declined “{samples.TRICKY_SUBJECT}”." in runs(card)
    assert "already declined" not in visible_text(V["confirm-single-no-notify"])
