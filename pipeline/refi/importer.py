"""Import a REFI-QDA project (.qdpx) that an analyst reviewed, as coding at the level of turns.

The workflow's export (project.py) writes each anonymised transcript as one
plain-text source, `[hh:mm:ss] Speaker: text` per line, with one selection per
turn. An analyst then adds, removes and moves codings in QualCoder, NVivo,
MAXQDA or ATLAS.ti, and may create codes, rename sources, or get a project back
whose GUIDs, line endings or byte-order mark the tool changed. This module reads
such a project and maps every coded selection back to turns:

1. each source is matched to a transcript of the anonymised turns: by the GUID
   the export gave it, else its name, else the SHA-256 of its text, else the
   most similar text;
2. the source text is compared with the text the export would write from those
   turns today (same layout, `source_text`); when the hashes differ (re-anonymised
   since, or edited) the two are aligned with difflib and selections follow the
   alignment; a source that cannot be aligned is refused by name;
3. a selection codes a turn when it covers at least `min_share` of the turn's
   characters; the turn holding most of a selection is always coded;
4. the turns the analyst read (where no code means "not this code") come from
   the first rule that applies: a review project marks itself; a Set named
   `reviewed`; else every source with at least one coding change.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from lxml import etree

from pipeline.refi.common import (
    PROJECT_NS_PREFIX,
    RefiError,
    child,
    children,
    code_guid,
    find_schema,
    local_name,
    namespace_of,
    schema_problems,
    stable_guid,
)
from pipeline.refi.project import TurnSpan, source_text

log = logging.getLogger(__name__)

WORKFLOW_USER_NAME = "qualflow"
WORKFLOW_USER = stable_guid("user", WORKFLOW_USER_NAME)
# A project that the workflow exported for review (a chosen set of turns) says so in its
# project-level Description; every turn in it was put there to be read.
REVIEW_MARKER = "qualflow review project"
REVIEWED_SET = "reviewed"
CODING_OUTPUT_COLUMNS = ["transcript_id", "turn", "code", "coder"]
READ_COLUMNS = ["transcript_id", "turn", "rule"]
RULES = {
    "review-project": "(a) every turn of this review project",
    "reviewed-set": f"(b) the sources in the Set '{REVIEWED_SET}'",
    "changed-sources": "(c) every source with at least one coding change",
}
# Below this share of a source's text found again in the current transcript, realignment is refused.
MIN_ALIGNED_SHARE = 0.5
EXAMPLES_PER_STUB = 5
EXAMPLE_CHARS = 300


@dataclass(frozen=True)
class CodingMark:
    code_guid: str
    user: str | None
    guid: str = ""


@dataclass
class Selection:
    guid: str
    start: int
    end: int
    codings: list[CodingMark]
    line: int | None = None


@dataclass
class ProjectCode:
    guid: str
    name: str
    description: str | None
    parent: str | None  # GUID of the enclosing code
    qualflow_id: str | None  # the id our export wrote into its Description, when it survived


@dataclass
class ProjectSource:
    guid: str
    name: str
    raw: str  # the text as stored, without a byte-order mark
    selections: list[Selection]
    line: int | None = None

    @property
    def text(self) -> str:
        """The text with every line break as one LF: how the export wrote it."""
        return normalise_newlines(self.raw)


@dataclass
class ReviewedProject:
    path: str
    users: dict[str, str]
    codes: dict[str, ProjectCode]
    sources: list[ProjectSource]
    sets: dict[str, list[str]]  # set name -> member source GUIDs
    description: str
    schema_problems: list[str] = field(default_factory=list)

    @property
    def is_review_project(self) -> bool:
        return REVIEW_MARKER in self.description.lower()


@dataclass
class ImportResult:
    coding: pd.DataFrame  # transcript_id, turn, code, coder
    read: pd.DataFrame  # transcript_id, turn, rule
    rule: str
    stubs: list[dict[str, Any]]
    notes: list[str]


# ---------------------------------------------------------------- reading the project


def guid_key(guid: str | None) -> str:
    """GUIDs compared as tools vary them: braces, upper case."""
    return (guid or "").strip().strip("{}").lower()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_qdpx(path: str | Path) -> ReviewedProject:
    """Read the project.qde and the source texts of a .qdpx zip (or a bare project.qde)."""
    path = Path(path)
    if not path.is_file():
        raise RefiError("file not found; expected a REFI-QDA project (.qdpx)", path=path)
    members: dict[str, bytes] = {}
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                members = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
        except (zipfile.BadZipFile, OSError) as e:
            raise RefiError(f"cannot read the .qdpx zip ({e})", path=path) from e
        qde = [name for name in members if name.lower().endswith(".qde")]
        if not qde:
            raise RefiError("the .qdpx holds no project.qde; expected a REFI-QDA project zip", path=path)
        xml = members[sorted(qde, key=lambda n: (n.count("/"), n))[0]]
    else:
        xml = path.read_bytes()
    document = _parse(xml, path)
    root = document.getroot()
    if not (namespace_of(root) or "").startswith(PROJECT_NS_PREFIX) or local_name(root) != "Project":
        raise RefiError(f"expected a REFI-QDA project (root <Project> in namespace urn:QDA-XML:project:1.0), "
                        f"found <{local_name(root)}> in namespace {namespace_of(root)}", path=path,
                        line=root.sourceline)  # fmt: skip
    problems: list[str] = []
    xsd = find_schema("project")
    if xsd is not None:
        problems = schema_problems(document, xsd)
        if problems:
            log.warning("%s breaks the REFI-QDA project schema in %d place(s) (read anyway): %s", path,
                        len(problems), "; ".join(problems[:3]))  # fmt: skip
    users = {guid_key(u.get("guid")): u.get("name") or u.get("guid") or "" for u in _all(root, "Users", "User")}
    codes: dict[str, ProjectCode] = {}
    codebook = child(root, "CodeBook")
    if codebook is not None and child(codebook, "Codes") is not None:
        for element in children(child(codebook, "Codes"), "Code"):
            _read_codes(element, None, codes, path)
    sources = [_read_source(s, members, path) for s in _all(root, "Sources", "TextSource")]
    sets: dict[str, list[str]] = {}
    for element in _all(root, "Sets", "Set"):
        name = (element.get("name") or "").strip().lower()
        sets.setdefault(name, []).extend(guid_key(m.get("targetGUID")) for m in children(element, "MemberSource"))
    description = " ".join(d.text or "" for d in children(root, "Description"))
    return ReviewedProject(str(path), users, codes, sources, sets, description, problems)


def _parse(xml: bytes, path: Path) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True, huge_tree=False)
    try:
        return etree.ElementTree(etree.fromstring(xml, parser))
    except etree.XMLSyntaxError as e:
        raise RefiError(f"project.qde is not well-formed XML ({e.msg})", path=path,
                        line=e.position[0] if e.position else None) from e  # fmt: skip


def _all(root: etree._Element, holder: str, name: str) -> list[etree._Element]:
    found = child(root, holder)
    return children(found, name) if found is not None else []


def _read_codes(element: etree._Element, parent: str | None, codes: dict[str, ProjectCode], path: Path) -> None:
    from pipeline.refi.qdc import ID_RE, parse_description

    guid = guid_key(element.get("guid"))
    description = child(element, "Description")
    text = description.text if description is not None else None
    wanted = parse_description(text).get("id")
    qualflow_id = wanted if isinstance(wanted, str) and ID_RE.match(wanted) else None
    codes[guid] = ProjectCode(guid, (element.get("name") or "").strip(), text, parent, qualflow_id)
    for sub in children(element, "Code"):
        _read_codes(sub, guid, codes, path)


def _read_source(element: etree._Element, members: dict[str, bytes], path: Path) -> ProjectSource:
    name = element.get("name") or element.get("guid") or "(unnamed)"
    content = child(element, "PlainTextContent")
    if content is not None and content.text is not None:
        raw = content.text
    else:
        target = element.get("plainTextPath") or ""
        if not target.startswith("internal://"):
            raise RefiError(f"source '{name}' keeps its text outside the project ({target or 'no plainTextPath'}); "
                            "export the project with its sources included", path=path,
                            line=element.sourceline)  # fmt: skip
        member = target.removeprefix("internal://")
        data = members.get(f"sources/{member}") or next(
            (v for k, v in members.items() if k.lower() == f"sources/{member}".lower()), None)
        if data is None:
            raise RefiError(f"source '{name}' points at Sources/{member}, which the .qdpx does not hold", path=path,
                            line=element.sourceline)  # fmt: skip
        try:
            raw = data.decode("utf-8-sig")  # the byte-order mark is not text: offsets never count it
        except UnicodeDecodeError as e:
            raise RefiError(f"the text of source '{name}' (Sources/{member}) is not UTF-8", path=path) from e
    raw = raw.removeprefix("\ufeff")
    selections = []
    for s in children(element, "PlainTextSelection"):
        try:
            start, end = int(s.get("startPosition", "")), int(s.get("endPosition", ""))
        except ValueError as e:
            raise RefiError(f"a selection in source '{name}' has no integer startPosition/endPosition", path=path,
                            line=s.sourceline) from e  # fmt: skip
        user = s.get("creatingUser")  # a Coding without its own user is the selection's maker's
        marks = []
        for coding in children(s, "Coding"):
            ref = child(coding, "CodeRef")
            if ref is not None and ref.get("targetGUID"):
                marks.append(CodingMark(guid_key(ref.get("targetGUID")), guid_key(coding.get("creatingUser") or user),
                                        guid_key(coding.get("guid"))))
        selections.append(Selection(guid_key(s.get("guid")), min(start, end), max(start, end), marks, s.sourceline))
    if children(element, "Coding"):
        log.warning("%s: source '%s' is coded as a whole; a whole-source coding names no turn and is left out",
                    path, name)  # fmt: skip
    return ProjectSource(guid_key(element.get("guid")), name, raw, selections, element.sourceline)


# ---------------------------------------------------------------- aligning texts


@dataclass
class Transcript:
    transcript_id: str
    text: str
    spans: list[TurnSpan]
    sha256: str


def transcripts_from_turns(turns: pd.DataFrame) -> dict[str, Transcript]:
    """The text the export writes for each transcript, and where each turn sits in it."""
    found = {}
    for transcript_id, rows in turns.groupby("transcript_id", sort=True):
        text, spans = source_text(rows)
        if "\r" in text:  # a turn with CR line breaks: compared, like the project's text, with LF only
            crs = crlf_shift(text)
            spans = [TurnSpan(s.turn, s.speaker, to_normalised(s.start, crs), to_normalised(s.end, crs)) for s in spans]
            text = normalise_newlines(text)
        found[str(transcript_id)] = Transcript(str(transcript_id), text, spans, text_hash(text))
    return found


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_newlines(text.removeprefix("\ufeff")).encode("utf-8")).hexdigest()


Blocks = list[tuple[int, int, int]]  # (position in the project's text, position in the transcript, length)


def align(old: str, new: str) -> Blocks:
    """Runs of characters that two texts share: lines first, then characters inside changed lines."""
    if old == new:
        return [(0, 0, len(old))]
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at, new_at = _starts(old_lines), _starts(new_lines)
    blocks: Blocks = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.append((old_at[i1], new_at[j1], old_at[i2] - old_at[i1]))
        elif tag == "replace" and i2 - i1 == j2 - j1:  # lines edited in place: each with its counterpart
            for k in range(i2 - i1):
                blocks += _inner(old_lines[i1 + k], new_lines[j1 + k], old_at[i1 + k], new_at[j1 + k])
        elif tag == "replace":
            blocks += _inner(old[old_at[i1] : old_at[i2]], new[new_at[j1] : new_at[j2]], old_at[i1], new_at[j1])
    return blocks


def _inner(a: str, b: str, a_at: int, b_at: int) -> Blocks:
    """Shared runs inside changed text: by character when short, else by word (characters repeat too often
    for difflib to be quick on long text)."""
    if len(a) + len(b) <= 400:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return [(a_at + x, b_at + y, n) for x, y, n in matcher.get_matching_blocks() if n]
    a_words, b_words = WORD_RE.findall(a), WORD_RE.findall(b)
    a_starts, b_starts = _starts(a_words), _starts(b_words)
    matcher = difflib.SequenceMatcher(None, a_words, b_words, autojunk=False)
    return [(a_at + a_starts[x], b_at + b_starts[y], a_starts[x + n] - a_starts[x])
            for x, y, n in matcher.get_matching_blocks() if n]


WORD_RE = re.compile(r"\S+\s*|\s+")


def _starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def map_range(blocks: Blocks, start: int, end: int, starts: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """The parts of [start, end) in the project's text, as ranges of the transcript's text.

    Blocks are in order of their position in the project's text; `starts` (those positions) saves a pass."""
    import bisect

    starts = starts if starts is not None else [a for a, _, _ in blocks]
    ranges = []
    for a, b, n in blocks[max(0, bisect.bisect_right(starts, start) - 1) :]:
        if a >= end:
            break
        lo, hi = max(start, a), min(end, a + n)
        if lo < hi:
            ranges.append((b + lo - a, b + hi - a))
    return ranges


