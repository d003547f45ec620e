import { describe, expect, it } from 'vitest';
import { javascriptLanguage, languageNamed, pythonLanguage } from './languages.js';

describe('language table', () => {
  it('names every language and refuses unknown ones with the valid names', () => {
    expect(languageNamed('python')).toBe(pythonLanguage);
    expect(() => languageNamed('cobol')).toThrow(/python, javascript/);
  });

  it('tells compile errors from SyntaxErrors raised at run time (Python)', () => {
    const compile =
      '  File "/tmp/main.py", line 1\n    print(\n         ^\nSyntaxError: \'(\' was never closed\n';
    const runtime =
      'Traceback (most recent call last):\n  File "/tmp/main.py", line 1, in <module>\n    eval("(")\nSyntaxError: bad\n';
    expect(pythonLanguage.compileErrorPattern.test(compile)).toBe(true);
    expect(pythonLanguage.compileErrorPattern.test(runtime)).toBe(false);
  });

  it('tells compile errors from SyntaxErrors raised at run time (JavaScript)', () => {
    const compile =
      '/tmp/main.js:1\nfunction (\n^^^\n\nSyntaxError: Function statements require a function name\n    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n';
    const runtime =
      "undefined:1\n{\n\nSyntaxError: Expected property name or '}' in JSON at position 1\n    at JSON.parse (<anonymous>)\n";
    expect(javascriptLanguage.compileErrorPattern.test(compile)).toBe(true);
    expect(javascriptLanguage.compileErrorPattern.test(runtime)).toBe(false);
  });

  it('gives the JavaScript run command a V8 heap cap equal to the memory limit', () => {
    const argv = javascriptLanguage.run('main.js', { memoryMb: 300 } as never);
    expect(argv).toContain('--max-old-space-size=300');
    expect(argv.at(-1)).toBe('main.js');
  });
});
