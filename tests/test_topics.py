"""Topic modelling: documents from turns, a deterministic fit, reconciliation with the codebook, outputs."""

from __future__ import annotations

import dataclasses
import logging
import random
import re
from pathlib import Path

import jsonschema
import numpy as np
import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.config import validate_config
from pipeline.embeddings import HashedTfidfBackend, UnitEmbeddings, embed_units, save_unit_embeddings
from pipeline.topics.documents import EXCLUDED_ROLE, MERGED, MODELLED, TOO_SHORT, build_corpus
from pipeline.topics.model import adaptive_params, clean_for_terms, label_terms, number_by_size
from pipeline.topics.run import TOPIC_FILE_NAMES, model_topics, run_topics
from pipeline.workflow import TOPIC_FILES

TOPIC_SETTINGS = validate_config({})["topics"]
TRANSPORT_WORDS = {"bus", "buses", "fare", "fares", "route", "routes", "taxi", "timetable", "driver", "stop",
                   "travel", "transport", "minibus", "pass", "journey"}

# Invented fragments; sentences are assembled at random so no two turns are the same.
SUBJECTS = {
    "housing": (["the landlord", "our flat", "the housing association", "the council housing team", "the letting agent"],
                ["never fixes the damp", "left black mould in the bedroom", "put the rent up again",
                 "ignored the broken boiler", "sent an eviction notice", "has a waiting list of years"]),
    "language": (["the GP surgery", "the jobcentre", "the school office", "the hospital", "the council"],
                 ["had no interpreter for my mother", "only sends letters in English",
                  "would not book a Romanian interpreter", "asked my child to translate", "gave forms only in English"]),
    "transport": (["the number twelve bus", "the bus route to the hospital", "the early bus", "a taxi to the clinic",
                   "the bus fare", "the bus stop"],
                  ["costs too much for a family", "stopped running on Sundays", "is always late so we miss appointments",
                   "changed its timetable without warning", "is too far to walk with a pram", "doubled the fare this year"]),
}
OPENERS = ["", "Honestly, ", "For us, ", "Last winter ", "Every week ", "My neighbour says "]


def invented_turns(transcript_id: str, site: str, n: int, seed: int) -> tuple[pd.DataFrame, list[str]]:
    """Turns of one invented session and the subject of each (facilitator every sixth turn)."""
    rng = random.Random(seed)
    rows, subjects = [], []
    for i in range(n):
        if i % 6 == 0:
            rows.append(("Facilitator 1", "facilitator", "Can you say more about what happened then?"))
            subjects.append("facilitator")
            continue
        subject = rng.choice(list(SUBJECTS))
        who, what = SUBJECTS[subject]
        parts = [f"{rng.choice(OPENERS)}{rng.choice(who)} {rng.choice(what)}"
                 for _ in range(rng.randint(1, 3))]
        rows.append((f"P0{rng.randint(1, 5)}", "community", ". ".join(p[0].upper() + p[1:] for p in parts) + "."))
        subjects.append(subject)
    frame = pd.DataFrame(rows, columns=["speaker", "role", "text"])
    frame.insert(0, "turn", range(1, n + 1))
    frame.insert(0, "transcript_id", transcript_id)
    frame["start"] = None
    frame["end"] = None
    frame["site"] = site
    frame["date"] = "2026-01-15"
    frame["group_type"] = "community focus group"
    return frame, subjects


def coded_for(turns: pd.DataFrame, subjects: list[str]) -> pd.DataFrame:
    """What a coder would say: housing and language are in the codebook, transport is not."""
    rows = [(tid, turn, s, s, 1.0, "terms", "", "affirmed", True)
            for tid, turn, s in zip(turns["transcript_id"], turns["turn"], subjects) if s in ("housing", "language")]
    return pd.DataFrame(rows, columns=["transcript_id", "turn", "code", "theme", "score", "method", "evidence",
                                       "polarity", "counted"])


def subject_words(subject: str) -> list[str]:
    """A codebook that knows a subject well: every word of its fragments."""
    who, what = SUBJECTS[subject]
    return sorted({w for phrase in who + what for w in phrase.split() if len(w) > 3})


