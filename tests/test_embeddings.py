"""Embedding backends, the per-transcript cache file, and the embed command."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.embeddings import (
    HashedTfidfBackend,
    UnitEmbeddings,
    embed_units,
    load_backend,
    load_unit_embeddings,
    save_unit_embeddings,
)
from pipeline.errors import InputError, ModelNotInstalledError


def turns_frame(texts: list[str], transcript_id: str = "site-a") -> pd.DataFrame:
    return pd.DataFrame({
        "transcript_id": transcript_id,
        "turn": range(1, len(texts) + 1),
        "speaker": ["Facilitator 1"] + ["P01"] * (len(texts) - 1),
        "role": ["facilitator"] + ["community"] * (len(texts) - 1),
        "text": texts,
    })


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_tfidf_rows_are_unit_length_float32_and_stop_words_only_gives_a_zero_row():
    vectors = HashedTfidfBackend().embed(["The bus to the clinic is always late.", "yeah mm okay", ""])
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, 384)
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any() and not vectors[2].any()


def test_tfidf_is_stateless_so_a_text_embeds_the_same_alone_or_in_any_batch():
    text = "Bus fares went up again and the route to the hospital was cut."
    alone = HashedTfidfBackend().embed([text])[0]
    batch = HashedTfidfBackend().embed(["The landlord ignores the damp.", text, "We need an interpreter."])[1]
    np.testing.assert_array_equal(alone, batch)


def test_tfidf_places_texts_sharing_words_closer_than_unrelated_ones():
    bus, buses, damp = HashedTfidfBackend().embed([
        "The bus fare to the hospital is too expensive.",
        "Bus fares are expensive so we walk to the hospital.",
        "Black mould grows on the bedroom wall every winter.",
    ])
    assert cosine(bus, buses) > 0.3
    assert cosine(bus, buses) > cosine(bus, damp) + 0.2


def test_embed_units_embeds_every_unit_of_every_turn_including_facilitators():
    long_turn = " ".join(f"Sentence number {i} talks about the bus stop near the school gates." for i in range(20))
    turns = turns_frame(["What is it like getting to appointments?", "The bus is late.", long_turn])
    emb = embed_units(turns, {"backend": "tfidf"})
    # 20 sentences of 11 words = 220 words: two windows of at most 120 words.
    assert emb.turn.tolist() == [1, 2, 3, 3]
    assert emb.unit.tolist() == [0, 0, 0, 1]
    assert emb.vectors.shape == (4, 384)
    assert emb.backend == "tfidf"


def test_embeddings_round_trip_through_the_npz_cache(tmp_path):
    emb = UnitEmbeddings(turn=np.array([1, 2, 2]), unit=np.array([0, 0, 1]),
                         vectors=np.eye(3, 4, dtype=np.float32), backend="tfidf")
    path = tmp_path / "embeddings" / "site-a.npz"
    save_unit_embeddings(emb, path)
    back = load_unit_embeddings(path)
    assert back.turn.tolist() == [1, 2, 2]
    assert back.unit.tolist() == [0, 0, 1]
    assert back.backend == "tfidf"
    assert back.vectors.dtype == np.float32
    np.testing.assert_array_equal(back.vectors, emb.vectors)
    assert [p.name for p in path.parent.iterdir()] == ["site-a.npz"]  # no temporary file left behind


def test_a_damaged_cache_file_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "site-b.npz"
    path.write_bytes(b"not a zip archive")
    with pytest.raises(InputError, match="site-b.npz") as info:
        load_unit_embeddings(path)
    assert "rerun" in str(info.value)


def test_a_model_that_is_not_installed_is_named_in_the_error_and_nothing_is_downloaded():
    with pytest.raises(ModelNotInstalledError, match="'all-mpnet-base-v2' is not installed") as info:
        load_backend({"backend": "all-mpnet-base-v2"})
    assert info.value.key == "embedding.backend"


def test_a_missing_model_folder_is_not_installed_either(tmp_path):
    with pytest.raises(ModelNotInstalledError, match="no-such-model"):
        load_backend({"backend": str(tmp_path / "no-such-model")})


def test_embed_command_writes_the_cache_for_one_transcript(tmp_path):
    turns_path = tmp_path / "site-a.parquet"
    turns_frame(["Any thoughts on transport?", "The number 12 bus stopped running on Sundays."]).to_parquet(turns_path)
    out = tmp_path / "site-a.npz"
    result = CliRunner().invoke(cli, ["embed", str(turns_path), "--settings", '{"backend": "tfidf"}', "-o", str(out)])
    assert result.exit_code == 0, result.output
    emb = load_unit_embeddings(out)
    assert emb.turn.tolist() == [1, 2]
    assert emb.backend == "tfidf"


@pytest.mark.slow
def test_minilm_loads_offline_and_ranks_a_paraphrase_above_an_unrelated_sentence():
    backend = load_backend({"backend": "minilm"})
    fare, paraphrase, damp = backend.embed([
        "Bus tickets cost too much for our family.",
        "Public transport fares are very expensive.",
        "There is black mould on the bedroom wall.",
    ])
    assert backend.name == "minilm"
    assert fare.shape == (384,)
    assert np.linalg.norm(fare) == pytest.approx(1.0, abs=1e-5)
    assert cosine(fare, paraphrase) > cosine(fare, damp) + 0.2


@pytest.mark.slow
def test_minilm_gives_identical_vectors_on_a_second_call():
    backend = load_backend({"backend": "minilm", "batch_size": 64})
    texts = [f"Turn {i}: the bus to the jobcentre was late again." for i in range(70)]
    np.testing.assert_array_equal(backend.embed(texts), backend.embed(texts))
