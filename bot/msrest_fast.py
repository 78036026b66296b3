"""msrest 0.7.1's JSON (de)serialization of activities, without its per-value overhead.

msrest 0.7.1 (under botframework-connector 4.17.1) turns every outgoing activity into
JSON, and every inbound one back into a model, one value at a time, with helpers written
for Python 2: `serialize_unicode` / `deserialize_unicode` raise and catch two exceptions
per string (`data.value`, then the undefined name `unicode`), and `serialize_basic` /
`deserialize_basic` call `eval("int")` per number. An Adaptive Card is hundreds of such
values; with the model walks below, about 15% of a Regrets decline-flow turn's CPU.

`apply_fast_serialization()` replaces, on msrest's classes:
- the per-value helpers and `serialize_object` / `deserialize_object`: plain JSON values
  (exact `str`, `int`, `float`, `bool`, `None`, `dict`, `list`) are answered directly with
  what msrest would return (the same objects); anything else (enums, models, datetimes,
  XML, custom serializers) goes to msrest's own code;
- `Serializer._serialize` (JSON models, default key transformer): attributes set to None
  are skipped before msrest's key-path and exception work for them;
- `Model.validate`: attributes that are None and not required are skipped (for them
  msrest runs two checks that cannot fail);
- `Deserializer._deserialize` (a JSON object, default key extractors): only the JSON key
  extractor is asked (the XML one answers None for JSON), and a model's known keys for
  additional properties are computed once per model instead of per object.
Errors are msrest's own: on any failure the stock code runs again and raises. Installed
only for msrest 0.7.1 (`MSREST_STOCK` keeps the originals for tests to compare against;
tests/structure/test_patched_versions.py fails when another msrest is installed or locked).

What it pays, measured with `make bench` (`python -m bench --only regrets`, decline flow,
20 users), three interleaved A/B runs on a shared 2-core machine: 5.2 ms of Regrets' CPU
per turn with it, 6.5 ms without (median; +1.0 to +1.3 ms per pair of runs).
"""

from __future__ import annotations

from typing import Any

from msrest import serialization
from msrest.version import msrest_version

PATCHED_MSREST = "0.7.1"
# msrest's own functions, as imported (tests compare the fast paths against them).
MSREST_STOCK = {
    "serialize_unicode": vars(serialization.Serializer)["serialize_unicode"].__func__,
    "serialize_basic": vars(serialization.Serializer)["serialize_basic"].__func__,
    "serialize_object": serialization.Serializer.serialize_object,
    "deserialize_unicode": serialization.Deserializer.deserialize_unicode,
    "deserialize_basic": serialization.Deserializer.deserialize_basic,
    "deserialize_object": serialization.Deserializer.deserialize_object,
    "_serialize": serialization.Serializer._serialize,
    "validate": serialization.Model.validate,
    "_deserialize": serialization.Deserializer._deserialize,
    "_build_additional_properties": serialization.Deserializer._build_additional_properties,
}
_DEFAULT_EXTRACTORS = [serialization.rest_key_extractor, serialization.xml_key_extractor]
_SCALARS = frozenset({str, int, float, bool, type(None)})
_NUMBERS = {"int": int, "float": float, "bool": bool}


