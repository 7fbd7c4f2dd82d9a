"""Users, passwords, sessions, CSRF tokens and sign-in rate limiting for the web hub.

Choices (what OWASP's session, CSRF and password-storage cheat sheets recommend):
- Passwords: argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile); hashes are upgraded on
  the next sign-in when the parameters change. Unknown names still cost one hash check (no timing oracle).
- Sessions: a cookie signed with itsdangerous (timestamped, 12 h), HttpOnly, SameSite=Lax, ``Secure`` when
  the site is served over https. It holds the user id, a random session token, the CSRF token and a
  fingerprint of the password hash. The token's SHA-256 is kept server-side (table web_sessions): signing
  out deletes it, a password change deletes all of the user's, so a copied cookie stops working at once.
  The session row, user and role are re-read from the database on each request (a role change applies at
  once).
- CSRF: a synchronizer token kept in the signed session and sent in a hidden field of every form; POSTs
  without it (or with a foreign Origin) are refused with 403. Anonymous forms (sign in, check an article) get
  a session holding only the token.
- Rate limiting: failed sign-ins are counted per client address and per user name in the database (so every
  server worker sees them); 5 failures within 15 minutes block that key until the window has passed (429).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..errors import InvalidInput, NotFound
from ..store import Store

ROLES = ("editor", "admin")
# OWASP ASVS 2.1.1 / 2.1.2: at least 12 characters; up to 128 (argon2 takes any length, the cap bounds the work).
MIN_PASSWORD = 12
MAX_PASSWORD = 128
SESSION_COOKIE = "physiohub_session"
SESSION_MAX_AGE = 12 * 3600
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")

_hasher = PasswordHasher()
# Verified against when the name is unknown, so both paths cost one argon2 check.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _check_password(password: str | None) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise InvalidInput(f"password must be at least {MIN_PASSWORD} characters")
    if len(password or "") > MAX_PASSWORD:
        raise InvalidInput(f"password must be at most {MAX_PASSWORD} characters")


# -- users ----------------------------------------------------------------------------------------
def add_user(store: Store, name: str, password: str, role: str) -> dict[str, Any]:
    """Create a user; ``InvalidInput`` for a bad name, role or short password, or a taken name."""
    if not _NAME.match(name or ""):
        raise InvalidInput("user name must be 2-64 characters: letters, digits, '.', '_', '@' or '-'")
    if role not in ROLES:
        raise InvalidInput(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    _check_password(password)
    with store.atomic():
        if store.query_one("SELECT 1 FROM users WHERE name = ?", (name,)):
            raise InvalidInput(f"a user named {name!r} already exists")
        store.execute(
            "INSERT INTO users(name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
            (name, role, _hasher.hash(password), _now().isoformat(timespec="seconds")),
        )
    return get_user_by_name(store, name)


def set_password(store: Store, name: str, password: str) -> None:
    """Change a password and end every session of that user (on every device)."""
    _check_password(password)
    new_hash = _hasher.hash(password)
    with store.atomic():
        cur = store.execute("UPDATE users SET password_hash = ? WHERE name = ?", (new_hash, name))
        if cur.rowcount == 0:
            raise NotFound(f"no user named {name!r}")
        store.execute("DELETE FROM web_sessions WHERE user_id = (SELECT id FROM users WHERE name = ?)", (name,))


def get_user(store: Store, user_id: int) -> dict[str, Any] | None:
    row = store.query_one("SELECT id, name, role, password_hash, created_at FROM users WHERE id = ?", (user_id,))
    return dict(row) if row else None


def get_user_by_name(store: Store, name: str) -> dict[str, Any]:
    row = store.query_one("SELECT id, name, role, password_hash, created_at FROM users WHERE name = ?", (name,))
    if not row:
        raise NotFound(f"no user named {name!r}")
    return dict(row)


def list_users(store: Store) -> list[dict[str, Any]]:
    """Every user with role, creation time, whether disabled, and seconds until a sign-in pause ends."""
    out = []
    for r in store.query("SELECT id, name, role, created_at, disabled_at FROM users ORDER BY name"):
        d = dict(r)
        d["locked_for"] = signin_blocked(store, [f"user:{d['name'].lower()}"])
        out.append(d)
    return out


def set_disabled(store: Store, name: str, disabled: bool) -> None:
    """Disable (ends every session; sign-in refused) or enable an account."""
    user = get_user_by_name(store, name)
    with store.atomic():
        store.execute("UPDATE users SET disabled_at = ? WHERE id = ?",
                      (_now().isoformat(timespec="seconds") if disabled else None, user["id"]))
        if disabled:
            end_all_sessions(store, user["id"])


def unlock(store: Store, name: str) -> None:
    """Lift a sign-in pause on the account (failed tries by name are forgotten)."""
    get_user_by_name(store, name)
    clear_failures(store, [f"user:{name.lower()}"])


def authenticate(store: Store, name: str, password: str) -> dict[str, Any] | None:
    """The user if name and password match, else None (same cost either way)."""
    row = store.query_one("SELECT id, name, role, password_hash, disabled_at FROM users WHERE name = ?", (name or "",))
    stored = row["password_hash"] if row else _DUMMY_HASH
    try:
        _hasher.verify(stored, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or row["disabled_at"]:  # a disabled account reads like a wrong password, at the same cost
        return None
    user = dict(row)
    user.pop("disabled_at", None)
    if _hasher.check_needs_rehash(stored):
        user["password_hash"] = _hasher.hash(password)
        store.execute("UPDATE users SET password_hash = ? WHERE id = ?", (user["password_hash"], user["id"]))
    return user


def fingerprint(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode()).hexdigest()[:16]


# -- sign-in rate limiting (table web_signin_failures, migration 0501) --------------------------------
# A try is recorded as a failure *before* the password is checked, in the same write transaction that
# counts the earlier ones (BEGIN IMMEDIATE: one writer at a time, across threads and worker processes).
# So N parallel tries can never pass the count together: at most MAX_FAILURES password checks per key and
# window, however many arrive at once. A try that succeeds takes its own record back.
def _wait(store: Store, keys: list[str], now: datetime) -> int:
    since = (now - FAILURE_WINDOW).isoformat()
    wait = 0
    for key in keys:
        rows = store.query(
            "SELECT at FROM web_signin_failures WHERE key = ? AND at > ? ORDER BY at", (key, since)
        )
        if len(rows) >= MAX_FAILURES:
            # Blocked until the oldest failure that still counts leaves the window.
            oldest = datetime.fromisoformat(rows[-MAX_FAILURES]["at"])
            wait = max(wait, int((oldest + FAILURE_WINDOW - now).total_seconds()) + 1)
    return wait


def signin_blocked(store: Store, keys: list[str]) -> int:
    """Seconds until a sign-in may be tried again for any of ``keys`` (0: not blocked). Read-only: use
    ``begin_attempt`` to decide whether to check a password."""
    return _wait(store, keys, _now())


def begin_attempt(store: Store, keys: list[str]) -> tuple[int, str]:
    """Atomically: (seconds to wait, "") when any key is blocked; else record this try as a failure for
    every key and return (0, its timestamp) — pass that to ``attempt_succeeded`` when the password is right."""
    now = _now()
    with store.atomic():
        store.execute("DELETE FROM web_signin_failures WHERE at < ?", ((now - FAILURE_WINDOW).isoformat(),))
        wait = _wait(store, keys, now)
        if wait:
            return wait, ""
        at = now.isoformat()
        for key in keys:
            store.execute("INSERT INTO web_signin_failures(key, at) VALUES (?, ?)", (key, at))
    return 0, at


def tries_left(store: Store, keys: list[str]) -> int:
    """How many more failed tries any of ``keys`` has before sign-in is paused (the smallest)."""
    since = (_now() - FAILURE_WINDOW).isoformat()
    used = max((store.query_one("SELECT COUNT(*) FROM web_signin_failures WHERE key = ? AND at > ?", (k, since))[0]
                for k in keys), default=0)
    return max(0, MAX_FAILURES - used)


def attempt_succeeded(store: Store, keys: list[str], at: str, name_key: str) -> None:
    """Take back the try recorded at ``at`` and forget the account's earlier failures."""
    with store.atomic():
        for key in keys:
            store.execute("DELETE FROM web_signin_failures WHERE key = ? AND at = ?", (key, at))
        store.execute("DELETE FROM web_signin_failures WHERE key = ?", (name_key,))