THEMES = [{"id": "housing", "label": "Housing", "terms": subject_words("housing")},
          {"id": "language", "label": "Language", "terms": subject_words("language")}]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Two invented transcripts (240 turns) with tfidf embeddings and coded rows, as files."""
    root = tmp_path_factory.mktemp("topics-project")
    files = {"turns": [], "embeddings": [], "coded": [], "subjects": []}
    for transcript_id, site, seed in (("site-a", "Ashby Vale", 1), ("site-b", "Kingsmere", 2)):
        turns, subjects = invented_turns(transcript_id, site, 150, seed)
        files["subjects"] += [(transcript_id, turn, s) for turn, s in zip(turns["turn"], subjects)]
        for kind, table in (("turns", turns), ("coded", coded_for(turns, subjects))):
            path = root / kind / f"{transcript_id}.parquet"
            path.parent.mkdir(exist_ok=True)
            table.to_parquet(path)
            files[kind].append(str(path))
        path = root / "embeddings" / f"{transcript_id}.npz"
        save_unit_embeddings(embed_units(turns, {"backend": "tfidf"}), path)
        files["embeddings"].append(str(path))
    codebook = root / "codebook.yaml"
    codebook.write_text(yaml.safe_dump({"name": "Test", "themes": [
        {"id": t["id"], "label": t["label"], "definition": f"{t['label']} problems.", "terms": t["terms"]}
        for t in THEMES]}), encoding="utf-8")
    files["codebook"] = str(codebook)
    files["root"] = root
    return files


def corpus_of(frames: list[pd.DataFrame], settings: dict | None = None):
    backend = HashedTfidfBackend()
    items = [(f, embed_units(f, {"backend": "tfidf"}, backend=backend), f"{f['transcript_id'].iat[0]}.parquet")
             for f in frames]
    return build_corpus(items, settings or TOPIC_SETTINGS)


def small_session(texts_by_speaker: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "transcript_id": "site-a", "turn": range(1, len(texts_by_speaker) + 1),
        "speaker": [s for s, _, _ in texts_by_speaker], "role": [r for _, r, _ in texts_by_speaker],
        "text": [t for _, _, t in texts_by_speaker], "site": "Ashby Vale",
    })


SESSION = [
    ("Facilitator 1", "facilitator", "How do you get to your appointments?"),
    ("P01", "community", "The bus to the hospital only comes twice a day."),
    ("P01", "community", "Yes."),
    ("P02", "community", "Mm."),
    ("P03", "community", "We pay for a taxi because the fare is so high."),
]


def test_facilitators_are_left_out_and_a_short_turn_joins_the_same_speakers_adjacent_turn():
    corpus = corpus_of([small_session(SESSION)])
    assert corpus.turns["status"].tolist() == [EXCLUDED_ROLE, MODELLED, MERGED, TOO_SHORT, MODELLED]
    assert corpus.docs == ["The bus to the hospital only comes twice a day. Yes.",
                           "We pay for a taxi because the fare is so high."]
    assert corpus.turns["doc"].tolist() == [-1, 0, 0, -1, 1]
    assert np.linalg.norm(corpus.vectors, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)


@pytest.mark.parametrize("mode, statuses, n_docs", [
    ("drop", [EXCLUDED_ROLE, MODELLED, TOO_SHORT, TOO_SHORT, MODELLED], 2),
    ("keep", [EXCLUDED_ROLE, MODELLED, MODELLED, MODELLED, MODELLED], 4),
])
def test_short_turns_can_be_dropped_or_kept(mode, statuses, n_docs):
    corpus = corpus_of([small_session(SESSION)], {**TOPIC_SETTINGS, "short_turns": mode})
    assert corpus.turns["status"].tolist() == statuses
    assert len(corpus.docs) == n_docs


def test_facilitators_are_modelled_when_no_role_is_excluded():
    corpus = corpus_of([small_session(SESSION)], {**TOPIC_SETTINGS, "exclude_roles": []})
    assert corpus.turns["status"].iat[0] == MODELLED
    assert corpus.docs[0] == "How do you get to your appointments?"


def test_a_turn_vector_is_the_normalised_mean_of_its_unit_vectors():
    turns = small_session([("P01", "community", "The bus is late. The fare went up.")])
    emb = UnitEmbeddings(turn=np.array([1, 1]), unit=np.array([0, 1]),
                         vectors=np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32), backend="test")
    corpus = build_corpus([(turns, emb, "site-a.parquet")], TOPIC_SETTINGS)
    np.testing.assert_allclose(corpus.vectors[0], [2 ** -0.5, 2 ** -0.5, 0], atol=1e-6)


def test_cluster_settings_grow_with_the_corpus():
    assert adaptive_params(100, TOPIC_SETTINGS) == {"method": "kmeans", "n_topics": 0, "n_components": 10}
    assert adaptive_params(600, TOPIC_SETTINGS) == {"method": "hdbscan", "n_neighbors": 24, "n_components": 5,
                                                    "min_cluster_size": 15, "min_samples": 3}
    large = adaptive_params(20_000, TOPIC_SETTINGS)
    assert (large["n_neighbors"], large["min_cluster_size"], large["min_samples"]) == (30, 250, 62)
    assert adaptive_params(100, {**TOPIC_SETTINGS, "method": "hdbscan"})["method"] == "hdbscan"


def test_interpreter_framing_pseudonym_tags_and_transcriber_notes_do_not_become_terms():
    cleaned = clean_for_terms("She says that [PERSON_7] waits for the bus [laughter] (laughs) and he said the crèche")
    assert cleaned.split() == ["waits", "for", "the", "bus", "and", "the", "creche"]


def test_labels_skip_terms_that_repeat_a_word_already_used():
    assert label_terms(["bus fares", "fares", "bus", "hospital", "taxi"]) == ["bus fares", "hospital", "taxi"]


def test_topics_are_renumbered_by_size_and_outliers_stay_minus_one():
    topics, terms = number_by_size([3, 3, 1, -1, 3, 1, 0], {3: "c", 1: "b", 0: "a", -1: "x"})
    assert topics == [0, 0, 1, -1, 0, 1, 2]
    assert terms == {0: "c", 1: "b", 2: "a", -1: "x"}


def test_too_small_a_corpus_warns_and_still_writes_every_output(tmp_path, caplog):
    turns, _ = invented_turns("site-a", "Ashby Vale", 12, seed=3)
    emb_path = tmp_path / "site-a.npz"
    save_unit_embeddings(embed_units(turns, {"backend": "tfidf"}), emb_path)
    turns.to_parquet(tmp_path / "site-a.parquet")
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text("name: Test\nthemes:\n  - {id: housing, label: Housing, definition: Homes.}\n", encoding="utf-8")
    settings = {"topics": TOPIC_SETTINGS, "embedding": {"backend": "tfidf"}}
    with caplog.at_level(logging.WARNING):
        result = run_topics([str(tmp_path / "site-a.parquet")], [str(emb_path)], [], str(codebook), settings,
                            tmp_path / "topics")
    assert not result.fitted
    assert "only 10 usable turns (topics.min_turns is 30): too few turns to model" in caplog.text
    out = tmp_path / "topics"
    assert sorted(p.name for p in out.iterdir()) == sorted(TOPIC_FILE_NAMES.values())
    assert pd.read_csv(out / "topics.csv").columns.tolist() == ["topic", "label", "size", "emergent", "top_terms",
                                                              "quote_1", "quote_2", "quote_3"]
    assert pd.read_csv(out / "topic_by_theme.csv").columns.tolist() == ["topic", "label", "size", "housing", "uncoded",
                                                                      "codebook_terms"]
    assert pd.read_csv(out / "topic_by_site.csv").columns.tolist() == ["topic", "label", "Ashby Vale"]
    turn_topics = pd.read_parquet(out / "turn_topics.parquet")
    assert len(turn_topics) == 12 and turn_topics["topic"].isna().all()
    candidates = (out / "candidate_codes.yaml").read_text(encoding="utf-8")
    assert candidates.startswith("# No candidate codes: too few turns to model")
    assert yaml.safe_load(candidates) == {"themes": []}
    assert "Too few turns to model" in (out / "topics_chart.html").read_text(encoding="utf-8")


def test_topic_files_of_the_workflow_are_the_files_the_step_writes():
    assert sorted(Path(p).name for p in TOPIC_FILES) == sorted(TOPIC_FILE_NAMES.values())
    assert {str(Path(p).parent) for p in TOPIC_FILES} == {"results/topics"}


def test_kmeans_for_a_small_corpus_gives_every_turn_a_topic():
    frames = [invented_turns("site-a", "Ashby Vale", 80, seed=5)[0]]
    corpus = corpus_of(frames)
    result = model_topics(corpus, pd.DataFrame(columns=["transcript_id", "turn", "theme", "counted"]), THEMES,
                          TOPIC_SETTINGS)
    assert result.params["method"] == "kmeans"
    assert -1 not in set(result.topics["topic"])
    assert result.topics["size"].sum() == len(corpus.docs)
    assert result.topics["size"].tolist() == sorted(result.topics["size"], reverse=True)


def topics_command(project, outdir: Path, extra: dict | None = None) -> None:
    settings = {"topics": {**TOPIC_SETTINGS, **(extra or {})}, "embedding": {"backend": "tfidf"}}
    import json

    args = ["topics", "--turns", *project["turns"], "--embeddings", *project["embeddings"],
            "--coded", *project["coded"], "--codebook", project["codebook"],
            "--settings", json.dumps(settings), "--outdir", str(outdir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def two_runs(project):
    first, second = project["root"] / "run-1", project["root"] / "run-2"
    topics_command(project, first)
    topics_command(project, second)
    return first, second


def test_two_runs_on_the_same_input_give_identical_topics(two_runs):
    first, second = two_runs
    for name in ("topics.csv", "topic_by_theme.csv", "topic_by_site.csv", "topic_by_role.csv", "candidate_codes.yaml"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    pd.testing.assert_frame_equal(pd.read_parquet(first / "turn_topics.parquet"),
                                  pd.read_parquet(second / "turn_topics.parquet"))


def subject_of_each_word() -> dict[str, set[str]]:
    """Each word of the invented fragments and the subjects whose fragments hold it."""
    found: dict[str, set[str]] = {}
    for subject, (who, what) in SUBJECTS.items():
        for word in " ".join(who + what).lower().split():
            found.setdefault(word, set()).add(subject)
    return found


def assert_transport_is_the_emergent_subject(topics: pd.DataFrame, turn_topics: pd.DataFrame,
                                             by_theme: pd.DataFrame, stubs: list[dict], subjects: pd.DataFrame):
    """What a user relies on, in terms no CPU difference can flip: the subject the codebook lacks is
    surfaced as emergent topics with draft codes, and the draft codes are made of its words.

    How many topics the transport talk splits into, and which words lead each, are not asserted:
    with the same input they differ between machines (docs/topics.md)."""
    modelled = turn_topics[turn_topics["topic"].notna()].merge(subjects, on=["transcript_id", "turn"])
    emergent = set(topics.loc[topics["emergent"], "topic"])
    in_emergent = modelled["topic"].isin(emergent)
    # Emergent topics hold the transport turns, and (almost) only them.
    assert (modelled.loc[in_emergent, "subject"] == "transport").mean() >= 0.95
    assert in_emergent[modelled["subject"] == "transport"].mean() >= 0.95
    assert (by_theme.set_index("topic").loc[sorted(emergent), "uncoded"] == 1.0).all()
    assert len(stubs) == len(emergent) >= 1
    assert all(stub["id"].startswith("emergent-") and stub["definition"].startswith("Draft: ") for stub in stubs)
    assert all(len(stub["examples"]) == 3 for stub in stubs)
    words = subject_of_each_word()
    for stub in stubs:
        # No term of a draft code comes from housing or language talk, every quote is transport talk.
        foreign = [term for term in stub["terms"]
                   if any(words.get(w, {"transport"}).isdisjoint({"transport"}) for w in term.split())]
        assert not foreign, (stub["label"], foreign)
        assert all(set(re.findall(r"[a-z]+", quote.lower())) & TRANSPORT_WORDS for quote in stub["examples"]), stub
    assert any(set(" ".join(stub["terms"]).split()) & TRANSPORT_WORDS for stub in stubs)


def test_the_subject_the_codebook_lacks_is_an_emergent_topic_with_a_code_stub(project, two_runs):
    out = two_runs[0]
    stubs = yaml.safe_load((out / "candidate_codes.yaml").read_text(encoding="utf-8"))["themes"]
    assert_transport_is_the_emergent_subject(
        pd.read_csv(out / "topics.csv", keep_default_na=False), pd.read_parquet(out / "turn_topics.parquet"),
        pd.read_csv(out / "topic_by_theme.csv"), stubs,
        pd.DataFrame(project["subjects"], columns=["transcript_id", "turn", "subject"]))


# Noise far above the differences between CPUs (the example corpus's MiniLM vectors differ by at most
# 2.6e-7 between AVX-512 and AVX2 kernels, measured): an outcome that survives it cannot be flipped by them.
NOISE = 1e-5
NOISE_SEEDS = (1, 2, 3)


def perturbed(corpus, seed: int, scale: float = NOISE):
    """The corpus with every vector moved by Gaussian noise of `scale` per dimension, then re-normalised."""
    rng = np.random.default_rng(seed)
    vectors = corpus.vectors + rng.normal(0, scale, corpus.vectors.shape).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return dataclasses.replace(corpus, vectors=vectors.astype(np.float32))


def test_perturbed_vectors_move_by_the_noise_and_keep_unit_length():
    corpus = corpus_of([invented_turns("site-a", "Ashby Vale", 40, seed=4)[0]])
    moved = perturbed(corpus, seed=1)
    assert np.linalg.norm(moved.vectors, axis=1) == pytest.approx(1.0, abs=1e-5)
    assert 0 < np.abs(moved.vectors - corpus.vectors).max() < 1e-4
    assert moved.docs == corpus.docs and perturbed(corpus, seed=1).vectors.tobytes() == moved.vectors.tobytes()


@pytest.fixture(scope="module")
def invented_corpus(project):
    """The project's corpus in memory, with its codes and the subject of each turn."""
    frames = [pd.read_parquet(p) for p in project["turns"]]
    coded = pd.concat([pd.read_parquet(p) for p in project["coded"]], ignore_index=True)
    subjects = pd.DataFrame(project["subjects"], columns=["transcript_id", "turn", "subject"])
    return corpus_of(frames), coded, subjects


