#!/usr/bin/env node
// Validates a filled Teams app manifest against Microsoft's published JSON schema, offline.
//
//   node manifest/validate.js build/appPackage/manifest.json
//
// The schema comes from the copy bundled in @microsoft/app-manifest, never from the
// network: a $schema the package does not carry is refused rather than fetched.
// Exit codes: 0 valid, 1 schema errors (one per line on stdout), 2 unusable input.
"use strict";

const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

const PACKAGE_ROOT = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));

function localSchemaFile(schemaUrl) {
  if (typeof schemaUrl !== "string" || !schemaUrl) return undefined;
  const suffix = AppManifestUtils.getLocalSchemaSuffix(schemaUrl);
  if (!suffix) return undefined;
  const file = path.join(PACKAGE_ROOT, "build", suffix);
  return fs.existsSync(file) ? file : undefined;
}

function readSchema(file) {
  // Some published schemas carry \a and \v escapes in regex patterns, which JSON does not
  // allow; the package applies the same rewrite before parsing.
  const raw = fs.readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  return JSON.parse(raw);
}

async function main(args) {
  if (args.length !== 1) {
    console.error("usage: node manifest/validate.js <manifest.json>");
    return 2;
  }
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(args[0], "utf8"));
  } catch (err) {
    console.error(`validate: cannot read ${args[0]} as JSON: ${err.message}`);
    return 2;
  }
  const schemaFile = localSchemaFile(manifest.$schema);
  if (!schemaFile) {
    console.error(
      `validate: $schema ${JSON.stringify(manifest.$schema)} is not a Teams schema bundled with ` +
        "@microsoft/app-manifest (use https://developer.microsoft.com/en-us/json-schemas/teams/v1.N/MicrosoftTeams.schema.json)"
    );
    return 2;
  }
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, readSchema(schemaFile));
  if (errors.length > 0) {
    for (const error of errors) console.log(`schema: ${error}`);
    return 1;
  }
  console.log(`valid: ${path.relative(path.join(PACKAGE_ROOT, "build"), schemaFile)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`validate: ${err && err.message ? err.message : err}`);
    process.exit(2);
  }
);
