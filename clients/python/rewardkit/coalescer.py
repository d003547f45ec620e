"""Merges concurrent single-sample calls into batched requests.

verl's reward loop calls ``compute_score`` once per sample, many at a time (threads for a plain
function, coroutines for an ``async def``). One HTTP request per sample is slow (512 sequential
requests took 1.95 s against 0.06 s for one batch), so calls are batched adaptively, as the
server batches requests: while fewer than ``client.concurrency`` requests are in flight, whatever
is queued goes out at once (a lone call waits for nothing); when they are all busy, new calls
queue up and leave together in the next request.
"""

import os
import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor


class Coalescer:
    def __init__(self, client, max_batch=None):
        self.client = client
        self.max_batch = max_batch or client.max_batch
        self._pid = None
        self._lock = threading.Lock()

    def submit(self, sample, spec=None):
        """Queues one sample; the Future gives its result dict (or raises the request's error)."""
        future = Future()
        self._ensure_running()
        self._queue.put((sample, spec, future))
        return future

    def _ensure_running(self):
        # A forked child (verl's prime manager uses process pools) has no copy of the thread.
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._queue = queue.SimpleQueue()
            self._slots = threading.BoundedSemaphore(self.client.concurrency)
            self._senders = ThreadPoolExecutor(max_workers=self.client.concurrency, thread_name_prefix="rewardkit")
            thread = threading.Thread(target=self._collect, name="rewardkit-coalescer", daemon=True)
            thread.start()

    def _collect(self):
        pending, slots = self._queue, self._slots
        while True:
            first = pending.get()
            slots.acquire()  # all requests busy: calls accumulate in the queue meanwhile
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    batch.append(pending.get_nowait())
                except queue.Empty:
                    break
            by_spec = {}
            for item in batch:
                by_spec.setdefault(item[1], []).append(item)
            groups = list(by_spec.items())
            for _ in groups[1:]:
                slots.acquire()
            for spec, items in groups:
                self._senders.submit(self._send, spec, items)

    def _send(self, spec, items):
        try:
            # Ids numbered within the request (results come back in order; ids only label them).
            results = self.client.score([dict(sample, id=index) for index, (sample, _, _) in enumerate(items)], spec=spec)
        except BaseException as error:  # every waiting call gets the request's error
            for _, _, future in items:
                future.set_exception(error)
            return
        finally:
            self._slots.release()
        for (_, _, future), result in zip(items, results):
            future.set_result(result)