@pytest.mark.parametrize("seed", NOISE_SEEDS)
def test_the_emergent_subject_survives_vectors_perturbed_below_what_a_cpu_can_tell(invented_corpus, seed):
    corpus, coded, subjects = invented_corpus
    result = model_topics(perturbed(corpus, seed), coded, THEMES, TOPIC_SETTINGS)
    assert_transport_is_the_emergent_subject(result.topics, result.turn_topics, result.by_theme, result.candidates,
                                             subjects)


def test_candidate_stubs_are_valid_codebook_themes_when_pasted(two_runs, repo_root):
    stubs = yaml.safe_load((two_runs[0] / "candidate_codes.yaml").read_text(encoding="utf-8"))["themes"]
    schema = yaml.safe_load((repo_root / "pipeline/schemas/codebook.schema.yaml").read_text(encoding="utf-8"))
    codebook = {"name": "Test", "themes": [{"id": "housing", "label": "Housing", "definition": "Homes."}] + stubs}
    jsonschema.Draft202012Validator(schema).validate(codebook)


def test_topic_tables_count_turns_by_site_and_role(two_runs):
    out = two_runs[0]
    by_site = pd.read_csv(out / "topic_by_site.csv")
    by_role = pd.read_csv(out / "topic_by_role.csv")
    turn_topics = pd.read_parquet(out / "turn_topics.parquet")
    modelled = turn_topics[turn_topics["topic"].notna()]
    assert by_site.columns.tolist() == ["topic", "label", "Ashby Vale", "Kingsmere"]
    assert by_role.columns.tolist() == ["topic", "label", "community"]
    assert by_site[["Ashby Vale", "Kingsmere"]].to_numpy().sum() == len(modelled)
    assert by_site["Ashby Vale"].sum() == (modelled["site"] == "Ashby Vale").sum()
    assert len(turn_topics) == 300
    assert (turn_topics.loc[turn_topics["role"] == "facilitator", "status"] == EXCLUDED_ROLE).all()


