"""HTTP client of `rewardkit serve`: chunking, retries with backoff, timeouts (standard library only)."""

import email.utils
import json
import logging
import os
import random
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

logger = logging.getLogger("rewardkit")

#: Answers worth sending again: overload (429) and temporary unavailability (502/503/504).
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})


class RewardKitError(Exception):
    """A request that failed: the server's RK_* code, message and hint, and the HTTP status (or None)."""

    def __init__(self, code, message, hint=None, status=None):
        super().__init__("%s: %s%s" % (code, message, "" if hint is None else " (hint: %s)" % hint))
        self.code = code
        self.message = message
        self.hint = hint
        self.status = status


def _env_float(name, default):
    text = os.environ.get(name)
    if text is None or text.strip() == "":
        return default
    try:
        return float(text)
    except ValueError:
        raise RewardKitError("RK_USAGE", "%s must be a number, got %r" % (name, text)) from None


def _env_int(name, default):
    value = _env_float(name, default)
    if value != int(value) or value < 1:
        raise RewardKitError("RK_USAGE", "%s must be a positive integer, got %r" % (name, value))
    return int(value)


def retry_after_seconds(header, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if header is None:
        return None
    header = header.strip()
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def backoff_delay(attempt, retry_after, base, cap, rng=random):
    """How long to wait before attempt `attempt + 1` (attempt counts from 0).

    Without Retry-After: "full jitter" exponential backoff, uniform in [0, min(cap, base * 2**attempt)].
    With Retry-After: at least what the server asked, plus up to 20% jitter so that many clients
    told the same value do not come back in the same instant.
    """
    if retry_after is not None:
        return retry_after * (1.0 + 0.2 * rng.random())
    return rng.uniform(0.0, min(cap, base * (2 ** attempt)))


def _as_float(value):
    return None if value is None else float(value)


class RewardKitClient:
    """A client of one rewardkit server.

    Every argument has an environment variable, read when the argument is None:

    ================  =========================  ===================================================
    argument          environment                default
    ================  =========================  ===================================================
    url               REWARDKIT_URL              http://127.0.0.1:8000
    api_key           REWARDKIT_API_KEY          none (sent as ``Authorization: Bearer KEY``)
    spec              REWARDKIT_SPEC             the server's default spec
    timeout           REWARDKIT_TIMEOUT          300 seconds per HTTP request
    max_batch         REWARDKIT_MAX_BATCH        2048 samples per request (bigger batches are split)
    max_attempts      REWARDKIT_MAX_ATTEMPTS     8 tries of one request (429/502/503/504, refused
                                                 connections, timeouts), then RewardKitError
    concurrency       REWARDKIT_CONCURRENCY      4 requests of one batch in flight at once
    ================  =========================  ===================================================

    A 413 (batch or body over the server's limits) splits the chunk in two and sends the halves,
    so a server with a lower ``--max-batch`` still works.
    """

    def __init__(
        self,
        url=None,
        api_key=None,
        spec=None,
        timeout=None,
        max_batch=None,
        max_attempts=None,
        concurrency=None,
        backoff_base=0.5,
        backoff_cap=30.0,
    ):
        self.url = (url or os.environ.get("REWARDKIT_URL") or "http://127.0.0.1:8000").rstrip("/")
        self.api_key = api_key if api_key is not None else (os.environ.get("REWARDKIT_API_KEY") or None)
        self.spec = spec if spec is not None else (os.environ.get("REWARDKIT_SPEC") or None)
        self.timeout = float(timeout) if timeout is not None else _env_float("REWARDKIT_TIMEOUT", 300.0)
        self.max_batch = int(max_batch) if max_batch is not None else _env_int("REWARDKIT_MAX_BATCH", 2048)
        self.max_attempts = (
            int(max_attempts) if max_attempts is not None else _env_int("REWARDKIT_MAX_ATTEMPTS", 8)
        )
        self.concurrency = int(concurrency) if concurrency is not None else _env_int("REWARDKIT_CONCURRENCY", 4)
        if self.max_batch < 1 or self.max_attempts < 1 or self.concurrency < 1:
            raise RewardKitError("RK_USAGE", "max_batch, max_attempts and concurrency must be at least 1")
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap

    # -- routes -------------------------------------------------------------------------------

    def score(self, samples, spec=None):
        """Scores samples (dicts of the sample contract) with POST /v1/score; results in input order.

        Batches larger than ``max_batch`` go as several requests (``concurrency`` at once). Every
        ``reward`` in the results is a float or None (undecided).
        """
        samples = list(samples)
        spec = spec if spec is not None else self.spec
        chunks = self._map_chunks(samples, lambda chunk: self._score_chunk(chunk, spec))
        results = [result for chunk in chunks for result in chunk]
        for result in results:
            result["reward"] = _as_float(result.get("reward"))
        return results

    def get_reward(self, queries, prompts=None, labels=None, spec=None):
        """OpenRLHF's protocol, POST /get_reward: ``{"rewards", "scores", "extra_logs"}``, one float per query."""
        queries = list(queries)
        indices = list(range(len(queries)))

        def body_of(part):
            body = {"query": [queries[i] for i in part]}
            if prompts is not None:
                body["prompts"] = [prompts[i] for i in part]
            if labels is not None:
                body["labels"] = [labels[i] for i in part]
            if spec is not None:
                body["spec"] = spec
            return body

        answers = self._map_chunks(indices, lambda chunk: self._post_splitting("/get_reward", chunk, body_of))
        merged = {"rewards": [], "scores": [], "extra_logs": {}}
        for answer in [a for chunk in answers for a in chunk]:
            merged["rewards"].extend(float(x) for x in answer["rewards"])
            merged["scores"].extend(float(x) for x in answer.get("scores", answer["rewards"]))
            for key, values in (answer.get("extra_logs") or {}).items():
                merged["extra_logs"].setdefault(key, []).extend(float(x) for x in values)
        return merged

    def specs(self):
        """GET /v1/specs: the default spec's name, the specs and the spec JSON Schema."""
        return self._request("GET", "/v1/specs", None)

    def ready(self):
        """True when GET /readyz answers 200 (one try, no retries)."""
        try:
            with urllib.request.urlopen(self.url + "/readyz", timeout=min(self.timeout, 10.0)) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    # -- chunking -----------------------------------------------------------------------------

    def _map_chunks(self, items, send):
        """Sends ``items`` in chunks of ``max_batch``; returns the per-chunk answers in order."""
        if len(items) == 0:
            return []
        chunks = [items[start : start + self.max_batch] for start in range(0, len(items), self.max_batch)]
        if len(chunks) == 1 or self.concurrency == 1:
            return [send(chunk) for chunk in chunks]
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(chunks))) as pool:
            return list(pool.map(send, chunks))

    def _score_chunk(self, samples, spec):
        def body_of(part):
            return {"samples": part} if spec is None else {"spec": spec, "samples": part}

        answers = self._post_splitting("/v1/score", samples, body_of)
        return [result for answer in answers for result in answer["results"]]

    def _post_splitting(self, path, items, body_of):
        """POSTs ``body_of(items)``; on 413 splits ``items`` in two and sends the halves. Returns answers."""
        try:
            return [self._request("POST", path, body_of(items))]
        except RewardKitError as error:
            if error.status != 413 or len(items) < 2:
                raise
            middle = len(items) // 2
            logger.warning(
                "rewardkit: %s refused %d samples (%s); sending halves (lower REWARDKIT_MAX_BATCH to avoid this)",
                path,
                len(items),
                error.message,
            )
            return self._post_splitting(path, items[:middle], body_of) + self._post_splitting(
                path, items[middle:], body_of
            )

    # -- one request, with retries ------------------------------------------------------------

    def _request(self, method, path, body):
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"accept": "application/json"}
        if data is not None:
            headers["content-type"] = "application/json"
        if self.api_key:
            headers["authorization"] = "Bearer " + self.api_key
        last_error = None
        for attempt in range(self.max_attempts):
            request = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
            retry_after = None
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as failure:
                error = _error_of(failure)
                if failure.code not in RETRYABLE_STATUSES:
                    raise error from None
                retry_after = retry_after_seconds(failure.headers.get("Retry-After"))
                last_error = error
            except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError) as failure:
                reason = getattr(failure, "reason", failure)
                last_error = RewardKitError(
                    "RK_UNAVAILABLE", "cannot reach %s%s: %s" % (self.url, path, reason), hint=_HINT_UNREACHABLE
                )
            if attempt + 1 < self.max_attempts:
                delay = backoff_delay(attempt, retry_after, self.backoff_base, self.backoff_cap)
                logger.info(
                    "rewardkit: %s %s failed (%s); try %d of %d in %.2f s",
                    method,
                    path,
                    last_error.code,
                    attempt + 2,
                    self.max_attempts,
                    delay,
                )
                time.sleep(delay)
        raise RewardKitError(
            last_error.code,
            "%s (gave up after %d attempts)" % (last_error.message, self.max_attempts),
            hint=last_error.hint,
            status=last_error.status,
        )


_HINT_UNREACHABLE = "is `rewardkit serve` running there? set REWARDKIT_URL"


def _error_of(failure):
    """The RewardKitError of an HTTP error answer (the server's {"error": {...}} body when it has one)."""
    text = b""
    try:
        text = failure.read()
        info = json.loads(text.decode("utf-8")).get("error") or {}
    except (ValueError, AttributeError, OSError):
        info = {}
    code = info.get("code") or ("RK_UNAUTHORIZED" if failure.code == 401 else "RK_HTTP_%d" % failure.code)
    message = info.get("message") or "HTTP %d: %s" % (failure.code, text[:200].decode("utf-8", "replace"))
    return RewardKitError(code, message, hint=info.get("hint"), status=failure.code)


_default_client = None
_default_client_pid = None


def default_client():
    """The process's client built from the environment (rebuilt after a fork)."""
    global _default_client, _default_client_pid
    if _default_client is None or _default_client_pid != os.getpid():
        _default_client = RewardKitClient()
        _default_client_pid = os.getpid()
    return _default_client
