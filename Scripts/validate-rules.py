#!/usr/bin/env python3
"""Validates every JSON file of a rules/ folder against the JSON Schemas in its schema/ folder
(JSON Schema 2020-12, with the `jsonschema` package). Prints one line per invalid file and exits 1
if any; prints the number of files checked otherwise. Used by the tests (run by `swift test`)."""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator


def main(root: pathlib.Path) -> int:
    schema_dir = root / "schema"
    names = ["version.schema.json", "work-index.schema.json", "build-index.schema.json"]
    schemas = {}
    for name in names:
        schema = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        schemas[name] = Draft202012Validator(schema)
    bad = 0
    checked = 0
    for path in sorted(root.rglob("*.json")):
        if path.parent == schema_dir:
            continue
        if path == root / "index.json":
            name = "build-index.schema.json"
        elif path.name == "index.json":
            name = "work-index.schema.json"
        else:
            name = "version.schema.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        for error in schemas[name].iter_errors(document):
            bad += 1
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: {name}: at /{where}: {error.message[:300]}")
        checked += 1
    if checked == 0:
        print(f"{root}: no rule-set files found")
        return 1
    print(f"{checked} files valid" if bad == 0 else f"{bad} errors in {checked} files")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "rules")))