def test_charts_are_self_contained_html(two_runs):
    for name in ("topics_chart.html", "topic_similarity.html"):
        page = (two_runs[0] / name).read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*\bsrc=", page)  # plotly.js is inlined, not fetched
        assert len(page) > 1_000_000
        assert "Plotly.newPlot" in page


def test_guided_modelling_seeded_with_the_codebook_runs_and_keeps_the_emergent_subject(project):
    out = project["root"] / "guided"
    topics_command(project, out, {"guided": True})
    stubs = yaml.safe_load((out / "candidate_codes.yaml").read_text(encoding="utf-8"))["themes"]
    assert_transport_is_the_emergent_subject(
        pd.read_csv(out / "topics.csv", keep_default_na=False), pd.read_parquet(out / "turn_topics.parquet"),
        pd.read_csv(out / "topic_by_theme.csv"), stubs,
        pd.DataFrame(project["subjects"], columns=["transcript_id", "turn", "subject"]))


# Words of the planted transport talk in the example transcripts.
EXAMPLE_TRANSPORT = re.compile(
    r"\b(?:bus|buses|fares?|taxis?|minibus(?:es)?|transport|travel|routes?|timetable|stops?|drivers?)\b", re.IGNORECASE)


def assert_the_example_topics_hold(result, corpus) -> None:
    """What the example corpus must show on any machine: the planted transport talk is surfaced as emergent
    topics whose draft codes name it, and housing and language talk are covered by the codebook.

    Not asserted, because it differs between machines on the same input: how many topics there are, how
    the transport talk splits between them, their labels, and the small talk and first-name topics."""
    doc_topic = (pd.DataFrame({"doc": corpus.turns["doc"], "topic": result.turn_topics["topic"]})
                 .query("doc >= 0").drop_duplicates("doc").set_index("doc")["topic"].astype(int))
    transport_doc = pd.Series([bool(EXAMPLE_TRANSPORT.search(d)) for d in corpus.docs])
    topics = result.topics.set_index("topic")
    emergent = topics.index[topics["emergent"]]
    table = result.by_theme.to_string()
    share = transport_doc.groupby(doc_topic.to_numpy()).mean()
    stub_of = dict(zip(emergent, result.candidates))
    named = {t: {w for w in " ".join(stub_of[t]["terms"]).split() if EXAMPLE_TRANSPORT.fullmatch(w)} for t in emergent}
    # An emergent topic is mostly transport talk, and its draft code's terms say so.
    assert any(share[t] >= 0.5 and len(named[t]) >= 2 for t in emergent), (table, named)
    # It is not a corner: the emergent topics hold a good part of all the transport talk.
    assert transport_doc[doc_topic.isin(emergent).to_numpy()].sum() >= 0.4 * transport_doc.sum(), table
    # Housing and language talk are the codebook's: the topic holding most housing-coded turns is covered, and
    # so is a topic that is largely language talk. (A topic mixing Roma families, the police and languages
    # came out emergent in one fit of 22: which mixed topics are covered is not stable, docs/topics.md.)
    by_theme = result.by_theme.set_index("topic").drop(index=-1, errors="ignore")
    assert not topics.loc[(by_theme["housing"] * by_theme["size"]).idxmax(), "emergent"], ("housing", table)
    language = set(by_theme.index[by_theme["language"] >= 1 / 3]) | {(by_theme["language"] * by_theme["size"]).idxmax()}
    assert not topics.loc[sorted(language), "emergent"].all(), ("language", table)


