"""The minilm-int8 backend: smoothing keeps each layer's function; the model stays close to float."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from pipeline.embeddings import load_backend
from pipeline.quantised import (
    calibration_texts,
    keeps_float,
    smoothed_int8_linear,
    smoothing_factors,
)


def layer_with_outlier_inputs(seed: int = 0) -> tuple[torch.nn.Linear, torch.Tensor]:
    """A linear layer and inputs where two channels are 50x larger than the rest, as in BERT."""
    generator = torch.Generator().manual_seed(seed)
    layer = torch.nn.Linear(64, 32)
    with torch.no_grad():
        layer.weight.copy_(torch.randn(32, 64, generator=generator) * 0.1)
    inputs = torch.randn(256, 64, generator=generator)
    inputs[:, [3, 40]] *= 50
    return layer, inputs


def relative_error(approx: torch.Tensor, exact: torch.Tensor) -> float:
    return float((approx - exact).norm() / exact.norm())


def test_the_feed_forward_output_layers_stay_float_and_the_others_do_not():
    assert keeps_float("0.auto_model.encoder.layer.3.output.dense")
    assert not keeps_float("0.auto_model.encoder.layer.3.attention.output.dense")
    assert not keeps_float("0.auto_model.encoder.layer.3.intermediate.dense")
    assert not keeps_float("0.auto_model.encoder.layer.3.attention.self.query")


def test_smoothing_factors_grow_with_the_channel_range():
    layer, inputs = layer_with_outlier_inputs()
    factors = smoothing_factors(inputs.abs().amax(dim=0), layer.weight)
    ordinary = [c for c in range(64) if c not in (3, 40)]
    assert factors.shape == (64,)
    assert float(factors[[3, 40]].min()) > 5 * float(factors[ordinary].max())


def test_a_smoothed_int8_layer_computes_nearly_the_same_function_and_beats_plain_int8():
    from torch.ao.nn.quantized.dynamic import Linear as DynamicInt8Linear
    from torch.ao.quantization import per_channel_dynamic_qconfig

    layer, inputs = layer_with_outlier_inputs()
    exact = layer(inputs).detach()
    smoothed = smoothed_int8_linear(layer, inputs.abs().amax(dim=0))
    layer.qconfig = per_channel_dynamic_qconfig
    plain = DynamicInt8Linear.from_float(layer)

    smoothed_error = relative_error(smoothed(inputs).detach(), exact)
    assert smoothed_error < 0.02
    assert smoothed_error < relative_error(plain(inputs).detach(), exact) / 2


def test_calibration_texts_ship_with_the_package():
    texts = calibration_texts()
    assert len(texts) >= 100
    assert not any(text.startswith("#") for text in texts)


@pytest.mark.slow
def test_minilm_int8_vectors_stay_within_cosine_099_of_float_and_rank_paraphrases_alike():
    texts = [
        "The landlord never fixed the damp in the children's bedroom.",
        "There is mould in our flat and nobody comes to repair it.",
        "My son goes to the primary school near the park.",
        "We waited six months for an ESOL class at the college.",
        "People shouted at us in the street because we are Roma.",
        "I don't call social services, I am afraid they take the children.",
    ]
    exact = load_backend({"backend": "minilm"}).embed(texts)
    backend = load_backend({"backend": "minilm-int8"})
    approx = backend.embed(texts)

    assert backend.name == "minilm-int8"
    assert approx.dtype == np.float32 and approx.shape == exact.shape
    assert np.allclose(np.linalg.norm(approx, axis=1), 1.0, atol=1e-5)
    assert float((approx * exact).sum(axis=1).min()) > 0.99
    # The damp sentence's nearest neighbour is the mould one under both.
    assert int(np.argsort(approx[0] @ approx.T)[-2]) == int(np.argsort(exact[0] @ exact.T)[-2]) == 1
