#!/usr/bin/env bash
# Trains a small GATv2 model (libs/gnn GnnBenchmark: synthetic market, NODES nodes, EPOCHS epochs) on the
# GPU and prints the device and the epoch times. For a machine with an NVIDIA GPU; without one it stops
# with exit 2 and says why, before building anything.
#
# Maven Central serves no ai.djl.pytorch:pytorch-native-cu* jar for the DJL/PyTorch versions of this build
# (see services/gnn-trainer/README.md), so the CUDA build of libtorch comes from outside Maven: set
# PYTORCH_LIBRARY_PATH to its lib/ folder (e.g. of pip's torch 2.7.1 for CUDA 12.8) and, when it is not
# cu128, PYTORCH_FLAVOR (DJL's variables).
#
# Usage: deploy/gpu-check.sh            environment: NODES (500), EPOCHS (3), NVIDIA_SMI (nvidia-smi)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nodes="${NODES:-500}"
epochs="${EPOCHS:-3}"
smi="${NVIDIA_SMI:-nvidia-smi}"

fail() {
  echo "gpu-check: $*" >&2
  exit 2
}

[[ "$nodes" =~ ^[0-9]+$ && "$epochs" =~ ^[0-9]+$ ]] || fail "NODES and EPOCHS must be whole numbers"
command -v "$smi" >/dev/null 2>&1 || fail "no NVIDIA GPU here: '$smi' not found (run this on the GPU node)"
gpus="$("$smi" --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || true)"
[[ -n "$gpus" ]] || fail "no NVIDIA GPU here: '$smi' lists none"
echo "GPU(s): $gpus"
[[ -n "${PYTORCH_LIBRARY_PATH:-}" ]] ||
  fail "set PYTORCH_LIBRARY_PATH to the lib/ folder of a CUDA build of libtorch 2.7.1 (Maven Central has no CUDA natives for this DJL version)"
[[ -d "$PYTORCH_LIBRARY_PATH" ]] || fail "PYTORCH_LIBRARY_PATH '$PYTORCH_LIBRARY_PATH' is not a folder"
export PYTORCH_LIBRARY_PATH PYTORCH_VERSION="${PYTORCH_VERSION:-2.7.1}" PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}"

cd "$root"
./mvnw -q -B -pl libs/gnn -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime -Dspotless.check.skip=true
cp="libs/gnn/target/classes:$(cat libs/gnn/target/cp.txt)"
# exit 3 from the benchmark: PyTorch started but reports no CUDA device
exec java -Dgnn.bench.requireGpu=true -Dgnn.bench.epochs="$epochs" -cp "$cp" \
  io.streamforge.gnn.GnnBenchmark "$nodes"