def crlf_shift(raw: str) -> list[int]:
    """Positions (in the raw text) of every CR that is followed by LF: each is dropped by normalisation."""
    return [m.start() for m in re.finditer("\r\n", raw)]


def to_normalised(position: int, crs: list[int]) -> int:
    """A position counted in the raw text (CRLF = 2 characters) as a position in the LF text."""
    import bisect

    return position - bisect.bisect_left(crs, position)


def turns_covered(ranges: list[tuple[int, int]], spans: Sequence[TurnSpan], min_share: float) -> list[int]:
    """Turns a selection codes: those it covers by at least min_share of their characters, and the one it
    covers most (a quote inside one turn codes that turn)."""
    import bisect

    starts = [s.start for s in spans]  # in order: the export writes turns one after another
    overlap: dict[int, int] = {}
    for lo, hi in ranges:
        i = max(0, bisect.bisect_right(starts, lo) - 1)
        while i < len(spans) and spans[i].start < hi:
            n = min(hi, spans[i].end) - max(lo, spans[i].start)
            if n > 0:
                overlap[i] = overlap.get(i, 0) + n
            i += 1
    hit = {spans[i].turn for i, n in overlap.items() if n >= min_share * max(1, spans[i].end - spans[i].start)}
    if overlap:
        most = max(overlap.values())
        hit.add(spans[min(i for i, n in overlap.items() if n == most)].turn)
    return sorted(hit)


