"""Import benchmark: our full PubMed XML import against pubmed_parser's parse-only time, same file, same run.

    .venv/bin/python bench/bench_import.py                 # 25k and 50k records
    .venv/bin/python bench/bench_import.py --sizes 25000   # one size
    .venv/bin/python bench/bench_import.py --profile       # cProfile of our parse (top functions)

The test file repeats the 752 real records of ../shared/data/pubmed-xml with unique PMIDs and DOIs
(written to a temp dir, never to the repo) as a gzipped baseline-style file: ``parse_medline_xml``
only reads gzip (it calls ``gzip.open``), as the annual baseline files are. Each measurement runs in
its own worker process, started by a small "measurer" process that waits for it and reads
``getrusage(RUSAGE_CHILDREN).ru_maxrss``, so every peak-memory figure belongs to one run alone.

Measured:
  (a) pubmed_parser.parse_medline_xml — parse only (iterate every article dict);
  (b) ours, parse only — ``read_path`` over the same file;
  (c) ours, full import — ``import_records(store, read_path(path), file=...)`` into a fresh SQLite
      file: parse, normalise, dedupe, store, FTS5 index, one transaction;
  (d) ours, full import as ``physiohub import`` runs it — ``import_path(store, path, parallel=True)``:
      the same, with the file cut at record boundaries and parsed and serialised by one worker
      process per core while this one writes (``physiohub/ingest/pubmed_split.py``).
      (CPU seconds then add all processes: the measurer waits for the grandchildren too.)
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "pubmed-xml"
HEADER = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
          b'1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n<PubmedArticleSet>\n')


def source_records() -> list[bytes]:
    """Every PubmedArticle / PubmedBookArticle of the shared files, serialised, in file order."""
    from lxml import etree

    files = sorted(DATA.glob("*.xml")) + sorted((DATA / "edge-cases").glob("*.xml"))
    if not files:
        sys.exit(f"no PubMed XML found in {DATA}")
    out = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for f in files:
        root = etree.parse(str(f), parser).getroot()
        for el in root:
            if el.tag in ("PubmedArticle", "PubmedBookArticle"):
                out.append(etree.tostring(el, encoding="utf-8"))
    return out


_PMID = re.compile(rb"(<(?:MedlineCitation|BookDocument)\b[^>]*>\s*<PMID[^>]*>)(\d+)(</PMID>)")
_ARTICLE_PMID = re.compile(rb'(<ArticleId IdType="pubmed">)(\d+)(</ArticleId>)')
_DOI = re.compile(rb'(<(?:ArticleId IdType="doi"|ELocationID EIdType="doi"[^>]*)>)([^<]+)(</)')
_TITLE = re.compile(rb"(<ArticleTitle[^>]*>)")


def build_file(path: Path, n: int, *, unique_titles: bool = False) -> int:
    """Write n records (copies of the real ones) with unique PMIDs and DOIs; returns bytes written.

    ``unique_titles`` also prefixes each copy's title with its copy number: a real baseline file has
    no 66 studies sharing one title and year, which the title+year duplicate check must otherwise
    walk through for every record (shown as a separate row in docs/benchmarks.md).
    """
    records = source_records()
    with gzip.open(path, "wb", compresslevel=6) as out:
        out.write(HEADER)
        for i in range(n):
            rec = records[i % len(records)]
            copy = i // len(records)
            new_pmid = str(30_000_000 + i).encode()
            rec = _PMID.sub(lambda m: m.group(1) + new_pmid + m.group(3), rec, count=1)
            rec = _ARTICLE_PMID.sub(lambda m: m.group(1) + new_pmid + m.group(3), rec)
            if copy:
                rec = _DOI.sub(lambda m: m.group(1) + m.group(2) + b".c" + str(copy).encode() + m.group(3), rec)
                if unique_titles:
                    rec = _TITLE.sub(lambda m: m.group(1) + b"Copy " + str(copy).encode() + b": ", rec, count=1)
            out.write(rec + b"\n")
        out.write(b"</PubmedArticleSet>\n")
    return path.stat().st_size


# -- workers (run in their own process) ----------------------------------------------------------
def work(kind: str, path: str, db: str) -> dict:
    t0 = time.perf_counter()
    if kind == "pubmed_parser":
        import pubmed_parser as pp

        n = sum(1 for _ in pp.parse_medline_xml(path))
    elif kind == "ours_parse":
        from physiohub.ingest import read_path

        n = sum(1 for _ in read_path(path))
    elif kind == "ours_import":
        from physiohub.ingest import read_path
        from physiohub.ingest.pipeline import import_records
        from physiohub.store import Store

        store = Store(db)
        s = import_records(store, read_path(path), file=Path(path).name)
        n = s.added + s.updated + s.unchanged
        fts = store.query_one("SELECT count(*) FROM studies_fts")[0]
        studies = store.query_one("SELECT count(*) FROM studies")[0]
        store.close()
        assert fts == studies == s.added, (fts, studies, s.as_dict())
    elif kind == "ours_import_parallel":
        from physiohub.ingest.pipeline import import_path
        from physiohub.store import Store

        store = Store(db)
        s = import_path(store, Path(path), parallel=True)  # what `physiohub import` does
        n = s.added + s.updated + s.unchanged
        fts = store.query_one("SELECT count(*) FROM studies_fts")[0]
        store.close()
        assert fts == s.added == n, (fts, s.as_dict())
    else:
        raise SystemExit(f"unknown kind {kind}")
    return {"kind": kind, "records": n, "seconds": time.perf_counter() - t0}


def measure(kind: str, path: str, db: str) -> dict:
    """Run one worker as our only child; its peak RSS is then exactly RUSAGE_CHILDREN.ru_maxrss."""
    proc = subprocess.run([sys.executable, __file__, "--worker", kind, path, db], capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{kind} failed:\n{proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["peak_rss_mb"] = ru.ru_maxrss / 1024  # Linux reports KB
    out["cpu_seconds"] = ru.ru_utime + ru.ru_stime  # includes interpreter start-up (~0.1 s)
    return out


def run_measured(kind: str, path: Path, db: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--measure", kind, str(path), str(db)],
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def profile(path: Path) -> None:
    import cProfile
    import pstats

    from physiohub.ingest import read_path

    pr = cProfile.Profile()
    pr.enable()
    n = sum(1 for _ in read_path(path))
    pr.disable()
    print(f"profiled parse of {n} records")
    pstats.Stats(pr).sort_stats("tottime").print_stats(15)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GB RAM, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="25000,50000")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--worker", nargs=3, metavar=("KIND", "PATH", "DB"))
    ap.add_argument("--measure", nargs=3, metavar=("KIND", "PATH", "DB"))
    ap.add_argument("--skip-pubmed-parser", action="store_true")
    ap.add_argument("--only", help="comma-separated runs: ours_parse, ours_import, pubmed_parser")
    ap.add_argument("--unique-titles", action="store_true", help="also make each copy's title unique")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kind; the best wall time is reported")
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(work(*args.worker)))
        return
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="physiohub-bench-") as tmp:
        rows = []
        for n in [int(s) for s in args.sizes.split(",")]:
            path = Path(tmp) / f"pubmed_bench_{n}.xml.gz"
            t = time.perf_counter()
            size = build_file(path, n, unique_titles=args.unique_titles)
            print(f"\n{n} records: {path.name}, {size / 1024**2:.1f} MB gzip (built in {time.perf_counter() - t:.1f}s)")
            if args.profile:
                profile(path)
                continue
            kinds = ["ours_parse", "ours_import", "ours_import_parallel"] + (
                [] if args.skip_pubmed_parser else ["pubmed_parser"])
            if args.only:
                kinds = [k for k in kinds if k in args.only.split(",")]
            res: dict[str, dict] = {}
            # Repeats interleave the runs and keep each one's best wall time: on a shared machine the
            # minimum is the figure least disturbed by other people's jobs.
            for rep in range(args.repeat):
                for kind in kinds[rep % len(kinds):] + kinds[:rep % len(kinds)]:
                    db = Path(tmp) / f"hub_{n}_{kind}_{rep}.db"
                    r = run_measured(kind, path, db)
                    db.unlink(missing_ok=True)
                    for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
                        extra.unlink(missing_ok=True)
                    best = res.get(kind)
                    if best is None or r["seconds"] < best["seconds"]:
                        res[kind] = {**r, "cpu_seconds": min(r["cpu_seconds"], (best or r)["cpu_seconds"])}
                    elif r["cpu_seconds"] < best["cpu_seconds"]:
                        best["cpu_seconds"] = r["cpu_seconds"]
                    print(f"  [{rep + 1}/{args.repeat}] {kind:20s} {r['records']:>7d} records  {r['seconds']:7.2f} s wall"
                          f"  {r['cpu_seconds']:7.2f} s cpu  peak RSS {r['peak_rss_mb']:6.0f} MB", flush=True)
            res = {k: res[k] for k in kinds}
            for kind, r in res.items():
                print(f"  best {kind:20s} {r['seconds']:7.2f} s wall  {r['cpu_seconds']:7.2f} s cpu"
                      f"  {r['records'] / r['seconds']:8.0f} rec/s")
            if "pubmed_parser" in res:
                for kind in ("ours_import", "ours_import_parallel"):
                    if kind not in res:
                        continue
                    ratio = res[kind]["seconds"] / res["pubmed_parser"]["seconds"]
                    cpu_ratio = res[kind]["cpu_seconds"] / res["pubmed_parser"]["cpu_seconds"]
                    print(f"  ratio {kind} / pubmed_parser parse-only: {ratio:.2f}x wall, {cpu_ratio:.2f}x cpu"
                          " (target <= 0.5 wall)")
            rows.append((n, res))
            path.unlink()
        if rows and not args.profile:
            print(f"\nbest of {args.repeat} runs each (wall; CPU is the lowest seen)")
            print("\n| file | run | records | wall s | cpu s | rec/s (wall) | peak RSS MB |")
            print("|---|---|---|---|---|---|---|")
            for n, res in rows:
                for kind, r in res.items():
                    print(f"| {n} | {kind} | {r['records']} | {r['seconds']:.2f} | {r['cpu_seconds']:.2f}"
                          f" | {r['records'] / r['seconds']:.0f} | {r['peak_rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
