"""Codebook exchange with other QDA tools: our YAML codebook <-> a REFI-QDA codebook file (.qdc).

REFI-QDA gives a code only a name, a colour, a description and its place in the
tree. Everything else a qualflow code has travels inside Description, as text a
researcher can read in NVivo, ATLAS.ti, MAXQDA or QualCoder and that this module
parses back:

    People living with damp, mould or cold in their homes.

    Include:
    - mould, damp or condensation in a home

    Exclude:
    - damp weather

    Examples:
    - The mould comes back every winter on the children's bedroom wall.

    Terms:
    - black mould
    - regex: \\bdamp\\b

    Partners:
    - Environmental health

    qualflow: {"id": "housing-damp"}

Everything before the first section is the definition; empty sections are left out; a
multi-line item continues on lines indented by two spaces. The last line keeps
what has no other place (the code id, and any other key) so that
YAML -> .qdc -> YAML loses nothing. The codebook's own name, version,
description and settings travel in a `<?qualflow-codebook {...}?>` processing
instruction, which other tools ignore.

Codes made in other tools have no terms and often no description. On import
each such code gets its own name as its one term, and its name as definition
when it has no description, so the codebook passes validate-codebook; the
written YAML says so in its header, so the analyst knows to replace them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

from pipeline.refi.common import (
    CODEBOOK_NS,
    CODEBOOK_NS_PREFIX,
    PROJECT_NS_PREFIX,
    XSI_NS,
    RefiError,
    child,
    children,
    code_guid,
    find_schema,
    local_name,
    namespace_of,
    normalise_colour,
    parse_xml,
    schema_problems,
    write_xml,
)

log = logging.getLogger(__name__)

ORIGIN = "qualflow"
SCHEMA_LOCATION = f"{CODEBOOK_NS} Codebook.xsd"
PI_TARGET = "qualflow-codebook"
SECTIONS = {"Include": "include", "Exclude": "exclude", "Examples": "examples", "Terms": "terms",
            "Partners": "partners"}
TERM_KINDS = ("regex", "lemma", "phrase", "wildcard")
TRAILER = "qualflow: "
# Keys with their own place in the .qdc; everything else of a code goes in the trailer.
PLACED_KEYS = {"label", "definition", "colour", "codes", "parent", *SECTIONS.values()}
CODEBOOK_KEYS = ("name", "version", "description", "settings")
HEADER_RE = re.compile(r"^(" + "|".join(SECTIONS) + r"):\s*$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# ---------------------------------------------------------------- descriptions


def describe(code: Mapping[str, Any]) -> str:
    """A code's definition, criteria, examples, terms and partners as readable, parseable text."""
    parts = [str(code.get("definition") or "").strip()]
    sections = []
    for header, key in SECTIONS.items():
        items = [_term_text(i) if key == "terms" else str(i) for i in code.get(key) or []]
        if items:
            sections.append("\n".join([f"{header}:"] + [_item(i) for i in items]))
    if sections:
        parts.append("\n\n".join(sections))
    extra = {k: v for k, v in code.items() if k not in PLACED_KEYS and v not in (None, [], {}, "")}
    if extra:
        parts.append(TRAILER + json.dumps(extra, ensure_ascii=False, sort_keys=True))
    return "\n\n".join(p for p in parts if p)


def _term_text(term: Any) -> str:
    if isinstance(term, Mapping):
        ((kind, text),) = term.items()
        return f"{kind}: {text}"
    return str(term)


def _item(text: str) -> str:
    return "- " + text.replace("\n", "\n  ")


