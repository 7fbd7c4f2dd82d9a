"""Study-card benchmarks (results go to docs/benchmarks.md, section "Cards").

    .venv/bin/python bench/eval_cards.py [--only pubmed|cochrane|roles] [--json OUT.json]

1. PubMed coverage: every record of pubmed-xml/nlm_pubmedsample_2019.xml with an abstract of 400+
   characters must get a complete card (upshot answer, key points, findings, why it matters), and no
   number on any card may be missing from its source. The number check here is independent of the
   generator's own gate: plain string matching of digit tokens against title + abstract.
2. Readability and content on cochrane-pls-devaraj2021 test (480 review abstracts): Flesch-Kincaid
   grade of our patient text (upshot answer + why it matters for patients) beside the human plain-
   language summaries (test.target), and ROUGE-1/2/L recall of each human summary by our card.
   ROUGE is implemented here (Lin 2004: n-gram recall; L = longest common subsequence), lower-cased
   alphanumeric tokens, Porter-stemmed (NLTK), as rouge-score's default tokenizer with stemming.
3. Sentence roles on nicta-piboso test_clean.txt: weighted F1 of the shipped model.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from physiohub.appraise import appraise  # noqa: E402
from physiohub.cards import extractive_card  # noqa: E402
from physiohub.cards.grounding import card_texts  # noqa: E402
from physiohub.cards.readability import grade  # noqa: E402
from physiohub.models import AbstractSection, Record  # noqa: E402

NUM = re.compile(r"\d+(?:[.,]\d+)*")


def independent_number_check(card: dict[str, Any], record: Record) -> list[str]:
    """Digit tokens on the card that do not occur in the source text (commas ignored)."""
    src = f"{record.title} {record.abstract}".replace(",", "")
    src_tokens = set(NUM.findall(src))
    words = re.sub(r"[-\s]+", " ", src.lower())
    missing = []
    for path, text in card_texts(card):
        for tok in NUM.findall(text.replace(",", "")):
            tok = tok.rstrip(".")
            if tok in src_tokens or tok in src:
                continue
            # "24" on the card where the source spells "twenty-four"
            from physiohub.cards.grounding import word_numbers
            if float(tok) in set(word_numbers(words)):
                continue
            missing.append(f"{path}: {tok}")
    return missing


def complete(card: dict[str, Any]) -> bool:
    """Upshot question and answer, 3+ key points, findings, and all three "why it matters" texts."""
    up, why = card.get("upshot") or {}, card.get("why_it_matters") or {}
    return bool(up.get("question") and up.get("answer") and len(card.get("key_points") or []) >= 3
                and card.get("findings") and all(why.get(k) for k in ("patients", "clinicians", "readers")))


def bench_pubmed() -> dict[str, Any]:
    from physiohub.ingest import read_path

    path = DATA / "pubmed-xml" / "nlm_pubmedsample_2019.xml"
    recs = [r for r in read_path(path) if isinstance(r, Record)]
    eligible = [r for r in recs if len(r.abstract) >= 400]
    t = time.perf_counter()
    cards = [extractive_card(r, appraise(r)) for r in eligible]
    secs = time.perf_counter() - t
    incomplete = [r.pmid for r, c in zip(eligible, cards) if not complete(c)]
    bad_numbers = {r.pmid: m for r, c in zip(eligible, cards) if (m := independent_number_check(c, r))}
    n_numbers = sum(len(NUM.findall(t)) for c in cards for _, t in card_texts(c))
    kinds: dict[str, int] = {}
    for c in cards:
        for p in c["provenance"]:
            kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    return {
        "records": len(recs), "eligible_400plus": len(eligible), "complete_cards": len(eligible) - len(incomplete),
        "incomplete": incomplete, "numbers_on_cards": n_numbers, "cards_with_unsourced_numbers": len(bad_numbers),
        "unsourced_examples": dict(list(bad_numbers.items())[:5]),
        "mean_key_points": round(statistics.mean(len(c.get("key_points") or []) for c in cards), 2),
        "mean_findings": round(statistics.mean(len(c.get("findings") or []) for c in cards), 2),
        "with_limitations": sum(1 for c in cards if c.get("limitations")),
        "mean_methods_rows": round(statistics.mean(len(c.get("methods") or []) for c in cards), 2),
        "provenance_kinds": kinds, "seconds_card_and_appraisal": round(secs, 2),
    }


_stem = None


def tokens(text: str) -> list[str]:
    global _stem
    if _stem is None:
        from nltk.stem.porter import PorterStemmer

        _stem = PorterStemmer().stem
    return [_stem(t) for t in re.findall(r"[a-z0-9]+", text.lower())]


def _ngrams(toks: list[str], n: int) -> dict[tuple[str, ...], int]:
    out: dict[tuple[str, ...], int] = {}
    for i in range(len(toks) - n + 1):
        g = tuple(toks[i:i + n])
        out[g] = out.get(g, 0) + 1
    return out


def rouge_recall(reference: str, candidate: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L recall of reference by candidate."""
    ref, cand = tokens(reference), tokens(candidate)
    out = {}
    for n in (1, 2):
        r, c = _ngrams(ref, n), _ngrams(cand, n)
        total = sum(r.values())
        out[f"rouge{n}"] = sum(min(v, c.get(g, 0)) for g, v in r.items()) / total if total else 0.0
    # LCS by dynamic programming over the shorter row
    prev = [0] * (len(cand) + 1)
    for a in ref:
        cur = [0]
        for j, b in enumerate(cand, 1):
            cur.append(prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1]))
        prev = cur
    out["rougeL"] = prev[-1] / len(ref) if ref else 0.0
    return out


