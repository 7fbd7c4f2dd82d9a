"""Combining the claim rules and the claim model on fresh pages: would a model veto on rule claims, or another
way of joining the two, raise precision on new sites without losing recall? (issue 13, session 12)

Usage: .venv/bin/python bench/eval_check_fresh_combine.py [--boot N]

On the dev sets the rules score near 1.0 only because they were written on those pages; on a new site's page
they are what they were before the page was seen. So each dev set written since session 8 is scored with its
rule decisions *fresh*: the claims the code at its session's start (``ANCHORS``: the commits docs/check.md
names as each session's first code, which wrote and first scored those sets) finds by the rules alone, on
today's texts and gold. The model side is today's claim model (shipped setting: C 10, cue weight 0.5) fitted
leave one set out (on every other dev set, ``train_check_claims``) and run through today's ``find_claims``
(the same gates and vetoes a model claim meets in the checker). The old code cuts sentences a little
differently: each old rule claim is put on today's sentence it overlaps most (the scorer's ``contains``
matching gives the same rules-alone figures either way; the script prints both).

Variants, each scored like bench/eval_check_real.py (a gold claim is found when a reported claim contains its
phrase; a reported claim no gold uses is a false alarm): rules alone; rules OR model at thresholds 0.5-0.8
(the shipped way at 0.65); rule claims dropped when the model's out-of-fold probability is below ``t_low``
(a model veto), for every rule claim or only those whose sentence names no research (design word or citation
marker); rule claims dropped when the model's veto rules (``vetoed``) rule their sentence out, with today's
vetoes and with the anchor's own (today's were written on these very sets, so only the anchor's are fresh).

``t_low`` (and the model threshold) are chosen on the session-8/9 sets and reported on the session-10/11 sets,
so the reported figure is not fitted; ``--boot`` gives a paired bootstrap over the reported sets' articles.
The held-out sets are never read. Each anchor's ``physiohub/`` is taken with ``git archive`` into a temporary
folder and run in a child process (``--dump``) with that folder first on the path.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
REAL = REPO / "tests" / "fixtures" / "check" / "real"

# (session start commit, the dev sets that session wrote and first scored with it): docs/check.md, "How well at the
# end of session 8/9/10" and "How well" (session 11)
ANCHORS = (("430959f", ("dev4",)),
           ("690db9f", ("dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13")),
           ("0f626f8", ("dev14", "dev15", "dev16", "dev17")),
           ("8141460", ("dev18", "dev19", "dev20", "dev21", "dev22", "dev23")))
CHOOSE = ANCHORS[1][1]                      # session 9: where t_low and the threshold are chosen
CHOOSE_WIDE = ANCHORS[0][1] + CHOOSE        # sessions 8-9: the same choice with dev4 added
REPORT = ANCHORS[2][1] + ANCHORS[3][1]      # sessions 10-11: where the choice is reported
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
SHIPPED = 0.65
T_LOWS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3)


# --- child process: the anchor's rules alone ---

def dump_anchor_rules(sets: list[str], out: Path) -> None:
    """The anchor's rules-only claims of every article of ``sets`` (today's texts), each with whether the anchor's
    own model vetoes (``vetoed``) rule its sentence out. Runs with the anchor's ``physiohub`` first on the path."""
    import inspect

    import physiohub.check.checker as checker
    import physiohub.check.claims as claims
    from physiohub.check import check_article
    from physiohub.store import Store

    attach = getattr(claims, "attach_bare_citations", None) or getattr(claims, "_attach_bare_citations")
    takes_index = len(inspect.signature(claims.vetoed).parameters) == 2   # vetoed(s, i) before session 10
    vetoes: dict[str, bool] = {}
    find = checker.find_claims

    def recording(sentences, **kw):
        # the sentences as the anchor's find_claims sees them, to read its veto for each claim's sentence
        found = find(sentences, **kw)
        for i, s in enumerate(attach(sentences)):
            vetoes.setdefault(s.text, bool(claims.vetoed(s, i) if takes_index else claims.vetoed(s)))
        return found

    checker.find_claims = recording
    result: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "empty.db")
        for name in sets:
            for exp in sorted((REAL / name).glob("*.expected.json")):
                stem = exp.name[: -len(".expected.json")]
                art = next(p for p in (REAL / name).iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
                gold = json.loads(exp.read_text(encoding="utf-8"))
                vetoes.clear()
                res = check_article(store, art.read_text(encoding="utf-8"), html=gold["html"], claim_model=False)
                result[f"{name}/{stem}"] = [[c["text"], vetoes.get(c["text"], False)] for c in res["claims"]]
        store.close()
    out.write_text(json.dumps(result), encoding="utf-8")


def anchor_rules() -> dict[str, list]:
    """{set/stem: [[claim text, anchor-vetoed], ...]} over all ANCHORS, each run by its own code."""
    found: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rev, sets in ANCHORS:
            src = Path(tmp) / rev
            src.mkdir()
            archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "physiohub"], check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
            out = Path(tmp) / f"{rev}.json"
            env = {**os.environ, "PYTHONPATH": str(src)}
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--dump", ",".join(sets), str(out)],
                           cwd=tmp, env=env, check=True)
            found.update(json.loads(out.read_text(encoding="utf-8")))
            print(f"  anchor {rev}: {', '.join(sets)} scored by its rules alone", flush=True)
    return found