@pytest.fixture(scope="module")
def example_corpus(repo_root):
    """The six example transcripts read raw, embedded with MiniLM and coded with terms, as the workflow would."""
    from pipeline.codebook import load_codebook
    from pipeline.coding.run import code_turns
    from pipeline.embeddings import load_backend
    from pipeline.topics.reconcile import read_codebook_themes, theme_vocabularies
    from pipeline.transcripts import read_turns
    from pipeline.transcripts.metadata import attach_speakers, load_metadata, load_speakers

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(repo_root)
        config = validate_config({})
        folder = Path(config["transcripts"]["dir"])
        paths = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".docx", ".vtt", ".srt"})
        ids = [p.stem for p in paths]
        speakers = load_speakers(config["transcripts"]["speakers"], ids)
        sites = load_metadata(config["transcripts"]["metadata"], ids).set_index("transcript_id")["site"]
        codebook = load_codebook(config["coding"]["codebook"])
        backend = load_backend({"backend": "minilm"})
        items, coded = [], []
        for path in paths:
            turns = attach_speakers(read_turns(path, transcript_id=path.stem), speakers, path.stem)
            turns["site"] = sites[path.stem]
            items.append((turns, embed_units(turns, {"backend": "minilm"}, backend=backend), str(path)))
            coded.append(code_turns(turns, codebook, {**config["coding"], "coders": ["terms"]}))
        themes = read_codebook_themes(config["coding"]["codebook"])
        vocabularies = theme_vocabularies(config["coding"]["codebook"])
    return build_corpus(items, config["topics"]), pd.concat(coded, ignore_index=True), themes, vocabularies, config


