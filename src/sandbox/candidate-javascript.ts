import { JAVASCRIPT_HANDOVER } from './handover.js';
import { JAVASCRIPT_PLAIN_DATA } from './plain-data-javascript.js';

/**
 * The candidate side for JavaScript (`node -e CANDIDATE`), one fresh sandboxed process per sample:
 * reads the program from stdin, runs it as a script in the global scope (`require`, `module`,
 * `exports` provided), then serves the runner's requests on fd 3 (JSON frames, see
 * plain-data-javascript.ts): ['ready', names] -> which of those names the program defines;
 * ['call'|'construct', ref, args]; ['get', ref, key]; ['set', ref, key, value]. A promise returned
 * by the program is awaited here and crosses as its value (or its rejection). Nothing here is
 * trusted; all the program can send back is plain data, which the runner checks.
 */
export const JAVASCRIPT_CANDIDATE =
  String.raw`
'use strict';
const vm = require('node:vm');
` +
  JAVASCRIPT_PLAIN_DATA +
  '\nconst CHANNEL = 3;\n' +
  // Trusted so far; the program is read (and run) only after the handover is marked.
  JAVASCRIPT_HANDOVER +
  String.raw`
const source = rkFs.readFileSync(0, 'utf8');
Object.assign(globalThis, { require, module: { exports: {} } });
globalThis.exports = globalThis.module.exports;
const handles = [];
const handleOf = (value) => {
  if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
    handles.push(value);
    return handles.length - 1;
  }
  return undefined;
};
const named = new Map();
const resolve = (ref) => (typeof ref === 'number' ? handles[ref] : named.get(ref));
const tail = (error) => {
  try {
    return String((error && error.stack) || error).split('\n').filter((line) => !/\[eval\]|node:vm|node:internal/.test(line)).join('\n').slice(-600);
  } catch {
    return 'an error';
  }
};
const statusOf = (error) => {
  const text = String((error && error.message) || '');
  if (error instanceof RangeError && /allocation failed|Invalid (array|string) length|Array buffer allocation/i.test(text)) return 'memory_exceeded';
  return '';
};
const BASES = ['AssertionError', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'Error'];
const baseOf = (error) => {
  if (error && error.code === 'ERR_ASSERTION') return 'AssertionError';
  for (const name of BASES) if (globalThis[name] && error instanceof globalThis[name]) return name;
  return 'Error';
};
const raiseOf = (error) => {
  try {
    return ['raise', baseOf(error), String((error && error.name) || 'Error'), String((error && error.message) || error).slice(0, 2000), tail(error), statusOf(error)];
  } catch {
    return ['raise', 'Error', 'Error', '', '', ''];
  }
};
let ready;
let script;
try {
  script = new vm.Script(source, { filename: 'solution.js' });
} catch (error) {
  ready = ['syntax_error', tail(error)];
}
if (ready === undefined) {
  try {
    script.runInThisContext();
  } catch (error) {
    ready = ['program_error', statusOf(error) || 'runtime_error', tail(error)];
  }
}
function exportsOf(names) {
  const found = [];
  for (const name of names) {
    if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    let value;
    try {
      if (vm.runInThisContext('typeof ' + name) === 'undefined') continue;
      value = vm.runInThisContext(name);
    } catch {
      continue;
    }
    if (typeof value === 'function') {
      named.set(name, value);
      found.push([name, 'callable', null]);
    } else {
      try {
        found.push([name, 'value', rkEncode(value, () => undefined)]);
      } catch {}
    }
  }
  return found;
}
async function serve(request) {
  const [op, ref] = request;
  if (op === 'ready') return ready ?? ['ready', exportsOf(request[1])];
  const target = resolve(ref);
  let result;
  if (op === 'call') result = Reflect.apply(target, undefined, rkDecode(request[2], resolve));
  else if (op === 'construct') result = Reflect.construct(target, rkDecode(request[2], resolve));
  else if (op === 'get') {
    result = target[request[2]];
    if (typeof result === 'function') result = result.bind(target);
  } else if (op === 'set') {
    target[request[2]] = rkDecode(request[3], resolve);
    result = undefined;
  } else throw new TypeError('unknown request');
  const settled = result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function';
  if (settled) {
    try {
      result = await result;
    } catch (error) {
      return [...raiseOf(error), 'async'];
    }
  }
  return ['value', rkEncode(result, handleOf), settled ? 'async' : ''];
}
(async () => {
  for (;;) {
    const request = JSON.parse(rkReadFrame(CHANNEL).toString('utf8'));
    let reply;
    try {
      reply = await serve(request);
    } catch (error) {
      reply = error instanceof RkNotPlain ? ['not_plain', String(error.message)] : raiseOf(error);
    }
    let text;
    try {
      text = JSON.stringify(reply);
    } catch {
      text = JSON.stringify(['raise', 'Error', 'Error', 'the reply could not be written', '', '']);
    }
    rkWriteFrame(CHANNEL, text);
  }
})();
`;
