"""Would a trained text classifier beat the design rules? A measured answer (rules stay the default).

Trains TF-IDF (words and bigrams of title + abstract) + logistic regression on the dev half of the
scored PubMed records (even PMIDs), tests on the held-out half (odd PMIDs), with the gold classes of
bench/eval_appraise_design.py, and prints the strongest features per class. The six PubMed files are
each about one topic (air embolism case reports, gene-therapy reviews, ...), so a model can score by
topic words that would not carry over to musculoskeletal records; the features show whether it does.
Usage: .venv/bin/python bench/eval_appraise_design_model.py
"""
from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from appraise_data import PUBMED_FILES, is_dev_pmid, pubmed_records
from eval_appraise_design import gold_class


def main() -> None:
    train, test = [], []
    for _, r in pubmed_records(PUBMED_FILES):
        g = gold_class(r.publication_types)
        if g:
            (train if is_dev_pmid(r.pmid) else test).append((f"{r.title}\n{r.abstract}", g))
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform([t for t, _ in train])
    clf = LogisticRegression(max_iter=2000, C=10, class_weight="balanced").fit(x, [g for _, g in train])
    pred = clf.predict(vec.transform([t for t, _ in test]))
    gold = [g for _, g in test]
    acc = float(np.mean([p == g for p, g in zip(pred, gold)]))
    classes = sorted(set(gold))
    recalls = [np.mean([p == g for p, g in zip(pred, gold) if g == c]) for c in classes]
    print(f"TF-IDF + LR trained on {len(train)} dev records, tested on {len(test)} held-out: accuracy {acc:.3f}, "
          f"macro recall {np.mean(recalls):.3f}")
    names = np.array(vec.get_feature_names_out())
    for i, c in enumerate(clf.classes_):
        top = names[np.argsort(clf.coef_[i])[-10:][::-1]]
        print(f"  {c}: {', '.join(top)}")


if __name__ == "__main__":
    main()