# Two draws of the noise in which counting a topic's terms against the whole codebook (not theme by
# theme) left the bus talk covered, with this machine's vectors and with those of an AVX2 one.
EXAMPLE_NOISE_SEEDS = (5, 8)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [None, *EXAMPLE_NOISE_SEEDS])
def test_public_transport_is_found_as_an_emergent_topic_in_the_example_corpus(example_corpus, seed):
    """The six example transcripts plant public transport, which the default codebook lacks; also with
    the vectors perturbed (seed), which no difference between CPUs outweighs."""
    corpus, coded, themes, vocabularies, config = example_corpus
    corpus = corpus if seed is None else perturbed(corpus, seed)
    result = model_topics(corpus, coded, themes, config["topics"], vocabularies=vocabularies)
    assert_the_example_topics_hold(result, corpus)


def test_codebook_vocabulary_takes_every_word_of_every_term_including_sub_codes(tmp_path):
    from pipeline.topics.reconcile import codebook_vocabulary

    path = tmp_path / "codebook.yaml"
    path.write_text(yaml.safe_dump({"name": "Test", "themes": [
        {"id": "housing", "label": "Housing", "definition": "Homes.", "terms": ["landlords", {"phrase": "black mould"}],
         "codes": [{"id": "housing-eviction", "label": "Eviction", "definition": "Losing the home.",
                    "terms": ["evict*", {"regex": "section\\s*21"}]}]}]}), encoding="utf-8")
    assert codebook_vocabulary(path) == {"landlord", "black", "mould", "evict"}


