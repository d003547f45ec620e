"""What a trainer that needs a number gets for an undecided (null) reward, said out loud."""

import logging
import os
import threading

from .client import RewardKitError

logger = logging.getLogger("rewardkit")


def null_reward_value():
    """REWARDKIT_NULL_REWARD (default 0.0): the number sent to trainers that cannot take None."""
    text = os.environ.get("REWARDKIT_NULL_REWARD", "0")
    try:
        return float(text)
    except ValueError:
        raise RewardKitError("RK_USAGE", "REWARDKIT_NULL_REWARD must be a number, got %r" % text) from None


class NullCounter:
    """Counts null rewards replaced by a number; warns on the first and on every power of two after."""

    def __init__(self):
        self.nulls = 0
        self.total = 0
        self._lock = threading.Lock()

    def add(self, results, replacement):
        nulls = sum(1 for result in results if result.get("reward") is None)
        with self._lock:
            before = self.nulls
            self.nulls += nulls
            self.total += len(results)
            crossed = nulls > 0 and (before == 0 or (self.nulls.bit_length() > before.bit_length()))
            snapshot = (self.nulls, self.total)
        if crossed:
            example = next(result for result in results if result.get("reward") is None)
            logger.warning(
                "rewardkit: %d of %d rewards so far were null (undecided: %s) and were sent as %s; "
                "set REWARDKIT_NULL_REWARD to choose the number, or the spec's on_error",
                snapshot[0],
                snapshot[1],
                _reason_of(example),
                replacement,
            )


def _reason_of(result):
    error = result.get("error")
    if error:
        return "%s %s" % (error.get("code"), error.get("message"))
    for name, component in (result.get("components") or {}).items():
        if component.get("score") is None:
            return "component %s is %s" % (name, component.get("status"))
    return "unknown"


def numbers_of(results, counter, replacement=None):
    """The rewards as floats, a null reward replaced (and counted)."""
    value = null_reward_value() if replacement is None else float(replacement)
    counter.add(results, value)
    return [value if result.get("reward") is None else float(result["reward"]) for result in results]
