#!/usr/bin/env bash
# Train tokenize, pos and depparse with the "gpu" profile, side by side on
# one GPU, for SECONDS each (default 420), then package them (float16, no
# optimizer state) and leave them under $OUT as 15 MB pieces:
#
#   python -m training.train prepare                   # here, once
#   python -m training.train pretrain                  # GloVe (training group)
#   tar czf build/gpu/data.tgz -C build/train data models/pretrain.pt
#   bash training/gpu.sh [SECONDS]                      # on the GPU machine
#   cat OUT/models.tar.* | tar xf - -C build/gpu        # models/, logs/ here
#
# pos and depparse train with the GloVe pretrain that travels in data.tgz
# (the GPU machine needs no GloVe package); VECTORS=0 trains them without.
#
# Stanza and the wheels it needs travel in .whl/ when the GPU machine has no
# stanza. Each trainer saves its best-on-dev model as it goes (atomically),
# so stopping it at the time limit loses nothing but the unfinished steps.
set -u
secs=${1:-420}
out=${OUT:-build/gpu/out}
work=${WORK:-build/train}
mkdir -p "$out" build/gpu "$work"
if ! python3 -c 'import stanza' 2>/dev/null; then
    python3 -m pip install -q --no-index --no-deps --no-compile \
        --target /tmp/site .whl/*.whl || exit 1
    export PYTHONPATH=/tmp/site
fi
export PYTHONPATH="${PYTHONPATH:+$PYTHONPATH:}$PWD" PYTHONUNBUFFERED=1
[ -d "$work/data" ] || tar xzf build/gpu/data.tgz -C "$work" || exit 1
vectors=()
if [ "${VECTORS:-1}" = 0 ]; then
    vectors=(--no-vectors)
elif [ ! -f "$work/models/pretrain.pt" ]; then
    echo "no $work/models/pretrain.pt: put it in data.tgz, or set VECTORS=0"
    exit 1
fi
nvidia-smi -L 2>/dev/null || echo "no GPU visible: training on the CPU"
python3 -c 'import torch, stanza; print("torch", torch.__version__, "stanza", stanza.__version__, "cuda", torch.cuda.is_available())'
for c in tokenize pos depparse; do
    TRAIN_THREADS=2 timeout -s TERM "$secs" python3 -m training.train "$c" \
        --profile gpu --work "$work" ${vectors[@]+"${vectors[@]}"} > "$out/$c.log" 2>&1 &
done
wait
done_=$(cd "$work/models" 2>/dev/null && ls tokenize.pt pos.pt depparse.pt 2>/dev/null \
        | sed 's/\.pt$//' | paste -sd, -)
echo "trained: ${done_:-nothing}"
[ -n "$done_" ] && python3 -m training.train package --work "$work" \
    --components "$done_" --dest build/gpu/models > "$out/package.log" 2>&1
for f in "$out"/*.log; do echo "== $f"; grep -E "dev_score|Dev score|best|UPOS|LAS|Score" "$f" | tail -n 8; tail -n 3 "$f"; done
mkdir -p build/gpu/logs && mv "$out"/*.log build/gpu/logs/
tar cf - -C build/gpu models logs | split -b 15m - "$out/models.tar."
ls -la "$out" build/gpu/models
