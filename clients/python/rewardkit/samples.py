"""Turning what trainers hand over (numpy values, lists of answers, chat messages) into samples."""


def plain(value):
    """A JSON-ready copy: numpy scalars and arrays (anything with ``item``/``tolist``) become Python values."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    tolist = getattr(value, "tolist", None)
    if callable(tolist):
        return plain(tolist())
    item = getattr(value, "item", None)
    if callable(item):
        return plain(item())
    return str(value)


def reference_of(ground_truth):
    """The sample's ``reference`` for a trainer's ground truth, or None when there is none.

    A dict is taken as a whole reference (``{"answer": ...}``, code tests ...); a list (or numpy
    array) is a list of accepted answers (any of them scores); anything else is the answer.
    """
    ground_truth = plain(ground_truth)
    if ground_truth is None:
        return None
    if isinstance(ground_truth, dict):
        return ground_truth
    if isinstance(ground_truth, list):
        answers = [answer for answer in ground_truth if isinstance(answer, (str, int, float))]
        if len(answers) == 0:
            return None
        return {"answer": answers}
    if isinstance(ground_truth, bool):
        return {"answer": str(ground_truth)}
    return {"answer": ground_truth}


def message_text(message):
    """The text of one chat message: ``content`` (a string, or a list of text parts)."""
    content = message.get("content")
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


#: Where chat messages put the reasoning that preceded the answer (vLLM, transformers, OpenAI-style).
REASONING_FIELDS = ("reasoning_content", "reasoning", "thinking")


def completion_text(completion):
    """The response text of a TRL completion: a string as is, or the last assistant message.

    When that message carries its reasoning apart (``reasoning_content``), the reasoning is put
    back in front as ``<think>...</think>``, as the model wrote it, so that format rewards and
    step rewards see it.
    """
    if isinstance(completion, str):
        return completion
    messages = [message for message in completion if isinstance(message, dict)]
    assistant = [message for message in messages if message.get("role", "assistant") == "assistant"]
    if len(assistant) == 0:
        return ""
    message = assistant[-1]
    content = message_text(message)
    for field in REASONING_FIELDS:
        reasoning = message.get(field)
        if isinstance(reasoning, str) and reasoning.strip() != "" and "<think>" not in content:
            return "<think>\n%s\n</think>\n\n%s" % (reasoning.strip("\n"), content)
    return content


def prompt_of(prompt):
    """A prompt the server accepts (a string, or messages with string contents), or None."""
    if isinstance(prompt, str):
        return prompt
    if isinstance(prompt, (list, tuple)):
        messages = []
        for message in prompt:
            if not isinstance(message, dict) or "role" not in message:
                return None
            messages.append({"role": str(message["role"]), "content": message_text(message)})
        return messages
    return None