# ---------------------------------------------------------------- the import


def match_sources(project: ReviewedProject, transcripts: dict[str, Transcript]) -> dict[str, str]:
    """{source GUID: transcript id}: by the export's GUID, else name, else text hash, else most similar text."""
    by_guid = {guid_key(stable_guid("source", t)): t for t in transcripts}
    by_hash = {t.sha256: t.transcript_id for t in transcripts.values()}
    matched: dict[str, str] = {}
    for source in project.sources:
        found = by_guid.get(source.guid) or (source.name if source.name in transcripts else None)
        found = found or by_hash.get(text_hash(source.raw))
        if found:
            matched[source.guid] = found
    taken = set(matched.values())
    for source in project.sources:
        if source.guid in matched:
            continue
        lines = source.text.splitlines()
        scores = []
        for t in transcripts.values():
            if t.transcript_id in taken:
                continue
            scores.append((difflib.SequenceMatcher(None, lines, t.text.splitlines(), autojunk=False).ratio(),
                           t.transcript_id))  # fmt: skip
        if scores and max(scores)[0] >= MIN_ALIGNED_SHARE:
            matched[source.guid] = max(scores)[1]
            taken.add(max(scores)[1])
    return matched


def code_ids(project: ReviewedProject, codebook: Any | None) -> tuple[dict[str, str], list[str]]:
    """{project code GUID: code id}, and the GUIDs of codes the analyst created (new ids chosen for them)."""
    from pipeline.refi.qdc import slugify

    known: dict[str, str] = {}
    labels: dict[str, str] = {}
    if codebook is not None:
        parents = {c.id: c.parent for c in codebook.all_codes()}
        for code in codebook.all_codes():
            path, at = [], code.id
            while at:
                path.insert(0, at)
                at = parents.get(at)
            known[guid_key(code_guid(path))] = code.id
            labels[code.label.strip().lower()] = code.id
    ids: dict[str, str] = {}
    new: list[str] = []
    codebook_ids = set(known.values()) if codebook is not None else None
    for guid, code in project.codes.items():
        found = known.get(guid)
        if found is None and code.qualflow_id and (codebook_ids is None or code.qualflow_id in codebook_ids):
            found = code.qualflow_id
        found = found or labels.get(code.name.lower())
        if found:
            ids[guid] = found
        else:
            new.append(guid)
    taken = set(ids.values()) | (codebook_ids or set())
    for guid in new:
        base = slugify(project.codes[guid].name)
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        ids[guid] = candidate
    return ids, new