# --- today's side: out-of-fold probabilities and the model's claims ---

def out_of_fold(arts, sets) -> dict[str, np.ndarray]:
    """Each article's sentence probabilities from today's model setting fitted on every other dev set."""
    sys.path.insert(0, str(REPO / "bench"))
    from train_check_claims import fit, flat, predict

    from physiohub.check.claim_model import MODEL_PATH

    shipped = json.loads(Path(MODEL_PATH).read_text(encoding="utf-8"))
    c, cue = float(shipped["C"]), float(shipped["cue_weight"])   # the shipped setting (C 10, cue weight 0.5)
    out: dict[str, np.ndarray] = {}
    for name in sets:
        test = [i for i, a in enumerate(arts) if a[0].split("/")[0] == name]
        model = fit(*flat(arts, [i for i, a in enumerate(arts) if a[0].split("/")[0] != name]), c, cue)
        for i in test:
            texts, paras, items, heads, docs, _ = flat(arts, [i])
            out[arts[i][0]] = predict(model, texts, paras, items, heads, docs, cue) if texts else np.zeros(0)
    return out


_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def _overlap(a: str, b: str) -> float:
    ta, tb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(ta & tb) / max(1, len(ta | tb))


def _same(a: str, b: str) -> bool:
    a, b = _SPACE.sub(" ", a).strip(), _SPACE.sub(" ", b).strip()
    return a in b or b in a or _overlap(a, b) >= 0.6


def article_rows(arts, probs, old) -> dict[str, dict]:
    """Per article, over today's sentences: the anchor's rule decision (and its veto), today's out-of-fold
    probability, today's model veto, whether the sentence names research, and the model's decision per threshold."""
    from physiohub.check.claim_designs import names_research
    from physiohub.check.claims import find_claims
    from physiohub.check.claim_vetoes import vetoed

    rows = {}
    for name, sents, labels, gold in arts:
        if name not in probs:
            continue
        p = probs[name]
        rule = np.zeros(len(sents), bool)
        old_veto = np.zeros(len(sents), bool)
        unmapped = []
        for text, veto in old[name]:
            cand = [i for i, s in enumerate(sents) if _same(s.text, text)]
            # one old claim is one claim: today's sentence it overlaps most, and a second one only when the old
            # claim held a gold phrase that sentence holds (the old splitter joined two claim sentences)
            hits = sorted(cand, key=lambda i: _overlap(sents[i].text, text), reverse=True)[:1]
            hits += [i for i in cand if i not in hits and labels[i] and any(
                g["contains"] in text and g["contains"] in sents[i].text for g in gold["claims"])]
            if not hits:
                unmapped.append((text, veto))   # kept as a rule claim with no probability (12 of 939)
            for i in hits:
                rule[i] = True
                old_veto[i] |= veto
        model = {}
        for t in THRESHOLDS:
            taken = {c.text for c in find_claims(sents, learned=True, probabilities=list(p), threshold=t)}
            # a sentence the model takes at t: it passes find_claims' gates (it is reported) and the model's vetoes
            model[t] = np.array([s.text in taken and p[i] >= t and not vetoed(s) for i, s in enumerate(sents)], bool)
        rows[name] = {"sents": sents, "gold": gold, "p": p, "rule": rule, "old_veto": old_veto, "unmapped": unmapped,
                      "veto": np.array([vetoed(s) for s in sents], bool),
                      "research": np.array([names_research(s.text) for s in sents], bool), "model": model,
                      "old_texts": [t for t, _ in old[name]]}
    return rows


