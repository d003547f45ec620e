/**
 * OpenAI's harmony format (gpt-oss): a reply is a run of messages, each
 * `<|start|>ROLE<|channel|>CHANNEL<|message|>CONTENT` closed by `<|end|>` (the message, not the
 * turn), `<|call|>` (a tool call) or `<|return|>` (the reply). A decoded reply opens with its first
 * message's `<|channel|>analysis<|message|>` (the prompt ended with `<|start|>assistant`); the
 * model's thinking is on the `analysis` channel, tool calls carry a recipient (`to=python`), tool
 * results come back as messages of the tool's role, and the answer is the `final` channel's message.
 *
 * Read as a reasoning block is (reasoning-block.ts): the last final message when it holds a letter
 * or digit, else the assistant's own messages joined (its analysis: a harness that stops at the
 * first box leaves no final message). Tool calls (code), tool results and user, system or developer
 * turns are never read. Before this, the first `<|end|>` was read as the end of the turn
 * (chat-tokens.ts) and only the first analysis message was read (real outputs round 20: 38 of 84
 * gpt-oss-120b traces of tonghuikang/aimo3 refused for a stray number of that message).
 */

/** Tokens that close a harmony message. */
const MESSAGE_END = /<\|(?:end|return|call)\|>/;
/** A letter or a digit: a final message that says something. */
const CONTENT = /[\p{L}\p{N}]/u;

interface HarmonyMessage {
  role: string;
  channel: string | undefined;
  /** Has a recipient (`to=python`): a tool call. */
  toTool: boolean;
  content: string;
}

/** One message from the text after its `<|start|>` (or a reply's opening `<|channel|>`). */
function readMessage(chunk: string, defaultRole: string): HarmonyMessage | undefined {
  const open = chunk.indexOf('<|message|>');
  if (open < 0) return undefined;
  const header = chunk.slice(0, open);
  const channelAt = header.indexOf('<|channel|>');
  const role = (channelAt < 0 ? header : header.slice(0, channelAt)).trim().split(/\s|<\|/)[0] || defaultRole;
  const channel =
    channelAt < 0 ? undefined : header.slice(channelAt + '<|channel|>'.length).split(/\s|<\|/)[0];
  const body = chunk.slice(open + '<|message|>'.length);
  const end = MESSAGE_END.exec(body);
  return {
    role: role.toLowerCase(),
    channel: channel?.toLowerCase(),
    toTool: /\bto=/.test(header),
    content: end === null ? body : body.slice(0, end.index),
  };
}

/** Whether a text is written in harmony's tokens (a message with a channel). */
export function isHarmony(text: string): boolean {
  return text.includes('<|channel|>') && text.includes('<|message|>');
}

/**
 * The answer text of a harmony reply: its last final message that holds a letter or digit, else
 * the assistant's analysis and commentary messages joined by blank lines; the text itself when it
 * is not harmony or holds no assistant message.
 */
export function harmonyAnswerText(text: string): string {
  if (!isHarmony(text)) return text;
  const chunks = text.split('<|start|>');
  const messages: HarmonyMessage[] = [];
  chunks.forEach((chunk, index) => {
    // Text before the first `<|start|>` is the reply's first message (its role implied) or a prompt.
    const message = readMessage(chunk, index === 0 ? 'assistant' : '');
    if (message !== undefined) messages.push(message);
  });
  const own = messages.filter((message) => message.role === 'assistant' && !message.toTool);
  const final = own.filter((message) => message.channel === 'final').at(-1);
  if (final !== undefined && CONTENT.test(final.content)) return final.content;
  if (own.length === 0) return text;
  return own
    .filter((message) => message.channel !== 'final')
    .map((message) => message.content)
    .join('\n\n');
}
