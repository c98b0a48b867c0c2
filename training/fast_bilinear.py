"""Training-time speed-up: stanza's bilinear scorer written as a matmul.

On CPUs the backward pass of ``torch.nn.functional.bilinear``
(``aten::_trilinear``), which stanza's ``BiaffineScorer`` calls, dominates
tagger training. ``bilinear`` below computes the same function with one
matrix product and an elementwise product, from the same parameters, so
models trained with the patch save the same state and load in stock stanza.
``install()`` swaps it in for the training process only; the package
never imports this module.
"""

from __future__ import annotations

import torch


def bilinear(x1: torch.Tensor, x2: torch.Tensor, weight: torch.Tensor,
             bias: torch.Tensor | None) -> torch.Tensor:
    """``F.bilinear(x1, x2, weight, bias)`` computed as a matmul.

    ``weight`` has shape (out, in1, in2); ``x1`` (..., in1); ``x2``
    (..., in2). Returns (..., out).
    """
    out_dim, in1, in2 = weight.shape
    flat = weight.permute(1, 0, 2).reshape(in1, out_dim * in2)
    mixed = torch.matmul(x1, flat).view(*x1.shape[:-1], out_dim, in2)
    result = (mixed * x2.unsqueeze(-2)).sum(-1)
    return result if bias is None else result + bias


def _forward(self: torch.nn.Module, input1: torch.Tensor,
             input2: torch.Tensor) -> torch.Tensor:
    ones1 = input1.new_ones(*input1.shape[:-1], 1)
    ones2 = input2.new_ones(*input2.shape[:-1], 1)
    layer = self.W_bilin
    return bilinear(torch.cat([input1, ones1], -1),
                    torch.cat([input2, ones2], -1), layer.weight, layer.bias)


def install() -> None:
    """Make stanza's ``BiaffineScorer`` use ``bilinear`` (this process)."""
    from stanza.models.common import biaffine

    biaffine.BiaffineScorer.forward = _forward  # type: ignore[method-assign]