def score(texts: list[str], gold: dict) -> np.ndarray:
    """(found, false alarms, missed) as physiohub.check.evaluate.score_article counts them."""
    matched: set[int] = set()
    found = missed = 0
    for g in gold["claims"]:
        hit = next((i for i, c in enumerate(texts) if g["contains"] in c and i not in matched), None)
        if hit is None:
            hit = next((i for i, c in enumerate(texts) if g["contains"] in c), None)
        if hit is None:
            missed += 1
            continue
        matched.add(hit)
        found += 1
    return np.array([found, len(texts) - len(matched), missed])


def prf(a) -> tuple[float, float, float]:
    tp, fp, fn = a
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


Select = Callable[[dict], np.ndarray]


def variants() -> dict[str, tuple[Select, bool]]:
    """name -> (today's sentences the variant reports, whether the anchor's veto also drops unmapped old claims)."""
    v: dict[str, tuple[Select, bool]] = {"rules alone (anchor)": (lambda r: r["rule"], False)}
    for t in THRESHOLDS:
        v[f"rules OR model {t}" + (" (the shipped way)" if t == SHIPPED else "")] = (lambda r, t=t: r["rule"] | r["model"][t], False)
    v["model alone 0.65"] = (lambda r: r["model"][SHIPPED], False)
    for tl in T_LOWS:
        v[f"model veto: rule claims below {tl} dropped, OR model 0.65"] = (
            lambda r, tl=tl: (r["rule"] & (r["p"] >= tl)) | r["model"][SHIPPED], False)
    for tl in T_LOWS:
        v[f"model veto below {tl} only without a research word, OR model 0.65"] = (
            lambda r, tl=tl: (r["rule"] & ((r["p"] >= tl) | r["research"])) | r["model"][SHIPPED], False)
    for t in (0.5, 0.6, 0.7):
        for tl in (0.05, 0.1, 0.2):
            v[f"model veto below {tl}, OR model {t}"] = (lambda r, t=t, tl=tl: (r["rule"] & (r["p"] >= tl)) | r["model"][t], False)
    v["rule claims the ANCHOR's model vetoes rule out dropped, OR model 0.65"] = (
        lambda r: (r["rule"] & ~r["old_veto"]) | r["model"][SHIPPED], True)
    for tl in (0.05, 0.1):
        v[f"ANCHOR's vetoes and model veto below {tl}, OR model 0.65"] = (
            lambda r, tl=tl: (r["rule"] & ~r["old_veto"] & (r["p"] >= tl)) | r["model"][SHIPPED], True)
    v["rule claims TODAY's model vetoes rule out dropped, OR model 0.65 (vetoes written on these sets)"] = (
        lambda r: (r["rule"] & ~r["veto"]) | r["model"][SHIPPED], False)
    return v


