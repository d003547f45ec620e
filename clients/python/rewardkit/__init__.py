"""Python client of the rewardkit reward server (standard library only).

- ``RewardKitClient``: ``score`` (POST /v1/score), ``get_reward`` (POST /get_reward), ``specs``,
  ``ready``; splits big batches, retries 429/502/503/504 and refused connections with exponential
  backoff honouring Retry-After, times out.
- ``rewardkit.verl``: ``compute_score``, ``compute_score_async``, ``compute_score_batch``.
- ``rewardkit.openrlhf``: ``reward_func``.
- ``rewardkit.trl``: ``reward_func``, ``make_reward_func``.
"""

from .client import RewardKitClient, RewardKitError, default_client

__all__ = ["RewardKitClient", "RewardKitError", "default_client"]
__version__ = "0.1.0"
