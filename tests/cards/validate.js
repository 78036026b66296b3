// Parse and validate Adaptive Cards with the real `adaptivecards` package (3.0.5).
//
// Usage: node tests/cards/validate.js cards.json   (or the JSON on stdin)
// Input: a JSON list of cards. Output (stdout): a JSON list, one entry per card:
//   {"index": i, "errors": [{"phase", "event", "message"}]}
// Beyond the package's own parse and validation events, two checks it does not make:
// - every property must survive a parse/serialize round trip (a misspelled or
//   unsupported property is silently ignored by clients, so it counts as an error);
// - an action's `fallback` (parsed by the package only when the action type is unknown)
//   is validated on its own as a card action.
"use strict";
const fs = require("fs");
const path = require("path");
const AC = require(path.join(__dirname, "..", "..", "node_modules", "adaptivecards", "dist", "adaptivecards.js"));

const PHASES = ["parse", "toJSON", "validation"];
const EVENTS = Object.keys(AC.ValidationEvent).filter((k) => isNaN(Number(k)));
// Keys the package consumes without echoing them back.
const ROUND_TRIP_EXEMPT = new Set(["fallback", "$schema"]);

function eventName(code) {
  return AC.ValidationEvent[code] || String(code);
}

function collect(card, ctx) {
  const errors = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    errors.push({ phase: PHASES[e.phase] || String(e.phase), event: eventName(e.event), message: e.message });
  }
  for (const e of card.validateProperties().validationEvents) {
    errors.push({ phase: PHASES[e.phase] || String(e.phase), event: eventName(e.event), message: e.message });
  }
  return errors;
}

function lost(input, output, where, errors) {
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) {
      errors.push({ phase: "roundTrip", event: "ItemsDropped", message: `${where}: ${input.length} items in, ${Array.isArray(output) ? output.length : 0} out` });
      return;
    }
    input.forEach((item, i) => lost(item, output[i], `${where}[${i}]`, errors));
    return;
  }
  if (input === null || typeof input !== "object") return;
  if (output === null || typeof output !== "object") {
    errors.push({ phase: "roundTrip", event: "ObjectDropped", message: `${where} was dropped` });
    return;
  }
  for (const key of Object.keys(input)) {
    if (ROUND_TRIP_EXEMPT.has(key)) continue;
    // Free-form payloads are copied as they are.
    if (key === "data" && where.includes("actions")) continue;
    if (!(key in output)) {
      // Properties equal to their default are left out of the package's output.
      if (knownProperty(input.type, key)) continue;
      errors.push({ phase: "roundTrip", event: "UnsupportedProperty", message: `${where}.${key} is not a property the package knows (or was dropped)` });
      continue;
    }
    lost(input[key], output[key], `${where}.${key}`, errors);
  }
}

const schemaCache = new Map();

function propertiesOf(type) {
  if (schemaCache.has(type)) return schemaCache.get(type);
  const v = AC.Versions.v1_5;
  let instance = AC.GlobalRegistry.elements.createInstance(type, v) || AC.GlobalRegistry.actions.createInstance(type, v);
  if (!instance && typeof AC[type] === "function") instance = new AC[type]();
  const names = new Map();
  if (instance) {
    const schema = instance.getSchema();
    for (let i = 0; i < schema.getCount(); i++) {
      const prop = schema.getItemAt(i);
      names.set(prop.name, prop.targetVersion);
    }
  }
  schemaCache.set(type, names);
  return names;
}

function knownProperty(type, key) {
  if (typeof type !== "string") return false;
  const version = propertiesOf(type).get(key);
  return version !== undefined && AC.isVersionLessOrEqual(version, AC.Versions.v1_5);
}

function fallbacks(node, found) {
  if (Array.isArray(node)) {
    node.forEach((n) => fallbacks(n, found));
  } else if (node && typeof node === "object") {
    if (typeof node.type === "string" && node.type.startsWith("Action.") && node.fallback && typeof node.fallback === "object") {
      found.push(node.fallback);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== "data") fallbacks(value, found);
    }
  }
  return found;
}

function validateOne(json) {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  let errors;
  try {
    card.parse(json, ctx);
    errors = collect(card, ctx);
    const out = card.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
    lost(json, out, "card", errors);
  } catch (err) {
    return [{ phase: "parse", event: "Exception", message: String(err && err.message ? err.message : err) }];
  }
  const extra = fallbacks(json, []);
  extra.forEach((fb, i) => {
    const holder = { type: "AdaptiveCard", version: json.version || "1.5", actions: [fb] };
    for (const e of validateOne(holder)) errors.push({ ...e, message: `fallback ${i}: ${e.message}` });
  });
  return errors;
}

const source = process.argv[2] ? fs.readFileSync(process.argv[2], "utf8") : fs.readFileSync(0, "utf8");
const cards = JSON.parse(source);
const results = cards.map((json, index) => ({ index, errors: validateOne(json) }));
process.stdout.write(JSON.stringify(results));
