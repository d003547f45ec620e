import { describe, expect, it } from 'vitest';
import { foreignAnswer } from './foreign-answer-marker.js';
import { verifyAnswer } from './verify.js';

const verdict = (gold: string, response: string) => verifyAnswer(gold, response).verdict;

describe('foreignAnswer: "Answer:" and "the answer is" in other languages', () => {
  it("reads MGSM's native answer phrases (lm-evaluation-harness mgsm_native_cot)", () => {
    const phrases: readonly string[] = [
      'Die Antwort lautet 18.',
      'La respuesta es 18.',
      'La réponse est 18.',
      '答えは18です。',
      'Ответ — 18.',
      'Jibu ni 18.',
      'సమాధానం 18.',
      'คำตอบคือ 18',
      'উত্তর হল 18।',
    ];
    for (const phrase of phrases)
      expect(foreignAnswer(`Zwischenschritt 3 + 4 = 7.\n${phrase}`)?.text).toContain('18');
  });

  it('reads "Answer:" in the languages of evaluation suites, and the answer below it', () => {
    for (const word of [
      'Ответ',
      'Відповідь',
      'Antwort',
      'Respuesta',
      'Resposta',
      'Risposta',
      'Jawaban',
      'Cevap',
      'الإجابة',
      '答え',
      '정답',
      'Đáp án',
    ])
      expect(foreignAnswer(`${word}: 18`)?.text).toBe('18');
    expect(foreignAnswer('**Ответ:**\n\n18')?.text).toBe('18');
    expect(foreignAnswer('答：她每天赚18美元。')?.text).toContain('18');
  });

  it('leaves words that only contain the marker, supposed answers and echoed headings over working', () => {
    expect(foreignAnswer('Die Gegenantwort: 18')).toBeUndefined();
    expect(foreignAnswer('解答：设x为苹果的个数，则 x + 3 = 21。')).toBeUndefined();
    expect(foreignAnswer('Si la respuesta es 18, entonces 9 x 2 = 36.')).toBeUndefined();
    expect(foreignAnswer('Если ответ — 18, то всё сходится.')).toBeUndefined();
    const working = `Schritt-für-Schritt-Antwort: ${'Janet hat 16 Eier und isst jeden Morgen drei davon. '.repeat(3)}`;
    expect(foreignAnswer(working)).toBeUndefined();
  });

  it('reads a French number in words as its digits, ending where the words end', () => {
    const found = foreignAnswer('La réponse est douze. Ou treize.');
    expect(found?.text).toBe('12');
    expect(found?.end).toBe('La réponse est douze'.length);
  });
});

describe('verifyAnswer on answers stated in other languages', () => {
  it('pays the stated value with its unit words and reason', () => {
    expect(verdict('18', 'Итого: 3 + 6 = 9.\nОтвет: 18 долларов.')).toBe('equal');
    expect(verdict('18', 'Sie verkauft 9 Eier für je 2 Dollar. Die Antwort lautet 18 Dollar.')).toBe('equal');
    expect(verdict('18', 'Respuesta: 18 dólares, porque vendió todos los huevos.')).toBe('equal');
    expect(verdict('18', '9個の卵を2ドルで売ります。答えは18ドルです。')).toBe('equal');
    expect(verdict('7.5', 'Die Antwort lautet 7,5 Stunden.')).toBe('equal');
  });

  it('reads a response with a number after the statement as before (its last number): a correction decides', () => {
    const corrected = 'Ответ: 18. Нет, подождите, на самом деле 17.';
    expect(verdict('17', corrected)).toBe('equal');
    expect(verdict('18', corrected)).toBe('not_equal');
    expect(verdict('18', 'Die Antwort ist nicht 18. Wir brauchten 3 Schritte.')).toBe('not_equal');
    expect(foreignAnswer('Ответ — 18. Остаётся 3 яйца.')).toBeUndefined();
  });

  it('refuses hedges, denials and bounds in the language', () => {
    for (const gold of ['17', '18']) expect(verdict(gold, 'Ответ: 18 или 17.')).toBe('not_equal');
    expect(verdict('18', 'Ответ: около 18 долларов.')).toBe('not_equal');
    expect(verdict('18', 'Ответ: более 18.')).toBe('not_equal');
    expect(verdict('18', '答えは約18です。')).toBe('not_equal');
    expect(verdict('18', '答えは18ではない。')).toBe('not_equal');
    expect(verdict('18', 'คำตอบคือประมาณ 18')).toBe('not_equal');
    expect(verdict('18', 'Ответ: у Маши на 18 яблок больше.')).toBe('equal');
    expect(verdict('6', '答えは最大公約数の6です。')).toBe('equal');
  });
});
