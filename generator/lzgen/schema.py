"""The JSON Schema of the org YAML, generated from the models (committed as schema/)."""

from __future__ import annotations

import json

from lzgen.model import OrgFile

SCHEMA_ID = "https://lzgen.dev/schema/org.schema.json"


def schema_text() -> str:
    schema = OrgFile.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "lzgen org file",
    }
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
