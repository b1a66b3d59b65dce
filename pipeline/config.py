"""Load config.yaml, check it against the schema, and fill in every default.

The schema (pipeline/schemas/config.schema.yaml) documents every key; this
module turns its complaints into one line that names the key.
"""

from __future__ import annotations

import copy
import difflib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from pipeline.errors import ConfigError

Config = dict[str, Any]


@cache
def config_schema() -> dict[str, Any]:
    text = resources.files("pipeline.schemas").joinpath("config.schema.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def load_config(path: str | Path = "config.yaml") -> Config:
    """Read, validate and complete a config file; a missing file means all defaults."""
    path = Path(path)
    if not path.exists():
        return validate_config({}, source=str(path))
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        line = e.problem_mark.line + 1 if getattr(e, "problem_mark", None) else None
        raise ConfigError(f"not valid YAML ({getattr(e, 'problem', e)})", path=path, line=line) from e
    return validate_config(raw, source=str(path))


def validate_config(raw: Any, *, source: str = "config.yaml") -> Config:
    """Return a complete copy of `raw` with defaults filled in, or raise ConfigError naming the key."""
    if not isinstance(raw, dict):
        raise ConfigError("expected a mapping of settings at the top level", path=source)
    schema = config_schema()
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(raw), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        raise _config_error(errors[0], schema, source)
    completed = copy.deepcopy(raw)
    _fill_defaults(completed, schema)
    return completed


def _fill_defaults(node: dict[str, Any], schema: dict[str, Any]) -> None:
    for key, sub in schema.get("properties", {}).items():
        if key not in node and "default" in sub:
            node[key] = copy.deepcopy(sub["default"])
        if sub.get("type") == "object" and isinstance(node.get(key), dict):
            _fill_defaults(node[key], sub)


def _config_error(error: jsonschema.ValidationError, schema: dict[str, Any], source: str) -> ConfigError:
    path = ".".join(str(p) for p in error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = sorted(_subschema(schema, error.absolute_path).get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        key = f"{path}.{unknown[0]}" if path else unknown[0]
        close = difflib.get_close_matches(unknown[0], allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return ConfigError(f"unknown key{hint} Allowed here: {', '.join(allowed)}", path=source, key=key)
    expected = {
        "type": f"expected {error.validator_value}",
        "enum": f"expected one of {', '.join(map(str, error.validator_value))}",
    }.get(str(error.validator), error.message)
    return ConfigError(f"{expected}, got {error.instance!r}", path=source, key=path or "(top level)")


def _subschema(schema: dict[str, Any], path: Any) -> dict[str, Any]:
    node = schema
    for part in path:
        node = node.get("properties", {}).get(part, {}) if isinstance(part, str) else node.get("items", {})
    return node
