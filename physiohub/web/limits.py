"""Cost caps for expensive anonymous requests (the claim checker): a per-client rate limit and a bound on
how many run at once.

Checking an article costs CPU seconds (claims, references, a search per claim), while a card page costs
about a millisecond. Without caps, a few anonymous clients posting long articles take the CPU from every
reader. So, per server worker process:

- each client address gets a token bucket (``burst`` checks at once, then one every ``60 / per_minute``
  seconds); past it: 429 with ``Retry-After``;
- at most ``slots`` checks run at the same time (one by default: the rest of the CPU keeps serving cards);
  a check waits up to ``wait`` seconds for a slot, else 503 with ``Retry-After``.

The counts live in memory: they are a cost guard, not a security boundary (the sign-in limit, which is,
is kept in the database). Behind a proxy, ``physiohub serve --proxy-headers`` makes the client address
the real one rather than the proxy's.
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import PhysioHubError


class Limited(PhysioHubError):
    """Refused for cost: ``status`` 429 (this client) or 503 (the server), retry after ``retry_after`` s."""

    def __init__(self, message: str, *, status: int, retry_after: int):
        super().__init__(message)
        self.status = status
        self.retry_after = max(1, retry_after)


class CheckLimits:
    def __init__(self, *, per_minute: float = 6, burst: int = 3, slots: int = 1, wait: float = 20,
                 max_clients: int = 10_000):
        self.rate = per_minute / 60.0
        self.burst = burst
        self.wait = wait
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, at)
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(slots)

    def take(self, client: str) -> None:
        """Spend one check from ``client``'s bucket, or raise Limited(429)."""
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens < 1:
                self._buckets[client] = (tokens, now)
                wait = math.ceil((1 - tokens) / self.rate) if self.rate > 0 else 3600
                raise Limited(f"too many articles checked from this address; try again in {wait} s",
                              status=429, retry_after=wait)
            self._buckets[client] = (tokens - 1, now)
            while len(self._buckets) > self.max_clients:  # forget the least recently seen
                self._buckets.popitem(last=False)

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the check slots while the body runs, or raise Limited(503) after ``wait`` s."""
        if not self._slots.acquire(timeout=self.wait):
            raise Limited("the article checker is busy with other articles; try again shortly",
                          status=503, retry_after=10)
        try:
            yield
        finally:
            self._slots.release()
