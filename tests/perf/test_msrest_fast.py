"""`bot.msrest_fast`: the msrest fast paths give exactly the JSON and models msrest gives.

The reference is msrest's own code (`MSREST_STOCK`) in a serializer subclass, next to the
patched classes, on activities shaped like Regrets' replies (Adaptive Cards, invoke
answers) and like Teams' inbound activities.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    Entity,
    SuggestedActions,
)
from botframework.connector import models
from msrest.serialization import Deserializer, Model, Serializer

from bot.msrest_fast import MSREST_STOCK, apply_fast_serialization

CLASSES = {k: v for k, v in models.__dict__.items() if isinstance(v, type)}


class StockSerializer(Serializer):
    serialize_unicode = classmethod(MSREST_STOCK["serialize_unicode"])
    serialize_basic = classmethod(MSREST_STOCK["serialize_basic"])
    serialize_object = MSREST_STOCK["serialize_object"]
    _serialize = MSREST_STOCK["_serialize"]


class StockDeserializer(Deserializer):
    deserialize_unicode = staticmethod(MSREST_STOCK["deserialize_unicode"])
    deserialize_basic = MSREST_STOCK["deserialize_basic"]
    deserialize_object = MSREST_STOCK["deserialize_object"]
    _deserialize = MSREST_STOCK["_deserialize"]
    _build_additional_properties = MSREST_STOCK["_build_additional_properties"]


class Item(Model):
    _validation = {"name": {"required": True}, "code": {"max_length": 3}, "count": {"minimum": 1}}
    _attribute_map = {
        "name": {"key": "name", "type": "str"},
        "code": {"key": "code", "type": "str"},
        "count": {"key": "count", "type": "int"},
        "children": {"key": "children", "type": "[Item]"},
        "note": {"key": "note", "type": "str"},
    }

    def __init__(self, *, name=None, code=None, count=None, children=None, note=None) -> None:
        super().__init__()
        self.name, self.code, self.count, self.children, self.note = name, code, count, children, note


@pytest.fixture(autouse=True)
def fast() -> None:
    assert apply_fast_serialization()


def card() -> dict:
    return {
        "type": "AdaptiveCard",
        "version": "1.5",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "body": [
            {"type": "TextBlock", "text": "Décliner « Standup » 🗓", "wrap": True, "size": "Medium", "spacing": None},
            {"type": "FactSet", "facts": [{"title": "When", "value": "3:00–3:30 PM"}, {"title": "Seats", "value": 4}]},
            {"type": "Input.Text", "id": "comment", "maxLength": 2000, "isMultiline": False, "opacity": 0.5},
        ],
        "actions": [
            {
                "type": "Action.Execute",
                "verb": "decline",
                "title": "Decline",
                "data": {"verb": "decline", "request": "r-1", "ids": ["AAMk=", "AAMl="], "n": 2},
            }
        ],
        "odd": {
            1: "int key",
            "tuple": (1, 2),
            "when": datetime(2026, 1, 15, 9, 30, tzinfo=UTC),
            "amount": Decimal("1.50"),
            "empty": [],
            "nested": [[{"a": [None]}]],
        },
    }


def reply() -> Activity:
    return Activity(
        type=ActivityTypes.message,
        id="1:card",
        timestamp=datetime(2026, 1, 15, 9, 30, 5, 123000, tzinfo=UTC),
        service_url="https://smba.trafficmanager.net/amer/",
        channel_id="msteams",
        from_property=ChannelAccount(id="28:bot", name="Regrets"),
        conversation=ConversationAccount(id="a:chat", conversation_type="personal", tenant_id="t-1"),
        recipient=ChannelAccount(id="29:user", name="Alice", aad_object_id="oid-1"),
        text="Decline **Standup** at 3 PM?",
        text_format="markdown",
        attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card())],
        suggested_actions=SuggestedActions(actions=[CardAction(type="imBack", title="Yes", value="yes")]),
        entities=[Entity(type="mention")],
        channel_data={"tenant": {"id": "t-1"}, "notification": {"alert": True}, "count": 3},
        value={"verb": "decline", "ids": ["AAMk="], "flag": False, "ratio": 0.25},
        reply_to_id="1:ask",
    )


def test_a_card_reply_serializes_to_the_same_json_as_with_msrest(fast):
    fast_body = Serializer(CLASSES).body(reply(), "Activity")
    stock_body = StockSerializer(CLASSES).body(reply(), "Activity")

    assert fast_body == stock_body
    assert json.dumps(fast_body, sort_keys=True) == json.dumps(stock_body, sort_keys=True)
    assert fast_body["attachments"][0]["content"]["odd"]["1"] == "int key"  # msrest's str() of odd keys kept


def test_an_unserializable_attribute_fails_with_msrest_s_own_error(fast):
    broken = reply()
    broken.conversation = object()  # not a ConversationAccount

    with pytest.raises(Exception) as fast_error:
        Serializer(CLASSES).body(broken, "Activity")
    with pytest.raises(Exception) as stock_error:
        StockSerializer(CLASSES).body(broken, "Activity")
    assert fast_error.type is stock_error.type and str(fast_error.value) == str(stock_error.value)


def test_readonly_and_keep_readonly_are_honoured_as_by_msrest(fast):
    activity = reply()
    for options in ({}, {"keep_readonly": True}):
        assert Serializer(CLASSES)._serialize(activity, **options) == StockSerializer(CLASSES)._serialize(
            activity, **options
        )


def test_odd_values_inside_a_card_still_go_through_msrest(fast):
    odd = card()["odd"]

    assert Serializer(CLASSES).serialize_object(odd) == StockSerializer(CLASSES).serialize_object(odd)
    with pytest.raises(Exception) as fast_error:  # msrest cannot serialize an enum inside an object
        Serializer(CLASSES).serialize_object({"kind": ActivityTypes.message})
    with pytest.raises(Exception) as stock_error:
        StockSerializer(CLASSES).serialize_object({"kind": ActivityTypes.message})
    assert fast_error.type is stock_error.type


def test_custom_and_xml_basic_serializers_are_still_msrest_s(fast):
    custom = {"basic_types_serializers": {"int": lambda value: f"#{value}"}}

    assert Serializer.serialize_basic(True, "bool", is_xml=True) == "true"
    assert Serializer.serialize_basic(7, "int", **custom) == StockSerializer.serialize_basic(7, "int", **custom)
    assert Serializer.serialize_basic(ActivityTypes.invoke, "str") == "invoke"


def test_a_teams_activity_deserializes_to_the_same_model_as_with_msrest(fast):
    body = Serializer(CLASSES).body(reply(), "Activity")
    body.update(type="invoke", name="adaptiveCard/action", localTimestamp="2026-01-15T01:30:05.123-08:00")
    body["value"] = {"action": {"type": "Action.Execute", "verb": "decline", "data": {"n": 2, "x": 1.5, "ok": True}}}
    body["entities"] = [{"type": "mention", "mentioned": {"id": "28:bot", "name": "Regrets"}, "text": "<at>R</at>"}]
    body["someFutureField"] = {"kept": [1, "two"]}

    fast_model = Deserializer(CLASSES)("Activity", body)
    stock_model = StockDeserializer(CLASSES)("Activity", body)

    assert fast_model.as_dict() == stock_model.as_dict()
    assert fast_model.value == stock_model.value and fast_model.attachments[0].content == card_json(body)
    assert (
        fast_model.additional_properties
        == stock_model.additional_properties
        == {"someFutureField": {"kept": [1, "two"]}}
    )
    assert fast_model.entities[0].additional_properties == stock_model.entities[0].additional_properties
    assert fast_model.entities[0].additional_properties["mentioned"] == {"id": "28:bot", "name": "Regrets"}


def card_json(body: dict) -> dict:
    return body["attachments"][0]["content"]


def test_basic_deserialization_keeps_msrest_s_conversions_and_errors(fast):
    fast, stock = Deserializer(CLASSES), StockDeserializer(CLASSES)

    assert fast.deserialize_basic("12", "int") == stock.deserialize_basic("12", "int") == 12
    assert fast.deserialize_basic("true", "bool") is stock.deserialize_basic("true", "bool") is True
    assert fast.deserialize_basic(2, "float") == 2.0 and isinstance(fast.deserialize_basic(2, "float"), float)
    for bad, kind in (("x", "int"), (None, "int"), ("maybe", "bool")):
        with pytest.raises((TypeError, ValueError)) as fast_error:
            fast.deserialize_basic(bad, kind)
        with pytest.raises((TypeError, ValueError)) as stock_error:
            stock.deserialize_basic(bad, kind)
        assert fast_error.type is stock_error.type


def test_model_validation_reports_the_same_errors_as_msrest(fast):
    good = Item(name="a", code="abc", count=2, children=[Item(name="b")])
    bad = Item(code="toolong", count=0, children=[Item(code="x"), Item(name="c", count=5)])

    for item in (good, bad):
        assert [str(e) for e in item.validate()] == [str(e) for e in MSREST_STOCK["validate"](item)]
    assert len(bad.validate()) == 4  # name missing, code too long, count too small, child's name missing