def import_project(
    project: ReviewedProject,
    turns: pd.DataFrame,
    *,
    codebook: Any | None = None,
    workflow_coding: pd.DataFrame | None = None,
    min_share: float = 0.5,
) -> ImportResult:
    """The analyst's coding of a reviewed project, by turn, and the turns they read."""
    transcripts = transcripts_from_turns(turns)
    matched = match_sources(project, transcripts)
    ids, new_codes = code_ids(project, codebook)
    workflow_users = {guid_key(WORKFLOW_USER)} | {g for g, n in project.users.items() if n == WORKFLOW_USER_NAME}
    notes: list[str] = []
    rows: list[tuple[str, int, str, str, bool]] = []  # transcript, turn, code, coder, by the workflow
    present: dict[str, set[int]] = {}
    quotes: dict[str, list[str]] = {g: [] for g in new_codes}
    for source in project.sources:
        transcript_id = matched.get(source.guid)
        if transcript_id is None:
            if any(s.codings for s in source.selections):
                raise RefiError(f"source '{source.name}' matches no transcript of the anonymised turns (by GUID, "
                                "name or text); give the turns it was exported from (--turns)", path=project.path,
                                line=source.line)  # fmt: skip
            log.warning("%s: source '%s' matches no transcript and has no codings; skipped", project.path, source.name)
            continue
        transcript = transcripts[transcript_id]
        text = source.text
        blocks = align(text, transcript.text)
        aligned = sum(n for _, _, n in blocks)
        if aligned < MIN_ALIGNED_SHARE * max(1, len(text)):
            raise RefiError(f"the text of source '{source.name}' no longer matches transcript '{transcript_id}' "
                            f"(only {aligned / max(1, len(text)):.0%} of it is found in the current anonymised "
                            "text); re-export the project, or import it against the turns it was exported from",
                            path=project.path, line=source.line)  # fmt: skip
        if text_hash(source.raw) != transcript.sha256:
            notes.append(f"source '{source.name}': text differs from transcript '{transcript_id}' as anonymised "
                         f"now; selections realigned ({aligned / max(1, len(text)):.0%} of the text matched)")
        present[transcript_id] = set(turns_covered(map_range(blocks, 0, len(text)), transcript.spans, 0.5))
        block_starts = [a for a, _, _ in blocks]
        positions = _position_reader(source, blocks, transcript.spans)
        for selection in source.selections:
            if not selection.codings or selection.end <= selection.start:
                continue
            start, end = positions(selection.start), positions(selection.end)
            ranges = map_range(blocks, start, end, block_starts)
            mapped = sum(hi - lo for lo, hi in ranges)
            if mapped < 0.5 * max(1, end - start):
                log.warning("%s: a selection in source '%s' (characters %d-%d) lies in text that changed since "
                            "the export; its %d coding(s) are left out", project.path, source.name, selection.start,
                            selection.end, len(selection.codings))  # fmt: skip
                continue
            hit = turns_covered(ranges, transcript.spans, min_share)
            for mark in selection.codings:
                if mark.code_guid not in ids:
                    log.warning("%s: a coding in source '%s' points at unknown code %s; left out", project.path,
                                source.name, mark.code_guid)  # fmt: skip
                    continue
                # The workflow's by its user, or (for a tool that drops users) by the GUID the export gave it.
                by_workflow = mark.user in workflow_users or (not mark.user and mark.guid in {
                    guid_key(stable_guid("coding", transcript_id, str(t), ids[mark.code_guid])) for t in hit})
                user = mark.user or ""
                coder = WORKFLOW_USER_NAME if by_workflow else project.users.get(user, user or "unknown")
                rows += [(transcript_id, turn, ids[mark.code_guid], coder, by_workflow) for turn in hit]
                if mark.code_guid in quotes:
                    # From the text as anonymised now: an identifier found since the export is not quoted.
                    quotes[mark.code_guid].append(_quote(transcript.text[ranges[0][0] : ranges[-1][1]]))
    coded = pd.DataFrame(rows, columns=[*CODING_OUTPUT_COLUMNS, "by_workflow"]).drop_duplicates()
    coded["by_workflow"] = coded["by_workflow"].astype(bool)
    rule, read = _read_turns(project, matched, present, coded, workflow_coding)
    read_keys = set(zip(read["transcript_id"], read["turn"]))
    keep = ~coded["by_workflow"] | pd.Series([k in read_keys for k in zip(coded["transcript_id"], coded["turn"])],
                                             index=coded.index, dtype=bool)  # fmt: skip
    coding = coded.loc[keep, CODING_OUTPUT_COLUMNS].sort_values(CODING_OUTPUT_COLUMNS).reset_index(drop=True)
    coding["turn"] = coding["turn"].astype(int)
    stubs = _stubs(project, new_codes, ids, quotes)
    return ImportResult(coding, read, rule, stubs, notes)


