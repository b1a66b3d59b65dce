"""What every REFI-QDA (QDA-XML) file needs: namespaces, stable GUIDs, colours, safe parsing and checking.

Shared by the codebook exchange (.qdc, qdc.py) and the project exchange (.qdpx).
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from pipeline.errors import RefiError  # noqa: F401  (re-exported: the refi modules import it from here)
from pipeline.io import atomic_open

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
# Tools write what they were built against, and QualCoder has written "1:0" for "1.0";
# any namespace under these prefixes is read as QDA-XML.
CODEBOOK_NS_PREFIX = "urn:QDA-XML:codebook:"
PROJECT_NS_PREFIX = "urn:QDA-XML:project:"

# Fixed for ever: changing it changes every GUID we have exported, and tools
# would no longer match our codes on re-import.
GUID_NAMESPACE = uuid.UUID("12628c73-3a97-5b98-8f0a-7a5625a43bc9")

SCHEMA_FILES = {"codebook": "Codebook-mrt2019.xsd", "project": "Project-mrt2019.xsd"}
# Where the REFI-QDA schemas are looked for when not given: an environment
# variable, else a `shared/refi-qda` folder beside the project folder. They are
# never shipped with qualflow (their licence notice travels with them).
SCHEMA_DIR_ENV = "QUALFLOW_REFI_SCHEMAS"
DEFAULT_SCHEMA_DIR = Path("..") / "shared" / "refi-qda"

GUID_PATTERN = re.compile(r"^(\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?(1)\})$")
COLOUR_PATTERN = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")
RGB_PATTERN = re.compile(r"^(?:rgb\s*\()?\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)?$", re.IGNORECASE)


def stable_guid(kind: str, *parts: str) -> str:
    """A GUID that is the same in every export of the same thing (kind: "code", "source", "case", ...)."""
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join([kind, *parts])))


def code_guid(code_path: Sequence[str] | str) -> str:
    """The GUID of a code, from its path of ids from the theme down (e.g. ["housing", "housing-damp"])."""
    path = [code_path] if isinstance(code_path, str) else list(code_path)
    return stable_guid("code", *path)


def normalise_colour(value: str | None) -> str | None:
    """'#abc', 'abc', '#aabbcc', 'rgb(170, 187, 204)' -> '#AABBCC'; anything else -> None.

    Some tools write RGB triples instead of hex; a colour is never worth failing an import over.
    """
    if not value:
        return None
    triple = RGB_PATTERN.match(value.strip())
    if triple:
        channels = [int(c) for c in triple.groups()]
        return "#" + "".join(f"{c:02X}" for c in channels) if all(c <= 255 for c in channels) else None
    match = COLOUR_PATTERN.match(value.strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits.upper()}"


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def namespace_of(element: etree._Element) -> str | None:
    return etree.QName(element).namespace if isinstance(element.tag, str) else None


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Child elements with this local name, whatever namespace the tool put them in."""
    return [c for c in element if isinstance(c.tag, str) and local_name(c) == name]


def child(element: etree._Element, name: str) -> etree._Element | None:
    found = children(element, name)
    return found[0] if found else None


def parse_xml(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Parse an XML file without resolving entities or touching the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True, huge_tree=False)
    try:
        return etree.parse(str(path), parser)
    except etree.XMLSyntaxError as e:
        line = e.position[0] if e.position else None
        raise RefiError(f"not well-formed XML ({e.msg})", path=path, line=line) from e
    except OSError as e:
        raise RefiError(f"cannot read the file ({e})", path=path) from e


def find_schema(kind: str, given: str | os.PathLike[str] | None = None) -> Path | None:
    """The XSD to use: the one given, else $QUALFLOW_REFI_SCHEMAS, else ../shared/refi-qda/; None if absent."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise RefiError("REFI-QDA schema file not found", path=path)
        return path
    folder = Path(os.environ.get(SCHEMA_DIR_ENV) or DEFAULT_SCHEMA_DIR)
    path = folder / SCHEMA_FILES[kind]
    return path if path.is_file() else None


def schema_problems(document: etree._ElementTree, xsd_path: str | os.PathLike[str]) -> list[str]:
    """Every way the document breaks the XSD, as 'line N: message'."""
    try:
        schema = etree.XMLSchema(etree.parse(str(xsd_path), etree.XMLParser(no_network=True, resolve_entities=False)))
    except (etree.XMLSyntaxError, etree.XMLSchemaParseError) as e:
        raise RefiError(f"not a usable XML schema ({e})", path=xsd_path) from e
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def write_xml(document: etree._ElementTree, path: str | os.PathLike[str]) -> None:
    """Write UTF-8 XML with a declaration, atomically (never a half-written file)."""
    # Written by hand: lxml's declaration uses single quotes, which some tools' readers reject.
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(document, encoding="UTF-8", pretty_print=True)
    with atomic_open(path, "wb") as handle:
        handle.write(data)
