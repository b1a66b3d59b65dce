"""How long reading a transcript takes, per format, for transcripts of 10,000 and 50,000 words.

Generates varied synthetic transcripts (fictional speakers, random words, times)
in a temporary folder and prints a table of median parse times. Run:

    python benchmarks/ingest_bench.py
"""

from __future__ import annotations

import random
import sys
import statistics
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.transcripts import read_transcript  # noqa: E402

SPEAKERS = ["Helen Marsh", "Mirela", "Interpreter (Romanian)", "Tomasz Nowak", "P3", "Amal Haddad"]
VOCABULARY = (
    "housing damp mould landlord repairs council letter bus route fare timetable school teacher interpreter "
    "english classes waiting list doctor appointment receptionist children services police trust listen "
    "job agency shift night money deposit eviction notice neighbour street community church market family "
    "daughter son mother father week month year always never sometimes maybe really think know said told"
).split()


def turns_of(words: int, seed: int = 7) -> list[tuple[str, float, str]]:
    rng = random.Random(seed)
    result, clock, total = [], 0.0, 0
    while total < words:
        length = rng.choice([3, 8, 15, 30, 60, 120])
        text = " ".join(rng.choice(VOCABULARY) for _ in range(length)).capitalize() + "."
        result.append((rng.choice(SPEAKERS), clock, text))
        clock += length * 0.4
        total += length
    return result


def clock_text(seconds: float, sep: str = ".") -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{sep}{rest % 1000:03d}"


def write(fmt: str, turns: list[tuple[str, float, str]], folder: Path) -> Path:
    path = folder / f"bench.{fmt}"
    if fmt == "txt":
        path.write_text("".join(f"[{clock_text(t)[:8]}] {s}: {x}\n" for s, t, x in turns), encoding="utf-8")
    elif fmt in ("vtt", "srt"):
        sep = "." if fmt == "vtt" else ","
        cues = []
        for number, (speaker, start, text) in enumerate(turns, start=1):
            timing = f"{clock_text(start, sep)} --> {clock_text(start + 3, sep)}"
            body = f"<v {speaker}>{text}</v>" if fmt == "vtt" else f"{speaker}: {text}"
            cues.append(f"{number}\n{timing}\n{body}\n")
        path.write_text(("WEBVTT\n\n" if fmt == "vtt" else "") + "\n".join(cues), encoding="utf-8")
    else:
        import docx

        document = docx.Document()
        for speaker, _, text in turns:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{speaker}:").bold = True
            paragraph.add_run(f" {text}")
        document.save(path)
    return path


def main() -> None:
    print(f"{'format':<7} {'words':>7} {'turns in':>9} {'turns out':>10} {'median s':>9} {'words/s':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for words in (10_000, 50_000):
            turns = turns_of(words)
            count = sum(len(t[2].split()) for t in turns)
            for fmt in ("txt", "vtt", "srt", "docx"):
                path = write(fmt, turns, Path(tmp))
                read_transcript(path)  # warm-up: imports
                times = []
                for _ in range(5):
                    began = time.perf_counter()
                    result = read_transcript(path)
                    times.append(time.perf_counter() - began)
                median = statistics.median(times)
                print(f"{fmt:<7} {count:>7} {len(turns):>9} {len(result):>10} {median:>9.3f} {count / median:>10,.0f}")


if __name__ == "__main__":
    main()
