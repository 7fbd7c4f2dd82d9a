"""Trial recall from short text: PEDro trial titles, and NICTA-PIBOSO "study design" sentences;
plus two whole-text recall checks: EBM-NLP abstracts (all reports of randomised trials) should come out as
trials, and Cochrane review results sections (cochrane-pls-devaraj2021 source texts, no title) as
systematic reviews or meta-analyses. Rules were adjusted on EBM-NLP dev and Cochrane val; the figures
printed are on EBM-NLP test and Cochrane test.

1. ../shared/data/pedro-msk-trials: every record is a clinical trial (PEDro indexes randomised and
   quasi-randomised controlled trials). We classify each title alone (no abstract, no types) and report
   the share called a trial (randomised or not), the share called randomised, and what the rest became.
   Internal evaluation only: titles are never printed or stored.
2. ../shared/data/nicta-piboso: each sentence labelled "study design" is run through the design rules
   as if it were the whole abstract. Reported: the share in which a design is recognised, the share
   recognised as a trial, and, over all sentences of the split, precision/recall of "this sentence
   names a design" (a design recognised from the sentence alone) against the "study design" label.
Usage: .venv/bin/python bench/eval_appraise_trials.py [--split test|dev|train]
"""
from __future__ import annotations

import sys
from collections import Counter

from appraise_data import DATA, pedro_titles, piboso
from physiohub.appraise.design import classify_design, text_design
from physiohub.appraise.doc import make_doc
from physiohub.models import AbstractSection, Record

TRIALS = {"randomised controlled trial", "non-randomised controlled trial"}
# Of the 21 "study design" sentences of the test split, these abstracts' sentences describe a trial
# (read by hand: four randomised, one "prospective and controlled study" of an intervention).
NICTA_TEST_TRIALS = {"17873551", "16674806", "11493843", "16389204", "11840097"}


def _title_record(title: str) -> Record:
    return Record(source_format="csv", title=title)


def pedro() -> dict:
    titles = sorted(set(pedro_titles()))  # same trial listed under two regions counts once
    preds = Counter()
    for t in titles:
        design, _ = classify_design(make_doc(_title_record(t)))
        preds[design] += 1
    n = len(titles)
    return {"n": n, "trial": sum(preds[d] for d in TRIALS) / n,
            "rct": preds["randomised controlled trial"] / n, "predicted": preds.most_common()}


def nicta(split: str) -> dict:
    path = DATA / "nicta-piboso" / f"{split}_clean.txt"
    tp = fp = fn = 0
    design_sents = 0
    recognised = trial = 0
    trial_hits = trial_total = 0
    preds = Counter()
    for pmid, rows in piboso(path):
        for label, sent in rows:
            rec = Record(source_format="csv", title="", abstract_sections=[AbstractSection(sent)])
            found = text_design(make_doc(rec))
            is_design = label == "study design"
            named = found is not None and found[0] != "narrative review"
            if is_design:
                design_sents += 1
                if split == "test" and pmid in NICTA_TEST_TRIALS:
                    trial_total += 1
                    trial_hits += bool(found and found[0] in TRIALS)
                if found:
                    recognised += 1
                    preds[found[0]] += 1
                    trial += found[0] in TRIALS
            tp += is_design and named
            fp += (not is_design) and named
            fn += is_design and not named
    return {"split": split, "design_sentences": design_sents, "recognised": recognised / design_sents,
            "trial": trial / design_sents, "predicted": preds.most_common(),
            "trial_recall": (trial_hits / trial_total) if trial_total else None, "trial_total": trial_total,
            "precision": tp / (tp + fp) if tp + fp else 0.0, "recall": tp / (tp + fn) if tp + fn else 0.0}


def ebm_nlp(split: str) -> dict:
    from appraise_data import conll_docs
    from eval_appraise_sample_size import record_from_tokens

    preds = Counter()
    for _, sents in conll_docs(DATA / "ebm-nlp-pico" / f"{split}.txt"):
        design, _ = classify_design(make_doc(record_from_tokens([[t for t, _ in s] for s in sents])))
        preds[design] += 1
    n = sum(preds.values())
    return {"n": n, "trial": sum(preds[d] for d in TRIALS) / n, "predicted": preds.most_common(6)}


def cochrane(split: str) -> dict:
    """Review recall, and how often a review's study count, pooled sample and GRADE wording are found."""
    from physiohub.appraise import appraise

    preds = Counter()
    k = n = grade = reviews = 0
    for text in (DATA / "cochrane-pls-devaraj2021" / f"{split}.source").read_text(encoding="utf-8").splitlines():
        a = appraise(Record(source_format="csv", abstract_sections=[AbstractSection(text)]))
        preds[a["design"]] += 1
        if a["design"] in ("systematic review", "meta-analysis"):
            reviews += 1
            k += a["n_studies"] is not None
            n += a["n_participants"] is not None
            grade += bool(a["grade"])
    total = sum(preds.values())
    return {"n": total, "review": reviews / total, "predicted": preds.most_common(6),
            "k_found": k / reviews, "n_found": n / reviews, "grade_found": grade / reviews}


def main() -> None:
    split = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else "test"
    p = pedro()
    print(f"PEDro trial titles (unique): n={p['n']} called a trial={p['trial']:.3f} called randomised={p['rct']:.3f}")
    print("  predictions:", ", ".join(f"{d} {c}" for d, c in p["predicted"]))
    r = nicta(split)
    print(f"NICTA-PIBOSO {r['split']}: {r['design_sentences']} study-design sentences; design recognised "
          f"{r['recognised']:.3f}; trial {r['trial']:.3f}")
    print("  predictions:", ", ".join(f"{d} {c}" for d, c in r["predicted"]))
    print(f"  sentence-level 'names a design': precision {r['precision']:.3f} recall {r['recall']:.3f}")
    if r["trial_recall"] is not None:
        print(f"  trial recall on the {r['trial_total']} hand-identified trial design sentences: {r['trial_recall']:.3f}")
    e = ebm_nlp("test" if split == "test" else "dev")
    print(f"EBM-NLP {'test' if split == 'test' else 'dev'} (RCT abstracts with titles): n={e['n']} called a trial {e['trial']:.3f}")
    print("  predictions:", ", ".join(f"{d} {c}" for d, c in e["predicted"]))
    c = cochrane("test" if split == "test" else "val")
    print(f"Cochrane review results sections ({'test' if split == 'test' else 'val'}): n={c['n']} "
          f"called a systematic review or meta-analysis {c['review']:.3f}")
    print("  predictions:", ", ".join(f"{d} {n}" for d, n in c["predicted"]))
    print(f"  of those: number of studies found {c['k_found']:.3f}, pooled participants {c['n_found']:.3f}, "
          f"a GRADE-style certainty statement {c['grade_found']:.3f}")


if __name__ == "__main__":
    main()
