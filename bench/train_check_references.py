"""Fit the shipped reference-entry line model (physiohub/check/reference_model.json).

Usage: .venv/bin/python bench/train_check_references.py [--no-write] [--folds 7] [--repeats 2]

Data (bench/refdata.py): entries rendered by our own formatter from real metadata in ../shared/data (PubMed XML,
Crossref JSON, RIS; many styles, numbered or not, with and without identifiers, access notes, back-links) and
the real unstructured reference strings the Crossref records cite; abstract sentences as negatives; every line of
the dev fixture articles (dev/, heldout/, dev2/, dev3/), labelled an entry when the rules took it as one (they
find every reference of these sets with no extra), else a negative. heldout2/ and heldout3/ are never read.

Cross-validation grouped by article: the fixture articles are split into folds, each fold's lines scored by a
model fitted on the other folds' lines plus all of the rendered and abstract lines (never on its own article's
lines). C, the weight of the dense shape columns and the threshold are chosen on that figure (line-level F1 with
precision first: a false entry takes a sentence away from the claims). The final model is fitted on all lines.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
import refdata  # noqa: E402  (bench/refdata.py: the training lines)



def training_rows(syn_x: list, syn_y: list, arts: list, test: set[int], fx_w: float) -> tuple[list, list, list]:
    """A fold's training lines: every synthetic line (weight 1) and the lines of the articles not in
    ``test`` (weight ``fx_w``)."""
    tr_x, tr_y, tr_w = list(syn_x), list(syn_y), [1.0] * len(syn_x)
    for i, (_, _, rows) in enumerate(arts):
        if i not in test:
            tr_x += [x for x, _ in rows]
            tr_y += [y for _, y in rows]
            tr_w += [fx_w] * len(rows)
    return tr_x, tr_y, tr_w

def fit(texts, y, w, c: float, dense_weight: float):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from physiohub.check.reference_model import design_matrix, normalise, shape
    from physiohub.check.tfidf_json import CHAR_PARAMS, WORD_PARAMS

    # (the vocabularies are capped: the JSON stays small; loading reads only the terms and their idf)
    word = TfidfVectorizer(**WORD_PARAMS, max_features=6000).fit([normalise(t) for t in texts])
    char = TfidfVectorizer(**CHAR_PARAMS, max_features=8000).fit([shape(t) for t in texts])
    x = design_matrix([word, char], texts, dense_weight)
    m = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(x, y, sample_weight=w)
    return (word, char), m


def prf(y, p, t):
    pred = p >= t
    tp = int(np.sum(pred & (y == 1)))
    fp = int(np.sum(pred & (y == 0)))
    fn = int(np.sum(~pred & (y == 1)))
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    return prec, rec, 2 * prec * rec / max(1e-9, prec + rec), tp, fp, fn


def pipeline_cv(arts, syn_x, syn_y, fx_w, c, d, t, folds):
    """Grouped CV through the checker: each article checked with a model that never saw its lines (rules alone,
    rules + model), and the model alone (no rule-found list given to it) against the entries the rules list."""
    import tempfile

    import physiohub.check.checker as checker
    from physiohub.check import check_article
    from physiohub.check.document import parse_document
    from physiohub.check.evaluate import Score, reference_matches, score_article
    from physiohub.check.reference_model import ReferenceModel, add_model_references, export_model, reference_lines
    from physiohub.check.references import parse_reference_list
    from physiohub.store import Store

    golds = {}
    for name, _, _ in arts:
        folder, stem = name.split("/")
        golds[name] = json.loads((refdata.REAL / folder / f"{stem}.expected.json").read_text(encoding="utf-8"))
    before, after = Score(), Score()
    alone_want = alone_got = alone_extra = 0
    order = np.random.default_rng(100).permutation(len(arts))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "empty.db")
        for k in range(folds):
            test = set(order[k::folds].tolist())
            tr_x, tr_y, tr_w = training_rows(syn_x, syn_y, arts, test, fx_w)
            blocks, m = fit(tr_x, np.array(tr_y), np.array(tr_w), c, d)
            model = ReferenceModel(export_model(blocks, m.coef_[0], m.intercept_[0], d, t, {}))
            checker.add_model_references = lambda body, doc, _m=model: add_model_references(body, doc, _m)
            for i in sorted(test):
                name, body, _ = arts[i]
                gold = golds[name]
                for flag, total in ((False, before), (True, after)):
                    res = check_article(store, body, html=False, reference_model=flag)
                    s = score_article(res, gold, name)
                    total.add(s)
                    if flag:
                        for p in s.problems:
                            if "extra reference" in p or "reference not found" in p:
                                print("   ", p[:160])
                # the model alone: which of the entries the rules list does it find, with no list given to it
                listed = [r.as_dict() for r in parse_reference_list(parse_document(body).reference_lines)]
                found = [r.as_dict() for r in parse_reference_list(reference_lines(body, [], model))]
                want = [g for g in gold["references"] if any(reference_matches(g, r) for r in listed)]
                used: set[int] = set()
                for g in want:
                    hit = next((j for j, r in enumerate(found) if j not in used and reference_matches(g, r)), None)
                    if hit is not None:
                        used.add(hit)
                alone_want += len(want)
                alone_got += len(used)
                alone_extra += len(found) - len(used)
        store.close()
    for label, s in (("rules alone", before), ("rules + model (fold's model)", after)):
        print(f"pipeline CV, {label}: references {s.refs_found}/{s.refs_gold} ({s.refs_recall:.3f}), {s.refs_extra} extra; "
              f"claims P {s.precision:.3f} R {s.recall:.3f}; DOIs {s.dois_found}/{s.dois_gold}")
    print(f"pipeline CV, model alone (no rule-found list): listed entries found {alone_got}/{alone_want}, {alone_extra} extra")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--folds", type=int, default=7)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--grid", action="store_true", help="try several C / dense weights (slow)")
    ap.add_argument("--pipeline-cv", action="store_true",
                    help="also score each fold's articles through check_article with the fold's model, and the model alone")
    args = ap.parse_args()

    from physiohub.check.reference_model import design_matrix, export_model

    pos, neg, info = refdata.synthetic()
    arts = refdata.fixture_articles()
    syn_x = pos + neg
    syn_y = [1] * len(pos) + [0] * len(neg)
    fx_w = 3.0   # the fixture lines are real pages: each counts for three rendered lines
    n_pos = sum(y for _, _, rows in arts for _, y in rows)
    n_lines = sum(len(rows) for _, _, rows in arts)
    print(f"rendered positives {len(pos)}, abstract negatives {len(neg)} ({info}); fixture articles {len(arts)}, "
          f"lines {n_lines}, entry lines {n_pos}")

    grid = [(c, d) for c in (1.0, 4.0, 16.0) for d in (0.5, 1.0, 2.0)] if args.grid else [(4.0, 1.0)]
    thresholds = np.round(np.arange(0.3, 0.96, 0.05), 2)
    results = {}
    for c, d in grid:
        ys, ps = [], []
        for rep in range(args.repeats):
            rng = np.random.default_rng(100 + rep)
            order = rng.permutation(len(arts))
            for k in range(args.folds):
                test = set(order[k::args.folds].tolist())
                tr_x, tr_y, tr_w = training_rows(syn_x, syn_y, arts, test, fx_w)
                blocks, m = fit(tr_x, np.array(tr_y), np.array(tr_w), c, d)
                te = [(t, y) for i, (_, _, rows) in enumerate(arts) if i in test for t, y in rows]
                if not te:
                    continue
                p = m.predict_proba(design_matrix(blocks, [t for t, _ in te], d))[:, 1]
                ys += [y for _, y in te]
                ps += p.tolist()
        y, p = np.array(ys), np.array(ps)
        rows = [(t, *prf(y, p, t)) for t in thresholds]
        results[(c, d)] = rows
        best = max(rows, key=lambda r: (round(r[3], 3), r[1]))
        print(f"C {c}, dense {d}: best t {best[0]} P {best[1]:.3f} R {best[2]:.3f} F1 {best[3]:.3f} "
              f"(tp {best[4]}, fp {best[5]}, fn {best[6]})")
    (c, d), rows = max(results.items(), key=lambda kv: max(r[3] for r in kv[1]))
    print(f"\nchosen C {c}, dense {d}; {args.folds}-fold CV grouped by article (x{args.repeats}), line level:")
    print("| threshold | precision | recall | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]:.3f} | {r[2]:.3f} | {r[3]:.3f} | {r[4]} | {r[5]} | {r[6]} |")
    # the threshold: the best F1 among those with precision >= 0.95 (a false entry costs a sentence), else best F1
    ok = [r for r in rows if r[1] >= 0.95]
    t = max(ok or rows, key=lambda r: (round(r[3], 3), r[0]))[0]
    print(f"threshold {t}")

    if args.pipeline_cv:
        pipeline_cv(arts, syn_x, syn_y, fx_w, c, d, float(t), args.folds)

    all_x = list(syn_x) + [t_ for _, _, rows_ in arts for t_, _ in rows_]
    all_y = list(syn_y) + [y_ for _, _, rows_ in arts for _, y_ in rows_]
    all_w = [1.0] * len(syn_x) + [fx_w] * n_lines
    blocks, m = fit(all_x, np.array(all_y), np.array(all_w), c, d)
    data = export_model(blocks, m.coef_[0], m.intercept_[0], d, float(t),
                        {"trained_on": f"rendered entries from ../shared/data ({info}); lines of {len(arts)} dev fixture articles",
                         "C": c})
    if not args.no_write:
        out = REPO / "physiohub" / "check" / "reference_model.json"
        out.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {out.relative_to(REPO)} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