def apply_fast_serialization() -> bool:
    """Install the plain-JSON fast paths once; False (nothing changed) on another msrest."""
    serializer, deserializer = serialization.Serializer, serialization.Deserializer
    if msrest_version != PATCHED_MSREST or getattr(serializer, "_regrets_fast", False):
        return getattr(serializer, "_regrets_fast", False)
    stock = MSREST_STOCK

    def serialize_unicode(cls: Any, data: Any) -> Any:
        # msrest: `data.value` (AttributeError), `unicode` (NameError), then `str(data)`: the same str.
        return data if type(data) is str else stock["serialize_unicode"](cls, data)

    def serialize_basic(cls: Any, data: Any, data_type: str, **kwargs: Any) -> Any:
        # Custom serializers and XML are msrest's business; otherwise it is str(...)/int(...)/...
        if not kwargs.get("basic_types_serializers") and not kwargs.get("is_xml"):
            if data_type == "str":
                return cls.serialize_unicode(data)
            convert = _NUMBERS.get(data_type)
            if convert is not None:
                return convert(data)
        return stock["serialize_basic"](cls, data, data_type, **kwargs)

    def serialize_object(self: Any, attr: Any, **kwargs: Any) -> Any:
        if kwargs.get("basic_types_serializers") or kwargs.get("is_xml"):
            return stock["serialize_object"](self, attr, **kwargs)
        return _serialize_plain(self, attr, kwargs)

    def _serialize_plain(self: Any, attr: Any, kwargs: dict) -> Any:
        kind = type(attr)
        if kind in _SCALARS:
            return attr
        if kind is dict:
            out = {}
            for key, value in attr.items():
                name = key if type(key) is str else self.serialize_unicode(key)
                try:
                    out[name] = _serialize_plain(self, value, kwargs)
                except ValueError:  # as msrest: a value it cannot serialize becomes null
                    out[name] = None
            return out
        if kind is list:
            items = []
            for item in attr:
                try:
                    items.append(_serialize_plain(self, item, kwargs))
                except ValueError:  # as msrest: dropped from the list
                    pass
            return items
        return stock["serialize_object"](self, attr, **kwargs)

    def deserialize_unicode(data: Any) -> Any:
        return data if type(data) is str else stock["deserialize_unicode"](data)

    def deserialize_basic(self: Any, attr: Any, data_type: str) -> Any:
        if data_type == "str" and type(attr) is str:
            return attr
        if (data_type == "int" or data_type == "float") and type(attr) in _SCALARS:
            return _NUMBERS[data_type](attr)  # msrest: eval(data_type)(attr)
        return stock["deserialize_basic"](self, attr, data_type)

    def deserialize_object(self: Any, attr: Any, **kwargs: Any) -> Any:
        kind = type(attr)
        if kind in _SCALARS:
            return attr  # msrest: str(attr) / int(attr) / float(attr) / bool(attr) of an exact type
        if kind is dict:
            out = {}
            for key, value in attr.items():
                try:
                    out[key] = deserialize_object(self, value, **kwargs)
                except ValueError:
                    out[key] = None
            return out
        if kind is list:
            items = []
            for item in attr:
                try:
                    items.append(deserialize_object(self, item, **kwargs))
                except ValueError:
                    pass
            return items
        return stock["deserialize_object"](self, attr, **kwargs)

    key_paths: dict[str, list[str]] = {}

    def _serialize(self: Any, target_obj: Any, data_type: Any = None, **kwargs: Any) -> Any:
        # A JSON model with msrest's default key transformer: the same walk as msrest's, except
        # that an attribute set to None is skipped at once (msrest computes its key path, then
        # raises and catches a ValueError for it: most of an Activity's 40 attributes).
        if (
            data_type
            or target_obj is None
            or kwargs.get("is_xml")
            or kwargs.get("key_transformer", self.key_transformer) is not serialization.full_restapi_key_transformer
            or not hasattr(target_obj, "_attribute_map")
            or target_obj.is_xml_model()
        ):
            return stock["_serialize"](self, target_obj, data_type, **kwargs)
        given = dict(kwargs)
        kwargs["is_xml"] = False
        keep_readonly = kwargs.get("keep_readonly", False)
        serialized: dict = {}
        try:
            validation = target_obj._validation
            for attr, attr_desc in target_obj._attribute_map.items():
                if not keep_readonly and validation.get(attr, {}).get("readonly", False):
                    continue
                if attr == "additional_properties" and attr_desc["key"] == "":
                    if target_obj.additional_properties is not None:
                        serialized.update(target_obj.additional_properties)
                    continue
                value = getattr(target_obj, attr)
                if value is None:
                    continue
                keys = key_paths.get(attr_desc["key"])
                if keys is None:
                    keys = key_paths[attr_desc["key"]] = [
                        serialization._decode_attribute_map_key(k)
                        for k in serialization._FLATTEN.split(attr_desc["key"])
                    ]
                kwargs["serialization_ctxt"] = attr_desc
                try:
                    new_attr = self.serialize_data(value, attr_desc["type"], **kwargs)
                except serialization.SerializationError:
                    raise
                except ValueError:
                    continue  # as msrest: a value it cannot serialize is left out
                for key in reversed(keys):
                    new_attr = {key: new_attr}
                level_new, level = new_attr, serialized
                for key in keys:
                    if key not in level:
                        level.update(level_new)
                    level_new, level = level_new[key], level[key]
        except (AttributeError, KeyError, TypeError):
            # msrest's own walk raises its own SerializationError for this object.
            return stock["_serialize"](self, target_obj, data_type, **given)
        return serialized

    def validate(self: Any) -> list:
        # msrest's Model.validate, except that an attribute that is None and not required is
        # skipped: for it msrest formats a name and runs two checks that cannot fail.
        errors: list = []
        rules = self._validation
        for attr_name, attr_desc in self._attribute_map.items():
            if attr_name == "additional_properties" and attr_desc["key"] == "":
                continue
            value = getattr(self, attr_name)
            attr_rules = rules.get(attr_name, {})
            if value is None and not attr_rules.get("required", False):
                continue
            attr_type = attr_desc["type"]
            try:
                if value is not None and attr_type in serializer.basic_types.values():
                    value = serializer.serialize_basic(value, attr_type)
                serializer.validate(value, f"{self.__class__.__name__}.{attr_name}", **attr_rules)
            except serialization.ValidationError as error:
                errors.append(error)
            errors += serialization._recursive_validate(attr_name, attr_type, value)
        return errors

    def _deserialize(self: Any, target_obj: Any, data: Any) -> Any:
        # A JSON object into a model with msrest's default key extractors (an inbound activity):
        # msrest's walk, without copying each attribute's description and asking the XML
        # extractor, which answers None for JSON, about every attribute.
        if type(data) is not dict or self.key_extractors != _DEFAULT_EXTRACTORS:
            return stock["_deserialize"](self, target_obj, data)
        response, _ = self._classify_target(target_obj, data)
        if not (isinstance(response, type) and issubclass(response, serialization.Model)):
            return stock["_deserialize"](self, target_obj, data)
        attributes = response._attribute_map
        values = {}
        try:
            for attr, attr_desc in attributes.items():
                if attr == "additional_properties" and attr_desc["key"] == "":
                    continue
                key = attr_desc["key"]
                raw = data.get(key) if "." not in key else serialization.rest_key_extractor(attr, attr_desc, data)
                values[attr] = self.deserialize_data(raw, attr_desc["type"])
        except (AttributeError, TypeError, KeyError):
            return stock["_deserialize"](self, target_obj, data)  # msrest's own DeserializationError
        return self._instantiate_model(response, values, self._build_additional_properties(attributes, data))

    known_keys: dict[int, tuple[dict, set]] = {}

    def _build_additional_properties(self: Any, attribute_map: dict, data: Any) -> Any:
        # msrest recomputes a model's known JSON keys (a regex split per attribute) for every
        # object it reads; they are fixed per model class, so computed once per attribute map.
        if not self.additional_properties_detection or type(data) is not dict:
            return stock["_build_additional_properties"](self, attribute_map, data)
        if "additional_properties" in attribute_map and attribute_map["additional_properties"].get("key") != "":
            return None
        cached = known_keys.get(id(attribute_map))
        if cached is None or cached[0] is not attribute_map:
            known = {
                serialization._decode_attribute_map_key(serialization._FLATTEN.split(desc["key"])[0])
                for desc in attribute_map.values()
                if desc["key"] != ""
            }
            cached = known_keys[id(attribute_map)] = (attribute_map, known)
        missing = set(data.keys()) - cached[1]
        return {key: data[key] for key in missing}

    replacements: list[tuple[type, str, Any]] = [
        (deserializer, "_build_additional_properties", _build_additional_properties),
        (serialization.Model, "validate", validate),
        (deserializer, "_deserialize", _deserialize),
        (serializer, "_serialize", _serialize),
        (serializer, "serialize_unicode", classmethod(serialize_unicode)),
        (serializer, "serialize_basic", classmethod(serialize_basic)),
        (serializer, "serialize_object", serialize_object),
        (deserializer, "deserialize_unicode", staticmethod(deserialize_unicode)),
        (deserializer, "deserialize_basic", deserialize_basic),
        (deserializer, "deserialize_object", deserialize_object),
        (serializer, "_regrets_fast", True),
    ]
    for owner, name, value in replacements:
        setattr(owner, name, value)
    return True
