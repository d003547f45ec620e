import { beyondAscii } from './ascii-text.js';
import type { Extraction } from './extraction.js';
import { parseFrenchNumberWords } from './french-number-words.js';
import { phraseAfter } from './marker-phrase.js';

/**
 * "Answer:" and "the answer is" in other languages than English, where multilingual benchmarks put
 * the answer: MGSM's native chain of thought ends "Die Antwort lautet 18", "La respuesta es 18",
 * "La réponse est 18", "答えは18です", "Ответ — 18", "Jibu ni 18", "సమాధానం 18", "คำตอบคือ 18",
 * "উত্তর হল 18" (the phrases of its exemplars, as lm-evaluation-harness's `mgsm_native_cot`
 * tasks read them: "Language Models are Multilingual Chain-of-Thought Reasoners", Shi et al.);
 * evaluation suites ask for "Answer:" in the language of the question (OpenAI's simple-evals lists
 * the word in about forty: `Antwort:`, `Respuesta:`, `答え:`, `Jawaban:`, `الإجابة:` ...). Held-out
 * real outputs of a Russian olympiad set ("Ответ: 1 м 72 см", real outputs round 15) ended this way
 * and were read by the last-number fallback, right only when nothing followed the answer.
 *
 * The word in a script with spaces must not continue another word (`(?<![\p{L}\p{M}])`: "Antwort"
 * is no marker inside "Gegenantwort"); in Chinese, Japanese and Korean, written without spaces, it
 * may follow any character ("正确答案：", "最终答案：").
 */
const SPACED_ANSWER_WORDS = [
  'ответ',
  'відповідь',
  'отговор',
  'одговор',
  'odgovor',
  'antwort',
  'antwoord',
  'respuesta',
  'resposta',
  'risposta',
  'réponse',
  'odpowiedź',
  'odpověď',
  'jibu',
  'jawaban',
  'jawapan',
  'cevap',
  'yanıt',
  'svar',
  'vastaus',
  'válasz',
  'răspuns',
  'απάντηση',
  'đáp án',
  'đáp số',
  'trả lời',
  'উত্তর',
  'उत्तर',
  'సమాధానం',
  'คำตอบ',
  'الإجابة',
  'الجواب',
  'إجابة',
  'پاسخ',
  'תשובה',
].join('|');
/**
 * Not 解答 nor 回答 ("solution", "reply"), which open a whole worked solution ("解答：设x为...") as
 * often as they close one; 答 alone is the closing answer sentence of Chinese word problems
 * ("答：她每天赚18美元。"), 답 the Korean one ("답: 18"; not 대답, "reply").
 */
const UNSPACED_ANSWER_WORDS = [
  '答案',
  '答え',
  '(?<![解回问問応应])答(?![案え])',
  '정답',
  '(?<![대정해문])답(?!변)',
].join('|');

/**
 * "The answer is" in another language: a copula after the word (German "lautet", Russian "—" or
 * "равен", Swahili "ni", Thai "คือ", Japanese "は", Korean "은"), or, in Telugu and Hindi, whose
 * answer sentences put the verb last ("సమాధానం 18.", "उत्तर 18 है"), the word right before a number.
 */
