"""Runs Math-Verify (huggingface/Math-Verify, from its sources on PYTHONPATH) over labelled pairs.

Reads a JSONL file of {"id", "gold", "response"} and writes one JSON object to stdout:
{"seconds": wall, "cpu_seconds": cpu, "max_rss_kb": peak, "results": [{"id", "verdict", "us"}]}.
Start-up (imports and one warm-up call) is excluded from the timing. Default configuration:
verify(parse(gold), parse(response)), as the peer's README shows; a gold without any math
delimiter is given as \boxed{gold}, since the default parse finds nothing in bare LaTeX such as
\dfrac{9}{7} (Math-Verify issue 70; lighteval wraps golds the same way).
"""

import json
import resource
import sys
import time

from math_verify import parse, verify

pairs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
verify(parse("$1$"), parse("$1$"))

DELIMITERS = ("$", "\\boxed", "\\(", "\\[", "####", "\\fbox")


def as_gold(gold):
    return gold if any(mark in gold for mark in DELIMITERS) else "\\boxed{" + gold + "}"


results = []
started = time.perf_counter()
cpu_started = time.process_time()
for pair in pairs:
    pair_started = time.perf_counter()
    try:
        verdict = "equal" if verify(parse(as_gold(pair["gold"])), parse(pair["response"])) else "not_equal"
    except Exception as error:  # the peer raising is a verdict of its own
        verdict = "error: " + type(error).__name__
    results.append({"id": pair["id"], "verdict": verdict, "us": (time.perf_counter() - pair_started) * 1e6})
seconds = time.perf_counter() - started
cpu_seconds = time.process_time() - cpu_started
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "results": results}))
