"""How well do two careful readers agree on the claims and references of the same pages?

Issue 13 scores the article checker against one reader's gold (tests/fixtures/check/real/SET/*.expected.json).
A second reader, following the same written rules (that folder's README.md) and blind to the first reader's
gold, wrote tests/fixtures/check/second_reader/SET/*.expected.json for some dev sets. This bench reports:

- the second reader against the first (first reader as the reference): claims precision / recall / F1,
  agreement on year and design for claims both listed, references found each way;
- the checker against each reader, in the same run, with the scorer of bench/eval_check_real.py.

Two readers' claims are the same claim when they fall in the same sentence of the page: each ``contains`` is
located in the page's visible text and widened to its sentence (the splitter of physiohub.text), so two readers
who copied different stretches of one sentence agree. A ``contains`` that cannot be located is reported.

Usage: .venv/bin/python bench/eval_check_agreement.py [--sets dev20,dev21] [--verbose]
(held-out sets have no second reading and are never read here)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from physiohub.check.evaluate import Score, _norm_url, canonical_design, score_article  # noqa: E402
from physiohub.check.extract import html_to_text  # noqa: E402
from physiohub.text import split_spans  # noqa: E402

FIRST = ROOT / "tests" / "fixtures" / "check" / "real"
SECOND = ROOT / "tests" / "fixtures" / "check" / "second_reader"

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARK = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_LINE_START = re.compile(r"^\s*(?:#+\s*|>\s*|[-*+•]\s+|\d+[.)]\s+)", re.M)


def visible_text(raw: str, html: bool) -> str:
    """The page as a reader sees it: Markdown links by their text, no emphasis marks or list bullets."""
    text = html_to_text(raw) if html else raw
    text = _LINK.sub(r"\1", text)
    text = _MARK.sub("", text)
    return _LINE_START.sub("", text)


def _squash(text: str) -> tuple[str, list[int]]:
    """Text with each run of white space made one space, and each kept character's offset in the original."""
    out, where = [], []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


class Page:
    """A page's sentences, to place each reader's ``contains`` in one."""

    def __init__(self, raw: str, html: bool):
        text = visible_text(raw, html)
        self.flat, where = _squash(text)
        self.lower = self.flat.lower()
        # sentences per paragraph (blank-line separated), as spans of the squashed text
        self.sentences: list[tuple[int, int]] = []
        back = {orig: k for k, orig in enumerate(where)}
        for para in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
            for a, b in split_spans(para.group(0), para.start()):
                ka = next((back[i] for i in range(a, b) if i in back), None)
                kb = next((back[i] for i in range(b - 1, a - 1, -1) if i in back), None)
                if ka is not None and kb is not None:
                    self.sentences.append((ka, kb + 1))

    def place(self, contains: str) -> frozenset[int] | None:
        """Indices of the sentences a ``contains`` string covers, or None when it is not on the page."""
        needle, _ = _squash(visible_text(contains, False).strip())
        at = self.flat.find(needle)
        if at < 0:
            at = self.lower.find(needle.lower())
        if at < 0 or not needle:
            return None
        end = at + len(needle)
        hit = frozenset(i for i, (a, b) in enumerate(self.sentences) if a < end and at < b)
        return hit or None


def _first_word(value: str | None) -> str:
    m = re.search(r"[^\W\d_][\w'\-]*", value or "")
    return m.group(0).lower() if m else ""


def same_reference(a: dict, b: dict) -> bool:
    """Two readers' entries for one reference: same DOI, else same address, else same first name and year."""
    if a.get("doi") and b.get("doi"):
        return a["doi"].lower() == b["doi"].lower()
    if a.get("url") and b.get("url") and _norm_url(a["url"]) == _norm_url(b["url"]):
        return True
    who_a = _first_word(a.get("authors") or a.get("journal") or a.get("title"))
    who_b = _first_word(b.get("authors") or b.get("journal") or b.get("title"))
    if not who_a or who_a != who_b:
        return False
    return not (a.get("year") and b.get("year")) or a["year"] == b["year"]