def parse_description(text: str | None) -> dict[str, Any]:
    """Inverse of describe(); a tool's free-text description becomes the definition."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    extra: dict[str, Any] = {}
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and lines[-1].startswith(TRAILER + "{"):
        try:
            extra = json.loads(lines[-1][len(TRAILER):])
            lines.pop()
        except json.JSONDecodeError:
            extra = {}  # someone's own text that happens to look like ours: keep it as text
    definition: list[str] = []
    result: dict[str, Any] = {}
    section: str | None = None
    for line in lines:
        header = HEADER_RE.match(line)
        if header:
            section = SECTIONS[header.group(1)]
            result.setdefault(section, [])
        elif section is None:
            definition.append(line)
        elif line.startswith("- "):
            result[section].append(line[2:])
        elif line.startswith("  ") and result[section]:
            result[section][-1] += "\n" + line[2:]
        elif line.strip():
            result[section].append(line.strip())  # a tool or a person dropped the dash
    if "terms" in result:
        result["terms"] = [_parse_term(t) for t in result["terms"]]
    definition_text = "\n".join(definition).strip()
    if definition_text:
        result["definition"] = definition_text
    if not isinstance(extra, dict):
        extra = {}
    return {**result, **extra}


def _parse_term(text: str) -> str | dict[str, str]:
    for kind in TERM_KINDS:
        if text.startswith(f"{kind}: "):
            return {kind: text[len(kind) + 2:]}
    return text


# ---------------------------------------------------------------- export


def nested_themes(themes: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Themes with every flat `parent:` sub-code moved under its parent's `codes`."""
    themes = [dict(t) for t in themes]
    by_id: dict[str, dict[str, Any]] = {}

    def index(code: dict[str, Any]) -> None:
        by_id[code["id"]] = code
        code["codes"] = [dict(c) for c in code.get("codes") or []]
        for sub in code["codes"]:
            index(sub)

    for theme in themes:
        index(theme)
    top = []
    for theme in themes:
        parent = theme.pop("parent", None)
        if parent and parent in by_id:
            by_id[parent]["codes"].append(theme)
        else:
            top.append(theme)
    return top


