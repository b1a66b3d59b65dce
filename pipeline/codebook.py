"""Codebooks as code: load a YAML codebook, check it, and give coders a typed tree.

Checking reports every problem at once, each with the file and line, so an
analyst fixes a codebook in one round rather than one error per run.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from pipeline.errors import CodebookError

TERM_KINDS = ("lemma", "phrase", "wildcard", "regex")
DEFAULT_SETTINGS: dict[str, Any] = {"semantic_threshold": 0.45}


@dataclass(frozen=True)
class Term:
    text: str
    kind: str  # "lemma" | "phrase" | "wildcard" | "regex"


@dataclass(frozen=True)
class Code:
    id: str
    label: str
    definition: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    examples: tuple[str, ...]
    terms: tuple[Term, ...]
    partners: tuple[str, ...]
    colour: str | None
    parent: str | None
    theme: str
    children: tuple["Code", ...]
    line: int | None = field(default=None, compare=False)  # where it is written, not what it is
    semantic_threshold: float | None = None  # None: the parent's, else the codebook's

    def descendants(self) -> list["Code"]:
        """This code and every code under it, parents before children."""
        found = [self]
        for child in self.children:
            found.extend(child.descendants())
        return found


@dataclass(frozen=True)
class Codebook:
    name: str
    version: str
    description: str
    themes: tuple[Code, ...]
    path: str
    sha256: str
    settings: dict = field(default_factory=dict)

    def all_codes(self) -> list[Code]:
        return [code for theme in self.themes for code in theme.descendants()]

    def get(self, code_id: str) -> Code:
        for code in self.all_codes():
            if code.id == code_id:
                return code
        ids = [c.id for c in self.all_codes()]
        close = difflib.get_close_matches(code_id, ids, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise CodebookError([f"{self.path}: no code '{code_id}' in this codebook{hint}"], path=self.path)

    def theme_of(self, code_id: str) -> str:
        return self.get(code_id).theme


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" | "warning"
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


# --- YAML with line numbers -------------------------------------------------


class _MarkedDict(dict):
    """A mapping that remembers the line it starts on and the line of each key."""

    line: int | None = None
    key_lines: dict[str, int]


class _MarkedList(list):
    line: int | None = None
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _MarkedDict:  # type: ignore[override]
        self.flatten_mapping(node)
        result = _MarkedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                self.duplicate_keys.append((str(key), key_node.start_mark.line + 1))
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[str(key)] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> _MarkedList:  # type: ignore[override]
        result = _MarkedList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


def _line_of(root: Any, path: list[Any]) -> int | None:
    """The line of the value at `path` (keys and list indexes) in data read by _LineLoader."""
    node, line = root, getattr(root, "line", None)
    for part in path:
        if isinstance(node, _MarkedDict) and part in node:
            line = node.key_lines.get(str(part), line)
            node = node[part]
        elif isinstance(node, _MarkedList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


@cache
def codebook_schema() -> dict[str, Any]:
    text = resources.files("pipeline.schemas").joinpath("codebook.schema.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


# --- checking ---------------------------------------------------------------


def check_codebook(path: str | PathLike[str]) -> tuple[Codebook | None, list[Problem]]:
    """Every problem in a codebook file (errors and warnings), and the codebook when there are no errors."""
    path_str = str(path)
    try:
        data_bytes = Path(path).read_bytes()
    except OSError as e:
        return None, [Problem("error", path_str, None, f"cannot read the codebook ({e.strerror or e})")]
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, [Problem("error", path_str, None, f"not UTF-8 text ({e.reason} at byte {e.start})")]
    loader = _LineLoader(text)
    try:
        raw = loader.get_single_data()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return None, [Problem("error", path_str, mark.line + 1 if mark else None,
                              f"not valid YAML ({getattr(e, 'problem', None) or e})")]
    finally:
        loader.dispose()
    problems = [Problem("error", path_str, line, f"key '{key}' appears twice in one mapping; the later value would win")
                for key, line in loader.duplicate_keys]
    if not isinstance(raw, dict):
        problems.append(Problem("error", path_str, 1, "expected a mapping with 'name' and 'themes' at the top level"))
        return None, problems
    problems += _schema_problems(raw, path_str)
    flat = _flatten(raw)
    problems += _rule_problems(flat, path_str)
    if any(p.severity == "error" for p in problems):
        return None, _sorted(problems)
    codebook = _build(raw, flat, path_str, hashlib.sha256(data_bytes).hexdigest())
    return codebook, _sorted(problems)


def load_codebook(path: str | PathLike[str]) -> Codebook:
    """The codebook at `path`; CodebookError lists every error ("file:line: message") if there are any."""
    codebook, problems = check_codebook(path)
    if codebook is None:
        raise CodebookError([str(p) for p in problems if p.severity == "error"], path=path)
    return codebook


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.severity, p.message))


def _schema_problems(raw: dict, path: str) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(codebook_schema())
    problems = []
    for error in validator.iter_errors(raw):
        where = list(error.absolute_path)
        if error.validator == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for key in sorted(set(error.instance) - set(allowed)):
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problems.append(Problem("error", path, _line_of(raw, where + [key]),
                                        f"unknown key '{key}'{hint} Allowed: {', '.join(allowed)}"))
            continue
        problems.append(Problem("error", path, _line_of(raw, where), f"{_dotted(where)}: {_explain(error)}"))
    return problems


def _yaml_type(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false", int: "a number", float: "a number"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), "null")


def _dotted(where: list[Any]) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _explain(error: jsonschema.ValidationError) -> str:
    if error.validator == "oneOf" and "terms" in error.absolute_path:
        hint = ""
        if isinstance(error.instance, dict) and len(error.instance) == 1:
            close = difflib.get_close_matches(str(next(iter(error.instance))), TERM_KINDS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
        return (f"a term must be a string or a one-key mapping like {{regex: ...}} "
                f"({', '.join(TERM_KINDS)}), got {_plain(error.instance)!r}{hint}")
    if error.validator == "type":
        wanted = {"array": "a list", "object": "a mapping", "string": "a string", "number": "a number",
                  "integer": "a whole number", "boolean": "true or false"}.get(str(error.validator_value),
                                                                              str(error.validator_value))
        return f"expected {wanted}, got {_yaml_type(error.instance)} {_plain(error.instance)!r}"
    if error.validator == "pattern":
        if error.absolute_path and error.absolute_path[-1] == "colour":
            return f"expected a colour like \"#1F77B4\", got {error.instance!r}"
        return f"expected lower case letters, digits and hyphens (e.g. housing-damp), got {error.instance!r}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    return error.message


@dataclass
class _RawCode:
    """One code's mapping as written, with where it sits in the tree."""

    data: dict
    line: int | None
    parent: str | None  # nested parent or `parent:` key
    siblings_key: str  # codes with the same siblings_key are siblings