def per_article(rows, names, sel: Select, drop_vetoed_unmapped: bool) -> np.ndarray:
    out = []
    for n in names:
        r = rows[n]
        extra = [t for t, veto in r["unmapped"] if not (veto and drop_vetoed_unmapped)]
        out.append(score([r["sents"][i].text for i in np.flatnonzero(sel(r))] + extra, r["gold"]))
    return np.array(out).reshape(-1, 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", nargs=2, metavar=("SETS", "OUT"), help=argparse.SUPPRESS)   # the child process
    ap.add_argument("--boot", type=int, default=2000, help="paired bootstrap draws over the reported articles")
    args = ap.parse_args()
    if args.dump:
        dump_anchor_rules(args.dump[0].split(","), Path(args.dump[1]))
        return 0
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "bench"))
    from train_check_claims import articles

    old = anchor_rules()
    arts = articles()
    sets = [s for _, group in ANCHORS for s in group]
    probs = out_of_fold(arts, sets)
    rows = article_rows(arts, probs, old)
    names = {g: [n for n in rows if n.split("/")[0] in group] for g, group in
             (("choose", CHOOSE), ("wide", CHOOSE_WIDE), ("report", REPORT), ("s10", ANCHORS[2][1]), ("s11", ANCHORS[3][1]))}
    # the old claims scored as the anchor reported them and as put on today's sentences: the same figures
    for g in ("wide", "report"):
        direct = sum(score(rows[n]["old_texts"], rows[n]["gold"]) for n in names[g])
        mapped = per_article(rows, names[g], lambda r: r["rule"], False).sum(0)
        print(f"rules alone on {g}: as reported {direct.tolist()}, on today's sentences {mapped.tolist()} (found, FA, missed)")
    print(f"\n{len(names['choose'])} articles chosen on ({', '.join(CHOOSE)}), {len(names['report'])} reported on ({', '.join(REPORT)})\n")
    print("| variant | choose: dev6-dev13 P / R / F1 (found, FA) | F1 with dev4 | **report: dev14-dev23 P / R / F1 (found, FA)** | dev14-17 F1 | dev18-23 F1 |")
    print("|---|---|---|---|---|---|")
    table = {}
    for name, (sel, drop) in variants().items():
        got = {g: per_article(rows, ns, sel, drop) for g, ns in names.items()}
        table[name] = got
        c, rp = got["choose"].sum(0), got["report"].sum(0)
        print(f"| {name} | {prf(c)[0]:.3f} / {prf(c)[1]:.3f} / {prf(c)[2]:.3f} ({c[0]}, {c[1]}) | {prf(got['wide'].sum(0))[2]:.3f} | "
              f"{prf(rp)[0]:.3f} / {prf(rp)[1]:.3f} / **{prf(rp)[2]:.3f}** ({rp[0]}, {rp[1]}) | {prf(got['s10'].sum(0))[2]:.3f} | "
              f"{prf(got['s11'].sum(0))[2]:.3f} |")
    base = table[f"rules OR model {SHIPPED} (the shipped way)"]
    rng = np.random.default_rng(0)
    print("\nChosen on the session-8/9 sets, reported on dev14-dev23 (paired bootstrap over the reported articles):")
    alone = [n for n in table if n.startswith("model veto: rule claims below")]
    joint = alone + [n for n in table if n.startswith("model veto below") and "research word" not in n]
    for label, g, cands in (("t_low on dev6-dev13", "choose", alone), ("t_low on dev4 + dev6-dev13", "wide", alone),
                            ("t_low and threshold on dev6-dev13", "choose", joint),
                            ("t_low and threshold on dev4 + dev6-dev13", "wide", joint)):
        best = max(cands, key=lambda n: prf(table[n][g].sum(0))[2])
        a, b = base["report"], table[best]["report"]
        diffs = []
        for _ in range(args.boot):
            idx = rng.integers(0, len(a), len(a))
            diffs.append(prf(b[idx].sum(0))[2] - prf(a[idx].sum(0))[2])
        lo, hi = np.percentile(diffs, [2.5, 97.5])
        d = prf(b.sum(0))[2] - prf(a.sum(0))[2]
        print(f"  {label}: '{best}': F1 {prf(a.sum(0))[2]:.3f} -> {prf(b.sum(0))[2]:.3f} ({d:+.3f}, 95% {lo:+.3f} to {hi:+.3f}); "
              f"found {a.sum(0)[0]} -> {b.sum(0)[0]}, false alarms {a.sum(0)[1]} -> {b.sum(0)[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
