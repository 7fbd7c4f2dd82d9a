"""The `physiohub` command. Thin: parse options, call the library, translate errors at the edge.

Every command exits non-zero with a one-line reason on stderr when it fails (the CLI contract in
DESIGN.md); domain errors become ``click.ClickException``; nothing prints a traceback.
"""
from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import PhysioHubError


class _Group(click.Group):
    """Translate PhysioHub errors (and the odd OS error) into one-line messages."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PhysioHubError as e:
            raise click.ClickException(str(e)) from e
        except OSError as e:
            raise click.ClickException(f"{getattr(e, 'filename', '') or ''}: {e.strerror or e}".lstrip(": ")) from e
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt, SystemExit):
            raise
        except Exception as e:
            # A bug, not bad input: still one line for the user; PHYSIOHUB_DEBUG=1 shows the traceback.
            if os.environ.get("PHYSIOHUB_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(e).__name__}: {e} (set PHYSIOHUB_DEBUG=1 for details and report it)"
            ) from e


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    @click.option("--db", "db", envvar="PHYSIOHUB_DB", default="physiohub.db", show_default=True,
                  type=click.Path(dir_okay=False), help="SQLite database file (or PHYSIOHUB_DB).")
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)

    return wrapper


def open_db(db: str):
    from .store import Store

    return Store(db)


def echo_err(msg: str) -> None:
    click.echo(msg, err=True)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="physiohub")
def cli() -> None:
    """PhysioHub: import, appraise, explain and search musculoskeletal physiotherapy research."""


# -- import ----------------------------------------------------------------------------------
@cli.command("import")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "pubmed-xml", "medline", "ris", "bibtex", "crossref-json", "jsonl", "csv"]),
              help="Input format; auto detects by extension and content.")
@click.option("--pmid", "pmids", multiple=True, help="Fetch these PMIDs from PubMed (online; repeat or comma-separate).")
@click.option("--doi", "dois", multiple=True, help="Fetch these DOIs from Crossref (online).")
@click.option("--pubmed-query", "pubmed_query", help="Fetch the results of a PubMed search (online).")
@click.option("--max-results", default=200, show_default=True, help="Cap for --pubmed-query.")
@click.option("--no-appraise", is_flag=True, help="Store only; appraise and draft cards later with `physiohub appraise`.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no summary (errors still go to stderr).")
@db_option
def import_cmd(paths: tuple[Path, ...], fmt: str, pmids: tuple[str, ...], dois: tuple[str, ...],
               pubmed_query: str | None, max_results: int, no_appraise: bool, as_json: bool, quiet: bool,
               db: str) -> None:
    """Import research records from files (PubMed XML, MEDLINE, RIS, BibTeX, Crossref JSON, JSONL, CSV; .gz too)."""
    from .importing import run_import

    if not (paths or pmids or dois or pubmed_query):
        raise click.UsageError("give at least one file, --pmid, --doi or --pubmed-query")
    store = open_db(db)
    result = run_import(
        store, list(paths), fmt=fmt, pmids=_split(pmids), dois=_split(dois), pubmed_query=pubmed_query,
        max_results=max_results, appraise=not no_appraise, show_progress=not (quiet or as_json),
    )
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
    elif not quiet:
        s = result.summary
        click.echo(f"added {s.added}, updated {s.updated}, unchanged {s.unchanged}, rejected {s.rejected}"
                   + (f"; appraised {result.appraised}" if result.appraised else ""))
        for sid, reason in result.appraisal_failures[:10]:
            echo_err(f"warning: study {sid} stored but not appraised: {reason} (run `physiohub appraise` after an upgrade)")
        for rej in s.rejections[:50]:
            echo_err(f"rejected: {rej['file']}: record {rej['record']}: {rej['reason']}")
        if len(s.rejections) > 50:
            echo_err(f"... and {len(s.rejections) - 50} more rejected records (use --json for all)")
        for note in s.notes[:20]:
            echo_err(f"repaired: {note['file']}: record {note['record']}: {note['note']}")
        if len(s.notes) > 20:
            echo_err(f"... and {len(s.notes) - 20} more repaired records (use --json for all)")
    for failure in result.failed_files:
        echo_err(f"error: {failure}")
    if result.failed_files:
        sys.exit(1)


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for val in values for v in val.replace(";", ",").split(",") if v.strip()]


# -- appraise ----------------------------------------------------------------------------------
@cli.command("appraise")
@click.option("--all", "force", is_flag=True, help="Recompute every study, not only stale ones.")
@click.option("--quiet", "-q", is_flag=True)
@db_option
def appraise_cmd(force: bool, quiet: bool, db: str) -> None:
    """Appraise studies and draft their cards where the generator version changed."""
    from .progress import progress_bar
    from .workflow import refresh, stale_ids

    store = open_db(db)
    todo = None if force else stale_ids(store)
    total = store.query_one("SELECT count(*) FROM studies")[0] if force else len(todo)
    with progress_bar("Appraising", total, enabled=not quiet) as advance:
        n = refresh(store, todo, force=force, progress=advance, parallel=True)
    if not quiet:
        click.echo(f"appraised {n} studies")


@cli.command("appraise-pico")
@click.option("--quiet", "-q", is_flag=True)
@db_option
def appraise_pico_cmd(quiet: bool, db: str) -> None:
    """Tag PICO spans of every stored study with the trained model (slower than import's rules; batched)."""
    from .appraise.batch import tag_pico
    from .progress import progress_bar

    store = open_db(db)
    total = store.query_one("SELECT count(*) FROM studies")[0]
    with progress_bar("Tagging PICO", total, enabled=not quiet) as advance:
        n = tag_pico(store, progress=advance)
    if not quiet:
        click.echo(f"tagged {n} studies")


@cli.command("override")
@click.argument("key")
@click.argument("field")
@click.argument("value", required=False)
@click.option("--editor", required=True, help="Who makes the correction (recorded beside it).")
@click.option("--reason", default="", help="Why: shown in the field's reasons.")
@click.option("--clear", is_flag=True, help="Remove the editor's value; the machine appraisal shows again.")
@db_option
def override_cmd(key: str, field: str, value: str | None, editor: str, reason: str, clear: bool, db: str) -> None:
    """Correct one appraisal field of a study (KEY: id, PMID, DOI or source id); it survives re-appraisal."""
    from .appraise.persist import clear_override, set_override
    from .studies import resolve

    store = open_db(db)
    sid = resolve(store, key)
    if clear:
        found = clear_override(store, sid, field)
        click.echo(f"study {sid}: {field} override {'removed' if found else 'was not set'}")
        return
    if value is None:
        raise click.UsageError("give a VALUE, or --clear")
    parsed: Any = value
    if field in ("topics", "body_regions", "conditions", "grade"):
        parsed = [v.strip() for v in value.split(",") if v.strip()]
    eff = set_override(store, sid, field, parsed, editor, reason)
    click.echo(f"study {sid}: {field} = {json.dumps(eff.get(field), ensure_ascii=False)} (set by {editor})")


# -- export ----------------------------------------------------------------------------------
@cli.command("export")
@click.option("--format", "fmt", default="jsonl", show_default=True, type=click.Choice(["jsonl", "csl-json", "ris", "md"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@db_option
def export_cmd(fmt: str, output: str | None, db: str) -> None:
    """Export every study (JSONL per the contract, CSL-JSON, RIS or Markdown cards)."""
    from .export import export

    store = open_db(db)
    if output:
        with open(output, "w", encoding="utf-8") as out:
            export(store, fmt, out)
    else:
        export(store, fmt, sys.stdout)


# -- show ----------------------------------------------------------------------------------
@cli.command("show")
@click.argument("key")
@click.option("--format", "fmt", default="md", show_default=True, type=click.Choice(["json", "md", "html"]))
@db_option
def show_cmd(key: str, fmt: str, db: str) -> None:
    """Show one study's card. KEY: internal id, PMID, DOI or source id."""
    from .cards.render import to_html, to_json, to_markdown
    from .export import study_json
    from .studies import get_study, resolve

    store = open_db(db)
    study = get_study(store, resolve(store, key))
    card = study["card"]
    if fmt == "json":
        out = study_json(study["id"], study["record"], study["appraisal"], card)
        if card:
            out["card"] = to_json(card["data"]) | {"status": card["status"]}
        out.pop("record", None)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not card:
        raise click.ClickException(f"study {key} has no card yet: run `physiohub appraise`")
    click.echo(to_markdown(card["data"]) if fmt == "md" else to_html(card["data"], study=study))


# -- card review ---------------------------------------------------------------------------
@cli.group("card")
def card_group() -> None:
    """Review cards: status (draft -> in_review -> published), edits, history, pending drafts."""


@card_group.command("status")
@click.argument("key")
@click.argument("status", type=click.Choice(["draft", "in_review", "published"]))
@click.option("--editor", required=True, help="Who makes the change (recorded in the history).")
@db_option
def card_status_cmd(key: str, status: str, editor: str, db: str) -> None:
    """Move a card to STATUS (publishing needs in_review first; `draft` unpublishes)."""
    from .cards.review import set_status
    from .studies import resolve

    store = open_db(db)
    card = set_status(store, resolve(store, key), status, editor)
    click.echo(f"study {card['study_id']}: {card['status']}")


@card_group.command("edit")
@click.argument("key")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--editor", required=True, help="Who edits (recorded with the new version).")
@click.option("--note", default="", help="What changed and why.")
@db_option
def card_edit_cmd(key: str, file: Any, editor: str, note: str, db: str) -> None:
    """Replace a card's text with FILE (card JSON, as `show --format json` prints it; - for stdin)."""
    from .cards.review import edit_card
    from .errors import InvalidInput
    from .studies import resolve

    try:
        data = json.load(file)
    except ValueError as e:
        raise InvalidInput(f"{file.name}: not JSON: {e}") from e
    if isinstance(data, dict) and isinstance(data.get("card"), dict):
        data = data["card"]  # accept the whole `show --format json` output
    data = {k: v for k, v in data.items() if k != "status"} if isinstance(data, dict) else data
    store = open_db(db)
    card = edit_card(store, resolve(store, key), data, editor, note)
    click.echo(f"study {card['study_id']}: edited by {card['editor']}")


@card_group.command("pending")
@click.argument("key")
@click.option("--accept", "action", flag_value="accept", help="Take the regenerated draft as the card text.")
@click.option("--discard", "action", flag_value="discard", help="Drop the regenerated draft.")
@click.option("--editor", help="Who accepts or discards (needed with --accept/--discard).")
@db_option
def card_pending_cmd(key: str, action: str | None, editor: str | None, db: str) -> None:
    """Show the differences a regenerated draft would make to an edited card, or accept/discard it."""
    from .cards.review import accept_pending, discard_pending, get_card
    from .errors import InvalidInput, NotFound
    from .studies import resolve

    store = open_db(db)
    sid = resolve(store, key)
    if action:
        if not editor:
            raise InvalidInput(f"--{action} needs --editor")
        (accept_pending if action == "accept" else discard_pending)(store, sid, editor)
        click.echo(f"study {sid}: pending draft {action}ed")
        return
    card = get_card(store, sid)
    if card is None:
        raise NotFound(f"study {key} has no card yet")
    if not card["pending"]:
        click.echo(f"study {sid}: nothing pending")
        return
    for d in card["pending"]["diff"]:
        click.echo(f"{d['op']:8} {d['path']}")
        if d["old"] is not None:
            click.echo(f"  - {d['old']}")
        if d["new"] is not None:
            click.echo(f"  + {d['new']}")


@card_group.command("history")
@click.argument("key")
@click.option("--json", "as_json", is_flag=True, help="Print the versions as JSON.")
@db_option
def card_history_cmd(key: str, as_json: bool, db: str) -> None:
    """Every version of a card: number, status, editor, when, note and what changed."""
    from .cards.review import history
    from .studies import resolve

    store = open_db(db)
    versions = history(store, resolve(store, key))
    if as_json:
        click.echo(json.dumps(versions, ensure_ascii=False, indent=2))
        return
    for v in versions:
        click.echo(f"v{v['version_no']}  {v['created_at']}  {v['status']:10} {v['editor']}  {v['note']}"
                   + (f"  ({len(v['changes'])} changes)" if v["changes"] else ""))


# -- web -------------------------------------------------------------------------------------
@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (one per core is a good start).")
@click.option("--proxy-headers", is_flag=True,
              help="Behind a TLS proxy: trust its X-Forwarded-Proto/-For (from PHYSIOHUB_FORWARDED_ALLOW_IPS, "
                   "default 127.0.0.1), for Secure cookies, HSTS and real client addresses.")
@click.option("--index", "index", is_flag=True,
              help="Compute missing embeddings in the background while serving (one worker); search is "
                   "keyword-only, and says so, until they are ready.")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="Print a line per request (off for load tests).")
@db_option
def serve_cmd(host: str, port: int, workers: int, proxy_headers: bool, index: bool, access_log: bool, db: str) -> None:
    """Serve the web hub, the JSON API under /api/ and its description at /openapi.json."""
    from .web.serve import serve

    echo_err(f"serving {db} on http://{host}:{port}  (Ctrl+C to stop)")
    serve(db, host=host, port=port, workers=workers, proxy_headers=proxy_headers, index_in_background=index,
          access_log=access_log)


@cli.group("user")
def user_group() -> None:
    """Editor accounts for the web hub's editor area."""


# Passwords never come from the command line (shell history, the process list): PHYSIOHUB_PASSWORD or a prompt.
def _password(prompt: str) -> str:
    import os

    return os.environ.get("PHYSIOHUB_PASSWORD") or click.prompt(prompt, hide_input=True, confirmation_prompt=True)


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), required=True,
              help="editor: review, edit and publish cards; admin: also manage users.")
@db_option
def user_add_cmd(name: str, role: str, db: str) -> None:
    """Add a user who can sign in to the editor area (password asked for, or PHYSIOHUB_PASSWORD)."""
    from .web.auth import add_user

    add_user(open_db(db), name, _password("Password"), role)
    click.echo(f"added {role} {name}")


@user_group.command("set-password")
@click.argument("name")
@db_option
def user_set_password_cmd(name: str, db: str) -> None:
    """Change a user's password (asked for, or PHYSIOHUB_PASSWORD); every session of that user ends at once."""
    from .web.auth import set_password

    set_password(open_db(db), name, _password("New password"))
    click.echo(f"changed the password of {name}; their sessions have ended")


@user_group.command("password", hidden=True)
@click.argument("name")
@db_option
@click.pass_context
def user_password_cmd(ctx: click.Context, name: str, db: str) -> None:
    """Same as set-password (older name)."""
    ctx.invoke(user_set_password_cmd, name=name, db=db)


@user_group.command("list")
@db_option
def user_list_cmd(db: str) -> None:
    """List the users: name, role, since when, and whether disabled or paused after failed sign-ins."""
    from .web.auth import list_users

    users = list_users(open_db(db))
    for u in users:
        state = "disabled" if u["disabled_at"] else (
            f"sign-in paused for {-(-u['locked_for'] // 60)} more minute{'s' if -(-u['locked_for'] // 60) != 1 else ''}"
            if u["locked_for"] else "active")
        click.echo(f"{u['name']}\t{u['role']}\tsince {u['created_at'][:10]}\t{state}")
    if not users:
        click.echo("no users yet: physiohub user add NAME --role admin")


@user_group.command("disable")
@click.argument("name")
@db_option
def user_disable_cmd(name: str, db: str) -> None:
    """Disable an account: it cannot sign in, and its sessions end at once."""
    from .web.auth import set_disabled

    set_disabled(open_db(db), name, True)
    click.echo(f"disabled {name}; their sessions have ended")


@user_group.command("enable")
@click.argument("name")
@db_option
def user_enable_cmd(name: str, db: str) -> None:
    """Enable a disabled account again."""
    from .web.auth import set_disabled

    set_disabled(open_db(db), name, False)
    click.echo(f"enabled {name}")


@user_group.command("unlock")
@click.argument("name")
@db_option
def user_unlock_cmd(name: str, db: str) -> None:
    """Lift the sign-in pause that failed tries put on an account."""
    from .web.auth import unlock

    unlock(open_db(db), name)
    click.echo(f"unlocked {name}")


# -- demo ----------------------------------------------------------------------------------
@cli.command("demo")
@click.option("--from", "from_files", is_flag=True,
              help="Build from the FILE... that follow (PubMed XML, MEDLINE, RIS, BibTeX, JSONL, CSV) "
                   "instead of fetching the starter set from PubMed.")
@click.argument("paths", nargs=-1, metavar="[FILE]...",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Build the hub, do not serve it.")
@db_option
def demo_cmd(from_files: bool, paths: tuple[Path, ...], host: str, port: int, no_serve: bool, db: str) -> None:
    """Build a demo hub (online: 123 curated landmark MSK studies; or --from FILE...) and serve it."""
    from .demo import OFFLINE_HELP, build
    from .errors import OnlineError

    # `--from` is a flag followed by the files (click options take one value each), so both
    # `--from A B C` and `--from A --from B` work.
    if from_files and not paths:
        raise click.UsageError("--from needs at least one file: physiohub demo --from FILE...")
    if paths and not from_files:
        raise click.UsageError("put --from before the files: physiohub demo --from FILE...")
    store = open_db(db)
    try:
        # Serving: no wait for the embeddings (minutes for thousands of studies); the server computes them
        # in the background and search is keyword-only, saying so, until they are ready.
        build(store, list(paths), say=echo_err, embed=no_serve)
    except OnlineError as e:
        raise click.ClickException(f"{e}. {OFFLINE_HELP}") from e
    store.close()
    if not no_serve:
        from .web.serve import serve

        echo_err(f"serving on http://{host}:{port}  (Ctrl+C to stop)")
        serve(db, host=host, port=port, index_in_background=True)


# -- search ----------------------------------------------------------------------------------
def _filters(design, evidence, verdict, topic, body_region, year_from, year_to, exclude_retracted, published):
    return {"design": list(design), "evidence": list(evidence), "verdict": list(verdict), "topic": list(topic),
            "body_region": list(body_region), "year_from": year_from, "year_to": year_to,
            "exclude_retracted": exclude_retracted, "status": "published" if published else None}


@cli.command("search")
@click.argument("query", required=False)
@click.option("--batch", "batch", type=click.Path(dir_okay=False, allow_dash=True),
              help='Run every line {"_id","text"} of this JSONL file ("-": stdin); write result lines.')
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0))
@click.option("--mode", default="hybrid", show_default=True, type=click.Choice(["bm25", "semantic", "hybrid"]))
@click.option("--design", multiple=True, help="Keep this study design (repeat for any of several).")
@click.option("--evidence", multiple=True, help="Keep this evidence level (Strong, Moderate, ...).")
@click.option("--verdict", multiple=True, help="Keep this verdict.")
@click.option("--topic", multiple=True, help="Keep studies with this topic.")
@click.option("--body-region", multiple=True, help="Keep studies about this body region.")
@click.option("--year-from", type=int)
@click.option("--year-to", type=int)
@click.option("--exclude-retracted", is_flag=True)
@click.option("--published", is_flag=True, help="Only studies with a published card.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole result (hits, total, facets) as JSON.")
@db_option
def search_cmd(query: str | None, batch: str | None, limit: int, offset: int, mode: str, design: tuple[str, ...],
               evidence: tuple[str, ...], verdict: tuple[str, ...], topic: tuple[str, ...],
               body_region: tuple[str, ...], year_from: int | None, year_to: int | None,
               exclude_retracted: bool, published: bool, as_json: bool, db: str) -> None:
    """Search the hub (BM25, semantic or both fused), or run a batch of queries with --batch."""
    from .search import search
    from .search.batch import write_batch

    if (query is None) == (batch is None):
        raise click.UsageError("give a QUERY or --batch QUERIES.jsonl (not both)")
    filters = _filters(design, evidence, verdict, topic, body_region, year_from, year_to,
                       exclude_retracted, published)
    store = open_db(db)
    if batch is not None:
        with click.open_file(batch, encoding="utf-8") as lines:
            write_batch(store, lines, sys.stdout, name=batch, mode=mode, limit=limit, filters=filters)
        return
    res = search(store, query, mode=mode, limit=limit, offset=offset, filters=filters)
    if as_json:
        click.echo(json.dumps(res, ensure_ascii=False))
        return
    for note in res["notes"]:
        echo_err(f"note: {note}")
    shown = f"{offset + 1}-{offset + len(res['hits'])}" if res["hits"] else "0"
    click.echo(f"{shown} of {res['total']} ({res['mode']})")
    for rank, h in enumerate(res["hits"], start=offset + 1):
        badges = " · ".join(b for b in (h["design"], h["evidence"], h["verdict"]) if b)
        flag = " [RETRACTED]" if h["retracted"] else ""
        click.echo(f"{rank:>3}. {h['title']}{flag} ({h['year'] or 'n.d.'})  [id {h['id']}, {h['source_id']}]")
        if badges:
            click.echo(f"     {badges}")