def _flatten(raw: dict) -> list[_RawCode]:
    found: list[_RawCode] = []

    def walk(items: Any, parent: str | None) -> None:
        if not isinstance(items, list):
            return
        for item in items:
            if not isinstance(item, dict):
                continue
            declared = item.get("parent") if isinstance(item.get("parent"), str) else None
            own_parent = parent if parent is not None else declared
            found.append(_RawCode(item, getattr(item, "line", None), own_parent, own_parent or ""))
            walk(item.get("codes"), item.get("id") if isinstance(item.get("id"), str) else None)

    walk(raw.get("themes"), None)
    return found


def _rule_problems(flat: list[_RawCode], path: str) -> list[Problem]:
    problems: list[Problem] = []
    first_line: dict[str, int | None] = {}
    for code in flat:
        code_id = code.data.get("id")
        if not isinstance(code_id, str):
            continue
        if code_id in first_line:
            problems.append(Problem("error", path, _key_line(code, "id"),
                                    f"duplicate code id '{code_id}' (first defined on line {first_line[code_id]})"))
        else:
            first_line[code_id] = _key_line(code, "id")
    ids = set(first_line)
    for code in flat:
        code_id = code.data.get("id", "?")
        declared = code.data.get("parent")
        if isinstance(declared, str) and declared not in ids:
            close = difflib.get_close_matches(declared, sorted(ids), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem("error", path, _key_line(code, "parent"),
                                    f"code '{code_id}' names unknown parent '{declared}'{hint}"))
        elif isinstance(declared, str) and declared == code_id:
            problems.append(Problem("error", path, _key_line(code, "parent"), f"code '{code_id}' is its own parent"))
        terms = code.data.get("terms") or []
        examples = code.data.get("examples") or []
        if not terms and not examples:
            problems.append(Problem("error", path, code.line,
                                    f"code '{code_id}' has neither terms nor examples, so no coder can find it"))
        problems += _term_problems(code, path)
    problems += _cycle_problems(flat, path)
    problems += _sibling_overlaps(flat, path)
    return problems


def _key_line(code: _RawCode, key: str) -> int | None:
    return getattr(code.data, "key_lines", {}).get(key, code.line)


def _term_problems(code: _RawCode, path: str) -> list[Problem]:
    problems = []
    terms = code.data.get("terms")
    if not isinstance(terms, list):
        return problems
    lines = getattr(terms, "item_lines", [None] * len(terms))
    for term_raw, line in zip(terms, lines):
        term = parse_term(term_raw)
        if term is None:
            continue
        if term.kind == "regex":
            try:
                re.compile(term.text)
            except re.error as e:
                problems.append(Problem("error", path, line,
                                        f"code '{code.data.get('id')}': invalid regex {term.text!r} ({e})"))
        elif term.kind == "wildcard" and any(w.strip("*") == "" or "*" in w.rstrip("*") for w in term.text.split()):
            problems.append(Problem("error", path, line, f"code '{code.data.get('id')}': wildcard {term.text!r} "
                                    "must put '*' only at the end of a word with letters before it (e.g. 'evict*')"))
    return problems


