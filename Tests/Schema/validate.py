#!/usr/bin/env python3
"""Checks YAML or JSON files against a JSON Schema with an independent validator (README "schema").

usage: validate.py SCHEMA.json FILE...

The schema is checked against the draft 2020-12 and draft-07 meta-schemas, and every file against both drafts.
Files are read the way the YAML language server reads them (YAML 1.2 core schema): `1e9` is a number,
`2024-10-17` and `yes` are strings.
Prints `FILE: path: problem` for every problem and exits 1 if there is any, 0 if every file is valid,
77 if jsonschema or PyYAML cannot be imported (SchemaTests skips then, or fails in CI).
"""
import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:
    print(f"validate.py: {error} for {sys.executable} (pip install jsonschema pyyaml)", file=sys.stderr)
    sys.exit(77)


class CoreLoader(yaml.SafeLoader):
    """PyYAML's YAML 1.1 loader with YAML 1.2's boolean, number and timestamp rules."""


REPLACED = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")
CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)


def path_text(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as handle:
        schema = json.load(handle)
    # Draft 2020-12 as declared, and draft-07, which the YAML language server implements: the schema must use only
    # keywords that mean the same in both.
    validators = [jsonschema.Draft202012Validator, jsonschema.Draft7Validator]
    for validator in validators:
        validator.check_schema(schema)
    problems = 0
    for name in arguments[1:]:
        with open(name, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=CoreLoader)
        found = {(path_text(e.absolute_path) or "(top level)", e.message) for v in validators for e in v(schema).iter_errors(document)}
        for path, message in sorted(found):
            print(f"{name}: {path}: {message}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
