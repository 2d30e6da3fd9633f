#!/usr/bin/env python3
"""Generates resources/crds/<crd>.json from the official Istio CRDs.

Usage (from the repository root):

    python3 .ci/strip-crds.py [CRD_DIR] [OUTPUT_DIR]

CRD_DIR defaults to ../shared/data/istio/crds and OUTPUT_DIR to resources/crds (both relative
to the current directory). Each CRD file `<stem>.yaml` becomes `<stem>.json`:

    {"group": "networking.istio.io", "kind": "VirtualService",
     "versions": {"v1": <openAPIV3Schema>, "v1beta1": ..., "v1alpha3": ...}}

The `description` keyword is removed from every schema object: it is about 70% of the bytes
and the validator never shows it. A property that happens to be *named* "description" (a key
of `properties`) is kept, which is why this walks the schema structure instead of deleting
every "description" key. Keys are sorted and the output is compact so that regenerating from
the same CRDs gives byte-identical files (they are committed and compiled into the binary).
"""

import glob
import json
import os
import sys

import yaml

# Keywords whose value is a map from names to schemas.
SCHEMA_MAPS = ("properties", "patternProperties", "definitions", "dependencies")
# Keywords whose value is a schema (or, for items/additionalProperties, a list of schemas or a bool).
SCHEMA_VALUES = ("items", "additionalProperties", "additionalItems", "not")
# Keywords whose value is a list of schemas.
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")


def strip_schema(schema):
    """Returns a copy of `schema` without `description` keywords, at any depth."""
    if isinstance(schema, list):
        return [strip_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema  # `additionalProperties: false` and the like
    result = {}
    for key, value in schema.items():
        if key == "description" and isinstance(value, str):
            continue
        if key in SCHEMA_MAPS and isinstance(value, dict):
            result[key] = {name: strip_schema(sub) for name, sub in value.items()}
        elif key in SCHEMA_VALUES or key in SCHEMA_LISTS:
            result[key] = strip_schema(value)
        else:
            # enum, default, example, x-kubernetes-validations, ...: data, not schemas; copied verbatim.
            result[key] = value
    return result


def convert(path):
    with open(path, encoding="utf-8") as stream:
        documents = [doc for doc in yaml.safe_load_all(stream) if doc]
    if len(documents) != 1 or documents[0].get("kind") != "CustomResourceDefinition":
        raise SystemExit(f"{path}: expected exactly one CustomResourceDefinition")
    spec = documents[0]["spec"]
    versions = {}
    for version in spec["versions"]:
        schema = version.get("schema", {}).get("openAPIV3Schema")
        if schema is None:
            raise SystemExit(f"{path}: version {version.get('name')} has no openAPIV3Schema")
        versions[version["name"]] = strip_schema(schema)
    return {"group": spec["group"], "kind": spec["names"]["kind"], "versions": versions}


def main(argv):
    crd_dir = argv[1] if len(argv) > 1 else os.path.join("..", "shared", "data", "istio", "crds")
    out_dir = argv[2] if len(argv) > 2 else os.path.join("resources", "crds")
    inputs = sorted(glob.glob(os.path.join(crd_dir, "*.yaml")) + glob.glob(os.path.join(crd_dir, "*.yml")))
    if not inputs:
        raise SystemExit(f"no CRD files in {crd_dir}")
    os.makedirs(out_dir, exist_ok=True)
    for path in inputs:
        stem = os.path.splitext(os.path.basename(path))[0]
        target = os.path.join(out_dir, stem + ".json")
        text = json.dumps(convert(path), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        with open(target, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text + "\n")
        print(f"{path} -> {target} ({len(text)} bytes)")


if __name__ == "__main__":
    main(sys.argv)
