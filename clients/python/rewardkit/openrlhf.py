"""OpenRLHF: ``reward_func(queries, prompts, labels, **kwargs)`` for a reward file.

OpenRLHF loads it from ``--reward.remote_url reward_func.py`` (0.10.2 and later; before:
``--remote_rm_url reward_func.py``) and calls it with lists: the decoded prompt + response texts,
the prompts and the labels (``--data.label_key``, formerly ``--label_key``). It reads ``rewards``
(advantages), ``scores`` (dynamic filtering, in [0, 1]) and ``extra_logs`` (logged; one value per
query: releases 0.8.3-0.9.x concatenate them across calls, current main makes a tensor of each).

The server computes all three (see ``POST /get_reward`` in docs/server.md). With torch installed
(as in every OpenRLHF run) they are float32 tensors of shape [len(queries)], which every release
accepts; without torch, lists of floats.
"""

from .client import default_client
from .samples import plain


def _tensor_or_list(values):
    try:
        import torch
    except ImportError:
        return [float(value) for value in values]
    return torch.tensor([float(value) for value in values], dtype=torch.float32)


def reward_func(queries, prompts, labels, **kwargs):
    """Scores ``queries`` with the server's default spec, or the one named by REWARDKIT_SPEC."""
    queries = [str(query) for query in plain(list(queries))]
    prompts = None if prompts is None else [str(prompt) for prompt in plain(list(prompts))]
    labels = None if labels is None else plain(list(labels))
    client = default_client()
    answer = client.get_reward(queries, prompts=prompts, labels=labels, spec=client.spec)
    return {
        "rewards": _tensor_or_list(answer["rewards"]),
        "scores": _tensor_or_list(answer["scores"]),
        "extra_logs": {key: _tensor_or_list(values) for key, values in answer["extra_logs"].items()},
    }
