#!/usr/bin/env python3
"""Parses a Prometheus text exposition (stdin) with prometheus_client's own parser, the parser
Prometheus' Python ecosystem uses. Prints one line per sample family as `name type samples` and
exits 1 if the text does not parse."""
import sys

from prometheus_client.parser import text_string_to_metric_families

try:
    for family in text_string_to_metric_families(sys.stdin.read()):
        print(f"{family.name} {family.type} {len(family.samples)}")
except Exception as error:  # the parser raises ValueError and friends on malformed input
    print(f"unparseable: {error}")
    sys.exit(1)