const SPACED_ANSWER_IS = [
  String.raw`antwort\s+(?:lautet|ist)`,
  String.raw`antwoord\s+is`,
  String.raw`respuesta\s+(?:final\s+|correcta\s+)?(?:es|será)(?![\p{L}\p{M}])`,
  String.raw`resposta\s+(?:final\s+|correta\s+)?(?:é|será)`,
  String.raw`risposta\s+(?:finale\s+|corretta\s+)?(?:è|sarà)`,
  String.raw`réponse\s+(?:finale\s+|correcte\s+)?(?:est|sera)(?![\p{L}\p{M}])`,
  String.raw`ответ\s*(?:—|–|-\s|равен|равна|будет|составляет)`,
  String.raw`відповідь\s*(?:—|–|-\s|дорівнює|буде|становить)`,
  String.raw`odpowiedź\s+(?:to|brzmi)(?![\p{L}\p{M}])`,
  String.raw`jibu\s+ni(?![\p{L}\p{M}])`,
  String.raw`jawa(?:b|p)an(?:nya)?\s+(?:adalah|ialah)(?![\p{L}\p{M}])`,
  String.raw`(?:đáp\s+án|đáp\s+số|câu\s+trả\s+lời)(?:\s+(?:cuối\s+cùng|đúng))?\s+là(?![\p{L}\p{M}])`,
  String.raw`উত্তর\s*(?:হল|হলো|হচ্ছে)`,
  String.raw`(?:సమాధానం|उत्तर)(?=\s*-?\d)`,
  String.raw`(?:الإجابة|الجواب)(?:\s+(?:النهائية|الصحيحة))?\s+(?:هي|هو)(?![\p{L}\p{M}])`,
].join('|');
const UNSPACED_ANSWER_IS = [String.raw`คำตอบ(?:สุดท้าย|ที่ถูกต้อง)?\s*คือ`, '答えは', '(?:정답|답)(?:은|는)'].join(
  '|',
);

/**
 * "Answer:" (the word, markdown emphasis, a colon of either width) or "the answer is" (a colon
 * allowed: "La respuesta es: 18") in another language, and the bracketed heading `【答案】` of Chinese
 * exam solutions (GAOKAO-Bench's `【解析】...【答案】2\sqrt{3}`). One lookbehind before the words of
 * spaced scripts: a scan of a response in English (with a `’`) tries it once a position.
 */
