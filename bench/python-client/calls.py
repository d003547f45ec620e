"""Times the Python client's trainer entry points against a running server (REWARDKIT_URL).

Prints one JSON line per case: {"case", "samples", "seconds", "requests"}.
"""

import asyncio
import json
import sys
import time
import urllib.request

from rewardkit.verl import compute_score, compute_score_async, compute_score_batch

URL = __import__("os").environ["REWARDKIT_URL"]


def requests_so_far():
    text = urllib.request.urlopen(URL + "/metrics").read().decode()
    total = 0
    for line in text.splitlines():
        if line.startswith("rewardkit_http_requests_total{") and 'route="/v1/score"' in line:
            total += int(float(line.rsplit(" ", 1)[1]))
    return total


def rollouts(n, salt):
    # Distinct responses per case, so that no case profits from another's cache entries.
    return [("<think>%d*%d</think><answer>%d</answer>" % (salt, i, i % 7), str(i % 5)) for i in range(n)]


def timed(case, n, run):
    before = requests_so_far()
    started = time.perf_counter()
    run()
    seconds = time.perf_counter() - started
    print(json.dumps({"case": case, "samples": n, "seconds": seconds, "requests": requests_so_far() - before}))
    sys.stdout.flush()


def sequential(items):
    for response, truth in items:
        compute_score("gsm8k", response, truth, {})


def batched(items):
    compute_score_batch(["gsm8k"] * len(items), [r for r, _ in items], [t for _, t in items], [{}] * len(items))


def reward_loop(items):
    async def step():
        await asyncio.gather(*[compute_score_async(data_source="gsm8k", solution_str=r, ground_truth=t, extra_info={}) for r, t in items])

    asyncio.run(step())


compute_score("warm", "<answer>1</answer>", "1", {})
timed("compute_score, 512 sequential calls (naive manager)", 512, lambda: sequential(rollouts(512, 1)))
timed("compute_score_batch, 512 (batch manager)", 512, lambda: batched(rollouts(512, 2)))
timed("compute_score_async, 512 concurrent (reward loop)", 512, lambda: reward_loop(rollouts(512, 3)))
timed("compute_score_batch, 5,120 (verl example step)", 5120, lambda: batched(rollouts(5120, 4)))
timed("compute_score_async, 5,120 concurrent (reward loop)", 5120, lambda: reward_loop(rollouts(5120, 5)))
