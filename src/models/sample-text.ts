import type { ChatMessage, Sample } from '../core/sample.js';

/** The question of a sample: its prompt, or the last user message of a chat prompt ('' if none). */
export function questionOf(sample: Sample): string {
  if (sample.prompt === undefined) return '';
  if (typeof sample.prompt === 'string') return sample.prompt;
  const users = sample.prompt.filter((message) => message.role === 'user');
  return (users.at(-1) ?? sample.prompt.at(-1))?.content ?? '';
}

/** The conversation to send to a chat-style scorer: the prompt messages plus the response. */
export function conversationOf(sample: Sample): ChatMessage[] {
  const prompt: ChatMessage[] =
    sample.prompt === undefined
      ? []
      : typeof sample.prompt === 'string'
        ? [{ role: 'user', content: sample.prompt }]
        : sample.prompt.map((message) => ({ role: message.role, content: message.content }));
  return [...prompt, { role: 'assistant', content: sample.response }];
}

/**
 * Fills `{name}` placeholders from `values`; `{{` and `}}` are literal braces. An unknown
 * placeholder is left as written (templates are data; a typo shows in `--explain`).
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    return name !== undefined && Object.hasOwn(values, name) ? (values[name] as string) : whole;
  });
}