const FOREIGN_ANSWER = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:(?:${SPACED_ANSWER_WORDS})\s*\**\s*[:：]|(?:${SPACED_ANSWER_IS})\s*\**\s*[:：]?)|(?:${UNSPACED_ANSWER_WORDS})\s*\**\s*[:：]|[【[]\s*答案\s*[】\]]\s*[:：]?|(?:${UNSPACED_ANSWER_IS})\s*\**\s*[:：]?`,
  'giu',
);

/**
 * Whether the text may hold one of the markers, found by single searches first (a case-blind
 * pattern of several words stops at every letter of a response in English). Beyond ASCII: unless it
 * reads as English (" the ", " is ", " of " or " and ": a `’` in an English solution). In ASCII:
 * unless it holds "th" (as nearly every response in English does, and few in German, Spanish,
 * Swahili or Indonesian), when it holds one of the ASCII marker words.
 */
function mayHoldForeignMarker(text: string): boolean {
  // The extractors of one response ask more than once (the text, then a prefix): one answer each.
  if (text === lastAsked) return lastHolds;
  lastAsked = text;
  lastHolds = holdsForeignMarkerWord(text);
  return lastHolds;
}
let lastAsked: string | undefined;
let lastHolds = false;

function holdsForeignMarkerWord(text: string): boolean {
  if (beyondAscii(text))
    return !(
      text.includes(' the ') ||
      text.includes(' is ') ||
      text.includes(' of ') ||
      text.includes(' and ')
    );
  return !text.includes('th') && !text.includes('Th') && ASCII_ANSWER_WORD.test(text);
}
const ASCII_ANSWER_WORD = /ntwo|respuesta|resposta|risposta|jibu|jawa[bp]an|cevap|svar|vastaus|odgovor/i;

/**
 * Longest rest of a line after "Answer:" that is still an answer: a longer one is a paragraph of
 * working after an echoed heading (MGSM's exemplars open with "Schritt-für-Schritt-Antwort:",
 * "ステップごとの答え：", "ধাপে ধাপে উত্তর:", "step-by-step answer", which a model may repeat before it works).
 */
const MAX_ANSWER_LINE_CHARS = 120;

/**
 * "If" and "suppose" before the marker in its clause: "Si la respuesta es 18, entonces
 * ...", "Wenn die Antwort: 18 wäre", "Если ответ — 18, то ...", "もし答えは18なら" suppose an answer,
 * they do not give it.
 */
const SUPPOSITION =
  /(?<![\p{L}\p{M}])(?:si|se|wenn|falls|ob|если|якщо|jika|kalau|ikiwa|kama|nếu|eğer|yoksa|यदि|अगर|যদি|ఒకవేళ|إذا|لو|suppose|if)(?![\p{L}\p{M}])|如果|假如|假设|若|もし|만약|ถ้า|สมมติ/iu;
/** Where a clause ends: the supposition above must lie in the marker's own clause. */
const CLAUSE_END = /[.!?;,。！？；，\n]/;

/**
 * Whether a match marks the answer: not after a supposition in its clause; an "is" form then
 * always, "Answer:" unless a paragraph follows on its line.
 */
function marksAnswer(text: string, match: RegExpExecArray): boolean {
  let start = match.index;
  while (start > 0 && match.index - start < 40 && !CLAUSE_END.test(text[start - 1] as string)) start--;
  if (SUPPOSITION.test(text.slice(start, match.index))) return false;
  const last = match[0][match[0].length - 1];
  if (last !== ':' && last !== '：') return true;
  const from = match.index + match[0].length;
  const lineEnd = text.indexOf('\n', from);
  return text.slice(from, lineEnd < 0 ? text.length : lineEnd).trim().length <= MAX_ANSWER_LINE_CHARS;
}

/** Numbers written in digits, with their sign and separators (`7,5`, `1.200`, `-4`: 4 is another number). */
const DIGIT_NUMBER = /[-−]?\d+(?:[.,]\d+)*/g;

/** The numbers written in digits in a text, as strings with their separators. */
function digitNumbers(text: string): Set<string> {
  return new Set(text.match(DIGIT_NUMBER) ?? []);
}

/**
 * A decimal comma before a word (`7,5 Stunden`, `18,50 €`: one or two digits after it, so no
 * thousands separator) as a point: the phrase's number, not a list of two.
 */
const DECIMAL_COMMA_BEFORE_WORD = /^(-?\d+),(\d{1,2})(?=\s*[^\d\s,.]|$)/u;

/**
 * The phrase after the last "Answer:" or "the answer is" written in another language (answer_colon),
 * when no other number follows it in the response; a French number in words as its digits ("La
 * réponse est douze.": french-number-words.ts).
 *
 * A number after the statement ("Ответ: 18. Нет, подождите, на самом деле 17.", "La respuesta es 18.
 * O 17.", "Die Antwort ist nicht 18. Wir brauchten 3 Schritte.") may correct it, offer another or
 * deny it in words no list of ours knows in every language (a red team of stop 41 was paid 18 for
 * each): then the response is read as before this marker was known, by the extractors after this one
 * (its last number), which such a correction decides.
 */
export function foreignAnswer(text: string): Extraction | undefined {
  const found = mayHoldForeignMarker(text)
    ? phraseAfter(text, FOREIGN_ANSWER, 'answer_colon', marksAnswer)
    : undefined;
  if (found === undefined) return undefined;
  const stated = digitNumbers(found.text);
  for (const number of digitNumbers(text.slice(found.start ?? 0))) if (!stated.has(number)) return undefined;
  if (/\d/.test(found.text)) {
    const decimal = found.text.replace(DECIMAL_COMMA_BEFORE_WORD, '$1.$2');
    return decimal === found.text ? found : { ...found, text: decimal };
  }
  const french = parseFrenchNumberWords(found.text);
  if (french === undefined) return found;
  // It ends where its words end, so that the hedge checks read what follows ("Ou treize.").
  const at = text.indexOf(found.text, found.start ?? 0);
  return { ...found, text: french, end: at < 0 ? found.end : at + found.text.length };
}
