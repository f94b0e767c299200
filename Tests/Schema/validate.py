#!/usr/bin/env python3
"""Checks YAML or JSON files against a JSON Schema with an independent validator (README "schema").

usage: validate.py SCHEMA.json FILE...

The schema itself is first checked against the draft 2020-12 meta-schema. Files are read the way the
YAML language server reads them (YAML 1.2 core schema): `1e9` is a number and `2024-10-17` a string.
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
    """PyYAML's YAML 1.1 loader with YAML 1.2's number and timestamp rules."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:float")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
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
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for name in arguments[1:]:
        with open(name, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=CoreLoader)
        for error in sorted(validator.iter_errors(document), key=lambda e: (path_text(e.absolute_path), e.message)):
            print(f"{name}: {path_text(error.absolute_path) or '(top level)'}: {error.message}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
