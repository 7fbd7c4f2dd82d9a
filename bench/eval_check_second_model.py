"""A second claim model on fresh pages: does the mean of the n-gram model and a sentence-embedding model find more
claims on new sites than the n-gram model alone? (issue 13, session 13)

Usage: .venv/bin/python bench/eval_check_second_model.py [--boot N]

The set-up of bench/eval_check_fresh_combine.py: each dev set written since session 8 gets its rule decisions fresh
(the claims its session's first code finds by the rules alone) and the model side is fitted leave one set out (each
set scored by models fitted on every other dev set), passed through today's ``find_claims`` with its gates and vetoes.
Two model sides are compared: the shipped n-gram model (C 10, cue weight 0.5) alone, and the mean of its
probability and that of the sentence-embedding model (``claim_model.embedding_columns``: the MiniLM vectors of the
sentence, of the sentence before it and of its heading, with the cue columns; logistic regression, C 1, cue weight
1). The threshold is chosen on the session-8/9 sets (dev6-dev13) and reported on the session-10/11 sets (dev14-dev23)
with a paired bootstrap over the reported pages. The held-out sets are never read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import eval_check_fresh_combine as fresh  # noqa: E402

EMB_C, EMB_CUE = 1.0, 1.0


def embedding_out_of_fold(arts, sets) -> dict[str, np.ndarray]:
    """Each article's sentence probabilities from the sentence-embedding model fitted on every other dev set."""
    from train_check_claims import fit_embedding, flat

    from physiohub.check.claim_model import embedding_columns, sentence_vectors

    vectors = sentence_vectors([s.text for a in arts for s in a[1]] + [s.heading for a in arts for s in a[1] if s.heading])
    out: dict[str, np.ndarray] = {}
    for name in sets:
        test = [i for i, a in enumerate(arts) if a[0].split("/")[0] == name]
        model = fit_embedding(arts, [i for i, a in enumerate(arts) if a[0].split("/")[0] != name], EMB_C, EMB_CUE)
        for i in test:
            texts, paras, items, heads, docs, _ = flat(arts, [i])
            out[arts[i][0]] = (model.predict_proba(embedding_columns(vectors, texts, paras, items, heads, docs,
                                                                     cue_weight=EMB_CUE))[:, 1] if texts else np.zeros(0))
    return out


