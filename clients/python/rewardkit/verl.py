"""The functions verl loads with ``custom_reward_function.path`` / ``custom_reward_function.name``.

- ``compute_score``: per sample, as verl's ``naive``, ``dapo`` and ``prime`` managers and the
  reward loop (current main) call it: ``compute_score(data_source=..., solution_str=...,
  ground_truth=..., extra_info=..., **kwargs)`` (the reward loop adds ``reward_router_address`` and
  ``reward_model_tokenizer``; ``prime`` passes the four positionally from a process pool).
  Concurrent calls are merged into batched requests.
- ``compute_score_async``: the same as ``async def`` (the reward loop awaits it on its event loop,
  so a whole step's calls are in flight together and go out as a few large requests).
- ``compute_score_batch``: verl's ``batch`` manager (releases before the reward loop):
  ``compute_score(data_sources=..., solution_strs=..., ground_truths=..., extra_infos=..., **reward_kwargs)``.

A ``ground_truth`` that is a list (or numpy array) of accepted answers scores when any of them
matches. ``spec=NAME`` among the keyword arguments (``custom_reward_function.reward_kwargs.spec``)
picks a server spec other than the default (also: REWARDKIT_SPEC). Undecided (null) rewards become
REWARDKIT_NULL_REWARD (default 0.0), with a warning in the ``rewardkit`` logger.
"""

import asyncio

from .client import default_client
from .coalescer import Coalescer
from .nulls import NullCounter, numbers_of
from .samples import reference_of

_nulls = NullCounter()
_coalescer = None


def _shared_coalescer():
    global _coalescer
    client = default_client()
    if _coalescer is None or _coalescer.client is not client:
        _coalescer = Coalescer(client)
    return _coalescer


def sample_of(solution_str, ground_truth, sample_id=0):
    """The rewardkit sample of one verl rollout."""
    sample = {"id": sample_id, "response": "" if solution_str is None else str(solution_str)}
    reference = reference_of(ground_truth)
    if reference is not None:
        sample["reference"] = reference
    return sample


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """One rollout's reward, a float (verl's per-sample reward function)."""
    future = _shared_coalescer().submit(sample_of(solution_str, ground_truth), kwargs.get("spec"))
    return numbers_of([future.result()], _nulls)[0]


async def compute_score_async(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """``compute_score`` as a coroutine, for verl's reward loop."""
    future = _shared_coalescer().submit(sample_of(solution_str, ground_truth), kwargs.get("spec"))
    return numbers_of([await asyncio.wrap_future(future)], _nulls)[0]


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
    """Every rollout of a step, a list of floats (verl's ``batch`` reward manager)."""
    if len(solution_strs) != len(ground_truths):
        raise ValueError(
            "compute_score_batch: %d solution_strs but %d ground_truths" % (len(solution_strs), len(ground_truths))
        )
    samples = [
        sample_of(response, truth, index) for index, (response, truth) in enumerate(zip(solution_strs, ground_truths))
    ]
    results = default_client().score(samples, spec=kwargs.get("spec"))
    return numbers_of(results, _nulls)
