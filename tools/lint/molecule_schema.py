#!/usr/bin/python3
"""Validates Molecule scenario files against Molecule's own JSON schemas (molecule.json and
the docker driver's), as Molecule does before running a scenario.

usage: molecule_schema.py SCHEMA_DIR molecule/*/molecule.yml
Exit 0 when all are valid, 1 with one line per problem otherwise, 2 when a schema is missing."""
import json
import os
import re
import sys

import jsonschema
import yaml


def interpolate(text, scenario_dir):
    # Molecule substitutes ${VAR} before validating; give its own variables plausible values.
    env = dict(os.environ,
               MOLECULE_PROJECT_DIRECTORY=os.path.abspath(os.path.join(scenario_dir, "..", "..")),
               MOLECULE_SCENARIO_DIRECTORY=os.path.abspath(scenario_dir))
    return re.sub(r"\$\{(\w+)\}", lambda m: env.get(m.group(1), m.group(0)), text)


def main(schema_dir, files):
    schemas = {}
    for name in ("molecule.json", "docker-driver.json"):
        path = os.path.join(schema_dir, name)
        if not os.path.exists(path):
            print(f"schema not found: {path}")
            return 2
        with open(path) as f:
            schemas[name] = json.load(f)

    problems = 0
    for file in files:
        with open(file) as f:
            config = yaml.safe_load(interpolate(f.read(), os.path.dirname(file)))
        for name, schema in schemas.items():
            validator = jsonschema.Draft202012Validator(schema)
            for error in sorted(validator.iter_errors(config), key=lambda e: list(e.path)):
                where = "/".join(str(p) for p in error.path) or "(root)"
                print(f"{file}: {name}: {where}: {error.message}")
                problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