def card_text(card: dict[str, Any]) -> str:
    return " ".join(t for _, t in card_texts(card))


def patient_text(card: dict[str, Any]) -> str:
    return " ".join(x for x in ((card.get("upshot") or {}).get("answer", ""),
                                (card.get("why_it_matters") or {}).get("patients", "")) if x)


def _without_note(answer: str) -> str:
    from physiohub.cards.phrases import CERTAINTY_NOTE

    for note in CERTAINTY_NOTE.values():
        answer = answer.replace(note, "")
    return answer.strip()


def bench_cochrane() -> dict[str, Any]:
    folder = DATA / "cochrane-pls-devaraj2021"
    sources = (folder / "test.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / "test.target").read_text(encoding="utf-8").splitlines()
    dois = (folder / "test.doi").read_text(encoding="utf-8").splitlines()
    ours, human, src_grade, kp_grade, r_card, r_pat, r_src = [], [], [], [], [], [], []
    complete_n = 0
    words, pwords, answer_grade, answers = [], [], [], []
    for src, tgt, doi in zip(sources, targets, dois):
        rec = Record(source_format="jsonl", source_id=doi.strip(), abstract_sections=[AbstractSection(src)])
        card = extractive_card(rec, appraise(rec))
        complete_n += complete(card)
        pt = patient_text(card)
        words.append(len(card_text(card).split()))
        pwords.append(len(pt.split()))
        ours.append(grade(pt))
        answer_grade.append(grade((card.get("upshot") or {}).get("answer", "")))
        answers.append((card.get("upshot") or {}).get("answer", ""))
        human.append(grade(tgt))
        src_grade.append(grade(src))
        kp_grade.append(grade(" ".join(card.get("key_points") or [])))
        r_card.append(rouge_recall(tgt, card_text(card)))
        r_pat.append(rouge_recall(tgt, pt))
        r_src.append(rouge_recall(tgt, src))

    def mean(rows: list[dict[str, float]], k: str) -> float:
        return round(100 * statistics.mean(r[k] for r in rows), 1)

    return {
        "pairs": len(sources), "complete_cards": complete_n,
        "fk_ours_patient_mean": round(statistics.mean(ours), 2),
        "fk_ours_patient_median": round(statistics.median(ours), 2),
        "fk_ours_patient_share_le_8": round(sum(g <= 8 for g in ours) / len(ours), 3),
        "fk_ours_key_points_mean": round(statistics.mean(kp_grade), 2),
        "fk_ours_upshot_answer_mean": round(statistics.mean(answer_grade), 2),
        "fk_ours_upshot_answer_median": round(statistics.median(answer_grade), 2),
        "fk_ours_upshot_answer_share_le_8": round(sum(g <= 8 for g in answer_grade) / len(answer_grade), 3),
        # The answer without the templated certainty note: how plain the claim drawn from the source is.
        "fk_ours_upshot_claim_mean": round(statistics.mean(grade(_without_note(c)) for c in answers), 2),
        "upshot_answer_words_mean": round(statistics.mean(len((c or "").split()) for c in answers), 1),
        "fk_human_pls_mean": round(statistics.mean(human), 2),
        "fk_source_abstract_mean": round(statistics.mean(src_grade), 2),
        "rouge_recall_card": {k: mean(r_card, k) for k in ("rouge1", "rouge2", "rougeL")},
        "rouge_recall_patient_text": {k: mean(r_pat, k) for k in ("rouge1", "rouge2", "rougeL")},
        "rouge_recall_whole_source": {k: mean(r_src, k) for k in ("rouge1", "rouge2", "rougeL")},
        "mean_words": {"card": round(statistics.mean(words)), "patient_text": round(statistics.mean(pwords)),
                       "human_pls": round(statistics.mean(len(t.split()) for t in targets))},
    }


def bench_roles() -> dict[str, Any]:
    from physiohub.cards import roles

    out = {}
    for split in ("dev", "test"):
        r = roles.evaluate(DATA / "nicta-piboso" / f"{split}_clean.txt")
        out[split] = {"sentences": r["sentences"], "weighted_f1": round(100 * r["weighted_f1"], 1),
                      "per_label_f1": {k: round(100 * v["f1-score"], 1) for k, v in r["report"].items()
                                       if isinstance(v, dict) and k not in ("macro avg", "weighted avg")}}
    out["model_bytes"] = roles.MODEL_PATH.stat().st_size
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["pubmed", "cochrane", "roles"])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"shared datasets not found at {DATA}")
    res: dict[str, Any] = {}
    for name, fn in (("pubmed", bench_pubmed), ("cochrane", bench_cochrane), ("roles", bench_roles)):
        if args.only in (None, name):
            t = time.perf_counter()
            res[name] = fn()
            res[name]["seconds"] = round(time.perf_counter() - t, 1)
            print(name, json.dumps(res[name], indent=1), flush=True)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
