#!/usr/bin/env python3
"""Fit the answer scorer's weights and decline threshold; write intents/scorer.json.

    scripts/fit-scorer.py [--bin .build/release/enquiry-bot]   # regenerate features, fit, write
    scripts/fit-scorer.py --check                              # refit the committed features and
                                                               # compare with intents/scorer.json

1. Features: `enquiry-bot fit-data eval/train/sets.txt` prints, for every labelled training
   question, each retrieval candidate as [label, feature...] (label 1 = the candidate's text
   passes the question's expect groups; every candidate of an out-of-scope question is 0).
   They are written to eval/train/features.jsonl (committed).
2. Weights: L2-regularised logistic regression (Newton's method, fixed iterations), each
   question weighing the same in total however many candidates it has.
3. Threshold: the bot answers its best candidate when the probability reaches the threshold.
   It is chosen on the training questions to maximise (right answers - WRONG_COST * wrong
   answers): a wrong answer costs more than a decline.

Standard library only; the same features give the same file, byte for byte.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = "eval/train/sets.txt"
FEATURES = "eval/train/features.jsonl"
OUT = "intents/scorer.json"
NAMES = ["sentence_coverage", "predicate_coverage", "topic_coverage", "type_asked_found", "type_asked_missing",
         "novelty", "length", "bm25", "dialogue_article", "absent_share", "predicate_share", "heading_coverage",
         "document", "english", "focused", "word_coverage", "window_words", "heading_line",
         "synonym_share"]
L2 = 0.5            # ridge penalty on the weights (not the bias), per question of training data
ITERATIONS = 30
WRONG_COST = 2.0    # a wrong answer counts as this many lost right ones
TIE_GAIN = 1.0      # gains this close to the best count as equal when the threshold is chosen


def fnv1a64(data: bytes) -> str:
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return format(h, "x")


def solve(a, b):
    """Gaussian elimination with partial pivoting (a is n x n, b length n)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / piv
            if f != 0.0:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))
        x[r] = s / m[r][r]
    return x


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(questions):
    rows = []  # (weight, label, x with bias last)
    for q in questions:
        cands = q["candidates"]
        if not cands:
            continue
        w = 1.0 / len(cands)
        for c in cands:
            rows.append((w, c[0], c[1:] + [1.0]))
    d = len(NAMES) + 1
    beta = [0.0] * d
    nq = sum(1 for q in questions if q["candidates"])
    for _ in range(ITERATIONS):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for w, y, x in rows:
            p = sigmoid(sum(b * v for b, v in zip(beta, x)))
            g = w * (p - y)
            h = w * p * (1 - p)
            for i in range(d):
                xi = x[i]
                if xi == 0.0:
                    continue
                grad[i] += g * xi
                hi = h * xi
                row = hess[i]
                for j in range(d):
                    row[j] += hi * x[j]
        lam = L2 * nq / 100.0
        for i in range(d - 1):
            grad[i] += lam * beta[i]
            hess[i][i] += lam
        hess[d - 1][d - 1] += 1e-9
        step = solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step)]
    return [round(b, 6) for b in beta[:-1]], round(beta[-1], 6)


def threshold(questions, weights, bias):
    best = []  # (probability, gain)
    for q in questions:
        if not q["candidates"]:
            continue
        top = max(q["candidates"], key=lambda c: bias + sum(w * v for w, v in zip(weights, c[1:])))
        p = sigmoid(bias + sum(w * v for w, v in zip(weights, top[1:])))
        best.append((p, 1.0 if top[0] == 1 else -WRONG_COST))
    best.sort(key=lambda t: -t[0])
    # Every cut between two probabilities, with the gain of answering all above it.
    cuts, total = [], 0.0
    for i, (p, g) in enumerate(best):
        total += g
        nxt = best[i + 1][0] if i + 1 < len(best) else 0.0
        if nxt < p:
            cuts.append((total, (p + nxt) / 2))
    # The highest cut whose gain is within TIE_GAIN of the best: between nearly equal gains
    # the one that declines more (a wrong answer is worse than a decline), and a cut that a
    # single question's change cannot move far.
    top_gain = max([0.0] + [t for t, _ in cuts])
    cut = max((c for t, c in cuts if t > 0 and t >= top_gain - TIE_GAIN), default=None)
    if cut is None:
        cut = 0.999999
    return round(min(max(cut, 1e-6), 0.999999), 6)


def render(weights, bias, thr, data_hash, n_questions, n_candidates) -> str:
    doc = {
        "comment": "Fitted by scripts/fit-scorer.py from eval/train/features.jsonl; do not edit by hand.",
        "features": NAMES,
        "weights": weights,
        "bias": bias,
        "threshold": thr,
        "wrong_cost": WRONG_COST,
        "training": {"questions": n_questions, "candidates": n_candidates},
        "data_hash": data_hash,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/enquiry-bot")
    ap.add_argument("--check", action="store_true", help="refit the committed features; fail when intents/scorer.json differs")
    a = ap.parse_args()
    os.chdir(ROOT)
    if not a.check:
        data = subprocess.run([a.bin, "fit-data", SETS], check=True, capture_output=True).stdout
        with open(FEATURES, "wb") as f:
            f.write(data)
    with open(FEATURES, "rb") as f:
        data = f.read()
    questions = [json.loads(l) for l in data.decode("utf-8").splitlines() if l.strip()]
    for q in questions:
        for c in q["candidates"]:
            if len(c) != len(NAMES) + 1:
                print(f"{q['id']}: a candidate has {len(c) - 1} features, expected {len(NAMES)}", file=sys.stderr)
                return 2
    weights, bias = fit(questions)
    thr = threshold(questions, weights, bias)
    text = render(weights, bias, thr, fnv1a64(data), len(questions), sum(len(q["candidates"]) for q in questions))
    if a.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{OUT} is not what {FEATURES} fits to: run scripts/fit-scorer.py", file=sys.stderr)
                return 1
        print(f"{OUT}: matches the fit of {FEATURES}")
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{OUT}: threshold {thr}, {len(questions)} questions, bias {bias}")
    for n, w in zip(NAMES, weights):
        print(f"  {n:20s} {w:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
