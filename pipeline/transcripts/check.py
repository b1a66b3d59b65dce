"""Check every input of the ingestion stage at once, for `qualflow check-inputs`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.transcripts import detect_format, read_transcript
from pipeline.transcripts.discover import discover_transcripts
from pipeline.transcripts.metadata import fold_label, load_metadata, load_speakers

SUMMARY_COLUMNS = ["transcript_id", "format", "turns", "speakers", "not_in_speakers_csv"]


def check_inputs(folder: str | Path, metadata: str | Path, speakers: str | Path) -> pd.DataFrame:
    """One summary row per transcript; raises the first QualflowError found in any input."""
    transcripts = discover_transcripts(folder)
    ids = list(transcripts)
    load_metadata(metadata, ids, transcripts_dir=str(folder).rstrip("/"))
    listed = load_speakers(speakers, ids)
    rows = []
    for transcript_id, path in transcripts.items():
        turns = read_transcript(path, transcript_id=transcript_id)
        labels = list(dict.fromkeys(t.speaker for t in turns))
        known = {fold_label(s) for s in listed.loc[listed["transcript_id"] == transcript_id, "speaker"]}
        unlisted = [label for label in labels if fold_label(label) not in known]
        rows.append((transcript_id, detect_format(path), len(turns), len(labels), ", ".join(unlisted)))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
