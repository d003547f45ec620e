"""TRL: a reward function for ``GRPOTrainer(reward_funcs=[...])``.

GRPOTrainer calls ``reward_func(prompts=..., completions=..., completion_ids=..., **columns)``
where ``columns`` are the dataset's other columns (one value per completion) plus
``trainer_state``, ``log_extra`` and ``log_metric``. Completions are strings (standard datasets)
or lists of messages (conversational datasets); with recent transformers an assistant message
carries its reasoning apart, in ``reasoning_content``: it is put back in front of the content as
``<think>...</think>`` so format and process rewards see what the model wrote.

The gold answer comes from a dataset column. ``reward_func`` looks for ``answer``, ``solution``,
``ground_truth``, ``reference``, ``label``, ``target`` in that order and raises ``ValueError`` when
there is none (scoring correctness without a reference would silently give no correctness
reward). ``make_reward_func(answer_column=NAME)`` names the column, and
``make_reward_func(answer_column=None)`` scores without references on purpose. Undecided rewards
are returned as None, which TRL ignores for that completion (it is not a zero). When TRL passes
``log_metric``, the mean of each component and the share of null rewards are logged as
``rewardkit/<component>`` and ``rewardkit/null_reward``.
"""

from .client import default_client
from .samples import completion_text, plain, prompt_of, reference_of

#: Dataset columns read as the gold answer, in order, when no column is named.
ANSWER_COLUMNS = ("answer", "solution", "ground_truth", "reference", "label", "target")

#: Keyword arguments TRL adds itself (not dataset columns).
TRAINER_ARGUMENTS = frozenset({"trainer_state", "log_extra", "log_metric", "environments", "completion_ids"})

AUTO = "auto"


def _answers(answer_column, kwargs, count):
    if answer_column is None:
        return [None] * count
    if answer_column == AUTO:
        for column in ANSWER_COLUMNS:
            if column in kwargs:
                return list(kwargs[column])
        columns = sorted(key for key in kwargs if key not in TRAINER_ARGUMENTS)
        raise ValueError(
            "rewardkit TRL reward: the dataset has no answer column (looked for %s; its columns are %s), "
            "so correctness could not be scored. Name the column with "
            "rewardkit.trl.make_reward_func(answer_column='NAME'), or score without references on purpose "
            "with make_reward_func(answer_column=None)." % (", ".join(ANSWER_COLUMNS), columns or "none")
        )
    if answer_column not in kwargs:
        columns = sorted(key for key in kwargs if key not in TRAINER_ARGUMENTS)
        raise ValueError(
            "rewardkit TRL reward: answer_column=%r is not a dataset column (columns: %s)" % (answer_column, columns)
        )
    return list(kwargs[answer_column])


def _log_metrics(log_metric, results):
    if not callable(log_metric) or len(results) == 0:
        return
    log_metric("rewardkit/null_reward", sum(1 for r in results if r.get("reward") is None) / len(results))
    names = []
    for result in results:
        for name in result.get("components") or {}:
            if name not in names:
                names.append(name)
    for name in names:
        scores = [
            (result.get("components") or {}).get(name, {}).get("score")
            for result in results
            if (result.get("components") or {}).get(name, {}).get("score") is not None
        ]
        if scores:
            log_metric("rewardkit/%s" % name, sum(float(score) for score in scores) / len(scores))


def make_reward_func(answer_column=AUTO, spec=None, client=None):
    """A GRPOTrainer reward function scoring with ``spec`` (default: REWARDKIT_SPEC, else the server's)."""

    def rewardkit(prompts, completions, completion_ids=None, **kwargs):
        completions = list(completions)
        prompts = list(prompts) if prompts is not None else [None] * len(completions)
        answers = _answers(answer_column, kwargs, len(completions))
        if not (len(prompts) == len(answers) == len(completions)):
            raise ValueError(
                "rewardkit TRL reward: %d prompts, %d completions and %d answers; they must be parallel"
                % (len(prompts), len(completions), len(answers))
            )
        samples = []
        for index, (prompt, completion, answer) in enumerate(zip(prompts, completions, answers)):
            sample = {"id": index, "response": completion_text(plain(completion))}
            prompt = prompt_of(plain(prompt))
            if prompt is not None:
                sample["prompt"] = prompt
            reference = reference_of(answer)
            if reference is not None:
                sample["reference"] = reference
            samples.append(sample)
        active = client or default_client()
        results = active.score(samples, spec=spec)
        _log_metrics(kwargs.get("log_metric"), results)
        return [None if result.get("reward") is None else float(result["reward"]) for result in results]

    return rewardkit


#: The reward function with the defaults: the answer column found by name, the default spec.
reward_func = make_reward_func()