def codebook_to_qdc(book: Mapping[str, Any], *, origin: str = ORIGIN) -> etree._ElementTree:
    """A codebook (as codebook_to_yaml_dict gives it) as a REFI-QDA CodeBook document."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    root.set("origin", origin)
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    for theme in nested_themes(book.get("themes") or []):
        _add_code(codes, theme, [])
    document = etree.ElementTree(root)
    meta = {k: book[k] for k in CODEBOOK_KEYS if book.get(k) not in (None, "", {})}
    # ">" escaped so the JSON can never close the processing instruction early.
    root.addprevious(etree.PI(PI_TARGET, json.dumps(meta, ensure_ascii=False, sort_keys=True).replace(">", "\\u003e")))
    return document


def _add_code(parent: etree._Element, code: Mapping[str, Any], path: list[str]) -> None:
    path = [*path, str(code["id"])]
    element = etree.SubElement(parent, f"{{{CODEBOOK_NS}}}Code")
    element.set("guid", code_guid(path))
    element.set("name", str(code.get("label") or code["id"]))
    element.set("isCodable", "true")
    colour = normalise_colour(code.get("colour"))
    if colour:
        element.set("color", colour)
    description = describe(code)
    if description:
        etree.SubElement(element, f"{{{CODEBOOK_NS}}}Description").text = description
    for sub in code.get("codes") or []:
        _add_code(element, sub, path)


def qdc_problems(document: etree._ElementTree, xsd: str | os.PathLike[str] | None = None) -> list[str]:
    """Problems against the REFI-QDA codebook schema when it can be found, else against the rules we know of it."""
    schema = find_schema("codebook", xsd)
    if schema is not None:
        return schema_problems(document, schema)
    log.info("REFI-QDA codebook schema not found; checking the rules it states instead")
    problems = []
    root = document.getroot()
    codes = children(root, "Codes")
    if len(codes) != 1 or not children(codes[0], "Code"):
        problems.append("a CodeBook needs exactly one Codes element holding at least one Code")
    for element in root.iter(f"{{{CODEBOOK_NS}}}Code"):
        for attribute in ("guid", "name", "isCodable"):
            if not element.get(attribute):
                problems.append(f"line {element.sourceline}: Code lacks '{attribute}'")
    sets = children(root, "Sets")
    if sets and not children(sets[0], "Set"):
        problems.append("an empty Sets element is not allowed")
    return problems


def export_qdc(codebook_path: str | os.PathLike[str], output: str | os.PathLike[str],
               *, xsd: str | os.PathLike[str] | None = None) -> int:
    """Load and check a YAML codebook, write it as .qdc (checked against the schema); return the number of codes."""
    from pipeline.codebook import codebook_to_yaml_dict, load_codebook

    codebook = load_codebook(codebook_path)
    document = codebook_to_qdc(codebook_to_yaml_dict(codebook))
    problems = qdc_problems(document, xsd)
    if problems:
        raise RefiError("the export breaks the REFI-QDA codebook schema (a qualflow bug; please report it): "
                        + "; ".join(problems[:5]), path=output)
    write_xml(document, output)
    count = len(codebook.all_codes())
    log.info("export-qdc: %d codes from %s written to %s", count, codebook_path, output)
    return count


# ---------------------------------------------------------------- import


def qdc_to_codebook_dict(path: str | os.PathLike[str]) -> tuple[dict[str, Any], list[str]]:
    """Read a .qdc as a YAML codebook dict, and the notes for the YAML header (what import had to make up)."""
    document = parse_xml(path)
    codebook = _codebook_element(document.getroot(), path)
    origin = codebook.get("origin") or ""
    codes_element = child(codebook, "Codes")
    if codes_element is None or not children(codes_element, "Code"):
        raise RefiError("no codes: expected a <Codes> element with at least one <Code>", path=path,
                        line=codebook.sourceline)
    meta = _codebook_meta(document)
    notes: list[str] = []
    taken: set[str] = set()
    themes = [_read_code(c, path, taken, notes, parent_id=None) for c in children(codes_element, "Code")]
    sets_element = child(codebook, "Sets")
    sets = [s.get("name") or "(unnamed)" for s in children(sets_element, "Set")] if sets_element is not None else []
    if sets:
        log.warning("%s: %d code set(s) (%s) have no place in a qualflow codebook and were left out",
                    path, len(sets), ", ".join(sets[:5]))
    book: dict[str, Any] = {
        "name": meta.get("name") or Path(path).stem,
        "version": meta.get("version"),
        "description": meta.get("description") or f"Imported from {Path(path).name}"
        + (f" (written by {origin})" if origin else "") + ".",
        "settings": meta.get("settings"),
        "themes": themes,
    }
    return {k: v for k, v in book.items() if v not in (None, {}, "")}, notes


def _codebook_element(root: etree._Element, path: str | os.PathLike[str]) -> etree._Element:
    namespace = namespace_of(root) or ""
    if not namespace:
        raise RefiError(
            f"the file has no QDA-XML namespace: its root <{local_name(root)}> should declare "
            f"xmlns=\"{CODEBOOK_NS}\" (REFI-QDA codebook)", path=path, line=root.sourceline)
    if namespace.startswith(CODEBOOK_NS_PREFIX) and local_name(root) == "CodeBook":
        return root
    if namespace.startswith(PROJECT_NS_PREFIX) and local_name(root) == "Project":
        found = child(root, "CodeBook")
        if found is not None:
            return found  # a project.qde: its codebook is what we want
        raise RefiError("this REFI-QDA project has no <CodeBook>", path=path, line=root.sourceline)
    raise RefiError(
        f"expected a REFI-QDA codebook (root <CodeBook> in namespace {CODEBOOK_NS}), "
        f"found <{local_name(root)}> in namespace {namespace}", path=path, line=root.sourceline)


def _codebook_meta(document: etree._ElementTree) -> dict[str, Any]:
    node = document.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == PI_TARGET:
            try:
                meta = json.loads(node.text or "{}")
            except json.JSONDecodeError:
                return {}
            return meta if isinstance(meta, dict) else {}
        node = node.getprevious()
    return {}


def _read_code(element: etree._Element, path: str | os.PathLike[str], taken: set[str], notes: list[str],
               parent_id: str | None) -> dict[str, Any]:
    name = (element.get("name") or "").strip()
    where = f"{path}:{element.sourceline}"
    if not name:
        raise RefiError("a <Code> has no name", path=path, line=element.sourceline)
    description = child(element, "Description")
    parsed = parse_description(description.text if description is not None else None)
    code_id = _choose_id(parsed.pop("id", None), name, parent_id, taken)
    code: dict[str, Any] = {"id": code_id, "label": name}
    made_up = []
    if "definition" not in parsed:
        code["definition"] = name
        made_up.append("definition = its name")
    code.update(parsed)
    if not code.get("terms") and not code.get("examples"):
        term = _name_as_term(name)
        if term:
            code["terms"] = [term]
            made_up.append(f"term '{term}' from its name")
        else:  # a name of punctuation only: the definition is the nearest thing to a quote
            code["examples"] = [code["definition"]]
            made_up.append("example = its definition")
    if made_up:
        notes.append(f"{code_id}: {'; '.join(made_up)}")
    colour = normalise_colour(element.get("color"))
    if element.get("color") and colour is None:
        log.warning("%s: colour %r of code '%s' is not #RRGGBB; left out", where, element.get("color"), name)
    if colour:
        code["colour"] = colour
    subs = [_read_code(c, path, taken, notes, parent_id=code_id) for c in children(element, "Code")]
    if subs:
        code["codes"] = subs
    return _ordered(code)


def _choose_id(wanted: Any, name: str, parent_id: str | None, taken: set[str]) -> str:
    """Our own id back when the file kept it; else a slug of the name, made unique (parent's id, then a number)."""
    if isinstance(wanted, str) and ID_RE.match(wanted) and wanted not in taken:
        taken.add(wanted)
        return wanted
    base = slugify(name)
    candidates = [base] + ([f"{parent_id}-{base}"] if parent_id else [])
    for candidate in candidates:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    number = 2
    while f"{candidates[-1]}-{number}" in taken:
        number += 1
    taken.add(f"{candidates[-1]}-{number}")
    return f"{candidates[-1]}-{number}"


# Letters that Unicode decomposition does not reduce to ASCII (NFKD handles ă, ș, č, é, ...).
TRANSLITERATE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                               "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "'": "", "’": ""})


def slugify(name: str) -> str:
    """'Trust in services (NHS)' -> 'trust-in-services-nhs', "Łódź" -> 'lodz'; never empty."""
    ascii_name = unicodedata.normalize("NFKD", name.translate(TRANSLITERATE)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "code"


def _name_as_term(name: str) -> str:
    """A code name as a plain term: no wildcard stars or punctuation that would change how it matches."""
    words = re.findall(r"[\w'’-]+", name.replace("*", " "))
    return " ".join(words).lower()


def _ordered(code: dict[str, Any]) -> dict[str, Any]:
    order = ["id", "label", "definition", "include", "exclude", "examples", "terms", "partners", "colour", "codes"]
    return {**{k: code[k] for k in order if k in code}, **{k: v for k, v in code.items() if k not in order}}


class _BlockDumper(yaml.SafeDumper):
    """Multi-line text (quotes, definitions) as `|` blocks, as a person would write it."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text and not any(line != line.rstrip() for line in text.split("\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_BlockDumper.add_representer(str, _represent_text)


def codebook_yaml(book: Mapping[str, Any], notes: list[str], source: str) -> str:
    """The YAML text of an imported codebook, with a header saying where it came from and what was made up."""
    header = [f"# Imported from {source} by `qualflow import-qdc`."]
    if notes:
        header.append("# Stand-ins so that the codebook validates (codes from other tools have no terms);")
        header.append("# replace them with real definitions, terms and examples:")
        header += [f"#   {n}" for n in notes]
    body = yaml.dump(dict(book), Dumper=_BlockDumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return "\n".join(header) + "\n" + body


def import_qdc(path: str | os.PathLike[str], output: str | os.PathLike[str]) -> int:
    """Read a .qdc and write a YAML codebook that passes validate-codebook; return the number of codes."""
    from pipeline.codebook import check_codebook
    from pipeline.errors import CodebookError
    from pipeline.io import atomic_path

    book, notes = qdc_to_codebook_dict(path)
    text = codebook_yaml(book, notes, Path(path).name)
    with atomic_path(output) as tmp:
        tmp.write_text(text, encoding="utf-8")
        codebook, problems = check_codebook(tmp)
        errors = [p for p in problems if p.severity == "error"]
        if errors or codebook is None:
            messages = [f"{Path(output).name}:{p.line}: {p.message}" if p.line else p.message for p in errors]
            raise CodebookError(["the imported codebook does not validate:"] + messages, path=path)
    for note in notes:
        log.info("import-qdc: %s", note)
    count = len(codebook.all_codes())
    log.info("import-qdc: %d codes from %s written to %s", count, path, output)
    return count
