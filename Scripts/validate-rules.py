#!/usr/bin/env python3
"""Validates every JSON file of a rules/ folder against the JSON Schemas in its schema/ folder
(JSON Schema 2020-12, with the `jsonschema` package). Prints one line per invalid file and exits 1
if any; prints the number of files checked otherwise. Used by the tests (run by `swift test`).

    validate-rules.py [RULES]                    every file of RULES (default: rules)
    validate-rules.py RULES --diff FILE...       `zan diff --format json` outputs, against
                                                 RULES/schema/diff.schema.json"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

try:  # jsonschema >= 4.18
    from referencing import Registry, Resource
except ImportError:  # older jsonschema (Debian 12 ships 4.10): RefResolver with a local store
    Registry = None


def validators(schema_dir: pathlib.Path) -> dict:
    """Every schema of the folder, checked, with references between them resolved locally."""
    names = ["units.schema.json", "facts.schema.json", "work-index.schema.json", "build-index.schema.json",
             "diff.schema.json"]
    loaded = {name: json.loads((schema_dir / name).read_text(encoding="utf-8")) for name in names}
    result = {}
    if Registry is not None:
        registry = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema)) for schema in loaded.values())
    for name, schema in loaded.items():
        Draft202012Validator.check_schema(schema)
        if Registry is not None:
            result[name] = Draft202012Validator(schema, registry=registry)
        else:
            from jsonschema import RefResolver
            store = {other["$id"]: other for other in loaded.values()}
            result[name] = Draft202012Validator(schema, resolver=RefResolver.from_schema(schema, store=store))
    return result


def validate_diffs(root: pathlib.Path, files: list) -> int:
    validator = validators(root / "schema")["diff.schema.json"]
    bad = 0
    for name in files:
        document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
        for error in validator.iter_errors(document):
            bad += 1
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"{name}: diff.schema.json: at /{where}: {error.message[:300]}")
    print(f"{len(files)} diffs valid" if bad == 0 else f"{bad} errors in {len(files)} diffs")
    return 1 if bad else 0


def check_runs(path: pathlib.Path, index: dict) -> int:
    """What a schema cannot say: each run of a version's `units` and `facts` (in a work's index)
    names entries its work's units.json and facts.json have, first before last, and the units
    make one tree (the first the root, at depth 0, and none more than one level below the unit
    before it)."""
    bad = 0
    tables = {}
    for member, file in (("units", "units.json"), ("facts", "facts.json")):
        table = path.parent / file
        tables[member] = json.loads(table.read_text(encoding="utf-8")).get(member, []) if table.exists() else None
        if tables[member] is None:
            print(f"{path}: no {file} beside it")
            bad += 1
    for number, version in enumerate(index.get("versions", [])):
        units = []
        for member, file in (("units", "units.json"), ("facts", "facts.json")):
            entries = tables[member]
            if entries is None:
                continue
            for at, run in enumerate(version.get(member, [])):
                if len(run) != 2 or not run[0] <= run[1] < len(entries):
                    bad += 1
                    print(f"{path}: at /versions/{number}/{member}/{at}: {run} is not a run of the {len(entries)} entries of {file}")
                elif member == "units":
                    units += entries[run[0]:run[1] + 1]
        depths = [unit.get("depth") for unit in units]
        if tables["units"] is not None and not (depths and depths[0] == 0 and all(
                isinstance(d, int) and 1 <= d <= previous + 1 for previous, d in zip(depths, depths[1:]))):
            bad += 1
            print(f"{path}: at /versions/{number}/units: the units of units.json these runs give are not one tree (depths {depths[:20]}…)")
    return bad


def main(root: pathlib.Path) -> int:
    schema_dir = root / "schema"
    schemas = validators(schema_dir)
    bad = 0
    checked = 0
    for path in sorted(root.rglob("*.json")):
        if path.parent == schema_dir:
            continue
        if path == root / "index.json":
            name = "build-index.schema.json"
        elif path.name == "index.json":
            name = "work-index.schema.json"
        elif path.name == "facts.json":
            name = "facts.schema.json"
        elif path.name == "units.json":
            name = "units.schema.json"
        else:
            print(f"{path}: not a file of a rules/ folder (format 10 has no version files)")
            bad += 1
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        for error in schemas[name].iter_errors(document):
            bad += 1
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: {name}: at /{where}: {error.message[:300]}")
        if name == "work-index.schema.json":
            bad += check_runs(path, document)
        checked += 1
    if checked == 0:
        print(f"{root}: no rule-set files found")
        return 1
    print(f"{checked} files valid" if bad == 0 else f"{bad} errors in {checked} files")
    return 1 if bad else 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if "--diff" in arguments:
        at = arguments.index("--diff")
        sys.exit(validate_diffs(pathlib.Path(arguments[0] if at > 0 else "rules"), arguments[at + 1:]))
    sys.exit(main(pathlib.Path(arguments[0] if arguments else "rules")))
