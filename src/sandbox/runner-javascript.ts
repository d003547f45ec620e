import { JAVASCRIPT_PLAIN_DATA } from './plain-data-javascript.js';

/**
 * The trusted JavaScript test runner (`node -e RUNNER`), sandboxed, started fresh per sample (Node
 * cannot fork). It reads `S{"tests", "entry"}` on fd 0, splits the tests into top-level chunks
 * (those starting with `assert` or `check(` are tests, the others setup; with `entry` and a
 * `check` function that is never called, `check(<entry>)` is the test), asks the candidate which
 * of the names the tests mention the program defines, makes each a global proxy (callable, and
 * constructible with `new` for classes; objects of the program are Proxies whose properties are
 * fetched from the candidate), and runs the tests here with the runner's own `node:assert`.
 *
 * Async tests are awaited; a rejection nobody handled, or `process.exitCode` set to non-zero,
 * during a test (or after the last one) fails that test. Events go out as `E{json}` frames on fd
 * 3, which the program never holds.
 */
export const JAVASCRIPT_RUNNER =
  String.raw`
'use strict';
const vm = require('node:vm');
const assert = require('node:assert');
` +
  JAVASCRIPT_PLAIN_DATA +
  String.raw`
const IN = 0;
const OUT = 3;
const emit = (event, fields = {}) => rkWriteFrame(OUT, 'E', JSON.stringify({ event, ...fields }));
class RkCandidateFailure extends Error {
  constructor(status, reason) {
    super(reason);
    this.status = status;
  }
}
const state = { forced: undefined, gone: undefined, lateFailure: undefined };
const force = (status, reason) => {
  state.forced ??= [status, reason];
  return new RkCandidateFailure(status, reason);
};
function request(message) {
  if (state.gone) throw force(...state.gone);
  rkWriteFrame(OUT, 'C', JSON.stringify(message));
  const frame = rkReadFrame(IN);
  if (frame[0] === 0x47) {
    let info = {};
    try {
      info = JSON.parse(frame.subarray(1).toString('utf8'));
    } catch {}
    state.gone = [String(info.status || 'runtime_error'), String(info.reason || 'the program ended')];
    throw force(...state.gone);
  }
  let reply;
  try {
    reply = JSON.parse(frame.subarray(1).toString('utf8'));
  } catch {}
  if (!Array.isArray(reply) || typeof reply[0] !== 'string') throw force('runtime_error', 'the program sent an unreadable reply');
  return reply;
}
const refOf = (value) => (proxies.has(value) ? proxies.get(value) : undefined);
const proxies = new WeakMap();
// The only statuses a program's reply may claim (its allocation failure, its output cap); any other
// word it sends ('passed', 'sandbox_error' ...) is its own runtime error, never the test's verdict.
const claimed = (status) => (status === 'memory_exceeded' || status === 'output_limit' ? status : 'runtime_error');
function errorOf(reply) {
  const [, base, name, message, stackTail, status] = reply;
  if (typeof base !== 'string' || typeof message !== 'string') return force('runtime_error', 'the program sent an unexpected reply');
  if (status) return force(claimed(status), String(stackTail || name + ': ' + message));
  let error;
  if (base === 'AssertionError') error = new assert.AssertionError({ message: String(name) + ': ' + message });
  else {
    const Base = ['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError'].includes(base) ? globalThis[base] : Error;
    error = new Base(name === base ? message : String(name) + ': ' + message);
  }
  error.rkRemoteTail = String(stackTail || '');
  return error;
}
function remote(message) {
  const reply = request(message);
  if (reply[0] === 'value') {
    let value;
    try {
      value = rkDecode(reply[1], proxyFor);
    } catch (error) {
      throw force('runtime_error', 'the program sent malformed data: ' + error.message);
    }
    return reply[2] === 'async' ? Promise.resolve(value) : value;
  }
  if (reply[0] === 'not_plain') {
    state.forced ??= ['failed', 'the program returned ' + String(reply[1])];
    throw new TypeError('the program returned ' + String(reply[1]));
  }
  if (reply[0] === 'raise') {
    const error = errorOf(reply);
    if (reply[6] === 'async' && !(error instanceof RkCandidateFailure)) return Promise.reject(error);
    throw error;
  }
  throw force('runtime_error', 'the program sent an unexpected reply');
}
function proxyFor(ref) {
  const label = '[program object ' + String(ref) + ']';
  const target = function (...args) {
    return remote([new.target ? 'construct' : 'call', ref, rkEncode(args, refOf)]);
  };
  const proxy = new Proxy(target, {
    get(_target, key) {
      // Conversions stay here: a program object never turns into the primitive a loose
      // comparison (==, assert.equal, assert.deepEqual) expects.
      if (key === Symbol.toPrimitive || key === 'valueOf' || key === 'toString') return () => label;
      if (typeof key === 'symbol' || key === 'then' || key === 'prototype' || key === 'toJSON') return undefined;
      return remote(['get', ref, key]);
    },
    set(_target, key, value) {
      if (typeof key === 'symbol') return false;
      remote(['set', ref, key, rkEncode(value, refOf)]);
      return true;
    },
  });
  proxies.set(proxy, ref);
  return proxy;
}
const tail = (error) => {
  const remoteTail = error && error.rkRemoteTail ? error.rkRemoteTail + '\n' : '';
  if (error instanceof RkCandidateFailure) return String(error.message).slice(-600);
  return (remoteTail + String((error && error.stack) || error).split('\n').filter((line) => !/\[eval\]|node:vm|node:internal/.test(line)).join('\n')).slice(-600);
};
const statusOf = (error) => {
  if (error instanceof RkCandidateFailure) return error.status;
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
process.on('unhandledRejection', (reason) => {
  state.lateFailure ??= ['failed', 'a promise was rejected and nobody handled it: ' + tail(reason)];
});
const settle = () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));
function asyncFailure() {
  if (state.lateFailure) {
    const failure = state.lateFailure;
    state.lateFailure = undefined;
    return failure;
  }
  if (process.exitCode !== undefined && process.exitCode !== 0) {
    const code = process.exitCode;
    process.exitCode = undefined;
    return ['failed', 'process.exitCode was set to ' + String(code)];
  }
  return undefined;
}
async function main() {
  const spec = JSON.parse(rkReadFrame(IN).subarray(1).toString('utf8'));
  const tests = String(spec.tests);
  const entry = String(spec.entry || '');
  Object.assign(globalThis, { require, assert, module: { exports: {} } });
  globalThis.exports = globalThis.module.exports;
  let units = chunksOf(tests).map((text) => ({ isTest: /^\s*(assert\b|check\s*\()/.test(text), label: text.trim().slice(0, 200), text }));
  const hasCheckCall = units.some((unit) => /^\s*check\s*\(/.test(unit.text));
  if (!units.some((unit) => unit.isTest)) units = [{ isTest: true, label: 'tests', text: tests }];
  const definesCheck = /(^|\n)\s*(async\s+)?(function\s+check\b|(const|let|var)\s+check\s*=)/.test(tests);
  if (entry && definesCheck && !hasCheckCall) units.push({ isTest: true, label: 'check(' + entry + ')', text: 'check(' + entry + ')' });
  const scripts = [];
  for (const unit of units) {
    try {
      scripts.push(new vm.Script(unit.text, { filename: 'tests.js' }));
    } catch (error) {
      emit('tests_invalid', { error: tail(error) });
      return;
    }
  }
  emit('plan', { tests: units.filter((unit) => unit.isTest).map((unit) => unit.label) });
  const mentioned = new Set(tests.match(/[A-Za-z_$][\w$]*/g) || []);
  if (entry) mentioned.add(entry);
  const names = [...mentioned].filter((name) => !(name in globalThis));
  let ready;
  try {
    ready = request(['ready', names]);
  } catch (error) {
    emit('program_error', { status: statusOf(error), error: tail(error) });
    return;
  }
  if (ready[0] === 'syntax_error') return emit('syntax_error', { error: String(ready[1]) });
  if (ready[0] === 'program_error') return emit('program_error', { status: claimed(ready[1]), error: String(ready[2]) });
  if (ready[0] !== 'ready' || !Array.isArray(ready[1])) return emit('program_error', { status: 'runtime_error', error: 'the program sent an unexpected reply' });
  for (const item of ready[1]) {
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !names.includes(item[0])) continue;
    let value;
    try {
      value = item[1] === 'callable' ? proxyFor(item[0]) : rkDecode(item[2], proxyFor);
    } catch {
      continue;
    }
    Object.defineProperty(globalThis, item[0], { value, writable: true, configurable: true, enumerable: false });
  }
  let index = 0;
  let lastPassed;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit.isTest) {
      try {
        await scripts[i].runInThisContext();
      } catch (error) {
        emit('setup_error', { status: statusOf(error), error: tail(error) });
        return;
      }
      continue;
    }
    emit('start', { index });
    state.forced = undefined;
    const started = performance.now();
    let status = 'passed';
    let errorText = '';
    try {
      await scripts[i].runInThisContext();
      await settle();
    } catch (error) {
      status = statusOf(error);
      errorText = tail(error);
    }
    const late = asyncFailure();
    if (status === 'passed' && state.forced) [status, errorText] = state.forced;
    if (status === 'passed' && late) [status, errorText] = late;
    const ms = Math.round((performance.now() - started) * 1000) / 1000;
    emit('end', { index, status, ms, error: String(errorText).slice(-600) });
    lastPassed = status === 'passed' ? { index, ms } : undefined;
    index++;
  }
  await settle();
  const late = asyncFailure();
  if (late && lastPassed) emit('end', { index: lastPassed.index, status: late[0], ms: lastPassed.ms, error: late[1] });
  emit('done');
}
main().then(
  () => process.exit(0),
  () => process.exit(0),
);
`;
