import { describe, expect, it } from 'vitest';
import { hasReorderingControls, mayHideText, withoutInvisibleText } from './invisible-text.js';

describe('withoutInvisibleText', () => {
  it('returns plain text unchanged (the gate says no)', () => {
    const text = 'She pays 3 * 4 = <<3*4=12>>12 dollars.\n#### 12';
    expect(mayHideText(text)).toBe(false);
    expect(withoutInvisibleText(text)).toBe(text);
  });

  it('opens its gate for exactly what the removal removes, in any letter case (the gate walks every `<`)', () => {
    const removed = [
      '<<3*4=12>>12 <!-- 50 -->',
      '<<2<3>> <DEL>5</DEL> 4',
      'a < b <strike>7</strike>',
      '<Strike>5</Strike> 4',
      '<p HIDDEN>5</p> 4',
      '<span style="DISPLAY:NONE">5</span> 4',
      `<span data-x="${'y'.repeat(90)}" hidden>5</span> 4`,
      "3 <span class='x' hidden>",
    ];
    for (const text of removed) {
      expect(mayHideText(text), text).toBe(true);
      expect(withoutInvisibleText(text), text).not.toBe(text);
    }
    const kept = [
      '< <\x01 <<x hidden',
      '<<1<2<3',
      '5 <strikeout> 6',
      '<p>the answer</p> is <b>4</b>',
      '<think>x</think> 4',
    ];
    for (const text of kept) {
      expect(mayHideText(text), text).toBe(false);
      expect(withoutInvisibleText(text)).toBe(text);
    }
    // An ASCII-only response loses a struck element in capitals too (it needed a character beyond ASCII before).
    expect(withoutInvisibleText('<DEL>5</DEL> 4')).toBe('  4');
    // DEL hides nothing (ASCII); a character beyond ASCII may.
    expect(mayHideText('12\u007f')).toBe(false);
    expect(mayHideText('12\u0080')).toBe(true);
  });

  it('removes zero-width characters and the soft hyphen', () => {
    expect(withoutInvisibleText('4\u200b0 and 4\u00ad0 and \ufeff7')).toBe('40 and 40 and 7');
  });

  it('reads digits of other scripts as ASCII digits, not superscripts', () => {
    expect(withoutInvisibleText('\uff14\uff10 \u0664\u0660 \u096a\u0966 \u{1d7d2}\u{1d7ce} x²')).toBe(
      '40 40 40 40 x²',
    );
  });

  it('removes phantoms, \\iffalse blocks, comments and hidden elements', () => {
    expect(withoutInvisibleText('\\boxed{40\\phantom{ or 50}}')).toBe('\\boxed{40 }');
    expect(withoutInvisibleText('\\iffalse \\boxed{40} \\fi \\boxed{50}')).toBe('  \\boxed{50}');
    expect(withoutInvisibleText('40 <!-- or 50 -->.')).toBe('40  .');
    expect(withoutInvisibleText('40 <!-- or 50')).toBe('40  ');
    expect(withoutInvisibleText("40<span style='display:none'>50</span>!")).toBe('40 !');
  });

  it('removes elements shown at no size, no opacity or off the page, \\if0 and comment blocks, markdown comments (red team of stop 23)', () => {
    const hidden = (markup: string) =>
      withoutInvisibleText(`Answer: 17 ${markup}`).replace(/\s+/g, ' ').trim();
    expect(hidden('<span style="font-size:0">42</span>')).toBe('Answer: 17');
    expect(hidden('<span style="opacity: 0;">42</span>')).toBe('Answer: 17');
    expect(hidden('<div style="position:absolute; left:-9999px">42</div>')).toBe('Answer: 17');
    expect(hidden('\\if0 42\\fi')).toBe('Answer: 17');
    expect(hidden('\\begin{comment}42\\end{comment}')).toBe('Answer: 17');
    expect(withoutInvisibleText('Answer: 17\n[//]: # (42)').trim()).toBe('Answer: 17');
    expect(withoutInvisibleText('Answer: 17\n    [//]: #(42)').trim()).toBe('Answer: 17');
    expect(hidden('<span style="opacity:0.001">42</span>')).toBe('Answer: 17');
    expect(hidden('<span style="font-size:0.01px">42</span>')).toBe('Answer: 17');
    expect(hidden('<span style="color: transparent">42</span>')).toBe('Answer: 17');
    expect(hidden('<span style="position:absolute; right:-99em">42</span>')).toBe('Answer: 17');
    // Seen: a half opacity, a font size, code, a link definition to a real target, `\if00`.
    for (const shown of [
      'Answer: 17 <span style="opacity: 0.5">42</span>',
      'Answer: 17 <span style="font-size: 10px">42</span>',
      'Answer: 17\n[Answer]: 42',
      'Answer: 17 \\if00 42\\fi',
      '\\if0 is not a command we use. Answer: 17',
    ])
      expect(withoutInvisibleText(shown)).toBe(shown);
  });

  it('removes struck-out text (withdrawn values)', () => {
    expect(withoutInvisibleText('\\boxed{\\cancel{50} 40}')).toBe('\\boxed{  40}');
    expect(withoutInvisibleText('\\cancelto{50}{40} 3')).toBe('  3');
    expect(withoutInvisibleText('\\cancel 5 7')).toBe('  7');
    expect(withoutInvisibleText('~~50~~ 40 and <del>6</del>7')).toBe('  40 and  7');
  });

  it('removes characters struck with a combining stroke, keeps a slashed relation (red team round 3)', () => {
    expect(withoutInvisibleText('\\boxed{5\u0336}')).toBe('\\boxed{ }');
    expect(withoutInvisibleText('\\boxed{5\u0336 6}')).toBe('\\boxed{  6}');
    expect(withoutInvisibleText('\\boxed{5\u0338}')).toBe('\\boxed{ }');
    expect(withoutInvisibleText('x =\u0338 5')).toBe('x =\u0338 5');
  });

  it('keeps commands that only start like the removed ones', () => {
    expect(withoutInvisibleText('\\stackrel{?}{=} \\star 5')).toBe('\\stackrel{?}{=} \\star 5');
  });

  it('reports bidirectional overrides instead of removing them', () => {
    expect(hasReorderingControls('\u202e05')).toBe(true);
    expect(hasReorderingControls('50')).toBe(false);
  });

  it('stays linear on hostile markup (unclosed elements and strikes are read to the end)', () => {
    const text = `${'<del>'.repeat(20_000)}5`;
    expect(withoutInvisibleText(text)).toBe(' ');
    expect(withoutInvisibleText(`${'\\cancel{'.repeat(10_000)}5`)).toBe(' ');
  });
});