def _position_reader(source: ProjectSource, blocks: Blocks, spans: Sequence[TurnSpan]):
    """How this source's offsets count line breaks: as stored (CRLF = 2) or as one character each.

    Tools differ; the reading under which more selection ends fall on turn boundaries wins (ties: as stored).
    """
    crs = crlf_shift(source.raw)
    if not crs:
        return lambda p: p
    boundaries = {s.start for s in spans} | {s.end for s in spans}
    starts = [a for a, _, _ in blocks]

    def score(convert) -> int:
        hits = 0
        for selection in source.selections:
            for p in (selection.start, selection.end):
                mapped = map_range(blocks, convert(p), convert(p) + 1, starts)
                hits += bool(mapped) and mapped[0][0] in boundaries
        return hits

    def stored(p: int) -> int:
        return to_normalised(p, crs)

    def single(p: int) -> int:
        return p

    return stored if score(stored) >= score(single) else single


def _quote(text: str) -> str:
    quote = " ".join(text.split())
    return quote if len(quote) <= EXAMPLE_CHARS else quote[: EXAMPLE_CHARS - 1].rstrip() + "…"


def _read_turns(project: ReviewedProject, matched: dict[str, str], present: dict[str, set[int]],
                coded: pd.DataFrame, workflow_coding: pd.DataFrame | None) -> tuple[str, pd.DataFrame]:
    """Which turns the analyst read, and by which rule."""
    def frame(pairs: Iterable[tuple[str, int]], rule: str) -> pd.DataFrame:
        table = pd.DataFrame(sorted(set(pairs)), columns=["transcript_id", "turn"])
        table["rule"] = rule
        return table[READ_COLUMNS]

    if project.is_review_project:
        return "review-project", frame(((t, n) for t, turns in present.items() for n in turns), "review-project")
    members = project.sets.get(REVIEWED_SET)
    if members is not None:
        chosen = {matched[g] for g in members if g in matched}
        if chosen:
            return "reviewed-set", frame(((t, n) for t in chosen for n in present.get(t, ())), "reviewed-set")
        log.warning("%s: the Set '%s' holds no source of this project; falling back to rule %s", project.path,
                    REVIEWED_SET, RULES["changed-sources"])  # fmt: skip
    changed = set(coded.loc[~coded["by_workflow"], "transcript_id"])
    if workflow_coding is not None:
        kept = coded.loc[coded["by_workflow"]]
        now = set(zip(kept["transcript_id"], kept["turn"].astype(int), kept["code"]))
        exported = workflow_coding.loc[workflow_coding["transcript_id"].isin(present)]
        before = set(zip(exported["transcript_id"], exported["turn"].astype(int), exported["code"]))
        changed |= {t for t, _, _ in now ^ before}
    return "changed-sources", frame(((t, n) for t in changed for n in present.get(t, ())), "changed-sources")


