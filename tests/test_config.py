from pathlib import Path

import pytest
import yaml

from pipeline.config import config_schema, load_config, validate_config
from pipeline.errors import ConfigError


def _walk(schema: dict, path: str = ""):
    for key, sub in schema.get("properties", {}).items():
        yield f"{path}.{key}".lstrip("."), sub
        yield from _walk(sub, f"{path}.{key}")


def test_every_schema_key_has_description_and_default():
    missing = [p for p, sub in _walk(config_schema()) if "description" not in sub or "default" not in sub]
    assert missing == []


def test_every_object_rejects_unknown_keys():
    open_objects = [p for p, sub in _walk(config_schema()) if sub.get("type") == "object" and sub.get("additionalProperties") is not False]
    assert open_objects == []


def test_empty_config_gets_every_default():
    config = validate_config({})
    assert config["anonymise"]["ner"] == "auto"
    assert config["coding"]["codebook"] == "codebooks/community-consultation.yaml"
    assert config["matrices"]["exclude_roles"] == ["facilitator"]


def test_defaults_are_valid_against_the_schema():
    assert validate_config(validate_config({})) == validate_config({})


def test_unknown_key_is_named_with_its_section_and_a_suggestion():
    with pytest.raises(ConfigError) as caught:
        validate_config({"anonymise": {"nerr": "offline"}}, source="config.yaml")
    message = str(caught.value)
    assert message.startswith("config.yaml: key 'anonymise.nerr': unknown key")
    assert "did you mean 'ner'" in message


def test_unknown_top_level_key_is_named():
    with pytest.raises(ConfigError, match="key 'topcis'.*did you mean 'topics'"):
        validate_config({"topcis": {}})


def test_wrong_value_names_key_and_allowed_values():
    with pytest.raises(ConfigError, match=r"key 'anonymise.ner': expected one of auto, spacy, offline, got 'maybe'"):
        validate_config({"anonymise": {"ner": "maybe"}})


def test_wrong_type_names_key():
    with pytest.raises(ConfigError, match=r"key 'topics.enabled': expected boolean, got 'yes please'"):
        validate_config({"topics": {"enabled": "yes please"}})


def test_invalid_yaml_names_file_and_line(tmp_path: Path):
    path = tmp_path / "config.yaml"
    path.write_text("anonymise:\n  ner: auto\n  keep: [a, b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config.yaml:\d+: not valid YAML"):
        load_config(path)


def test_repo_config_is_valid(repo_root: Path):
    config = load_config(repo_root / "config.yaml")
    assert "Kingsmere" in config["anonymise"]["keep"]
    raw = yaml.safe_load((repo_root / "config.yaml").read_text(encoding="utf-8"))
    assert set(raw) <= set(config_schema()["properties"])