def test_a_topic_coded_only_in_passing_is_emergent_when_the_codebook_does_not_know_its_terms():
    from pipeline.topics.run import reconcile_topics

    corpus = corpus_of([small_session([("P01", "community", f"Turn number {i} about something here.")
                                       for i in range(1, 9)])])
    doc_topic = [0, 0, 0, 0, 1, 1, 1, 1]
    terms = {0: [("bus", 1.0), ("fares", 0.9), ("timetable", 0.8), ("work", 0.7)],
             1: [("landlord", 1.0), ("damp", 0.9), ("rent", 0.8), ("boiler", 0.7)]}
    # Every turn carries a code: transport talk mentions work; housing talk is housing.
    coded = pd.DataFrame({"transcript_id": "site-a", "turn": range(1, 9), "counted": True,
                          "theme": ["employment"] * 4 + ["housing"] * 4})
    vocabularies = {"housing": {"landlord", "damp", "rent", "boiler"}, "employment": {"work", "job"}}
    result = reconcile_topics(corpus, doc_topic, terms, coded, THEMES, TOPIC_SETTINGS, {}, vocabularies)
    by_theme = result.by_theme.set_index("topic")
    assert by_theme.loc[0, "employment"] == 1.0 and by_theme.loc[0, "uncoded"] == 0.0
    assert by_theme["codebook_terms"].tolist() == [1, 4]
    assert result.topics.set_index("topic")["emergent"].to_dict() == {0: True, 1: False}
    assert [stub["id"] for stub in result.candidates] == ["emergent-bus-fares"]
    assert result.candidates[0]["label"] == "bus, fares, timetable"


def test_only_the_words_of_a_theme_that_codes_the_topic_make_it_covered():
    from pipeline.topics.run import reconcile_topics

    corpus = corpus_of([small_session([("P01", "community", f"Turn number {i} about something here.")
                                       for i in range(1, 9)])])
    doc_topic = [0] * 8
    terms = {0: [("bus", 1.0), ("late", 0.9), ("town centre", 0.8), ("hour", 0.7), ("fare", 0.6)]}
    # Most turns mention work; "late" (of "late application") and "town" (of "part of the town")
    # belong to themes that code none of them.
    coded = pd.DataFrame({"transcript_id": "site-a", "turn": range(1, 6), "counted": True, "theme": "employment"})
    vocabularies = {"employment": {"centre", "hour", "job"}, "immigration": {"late", "application"},
                    "community": {"town", "part"}}
    result = reconcile_topics(corpus, doc_topic, terms, coded, THEMES, TOPIC_SETTINGS, {}, vocabularies)
    assert result.by_theme.set_index("topic").loc[0, "codebook_terms"] == 2  # town centre, hour
    assert result.topics["emergent"].tolist() == [True]
    covered = reconcile_topics(corpus, doc_topic, terms, coded, THEMES, TOPIC_SETTINGS, {},
                               {"employment": {"centre", "hour", "late", "town", "bus"}})
    assert covered.topics["emergent"].tolist() == [False]