def f1_interval(a: np.ndarray, b: np.ndarray, draws: int) -> tuple[float, float]:
    """95% paired-bootstrap interval of F1(b) - F1(a) over the pages (rows of (found, false alarms, missed))."""
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(draws):
        idx = rng.integers(0, len(a), len(a))
        diffs.append(fresh.prf(b[idx].sum(0))[2] - fresh.prf(a[idx].sum(0))[2])
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(lo), float(hi)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boot", type=int, default=2000)
    args = ap.parse_args()
    from train_check_claims import articles

    old = fresh.anchor_rules()
    arts = articles()
    sets = [s for _, group in fresh.ANCHORS for s in group]
    ngram = fresh.out_of_fold(arts, sets)
    emb = embedding_out_of_fold(arts, sets)
    mean = {k: (ngram[k] + emb[k]) / 2 for k in ngram}
    sides = {"n-gram alone": fresh.article_rows(arts, ngram, old), "mean of n-gram and embedding": fresh.article_rows(arts, mean, old)}
    names = {g: [n for n in sides["n-gram alone"] if n.split("/")[0] in group]
             for g, group in (("choose", fresh.CHOOSE), ("report", fresh.REPORT))}
    print(f"\n{len(names['choose'])} articles chosen on ({', '.join(fresh.CHOOSE)}), {len(names['report'])} reported on "
          f"({', '.join(fresh.REPORT)})\n")
    print("| model side | threshold | choose: P / R / F1 (found, FA) | **report: P / R / F1 (found, FA)** |")
    print("|---|---|---|---|")
    table = {}
    for side, rows in sides.items():
        for t in fresh.THRESHOLDS:
            got = {g: fresh.per_article(rows, ns, lambda r, t=t: r["rule"] | r["model"][t], False) for g, ns in names.items()}
            table[(side, t)] = got
            c, r = got["choose"].sum(0), got["report"].sum(0)
            print(f"| {side} | {t} | {fresh.prf(c)[0]:.3f} / {fresh.prf(c)[1]:.3f} / {fresh.prf(c)[2]:.3f} ({c[0]}, {c[1]}) | "
                  f"{fresh.prf(r)[0]:.3f} / {fresh.prf(r)[1]:.3f} / **{fresh.prf(r)[2]:.3f}** ({r[0]}, {r[1]}) |")
    # a model veto on rule claims (session 12's question, asked again with the mean): a rule claim is dropped when the
    # mean's probability for its sentence is below t_low; t_low chosen on dev6-dev13 with the chosen threshold
    chosen_t = max(fresh.THRESHOLDS, key=lambda t: fresh.prf(table[("mean of n-gram and embedding", t)]["choose"].sum(0))[2])
    rows = sides["mean of n-gram and embedding"]
    print(f"\n| model veto with the mean at {chosen_t} | choose: P / R / F1 (found, FA) | report: P / R / F1 (found, FA) |")
    print("|---|---|---|")
    vetoes = {}
    for tl in (0.0,) + fresh.T_LOWS:
        sel = (lambda r, tl=tl: (r["rule"] & (r["p"] >= tl)) | r["model"][chosen_t])
        got = {g: fresh.per_article(rows, ns, sel, False) for g, ns in names.items()}
        vetoes[tl] = got
        c, r = got["choose"].sum(0), got["report"].sum(0)
        print(f"| {'none' if tl == 0 else f'below {tl}'} | {fresh.prf(c)[0]:.3f} / {fresh.prf(c)[1]:.3f} / {fresh.prf(c)[2]:.3f} "
              f"({c[0]}, {c[1]}) | {fresh.prf(r)[0]:.3f} / {fresh.prf(r)[1]:.3f} / {fresh.prf(r)[2]:.3f} ({r[0]}, {r[1]}) |")
    best_tl = max(vetoes, key=lambda tl: (round(fresh.prf(vetoes[tl]["choose"].sum(0))[2], 4), -tl))
    a, b = vetoes[0.0]["report"], vetoes[best_tl]["report"]
    lo, hi = f1_interval(a, b, args.boot)
    print(f"veto chosen on dev6-dev13: {'none' if best_tl == 0 else f'below {best_tl}'}; on dev14-dev23 F1 "
          f"{fresh.prf(a.sum(0))[2]:.3f} -> {fresh.prf(b.sum(0))[2]:.3f} (95% {lo:+.3f} to {hi:+.3f})")
    base = table[("n-gram alone", fresh.SHIPPED)]
    best = max((k for k in table if k[0] != "n-gram alone"), key=lambda k: fresh.prf(table[k]["choose"].sum(0))[2])
    a, b = base["report"], table[best]["report"]
    lo, hi = f1_interval(a, b, args.boot)
    d = fresh.prf(b.sum(0))[2] - fresh.prf(a.sum(0))[2]
    print(f"\nchosen on dev6-dev13: {best[0]} at {best[1]} (choose F1 {fresh.prf(base['choose'].sum(0))[2]:.3f} -> "
          f"{fresh.prf(table[best]['choose'].sum(0))[2]:.3f}); reported on dev14-dev23 against the shipped n-gram model at "
          f"{fresh.SHIPPED}: F1 {fresh.prf(a.sum(0))[2]:.3f} -> {fresh.prf(b.sum(0))[2]:.3f} ({d:+.3f}, 95% {lo:+.3f} to "
          f"{hi:+.3f}); found {a.sum(0)[0]} -> {b.sum(0)[0]}, false alarms {a.sum(0)[1]} -> {b.sum(0)[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
