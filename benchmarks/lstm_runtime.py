"""Would ONNX Runtime run the parser's LSTMs faster than torch?

    pip install onnxruntime onnx        # not dependencies of quotes
    python benchmarks/lstm_runtime.py [--batch 32] [--length 25]

The bundled model's tagger and parser LSTM layers (their real sizes, random
weights: speed does not depend on the values), one torch thread and one
ONNX Runtime thread, a batch of sentences of one length, each timed over
many runs with the faster of two rounds kept. It prints milliseconds per
batch for both, the ratio and the largest difference of the outputs.
Issue 23 asked for a CPU runtime if it beats torch here; see
docs/benchmarks.md for what it gave.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LAYERS = (("tagger", 200, 200), ("tagger", 400, 200), ("parser", 375, 300),
          ("parser", 600, 300), ("parser", 600, 300))
"""(model, input size, hidden size) of each bidirectional LSTM layer."""


def _timed(run: Callable[[], object], repeats: int) -> float:
    """Seconds per call, the faster of two rounds after a warm-up."""
    for _ in range(3):
        run()
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for _ in range(repeats):
            run()
        best = min(best, (time.perf_counter() - t0) / repeats)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--length", type=int, default=25)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args(argv)
    try:
        import onnxruntime as ort
    except ImportError:
        print("needs onnxruntime and onnx: pip install onnxruntime onnx",
              file=sys.stderr)
        return 2
    import torch

    torch.set_num_threads(1)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    total_torch = total_ort = 0.0
    print(f"batch {args.batch} x {args.length} words, one thread")
    print("layer                torch ms   ORT ms   ratio   max diff")
    with tempfile.TemporaryDirectory() as tmp:
        for k, (model, size_in, hidden) in enumerate(LAYERS):
            torch.manual_seed(k)
            lstm = torch.nn.LSTM(size_in, hidden, batch_first=True,
                                 bidirectional=True).eval()
            x = torch.randn(args.batch, args.length, size_in)
            path = Path(tmp) / f"lstm{k}.onnx"
            torch.onnx.export(lstm, (x,), str(path), input_names=["x"],
                              output_names=["y"], opset_version=17,
                              dynamic_axes={"x": {0: "b", 1: "t"}},
                              dynamo=False)
            session = ort.InferenceSession(
                str(path), opts, providers=["CPUExecutionProvider"])
            feed = {"x": x.numpy()}
            with torch.inference_mode():
                want = lstm(x)[0].numpy()
                t_torch = _timed(functools.partial(lstm, x), args.repeats)
            got = session.run(None, feed)[0]
            t_ort = _timed(functools.partial(session.run, None, feed),
                           args.repeats)
            total_torch += t_torch
            total_ort += t_ort
            diff = float(abs(got - want).max())
            print(f"{model} {size_in:>4} -> {hidden:<4}   "
                  f"{t_torch * 1e3:8.2f} {t_ort * 1e3:8.2f}   "
                  f"{t_torch / t_ort:5.2f}   {diff:.1e}")
    print(f"all layers           {total_torch * 1e3:8.2f} "
          f"{total_ort * 1e3:8.2f}   {total_torch / total_ort:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
