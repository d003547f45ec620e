/**
 * OpenAI's harmony format (gpt-oss): a reply is a run of messages, each
 * `<|start|>ROLE<|channel|>CHANNEL<|message|>CONTENT` closed by `<|end|>` (the message, not the
 * turn), `<|call|>` (a tool call) or `<|return|>` (the reply). A decoded reply opens with its first
 * message's `<|channel|>analysis<|message|>` (the prompt ended with `<|start|>assistant`); the
 * model's thinking is on the `analysis` channel, tool calls carry a recipient (`to=python`), tool
 * results come back as messages of the tool's role, and the answer is the `final` channel's message.
 *
 * Read as a reasoning block is (reasoning-block.ts): the final messages that hold a letter or digit,
 * else the assistant's own messages joined (its analysis: a harness that stops at the first box
 * leaves no final message). Tool calls (code), tool results and user, system or developer turns
 * are never read. Text after `<|return|>` (the reply's end) is not read, as text after
 * `<|im_end|>` is not; text after a message's `<|end|>` and before the next `<|start|>` is read with
 * that message (red team of stop 44: "-3<|end|> Actually, the answer is 3." paid -3). Before this, the first `<|end|>` was read as the end of the turn
 * (chat-tokens.ts) and only the first analysis message was read (real outputs round 20: 38 of 84
 * gpt-oss-120b traces of tonghuikang/aimo3 refused for a stray number of that message).
 */
import { hasLetterOrDigit } from '../core/text.js';

/** Tokens that end the reply or a tool call. */
const REPLY_OR_CALL_END = /<\|(?:return|call)\|>/;
/** A role as a header names it. */
const ROLE = /^[A-Za-z][\w.-]{0,40}$/;

interface HarmonyMessage {
  role: string;
  channel: string | undefined;
  /** Has a recipient (`to=python`) or is closed by `<|call|>`: a tool call. */
  toTool: boolean;
  content: string;
}

/** One message from the text after its `<|start|>` (or a reply's opening `<|channel|>`). */
function readMessage(chunk: string, defaultRole: string): HarmonyMessage | undefined {
  const open = chunk.indexOf('<|message|>');
  if (open < 0) return undefined;
  const header = chunk.slice(0, open);
  const channelAt = header.indexOf('<|channel|>');
  const written = (channelAt < 0 ? header : header.slice(0, channelAt)).trim().split(/\s|<\|/)[0] ?? '';
  // A header is a role word (`assistant`, `python`, `functions.lookup`), or nothing before the
  // reply's first channel: prose that mentions the tokens is no message.
  if (written === '' ? defaultRole === '' || channelAt !== 0 : !ROLE.test(written)) return undefined;
  const channel =
    channelAt < 0 ? undefined : header.slice(channelAt + '<|channel|>'.length).split(/\s|<\|/)[0];
  const body = chunk.slice(open + '<|message|>'.length);
  // `<|return|>` ends the reply and `<|call|>` a tool call; text after a message's `<|end|>` and
  // before the next `<|start|>` belongs to no other message: it is read with this one.
  const end = REPLY_OR_CALL_END.exec(body);
  const content = (end === null ? body : body.slice(0, end.index)).replace(/<\|end\|>/g, '\n').trim();
  return {
    role: (written || defaultRole).toLowerCase(),
    channel: channel?.toLowerCase(),
    toTool: /\bto=/.test(header) || end?.[0] === '<|call|>',
    content,
  };
}

/** Roles whose message opens a new turn of the conversation (a harness that asks again). */
const TURN_OPENERS: ReadonlySet<string> = new Set(['user', 'system', 'developer']);

/** Whether a text is written in harmony's tokens (a message with a channel). */
export function isHarmony(text: string): boolean {
  return text.includes('<|channel|>') && text.includes('<|message|>');
}

function isOwn(message: HarmonyMessage): boolean {
  return message.role === 'assistant' && !message.toTool;
}

/**
 * The answer text of a harmony reply: the final message that holds a letter or digit of the last
 * turn that has one (a final after a user's new request is the answer to it; finals that differ in
 * one turn offer several answers, and the reply states none); else the assistant's analysis and
 * commentary messages joined, or nothing when the assistant said nothing (tool results and user
 * turns alone answer nothing). The text itself when it is not harmony or holds no message.
 */
export function harmonyAnswerText(text: string): string {
  if (!isHarmony(text)) return text;
  const turns: HarmonyMessage[][] = [[]];
  text.split('<|start|>').forEach((chunk, index) => {
    // Text before the first `<|start|>` is the reply's first message (its role implied) or a prompt.
    const message = readMessage(chunk, index === 0 ? 'assistant' : '');
    if (message === undefined) return;
    if (TURN_OPENERS.has(message.role)) turns.push([]);
    else turns[turns.length - 1]?.push(message);
  });
  if (turns.length === 1 && turns[0]?.length === 0) return text;
  for (let index = turns.length - 1; index >= 0; index--) {
    const finals = (turns[index] as HarmonyMessage[]).filter(
      (message) => isOwn(message) && message.channel === 'final' && hasLetterOrDigit(message.content),
    );
    // Finals that differ in one turn offer several answers: none is the reply's.
    const answers = new Set(finals.map((message) => message.content.trim()));
    if (answers.size > 1) return '';
    if (finals.length > 0) return (finals[0] as HarmonyMessage).content;
  }
  return turns
    .flat()
    .filter((message) => isOwn(message) && message.channel !== 'final')
    .map((message) => message.content)
    .join('\n\n');
}
