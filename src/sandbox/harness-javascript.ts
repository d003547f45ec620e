/**
 * The JavaScript test harness, run inside the sandbox as `harness.js ENTRY_POINT` (CommonJS). Same
 * protocol as the Python harness: `solution.js` and `tests.js` in the working directory, one
 * line per event on fd 3 (see `harness-protocol.ts`). The
 * program runs as a script in the global scope (`require`, `module`, `assert` are provided), then
 * each top-level test chunk: a chunk starts at a line without indentation once brackets are
 * balanced; chunks that start with `assert` or `check(` are tests, the others setup. With
 * `entry_point` and a global `check` function but no call of it, `check(<entry_point>)` is the test.
 */
export const JAVASCRIPT_HARNESS = String.raw`
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');
const assert = require('node:assert');
const escape = (text) => String(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
const emit = ((nonce) => (...fields) => fs.writeSync(3, [nonce, ...fields.map(escape)].join('\t') + '\n'))(
  fs.readFileSync(0, 'utf8').trim(),
);
const tail = (error) =>
  String((error && error.stack) || error)
    .split('\n')
    .filter((line) => !/harness\.js|node:vm|node:internal/.test(line))
    .join('\n')
    .slice(-600);
const statusOf = (error) => {
  if (error && (error.code === 'ERR_ASSERTION' || error instanceof assert.AssertionError)) return 'failed';
  if (error instanceof RangeError && /allocation failed|Invalid (array|string) length/i.test(error.message)) return 'memory_exceeded';
  return 'runtime_error';
};
function chunksOf(source) {
  const chunks = [];
  let current = [];
  let depth = 0;
  for (const line of source.split('\n')) {
    const startsTopLevel = depth === 0 && /^\S/.test(line) && !/^[)\]}]/.test(line);
    if (startsTopLevel && current.join('').trim() !== '') {
      chunks.push(current.join('\n'));
      current = [];
    }
    current.push(line);
    const code = line.replace(/\/\/.*$/, '').replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|\x60(?:\\.|[^\x60\\])*\x60/g, '');
    for (const char of code) {
      if (char === '(' || char === '[' || char === '{') depth++;
      else if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    }
  }
  if (current.join('').trim() !== '') chunks.push(current.join('\n'));
  return chunks;
}
const payload = {
  program: fs.readFileSync('solution.js', 'utf8'),
  tests: fs.readFileSync('tests.js', 'utf8'),
  entry_point: process.argv[2] || '',
};
Object.assign(globalThis, { require, assert, module: { exports: {} } });
globalThis.exports = globalThis.module.exports;
let units = chunksOf(payload.tests).map((text) => ({
  isTest: /^\s*(assert\b|check\s*\()/.test(text),
  label: text.trim().slice(0, 200),
  text,
}));
const hasCheckCall = units.some((unit) => /^\s*check\s*\(/.test(unit.text));
if (!units.some((unit) => unit.isTest)) units = [{ isTest: true, label: 'tests', text: payload.tests }];
let program;
try {
  program = new vm.Script(payload.program, { filename: 'solution.js' });
} catch (error) {
  emit('plan', ...units.filter((unit) => unit.isTest).map((unit) => unit.label));
  emit('syntax_error', tail(error));
  process.exit(0);
}
const entry = payload.entry_point;
const definesCheck = /(^|\n)\s*(function\s+check\b|(const|let|var)\s+check\s*=)/.test(payload.tests);
if (entry && definesCheck && !hasCheckCall) {
  units.push({ isTest: true, label: 'check(' + entry + ')', text: 'check(' + entry + ')' });
}
emit('plan', ...units.filter((unit) => unit.isTest).map((unit) => unit.label));
try {
  program.runInThisContext();
} catch (error) {
  emit('program_error', statusOf(error), tail(error));
  process.exit(0);
}
let index = 0;
for (const unit of units) {
  let script;
  try {
    script = new vm.Script(unit.text, { filename: 'tests.js' });
  } catch (error) {
    emit('tests_invalid', tail(error));
    process.exit(0);
  }
  if (!unit.isTest) {
    try {
      script.runInThisContext();
    } catch (error) {
      emit('setup_error', statusOf(error), tail(error));
      process.exit(0);
    }
    continue;
  }
  emit('start', index);
  const started = performance.now();
  let status = 'passed';
  let errorText = '';
  try {
    script.runInThisContext();
  } catch (error) {
    status = statusOf(error);
    errorText = tail(error);
  }
  emit('end', index, status, Math.round((performance.now() - started) * 1000) / 1000, errorText);
  index++;
}
emit('done');
`;
