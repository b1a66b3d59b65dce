"""results/report.html: one self-contained file a partnership meeting can read offline.

Everything comes from files under results/ (matrices, run_info.json, the
anonymised turns for quotes, the anonymisation summary, topics when present),
so the report can be rebuilt without the private folder. All text is escaped;
there is no script, no web font and no external link.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import pandas as pd

from pipeline.errors import InputError
from pipeline.io import NOT_RECORDED, text_of
from pipeline.matrices.codes import CodeInfo, codes_from_frame

log = logging.getLogger(__name__)

# Columns of the anonymisation summary that may be shown: labels and counts, never text.
SUMMARY_LABELS = {"category", "label", "detector", "transcript_id", "site"}


@dataclass
class ReportData:
    info: dict[str, Any]
    codes: list[CodeInfo]
    tables: dict[str, pd.DataFrame]
    turns: pd.DataFrame
    summary: pd.DataFrame | None
    topics: pd.DataFrame | None
    candidate_codes: str | None
    results: Path


def load_report_data(results: str | Path) -> ReportData:
    """Read what the report shows; the matrices must exist, topics and the anonymisation summary may not."""
    results = Path(results)
    folder = results / "matrices"
    if not (folder / "run_info.json").exists():
        raise InputError("no matrices found; run `qualflow matrices` first (expected matrices/run_info.json)",
                         path=results)  # fmt: skip
    info = json.loads((folder / "run_info.json").read_text(encoding="utf-8"))
    tables = {p.stem: pd.read_csv(p, keep_default_na=False, na_values=[""], dtype={"rank": str})
              for p in sorted(folder.glob("*.csv"))}  # fmt: skip
    codes = codes_from_frame(tables["codes"])
    parquet = sorted((results / "anonymised").glob("*.parquet"))
    turns = pd.concat([pd.read_parquet(p) for p in parquet], ignore_index=True) if parquet else pd.DataFrame(
        columns=["transcript_id", "turn", "speaker", "role", "text"])  # fmt: skip
    summary_path = results / "anonymised" / "summary.csv"
    summary = pd.read_csv(summary_path) if summary_path.exists() else None
    topics_path = results / "topics" / "topics.csv"
    topics = pd.read_csv(topics_path, keep_default_na=False) if topics_path.exists() else None
    candidates_path = results / "topics" / "candidate_codes.yaml"
    candidates = candidates_path.read_text(encoding="utf-8") if candidates_path.exists() else None
    return ReportData(info, codes, tables, turns, summary, topics, candidates, results)


def write_report(results: str | Path, settings: Mapping[str, Any], output: str | Path) -> None:
    from pipeline.io import atomic_open

    html = render_report(load_report_data(results), settings)
    with atomic_open(output) as handle:
        handle.write(html)
    log.info("Report - written to %s (%d characters)", output, len(html))


def render_report(data: ReportData, settings: Mapping[str, Any]) -> str:
    """The whole HTML document as a string."""
    from pipeline import __version__ as version

    report = settings["report"]
    sections = [
        ("overview", "Overview", overview_section(data)),
        ("heatmaps", "Themes by site and role", heatmap_section(data)),
        ("actions", "Action plan", action_section(data)),
        ("divergence", "Community and providers", divergence_section(data)),
        ("themes", "Themes in participants' words", themes_section(data, report["quotes_per_theme"])),
        ("cooccurrence", "Themes raised together", cooccurrence_section(data)),
        ("topics", "Emergent topics", topics_section(data, report["max_topics"], settings)),
        ("methods", "Methods", methods_section(data, settings)),
    ]
    agreement = agreement_section(data)
    if agreement:  # only when there is analyst coding (coding.training)
        sections.insert(-1, ("agreement", "Agreement with the analyst", agreement))
    nav = "".join(f'<a href="#{key}">{escape(title)}</a>' for key, title, _ in sections)
    body = "\n".join(f'<section id="{key}">\n<h2>{escape(title)}</h2>\n{html}\n</section>' for key, title, html in sections)
    book = data.info["codebook"]
    subtitle = (f"{data.info['transcripts']} transcripts · {len(data.info['sites'])} sites · "
                f"codebook {book['name']} v{book['version']} · run {data.info['run_date']}")  # fmt: skip
    footer = (f"Made by qualflow {escape(str(version))} from anonymised data only. Every count can be traced in "
              "matrices/evidence.csv; quotes carry their transcript and turn (transcript#turn).")  # fmt: skip
    template = Template(resources.files("pipeline.report").joinpath("template.html").read_text(encoding="utf-8"))
    return template.substitute(title=escape(report["title"]), subtitle=escape(subtitle), nav=nav, body=body,
                               footer=footer, version=escape(str(version)))  # fmt: skip


# --- small HTML helpers ---------------------------------------------------------------------------


def cell(value: Any, missing: str = "") -> str:
    """A table value as escaped HTML text; a missing one as `missing`, never "nan" or "None"."""
    return escape(text_of(value, missing))


def places(values: Sequence[str], unrecorded: int) -> str:
    """'Caldora, Norvania (not recorded for 1 transcript)', or 'not recorded' when none was."""
    listed = ", ".join(values) or "not recorded"
    if values and unrecorded:
        listed += f" (not recorded for {unrecorded} transcript{'s' if unrecorded != 1 else ''})"
    return listed


def pct(value: Any) -> str:
    return "–" if value is None or pd.isna(value) or value == "" else f"{100 * float(value):.0f}%"


def table_html(header: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = (),
               row_classes: Sequence[str] | None = None) -> str:  # fmt: skip
    """Rows of already-escaped cell HTML; header cells are escaped here."""
    numeric = set(numeric)
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(header))
    lines = []
    for n, row in enumerate(rows):
        cls = f' class="{row_classes[n]}"' if row_classes and row_classes[n] else ""
        cells = "".join(f'<td{" class=num" if i in numeric else ""}>{c}</td>' for i, c in enumerate(row))
        lines.append(f"<tr{cls}>{cells}</tr>")
    return f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table></div>'


def heat_cell(share: float, detail: str) -> str:
    from pipeline.matrices.workbook import heat_colour

    colour = heat_colour(share)
    ink = "#fff" if share >= 0.45 else "#1d2733"
    return (f'<td class="heat" style="background:#{colour};color:{ink}">{pct(share)}'
            f"<small>{escape(detail)}</small></td>")  # fmt: skip


def quote_html(quote: str, speaker: str, role: str, ref: str, asked: str = "", why: str = "",
               via_interpreter: bool = False) -> str:
    question = f'<span class="muted">Asked “{escape(asked)}”:</span> ' if asked else ""
    reason = f'<span class="why">Why: {escape(why)}</span>' if why else ""
    via = " via interpreter" if via_interpreter else ""
    return (f"<blockquote>{question}“{escape(quote)}”<cite>{escape(speaker)} ({escape(role)}){via}, {escape(ref)}</cite>"
            f"{reason}</blockquote>")


INTERPRETER_RULES = (
    "An interpreter is never counted as a participant: an interpreter's turn is credited to the participant it "
    "relays (the one speakers.csv names in interprets_for, else the participant who spoke just before, or whom "
    "“she says” / “he says” reports), a question relayed to the participants (a second-person question, or a "
    "turn between a facilitator's or provider's turn and a participant's) is credited to no one, and so are the "
    "interpreter's own remarks. Quotes relayed by an interpreter are marked “via interpreter”."
)


def interpreted_sentence(counts: Mapping[str, int]) -> str:
    """How interpreted turns were attributed, in one sentence."""
    return (f"{counts['credited']} interpreted turns were credited to the participant they relayed "
            f"({counts['by_speakers_csv']} by speakers.csv, {counts['by_adjacency']} by adjacency); "
            f"{counts['relayed_questions']} relayed questions and {counts['interpreter_own_words']} of the "
            "interpreters' own remarks were credited to no one.")  # fmt: skip


def voice_column(evidence: pd.DataFrame) -> str:
    """Whose voice a turn is: voice_speaker (an interpreter's relayed turn is the participant's), else speaker."""
    return "voice_speaker" if "voice_speaker" in evidence.columns else "speaker"


# --- sections -------------------------------------------------------------------------------------


def overview_section(data: ReportData) -> str:
    info = data.info
    roles = info.get("participants_by_role", {})
    excluded = info["settings"]["matrices"].get("exclude_roles", [])
    cards = [(info["transcripts"], "transcripts"), (len(info["sites"]), "sites"), (info["turns"], "speaker turns"),
             (sum(v for k, v in roles.items() if k not in excluded and k != "interpreter"), "participants counted")]  # fmt: skip
    html = ['<div class="cards">'] + [f"<div class=card><b>{n}</b><span>{escape(label)}</span></div>" for n, label in cards]
    html.append("</div>")
    blank = info.get("not_recorded", {})
    html.append(f"<p>Sites: {escape(places(info['sites'], blank.get('site', 0)))}. "
                f"Group types: {escape(places(info['group_types'], blank.get('group_type', 0)))}.</p>")
    role_rows = [(escape(role), str(n), "no (left out of counts)" if role in excluded else
                  "no (what they relay counts for the participant)" if role == "interpreter" else "yes")
                 for role, n in roles.items()]  # fmt: skip
    html.append("<h3>People by role</h3>" + table_html(["Role", "People", "Counted in matrices"], role_rows, [1]))
    if any(info.get("interpreted", {}).values()):  # said only when the study has interpreters' turns
        html.append(f"<p>{escape(interpreted_sentence(info['interpreted']))}</p>")
    html.append("<h3>Anonymisation</h3>" + anonymisation_html(data.summary))
    book = info["codebook"]
    html.append("<h3>Codebook</h3>" + table_html(["Name", "Version", "File", "SHA-256"], [
        (escape(book["name"]), escape(str(book["version"])), escape(book["file"]), f"<code>{escape(book['sha256'])}</code>")
    ]))  # fmt: skip
    settings = json.dumps(info["settings"], indent=2, sort_keys=True)
    html.append(f"<details><summary>Settings of this run</summary><pre>{escape(settings)}</pre></details>")
    return "\n".join(html)


def anonymisation_html(summary: pd.DataFrame | None) -> str:
    """Counts of replaced identifiers by category and detector; any column holding text is not shown."""
    if summary is None or summary.empty:
        return '<p class="muted">No anonymisation summary was found (anonymised/summary.csv).</p>'
    shown = [c for c in summary.columns if c in SUMMARY_LABELS or pd.api.types.is_numeric_dtype(summary[c])]
    rows = [[cell(v, "" if pd.api.types.is_numeric_dtype(summary[c]) else NOT_RECORDED) for c, v in zip(shown, row)]
            for row in summary[shown].itertuples(index=False)]
    numeric = [i for i, c in enumerate(shown) if pd.api.types.is_numeric_dtype(summary[c])]
    return "<p>Identifiers replaced before any analysis (counts only):</p>" + table_html(shown, rows, numeric)


def heatmap_section(data: ReportData) -> str:
    from pipeline.matrices.workbook import heat_colour

    swatches = " ".join(f'<span style="background:#{heat_colour(v)}"></span> {pct(v)}' for v in (0, 0.1, 0.25, 0.5, 1))
    parts = ['<p class="legend">Cells: share of participants in the group who raised it; below, people and turns '
             f"coded out of the group's counted people and turns. Colour: {swatches}.</p>"]
    for name, title in (("code_by_site", "By site"), ("code_by_role", "By role"), ("code_by_group_type", "By group type")):
        table = data.tables.get(name)
        if table is None or table.empty:
            continue
        by = next(c for c in table.columns if c not in {"code", "label", "level", "parent", "theme"})
        parts.append(f"<h3>{escape(title)}</h3>" + heatmap_html(table, by, data.codes))
    return "\n".join(parts)


def heatmap_html(table: pd.DataFrame, by: str, codes: list[CodeInfo]) -> str:
    names = [text_of(v, NOT_RECORDED) for v in table[by]]
    groups = list(dict.fromkeys(names))
    indexed = table.assign(**{by: names}).set_index(["code", by])
    header = "".join(f"<th>{escape(g)}</th>" for g in groups)
    rows = []
    for c in codes:
        if (c.id, groups[0]) not in indexed.index:
            continue
        cells = []
        for g in groups:
            r = indexed.loc[(c.id, g)]
            detail = f"{int(r['participants'])}/{int(r['group_participants'])} people · {int(r['turns_coded'])}/{int(r['group_turns'])} turns"
            cells.append(heat_cell(float(r["participant_share"]), detail))
        cls = ' class="sub"' if c.depth else ""
        rows.append(f"<tr{cls}><td>{escape(c.label)}</td>{''.join(cells)}</tr>")
    return f'<div class="wide"><table><thead><tr><th>Theme / sub-code</th>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def action_section(data: ReportData) -> str:
    from pipeline.actionplan import FORMULA

    table = data.tables.get("action_plan")
    if table is None or table.empty:
        return '<p class="muted">No theme was coded in the counted turns, so there is no action plan.</p>'
    rows, classes = [], []
    for r in table.astype(object).where(table.notna(), "").itertuples(index=False):
        priority = float(r.priority)
        quotes = "".join(f"<p>{escape(q)}</p>" for q in text_of(r.quotes).splitlines())
        rows.append([
            escape(str(r.rank)), escape(r.label),
            f'{priority:.1f} <span class="bar"><i style="width:{priority:.0f}%"></i></span>',
            f"{int(r.turns_coded)} ({pct(r.prevalence)})", escape(str(r.sites)), pct(r.community_share),
            pct(r.provider_share), pct(r.divergence), escape(str(r.partners)), f'<div class="quotes-cell">{quotes}</div>',
        ])  # fmt: skip
        classes.append("sub" if r.level != "theme" else "")
    header = ["#", "Theme / sub-code", "Priority", "Turns (share)", "Sites", "Community members raising it",
              "Providers raising it", "Gap", "Who could act", "In their words"]  # fmt: skip
    weights = data.info["settings"]["action_plan"]["weights"]
    used = ", ".join(f"{k} {v:g}" for k, v in weights.items())
    return (table_html(header, rows, [3, 5, 6, 7], classes)
            + f'<p class="legend">{escape(FORMULA)} Weights: {escape(used)}. The score orders topics for discussion; '
            "it is not a measure of need.</p>")  # fmt: skip


def divergence_section(data: ReportData) -> str:
    table = data.tables.get("divergence")
    if table is None or table.empty or table["difference"].isna().all():
        return '<p class="muted">Divergence needs both community members and providers in the counted turns.</p>'
    shown = table.loc[table["difference"].fillna(0).abs() > 0].head(10)
    if shown.empty:
        return "<p>Community members and providers raised every theme in the same proportions.</p>"
    rows = [
        (escape(r.label) + ("" if r.level == "theme" else ' <span class="muted">(sub-code)</span>'),
         f"{pct(r.community_share)} ({int(r.community_participants)}/{int(r.community_total)})",
         f"{pct(r.provider_share)} ({int(r.provider_participants)}/{int(r.provider_total)})",
         f"{100 * float(r.difference):+.0f} points",
         escape("more community members" if r.raised_more_by == "community" else "more providers"))
        for r in shown.itertuples(index=False)
    ]  # fmt: skip
    return ("<p>Where the share of community members raising a theme differs most from the share of providers:</p>"
            + table_html(["Theme", "Community members", "Providers", "Gap", "Raised by"], rows, [1, 2, 3]))


def themes_section(data: ReportData, quotes: int) -> str:
    from pipeline.matrices.quotes import exemplars, facilitator_prompts, turn_texts

    evidence = data.tables.get("evidence", pd.DataFrame())
    by_site = data.tables.get("code_by_site", pd.DataFrame())
    texts = turn_texts(data.turns) if not data.turns.empty else {}
    prompts = facilitator_prompts(data.turns)
    parts = []
    for theme in (c for c in data.codes if c.depth == 0):
        mine = evidence.loc[evidence["theme"] == theme.id] if not evidence.empty else evidence
        swatch = f'<span class="swatch" style="background:{escape(theme.colour)}"></span>' if theme.colour else ""
        parts.append(f'<h3 id="theme-{escape(theme.id)}">{swatch}{escape(theme.label)}</h3>')
        if theme.definition:
            parts.append(f'<p class="muted">{escape(theme.definition)}</p>')
        turns = mine[["transcript_id", "turn"]].drop_duplicates().shape[0] if not mine.empty else 0
        people = mine[voice_column(mine)].nunique() if not mine.empty else 0
        sites = sorted({text_of(s, NOT_RECORDED) for s in mine["site"]}) if not mine.empty else []
        parts.append(f"<p><b>{turns}</b> turns from <b>{people}</b> participants at <b>{len(sites)}</b> "
                     f"site(s){': ' + escape(', '.join(sites)) if sites else ''}.</p>")  # fmt: skip
        if theme.partners:
            parts.append(f"<p>Who could act: {escape('; '.join(theme.partners))}.</p>")
        subs = [c for c in data.codes if c.theme == theme.id and c.depth > 0]
        if subs and not by_site.empty:
            totals = by_site.groupby("code").agg(turns=("turns_coded", "sum"), people=("participants", "sum"))
            rows = [(escape(c.label), str(int(totals.loc[c.id, "turns"])) if c.id in totals.index else "0",
                     escape(c.definition)) for c in subs]  # fmt: skip
            parts.append(table_html(["Sub-code", "Turns", "Definition"], rows, [1]))
        if mine.empty:
            parts.append('<p class="muted">Not raised in the counted turns.</p>')
            continue
        picked = exemplars(mine, texts, quotes, 40, prefer_role="community", prompts=prompts)
        if not picked:
            parts.append('<p class="muted">No turn the coders are sure of says enough on its own to quote.</p>')
        for q in picked:
            parts.append(quote_html(q["quote"], q["speaker"], q["role"], q["ref"], q["asked"], q["why"],
                                    q.get("via_interpreter", False)))
    return "\n".join(parts)


def cooccurrence_section(data: ReportData) -> str:
    table = data.tables.get("cooccurrence")
    if table is None or table.empty:
        return '<p class="muted">Fewer than two themes, so nothing to compare.</p>'
    top = table.sort_values(["turn_jaccard", "participant_jaccard"], ascending=False, kind="stable").head(10)
    rows = [(escape(f"{r.label_a} + {r.label_b}"), f"{int(r.turns_both)}", f"{float(r.turn_jaccard):.2f}",
             f"{int(r.participants_both)}", f"{float(r.participant_jaccard):.2f}") for r in top.itertuples(index=False)]  # fmt: skip
    return ("<p>Jaccard similarity: turns (or people) with both themes ÷ turns (or people) with either; "
            "1 means always together, 0 never.</p>"
            + table_html(["Themes", "Turns with both", "Turn Jaccard", "People raising both", "People Jaccard"], rows,
                         [1, 2, 3, 4]))  # fmt: skip


def topics_section(data: ReportData, limit: int, settings: Mapping[str, Any]) -> str:
    if data.topics is None:
        enabled = settings.get("topics", {}).get("enabled", True)
        why = "Topic modelling is switched off (topics.enabled)." if not enabled else "No topic results were found."
        return f'<p class="muted">{escape(why)}</p>'
    if data.topics.empty:
        return '<p class="muted">Topic modelling found no topics (the corpus may be too small; see its log).</p>'
    topics = data.topics
    if "size" in topics.columns:
        topics = topics.sort_values("size", ascending=False, kind="stable")
    wanted = [c for c in ("topic", "label", "size", "emergent", "top_terms", "quote_1") if c in topics.columns]
    wanted = wanted or list(topics.columns[:5])
    rows = [[cell(v) for v in row] for row in topics[wanted].head(limit).itertuples(index=False)]
    html = ["<p>Topics found by BERTopic in the counted turns. <b>Emergent</b> topics are mostly made of turns the "
            "codebook did not code: candidates for new codes, to be read and judged by an analyst.</p>",
            table_html(wanted, rows, [i for i, c in enumerate(wanted) if c == "size"])]  # fmt: skip
    if data.candidate_codes:
        lines = data.candidate_codes.splitlines()
        shown = "\n".join(lines[:80]) + ("\n…" if len(lines) > 80 else "")
        html.append(f"<details><summary>Candidate codes (topics/candidate_codes.yaml)</summary><pre>{escape(shown)}</pre></details>")
    return "\n".join(html)


def _residual_risk() -> str:
    from pipeline.anonymise.review import residual_risk_sentence

    return residual_risk_sentence()


def agreement_section(data: ReportData) -> str:
    """The analyst's coding against the workflow's, per theme (results/coding/agreement.csv); '' without one."""
    path = data.results / "coding" / "agreement.csv"
    if not path.exists():
        return ""
    table = pd.read_csv(path, keep_default_na=False, na_values=[""])
    themes = table.loc[table["level"] == "theme"]
    if themes.empty:
        return ""
    labels = {c.id: c.label for c in data.codes}
    coders = [c.removeprefix("kappa_") for c in table.columns
              if c.startswith("kappa_") and not c.endswith(("_low", "_high"))]  # fmt: skip

    def kappa(row: pd.Series, prefix: str = "kappa") -> str:
        value = row.get(prefix)
        if value is None or pd.isna(value):
            return "–"
        low, high = row.get(f"{prefix}_low"), row.get(f"{prefix}_high")
        interval = "" if low is None or pd.isna(low) else f" [{low:.2f}, {high:.2f}]"
        return escape(f"{value:.2f}{interval}")

    rows = [[cell(labels.get(r["code"], "All themes" if r["code"] == "(pooled)" else r["code"])),
             pct(r["prevalence_analyst"]), pct(r["prevalence_workflow"]), pct(r["percent_agreement"]), kappa(r)]
            + [kappa(r, f"kappa_{c}") for c in coders] for _, r in themes.iterrows()]  # fmt: skip
    pooled = themes.loc[themes["code"] == "(pooled)"]
    least = text_of(pooled["least_agreeing_coder"].iloc[0]) if len(pooled) and "least_agreeing_coder" in pooled else ""
    text = [f"On the {int(themes['n_units'].iloc[0])} turns the analyst read, their coding is compared with the "
            "workflow's, theme by theme: Cohen's kappa with a bootstrap 95% interval (1 is full agreement, 0 no "
            "better than chance), and kappa for each zero-shot coder's part of the coding."]  # fmt: skip
    if least:
        text.append(f"Of the zero-shot coders, the {least} coder agrees least with the analyst over all themes.")
    if bool(table["includes_trained_model"].any()):
        text.append("The workflow's coding includes the supervised coder, which learnt from these same turns, so "
                    "its agreement here is optimistic; its cross-validated figures are in coding/supervised_cv.csv.")
    text.append("Sub-codes, alpha and percent agreement are in coding/agreement.csv.")
    header = ["Theme", "Analyst codes", "Workflow codes", "Agree", "Kappa"] + [f"Kappa ({c})" for c in coders]
    return ("\n".join(f"<p>{escape(t)}</p>" for t in text)
            + table_html(header, rows, numeric=range(1, len(header))))


def methods_section(data: ReportData, settings: Mapping[str, Any]) -> str:
    from pipeline import __version__ as version
    from pipeline.actionplan import FORMULA

    info = data.info
    book = info["codebook"]
    matrices = info["settings"]["matrices"]
    evidence = data.tables.get("evidence", pd.DataFrame())
    methods = sorted({text_of(m) for m in evidence["method"]} - {""}) if not evidence.empty else []
    excluded = ", ".join(matrices.get("exclude_roles", [])) or "none"
    topics = data.topics is not None and not data.topics.empty
    text = [
        f"Transcripts of {info['transcripts']} sessions at {len(info['sites'])} sites were split into speaker turns "
        "and anonymised before analysis: names, places, contact details and identity numbers were found by rules, "
        "a list of known identifiers and named-entity recognition, and replaced by consistent pseudonyms; speakers "
        "appear as role-based labels. A leak check of every shared file against the pseudonym key gated the run.",
        _residual_risk(),
        f"Each turn was coded against the codebook “{book['name']}” version {book['version']} "
        f"(SHA-256 {book['sha256'][:16]}…) by {', '.join(methods) or 'the configured'} coders. Negated and "
        "hypothetical mentions were not counted.",
        f"Counts are of distinct turns and distinct participants; turns of these roles were left out: {excluded}. "
        "A turn coded with a sub-code also counts for its parent codes. Shares use the group's counted turns or "
        "participants as denominator. Co-occurrence uses Jaccard similarity. Divergence is the share of community "
        "members raising a code minus the share of providers.",
        f"Action-plan priority: {FORMULA}",
        *([interpreted_sentence(info["interpreted"]) + " " + INTERPRETER_RULES] if any(info.get("interpreted", {}).values()) else []),
        "Every number can be traced to the turns behind it in matrices/evidence.csv; the matrices are also in "
        "theme_matrices.xlsx, and export/project.qdpx opens the coded, anonymised transcripts in QualCoder, NVivo, "
        "ATLAS.ti or MAXQDA for review by hand. Automatic coding supports, and does not replace, an analyst's reading.",
    ]
    if topics:
        text.append("Emergent topics came from BERTopic over sentence embeddings with fixed seeds; they are "
                    "suggestions for the codebook, not findings.")  # fmt: skip
    cite = (f"Suggested citation of the method: qualflow {version}, codebook {book['name']} v{book['version']} "
            f"(sha256 {book['sha256'][:12]}), run {info['run_date']}.")  # fmt: skip
    return "\n".join(f"<p>{escape(t)}</p>" for t in text) + f'<p class="note">{escape(cite)}</p>'
