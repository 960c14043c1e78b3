#!/usr/bin/env python3
"""PyTorch CPU peer of isofield's default neural SDF: a plain multiresolution hash grid written in PyTorch ops
(16 levels, 2 features, 2^19 entries a level, base resolution 16, per-level scale 1.381913, trilinear, the
tiny-cuda-nn level sizes and spatial hash), a bias-free 32-64-64-1 ReLU MLP, MAPE loss and Adam over every parameter,
on a batch of 2^18 points uniform in the unit cube with a sphere's signed distance as the target.

It is the peer the JMH TrainStepBench is compared with (docs/performance.md): run both in the same sitting,

    /usr/bin/python3 scripts/torch_peer.py --threads 2
    java -jar bench/target/benchmarks.jar TrainStepBench -wi 3 -i 5 -f 1

Debian's python3-torch (1.13) lives under /usr/bin/python3, not a pyenv interpreter. Prints one JSON line with the
median step times and samples/s; --json FILE writes it too.
"""
import argparse
import json
import math
import statistics
import sys
import time

import torch

PRIMES = (1, 2654435761, 805459861)


class HashGrid(torch.nn.Module):
    """tiny-cuda-nn's HashGrid geometry: level l has scale N_min * b^l - 1, resolution ceil(scale) + 1, and stores
    min(resolution^3 rounded up to 8, T) rows; levels that fit are indexed densely, the others by the spatial hash."""

    def __init__(self, levels=16, features=2, log2_size=19, base=16, scale=1.381913, seed=1):
        super().__init__()
        self.features = features
        self.scales, self.res, self.dense, sizes = [], [], [], []
        size_cap = 1 << log2_size
        for level in range(levels):
            s = base * scale ** level - 1.0
            r = math.ceil(s) + 1
            rows = min((r ** 3 + 7) // 8 * 8, size_cap)
            self.scales.append(s)
            self.res.append(r)
            self.dense.append(r ** 3 <= rows)
            sizes.append(rows)
        self.offsets = [0]
        for rows in sizes:
            self.offsets.append(self.offsets[-1] + rows)
        self.sizes = sizes
        g = torch.Generator().manual_seed(seed)
        self.table = torch.nn.Parameter((torch.rand(self.offsets[-1], features, generator=g) * 2 - 1) * 1e-4)
        corners = torch.tensor([[(c >> 0) & 1, (c >> 1) & 1, (c >> 2) & 1] for c in range(8)], dtype=torch.int64)
        self.register_buffer("corners", corners)

    def forward(self, x):
        outs = []
        for level, s in enumerate(self.scales):
            pos = x * s + 0.5
            base = torch.floor(pos)
            frac = pos - base
            cell = base.to(torch.int64).unsqueeze(1) + self.corners  # n x 8 x 3
            if self.dense[level]:
                r = self.res[level]
                idx = cell[..., 0] + r * (cell[..., 1] + r * cell[..., 2])
            else:
                idx = cell[..., 0] * PRIMES[0] ^ cell[..., 1] * PRIMES[1] ^ cell[..., 2] * PRIMES[2]
            idx = idx % self.sizes[level] + self.offsets[level]
            w = torch.where(self.corners.bool(), frac.unsqueeze(1), 1 - frac.unsqueeze(1)).prod(dim=2)  # n x 8
            feats = self.table[idx]  # n x 8 x F
            outs.append((feats * w.unsqueeze(2)).sum(dim=1))
        return torch.cat(outs, dim=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=1 << 18)
    ap.add_argument("--steps", type=int, default=5, help="timed training steps (after 2 warm-up steps)")
    ap.add_argument("--json", help="also write the result line to this file")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(11)
    enc = HashGrid()
    mlp = torch.nn.Sequential(torch.nn.Linear(32, 64, bias=False), torch.nn.ReLU(),
                              torch.nn.Linear(64, 64, bias=False), torch.nn.ReLU(),
                              torch.nn.Linear(64, 1, bias=False))
    params = list(enc.parameters()) + list(mlp.parameters())
    count = sum(p.numel() for p in params)
    opt = torch.optim.Adam(params, lr=1e-2, betas=(0.9, 0.99), eps=1e-15)
    x = torch.rand(a.batch, 3)
    target = (x - 0.5).norm(dim=1, keepdim=True) - 0.3

    def step():
        opt.zero_grad(set_to_none=True)
        pred = mlp(enc(x))
        loss = ((pred - target).abs() / (target.abs() + 0.01)).mean()
        loss.backward()
        opt.step()
        return loss.item()

    train = []
    for i in range(a.steps + 2):
        t0 = time.perf_counter()
        step()
        if i >= 2:
            train.append(time.perf_counter() - t0)
    infer = []
    with torch.no_grad():
        for i in range(a.steps + 2):
            t0 = time.perf_counter()
            mlp(enc(x))
            if i >= 2:
                infer.append(time.perf_counter() - t0)
    tm, im = statistics.median(train), statistics.median(infer)
    result = {"peer": "pytorch", "torch": torch.__version__, "threads": a.threads, "batch": a.batch,
              "params": count, "train_step_ms": round(tm * 1e3, 1), "inference_ms": round(im * 1e3, 1),
              "train_samples_per_s": round(a.batch / tm), "inference_samples_per_s": round(a.batch / im)}
    line = json.dumps(result)
    print(line)
    if a.json:
        with open(a.json, "w") as f:
            f.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