@dataclass
class Agreement:
    first_claims: int = 0
    second_claims: int = 0
    both: int = 0
    year_same: int = 0
    design_same: int = 0
    unplaced: int = 0
    first_refs: int = 0
    second_refs: int = 0
    refs_second_found: int = 0   # first reader's references the second also listed
    refs_first_found: int = 0    # second reader's references the first also listed
    pages: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, o: "Agreement") -> None:
        for k, v in vars(o).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
        self.notes.extend(o.notes)

    @property
    def precision(self) -> float:
        return self.both / self.second_claims if self.second_claims else 1.0

    @property
    def recall(self) -> float:
        return self.both / self.first_claims if self.first_claims else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def agree(page: Page, first: dict, second: dict, name: str) -> Agreement:
    out = Agreement(pages=1, first_claims=len(first["claims"]), second_claims=len(second["claims"]),
                    first_refs=len(first["references"]), second_refs=len(second["references"]))
    placed2 = []
    for c in second["claims"]:
        where = page.place(c["contains"])
        if where is None:
            out.unplaced += 1
            out.notes.append(f"{name}: second reader's claim not found on the page {c['contains']!r}")
        placed2.append(where)
    used: set[int] = set()
    for c in first["claims"]:
        where = page.place(c["contains"])
        if where is None:
            out.unplaced += 1
            out.notes.append(f"{name}: first reader's claim not found on the page {c['contains']!r}")
            # fall back to the strings themselves, so an unplaced claim can still agree
        hit = next((j for j, (c2, w2) in enumerate(zip(second["claims"], placed2)) if j not in used and (
            (where is not None and w2 is not None and where & w2)
            or c["contains"] in c2["contains"] or c2["contains"] in c["contains"])), None)
        if hit is None:
            out.notes.append(f"{name}: only the first reader lists {c['contains']!r}")
            continue
        used.add(hit)
        out.both += 1
        other = second["claims"][hit]
        out.year_same += other.get("year") == c.get("year")
        # designs are compared in the checker's vocabulary (README rule R4): the first gold was rewritten to it in
        # session 12, the blind second readings were not, and "survey" and "observational study" are one design
        out.design_same += canonical_design(other.get("design")) == canonical_design(c.get("design"))
        for key in ("year", "design"):
            norm = canonical_design if key == "design" else (lambda v: v)
            if norm(other.get(key)) != norm(c.get(key)):
                out.notes.append(f"{name}: {key} {c.get(key)!r} (first) vs {other.get(key)!r} (second) in {c['contains'][:70]!r}")
    for j, c2 in enumerate(second["claims"]):
        if j not in used:
            out.notes.append(f"{name}: only the second reader lists {c2['contains']!r}")
    taken: set[int] = set()
    for r in first["references"]:
        j = next((j for j, r2 in enumerate(second["references"]) if j not in taken and same_reference(r, r2)), None)
        if j is None:
            out.notes.append(f"{name}: reference only the first reader lists {r}")
        else:
            taken.add(j)
            out.refs_second_found += 1
    out.refs_first_found = len(taken)
    for j, r2 in enumerate(second["references"]):
        if j not in taken:
            out.notes.append(f"{name}: reference only the second reader lists {r2}")
    return out


def _line(label: str, s: Score) -> str:
    return (f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.claims_found}/{s.claims_gold}, {s.false_alarms} FA | "
            f"{s.refs_found}/{s.refs_gold} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", help="comma-separated sets (default: every set with a second reading)")
    ap.add_argument("--verbose", action="store_true", help="print every disagreement")
    ap.add_argument("--no-checker", action="store_true", help="readers only (skips running the checker)")
    ap.add_argument("--second", type=Path, default=SECOND, help="folder of second readings, one sub-folder a set")
    args = ap.parse_args()
    second_root = args.second
    if not second_root.is_dir():
        print(f"no second readings in {second_root}")
        return 1
    names = args.sets.split(",") if args.sets else sorted(p.name for p in second_root.iterdir() if p.is_dir())
    if any(n.startswith("heldout") for n in names):
        print("held-out sets have no second reading and are never read here")
        return 2
    from physiohub.check import check_article
    from physiohub.store import Store

    total = Agreement()
    vs_first, vs_second = Score(), Score()
    print("| set | pages | claims first / second / both | P (2nd vs 1st) | R | F1 | year same | design same | "
          "refs: 1st's found by 2nd | 2nd's found by 1st |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "empty.db")
        for name in names:
            agreement = Agreement()
            for path in sorted((second_root / name).glob("*.expected.json")):
                stem = path.name[: -len(".expected.json")]
                second = json.loads(path.read_text(encoding="utf-8"))
                first_file = FIRST / name / f"{stem}.expected.json"
                first = json.loads(first_file.read_text(encoding="utf-8"))
                art = next(p for p in (FIRST / name).iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".json"))
                raw = art.read_text(encoding="utf-8")
                agreement.add(agree(Page(raw, first["html"]), first, second, f"{name}/{stem}"))
                if not args.no_checker:
                    res = check_article(store, raw, html=first["html"])
                    vs_first.add(score_article(res, first, art.name))
                    vs_second.add(score_article(res, second, art.name))
            a = agreement
            print(f"| {name} | {a.pages} | {a.first_claims} / {a.second_claims} / {a.both} | {a.precision:.3f} | "
                  f"{a.recall:.3f} | {a.f1:.3f} | {a.year_same}/{a.both} | {a.design_same}/{a.both} | "
                  f"{a.refs_second_found}/{a.first_refs} | {a.refs_first_found}/{a.second_refs} |")
            total.add(agreement)
        store.close()
    a = total
    print(f"| **all** | {a.pages} | {a.first_claims} / {a.second_claims} / {a.both} | **{a.precision:.3f}** | "
          f"**{a.recall:.3f}** | **{a.f1:.3f}** | {a.year_same}/{a.both} | {a.design_same}/{a.both} | "
          f"{a.refs_second_found}/{a.first_refs} | {a.refs_first_found}/{a.second_refs} |")
    if a.unplaced:
        print(f"\n{a.unplaced} claim strings could not be placed on their page (matched by the strings themselves)")
    if not args.no_checker:
        print("\n| checker against | claims P | claims R | found | references |\n|---|---|---|---|---|")
        print(_line("first reader", vs_first))
        print(_line("second reader", vs_second))
    if args.verbose:
        print()
        for n in a.notes:
            print("  -", n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