@cli.command("index")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@db_option
def index_cmd(quiet: bool, db: str) -> None:
    """Compute sentence embeddings for studies that have none or whose text changed."""
    from .progress import progress_bar
    from .search import build_index, embed

    store = open_db(db)
    t0 = time.perf_counter()
    with progress_bar("Embedding", None, enabled=not quiet) as advance:
        n = build_index(store, advance, on_total=advance.set_total)
    if not quiet:
        # which path did the work: a NumPy fallback is ~5x slower, worth seeing at a glance
        how = f" with {embed.loaded_backend()}" if embed.loaded_backend() else ""
        click.echo(f"embedded {n} studies in {time.perf_counter() - t0:.0f} s{how}" if n
                   else "embeddings are up to date")

# -- check (claim check of a popular article) -------------------------------------------------
@cli.command("check")
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--html", "html", is_flag=True, default=None,
              help="Treat the input as a web page (default: .html/.htm files and pages that look like HTML).")
@click.option("--limit", default=3, show_default=True, type=click.IntRange(1, 50), help="Matches per claim.")
@click.option("--resolve", is_flag=True, help="Look references up in Crossref/PubMed (online).")
@click.option("--import-refs", is_flag=True, help="Import the references the hub lacks (online), then check again.")
@db_option
def check_cmd(article: str, as_json: bool, html: bool | None, limit: int, resolve: bool, import_refs: bool, db: str) -> None:
    """Find the research claims in ARTICLE (a file, a URL, or - for stdin) and the hub's evidence for each."""
    from .check import check_article, read_article
    from .check.report import to_text

    if article == "-":
        raw, is_html = sys.stdin.read(), bool(html)
    else:
        raw, is_html = read_article(article, html=html)
    store = open_db(db)
    result = check_article(store, raw, html=is_html, limit=limit)
    if resolve or import_refs:
        from .check.online import import_references, resolve_references

        resolve_references(result["references"], store=store)
        if import_refs:
            result["imported"] = import_references(store, result["references"])
            result = {**check_article(store, raw, html=is_html, limit=limit), "imported": result["imported"]}
    click.echo(json.dumps(result, ensure_ascii=False, indent=2) if as_json else to_text(result))


def main() -> None:
    cli(prog_name="physiohub")


if __name__ == "__main__":
    main()