def _stubs(project: ReviewedProject, new_codes: list[str], ids: dict[str, str],
           quotes: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Codebook entries for the codes the analyst created: nested as in the tool, examples from their codings."""
    from pipeline.refi.qdc import _name_as_term, parse_description

    new = set(new_codes)
    made: dict[str, dict[str, Any]] = {}
    for guid in new_codes:
        code = project.codes[guid]
        parsed = parse_description(code.description)
        stub: dict[str, Any] = {"id": ids[guid], "label": code.name or ids[guid],
                                "definition": str(parsed.get("definition") or code.name or ids[guid])}
        examples = list(dict.fromkeys(q for q in quotes.get(guid, []) if q))[:EXAMPLES_PER_STUB]
        if examples:
            stub["examples"] = examples
        else:
            stub["terms"] = [_name_as_term(code.name) or ids[guid]]
        if code.parent and code.parent not in new and code.parent in ids:
            stub["parent"] = ids[code.parent]
        made[guid] = stub
    top = []
    for guid in new_codes:
        parent = project.codes[guid].parent
        if parent in new:
            made[parent].setdefault("codes", []).append(made[guid])
        else:
            top.append(made[guid])
    return top


# ---------------------------------------------------------------- files


def read_turn_frames(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Anonymised turns from parquet files or folders of them (results/anonymised/)."""
    from pipeline.errors import InputError
    from pipeline.matrices import load_frames

    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(path.glob("*.parquet"))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("anonymised turns not found; expected parquet files or a folder of them "
                             "(results/anonymised/)", path=path)  # fmt: skip
    if not files:
        raise InputError("no anonymised turns (.parquet) found; expected results/anonymised/",
                         path=", ".join(map(str, paths)))  # fmt: skip
    return load_frames(files, ["transcript_id", "turn", "speaker", "start", "text"], "anonymised turns")


def read_path(output: str | Path) -> Path:
    """Where the turns the analyst read go: CODING.read.csv beside CODING.csv."""
    output = Path(output)
    return output.with_name(f"{output.stem}.read.csv")


def stubs_yaml(stubs: list[dict[str, Any]], source: str) -> str:
    import yaml

    from pipeline.refi.qdc import _BlockDumper

    book = {"name": f"New codes from {source}",
            "description": f"Codes an analyst created while reviewing {source}; imported by `qualflow import-qdpx`.",
            "themes": stubs}  # fmt: skip
    header = [f"# Codes created in {source}, as stubs: the definition is the code's description in the tool",
              "# (else its name); the examples are the quotes the analyst coded with it (anonymised text).",
              "# `parent` names the existing code it was created under. Add terms, criteria and partners,",
              "# then move each into your codebook."]  # fmt: skip
    return "\n".join(header) + "\n" + yaml.dump(book, Dumper=_BlockDumper, sort_keys=False, allow_unicode=True,
                                                 width=100, default_flow_style=False)


def check_stubs(text: str, path: str | Path) -> None:
    """The stubs must fit the codebook schema (parents outside the file are allowed: they are in the codebook)."""
    import jsonschema
    import yaml

    from pipeline.codebook import codebook_schema
    from pipeline.errors import CodebookError

    errors = sorted(jsonschema.Draft202012Validator(codebook_schema()).iter_errors(yaml.safe_load(text)), key=str)
    if errors:
        raise CodebookError(["the codebook stubs break the codebook schema (a qualflow bug; please report it):"]
                            + [e.message for e in errors[:5]], path=path)  # fmt: skip


def refuse_results(path: str | Path, results: str | Path = "results") -> None:
    """The analyst's coding, names and descriptions have not been through the leak gate: never under results/."""
    from pipeline.errors import InputError

    if Path(path).resolve().is_relative_to(Path(results).resolve()):
        raise InputError("results/ holds only files that passed the leak check; write the analyst's coding "
                         "elsewhere (e.g. reviewed/coding.csv)", path=path)


def count_codes(stubs: Sequence[dict[str, Any]]) -> int:
    return sum(1 + count_codes(s.get("codes", [])) for s in stubs)


def import_qdpx(
    qdpx: str | Path,
    output: str | Path,
    *,
    turn_paths: Sequence[str | Path],
    codebook_path: str | Path | None = None,
    coded_paths: Sequence[str | Path] = (),
    codebook_out: str | Path | None = None,
    min_share: float = 0.5,
) -> ImportResult:
    """Read a reviewed .qdpx; write CODING.csv, CODING.read.csv and (optionally) codebook stubs; all or nothing."""
    from contextlib import ExitStack

    from pipeline.io import atomic_path

    for target in [output, read_path(output), *([codebook_out] if codebook_out else [])]:
        refuse_results(target)
    project = read_qdpx(qdpx)
    turns = read_turn_frames(turn_paths)
    codebook = None
    if codebook_path:
        from pipeline.codebook import load_codebook

        codebook = load_codebook(codebook_path)
    workflow_coding = None
    if coded_paths:
        from pipeline.agreement import read_coding

        workflow_coding = pd.concat([read_coding(p).rows for p in coded_paths], ignore_index=True)
    result = import_project(project, turns, codebook=codebook, workflow_coding=workflow_coding, min_share=min_share)
    stubs_text = None
    if codebook_out:
        stubs_text = stubs_yaml(result.stubs, Path(qdpx).name)
        check_stubs(stubs_text, codebook_out)
    elif result.stubs:
        log.warning("import-qdpx: %d new code(s) (%s); write them as codebook stubs with --codebook-out",
                    len(result.stubs), ", ".join(s["id"] for s in result.stubs))  # fmt: skip
    with ExitStack() as stack:
        coding_tmp = stack.enter_context(atomic_path(output))
        read_tmp = stack.enter_context(atomic_path(read_path(output)))
        result.coding.to_csv(coding_tmp, index=False)
        result.read.to_csv(read_tmp, index=False)
        if stubs_text is not None:
            stack.enter_context(atomic_path(codebook_out)).write_text(stubs_text, encoding="utf-8")
    for note in result.notes:
        log.warning("import-qdpx: %s", note)
    read = result.read
    log.info("import-qdpx: turns read by rule %s: %d turn(s) in %d source(s), listed in %s", RULES[result.rule],
             len(read), read["transcript_id"].nunique(), read_path(output))  # fmt: skip
    log.info("import-qdpx: %d coding row(s) by %d coder(s) written to %s", len(result.coding),
             result.coding["coder"].nunique(), output)  # fmt: skip
    return result