def record_failure(store: Store, keys: list[str]) -> None:
    now = _now()
    with store.atomic():
        store.execute("DELETE FROM web_signin_failures WHERE at < ?", ((now - FAILURE_WINDOW).isoformat(),))
        for key in keys:
            store.execute("INSERT INTO web_signin_failures(key, at) VALUES (?, ?)", (key, now.isoformat()))


def clear_failures(store: Store, keys: list[str]) -> None:
    for key in keys:
        store.execute("DELETE FROM web_signin_failures WHERE key = ?", (key,))


# -- server-side sessions (table web_sessions, migration 0502) -------------------------------------------
def _token_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(store: Store, user_id: int) -> str:
    """A new session for ``user_id``: the token for the cookie (only its hash is stored)."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with store.atomic():
        store.execute("DELETE FROM web_sessions WHERE expires_at < ?", (now.isoformat(),))
        store.execute("INSERT INTO web_sessions(id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                      (_token_id(token), user_id, now.isoformat(timespec="seconds"),
                       (now + timedelta(seconds=SESSION_MAX_AGE)).isoformat()))
    return token


def session_user(store: Store, user_id: Any, token: Any) -> dict[str, Any] | None:
    """The user of a live session (id, name, role, password_hash), or None when it was revoked or expired."""
    if not isinstance(token, str) or not token or not isinstance(user_id, int):
        return None
    row = store.query_one(
        """SELECT u.id, u.name, u.role, u.password_hash FROM web_sessions s JOIN users u ON u.id = s.user_id
           WHERE s.id = ? AND s.user_id = ? AND s.expires_at > ? AND u.disabled_at IS NULL""",
        (_token_id(token), user_id, _now().isoformat()))
    return dict(row) if row else None


def end_session(store: Store, token: Any) -> None:
    if isinstance(token, str) and token:
        store.execute("DELETE FROM web_sessions WHERE id = ?", (_token_id(token),))


def end_all_sessions(store: Store, user_id: int) -> None:
    store.execute("DELETE FROM web_sessions WHERE user_id = ?", (user_id,))


# -- sessions and CSRF ---------------------------------------------------------------------------
class SessionCodec:
    """Signs and reads the session cookie's payload."""

    def __init__(self, secret: str):
        self._s = URLSafeTimedSerializer(secret, salt="physiohub.session")

    def dumps(self, data: dict[str, Any]) -> str:
        return self._s.dumps(data)

    def loads(self, value: str | None) -> dict[str, Any]:
        if not value:
            return {}
        try:
            data = self._s.loads(value, max_age=SESSION_MAX_AGE)
        except (BadSignature, ValueError, TypeError):
            return {}
        return data if isinstance(data, dict) else {}


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


def secret_key(store: Store, configured: str = "") -> str:
    """The configured secret, else one generated once and kept in the database."""
    if configured:
        return configured
    key = store.get_meta("web_secret_key")
    if not key:
        with store.atomic():
            key = store.get_meta("web_secret_key")
            if not key:
                key = secrets.token_urlsafe(48)
                store.set_meta("web_secret_key", key)
    return key