def _cycle_problems(flat: list[_RawCode], path: str) -> list[Problem]:
    parent_of = {c.data["id"]: c.parent for c in flat if isinstance(c.data.get("id"), str)}
    problems = []
    for code in flat:
        seen, current = set(), code.data.get("id")
        while isinstance(current, str) and current in parent_of and current not in seen:
            seen.add(current)
            current = parent_of[current]
        if current is not None and current in seen and current == code.data.get("id"):
            problems.append(Problem("error", path, code.line, f"code '{current}' is its own ancestor (parent cycle)"))
    return problems


def _sibling_overlaps(flat: list[_RawCode], path: str) -> list[Problem]:
    """Two sibling codes sharing a term cannot be told apart by it: worth a warning, not an error."""
    seen: dict[tuple[str, str], str] = {}
    problems = []
    for code in flat:
        terms = code.data.get("terms") if isinstance(code.data.get("terms"), list) else []
        lines = getattr(terms, "item_lines", [code.line] * len(terms))
        for term_raw, line in zip(terms, lines):
            term = parse_term(term_raw)
            if term is None:
                continue
            key = (code.siblings_key, term.text.lower())
            other = seen.setdefault(key, str(code.data.get("id")))
            if other != code.data.get("id"):
                problems.append(Problem("warning", path, line, f"term '{term.text}' is used by sibling codes "
                                        f"'{other}' and '{code.data.get('id')}'; it cannot tell them apart"))
    return problems


def parse_term(raw: Any) -> Term | None:
    """A Term from a YAML entry; the kind of a plain string follows from how it is written."""
    if isinstance(raw, str) and raw.strip():
        text = raw.strip()
        kind = "wildcard" if "*" in text else "phrase" if len(text.split()) > 1 else "lemma"
        return Term(text, kind)
    if isinstance(raw, dict) and len(raw) == 1:
        kind, text = next(iter(raw.items()))
        if kind in TERM_KINDS and isinstance(text, str) and text:
            return Term(text if kind == "regex" else text.strip(), kind)
    return None


# --- building ---------------------------------------------------------------


def _build(raw: dict, flat: list[_RawCode], path: str, sha256: str) -> Codebook:
    by_parent: dict[str | None, list[_RawCode]] = {}
    for code in flat:
        by_parent.setdefault(code.parent, []).append(code)

    def make(code: _RawCode, theme: str) -> Code:
        data = code.data
        children = tuple(make(child, theme) for child in by_parent.get(data["id"], []))
        return Code(
            id=data["id"],
            label=data["label"],
            definition=data["definition"],
            include=tuple(data.get("include") or ()),
            exclude=tuple(data.get("exclude") or ()),
            examples=tuple(data.get("examples") or ()),
            terms=tuple(t for t in map(parse_term, data.get("terms") or ()) if t is not None),
            partners=tuple(data.get("partners") or ()),
            colour=data.get("colour"),
            parent=code.parent,
            theme=theme,
            children=children,
            line=code.line,
            semantic_threshold=_optional_float(data.get("semantic_threshold")),
        )

    themes = tuple(make(code, code.data["id"]) for code in by_parent.get(None, []))
    settings = {**DEFAULT_SETTINGS, **_plain(raw.get("settings") or {})}
    return Codebook(
        name=raw["name"],
        version=str(raw.get("version", "0")),
        description=raw.get("description", ""),
        themes=themes,
        path=path,
        sha256=sha256,
        settings=settings,
    )


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _plain(value: Any) -> Any:
    """Marked YAML containers back to plain dicts and lists."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def codebook_to_yaml_dict(codebook: Codebook) -> dict[str, Any]:
    """The codebook as YAML-ready data (sub-codes nested); loading its dump gives an equal codebook."""

    def term_entry(term: Term) -> str | dict[str, str]:
        plain = parse_term(term.text) if term.kind != "regex" else None
        return term.text if plain is not None and plain.kind == term.kind else {term.kind: term.text}

    def code_entry(code: Code) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": code.id, "label": code.label, "definition": code.definition}
        for key in ("include", "exclude", "examples", "partners"):
            if getattr(code, key):
                entry[key] = list(getattr(code, key))
        if code.terms:
            entry["terms"] = [term_entry(t) for t in code.terms]
        if code.colour:
            entry["colour"] = code.colour
        if code.semantic_threshold is not None:
            entry["semantic_threshold"] = code.semantic_threshold
        if code.children:
            entry["codes"] = [code_entry(child) for child in code.children]
        return entry

    return {
        "name": codebook.name,
        "version": codebook.version,
        "description": codebook.description,
        "settings": copy.deepcopy(codebook.settings),
        "themes": [code_entry(theme) for theme in codebook.themes],
    }