def test_the_reducer_is_fitted_on_distinct_vectors_and_duplicates_get_the_same_coordinates():
    from pipeline.topics.model import DistinctRowsReducer

    class RecordingReducer:
        n_neighbors = 15

        def fit(self, X, y=None):
            self.fitted_on, self.labels = X.copy(), y
            self.embedding_ = X[:, :1] * 10
            return self

    X = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    reducer = DistinctRowsReducer(RecordingReducer()).fit(X, y=[0, 1, 0, 1, -1])
    assert len(reducer.reducer.fitted_on) == 3
    assert reducer.reducer.n_neighbors == 2  # never more neighbours than distinct points
    assert reducer.transform(X)[:, 0].tolist() == pytest.approx([0.0, 10.0, 0.0, 10.0, 6.0])
    assert sorted(reducer.reducer.labels.tolist()) == [-1, 0, 1]


def test_a_large_corpus_is_fitted_on_a_seeded_sample_and_the_rest_joins_the_nearest_topic(monkeypatch):
    from pipeline.topics import model
    from pipeline.topics.model import OUTLIER_TOPIC, TopicFit, fit_topics

    rng = np.random.default_rng(0)
    axes = np.eye(8, dtype=np.float32)
    # 300 documents near one of three directions, and 20 far from all of them.
    cluster = np.r_[np.repeat([0, 1, 2], 100), np.full(20, 3)]
    vectors = axes[cluster] + rng.normal(0, 0.05, (len(cluster), 8)).astype(np.float32)
    vectors[cluster == 3] = axes[5] + rng.normal(0, 0.05, (20, 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    docs = [f"doc {i}" for i in range(len(cluster))]
    fitted_on = []

    def fit_by_direction(sample_docs, sample_vectors, settings, **_):
        fitted_on.append(list(sample_docs))
        direction = sample_vectors[:, :3].argmax(axis=1)
        topics = [int(d) if v[d] > 0.5 else OUTLIER_TOPIC for d, v in zip(direction, sample_vectors)]
        return TopicFit(topics=topics, terms={t: [(f"term{t}", 1.0)] for t in range(3)}, method="hdbscan", params={})

    monkeypatch.setattr(model, "_fit_all", fit_by_direction)
    settings = {**TOPIC_SETTINGS, "max_fit_documents": 90}
    fit = fit_topics(docs, vectors, settings)

    assert len(fitted_on[0]) == 90 and len(set(fitted_on[0])) == 90
    assert fit.params["fitted_on_documents"] == 90 and fit.params["assigned_to_nearest"] == 230
    topics = np.array(fit.topics)
    for c in range(3):  # each direction is one topic, sampled or assigned
        assert len(set(topics[cluster == c])) == 1 and topics[cluster == c][0] != OUTLIER_TOPIC
    assert set(topics[cluster == 3]) == {OUTLIER_TOPIC}  # below outlier_threshold of every centroid
    sizes = [int((topics == t).sum()) for t in range(3)]
    assert sizes == sorted(sizes, reverse=True)  # renumbered by size over all documents
    assert fit_topics(docs, vectors, settings).topics == fit.topics  # the sample is seeded
    assert fitted_on[1] == fitted_on[0]

    fitted_on.clear()
    fit_topics(docs, vectors, {**settings, "max_fit_documents": 0})
    assert len(fitted_on[0]) == len(docs)  # 0: every document


def test_nearest_neighbours_are_the_same_whatever_the_block_size(monkeypatch):
    from pipeline.topics import model

    X = np.random.default_rng(1).normal(size=(300, 16)).astype(np.float32)
    whole = model.exact_cosine_knn(X, 7, chunk=300)
    monkeypatch.setattr(model, "KNN_BLOCK_CELLS", 1000)  # 64 rows a block, the least allowed
    blocked = model.exact_cosine_knn(X, 7)
    assert np.array_equal(whole[0], blocked[0]) and np.allclose(whole[1], blocked[1])
