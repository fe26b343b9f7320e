#!/usr/bin/env python3
"""Validates a JSON document (stdin) against a JSON Schema file (argv[1]) with the jsonschema
package: an independent check of what Flotilla emits. Exit 0 valid, 1 invalid (errors printed)."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(sys.stdin)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for error in errors:
    print(f"{'/'.join(map(str, error.path)) or '$'}: {error.message}")
sys.exit(1 if errors else 0)
