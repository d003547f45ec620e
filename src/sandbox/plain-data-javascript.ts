/**
 * The plain-data codec and blocking frame I/O shared by the JavaScript test runner and candidate
 * (both embed this source). A value crosses as a flat, post-order JSON array of tokens:
 *   ['N'] null  ['U'] undefined  ['b', 0|1]  ['n', number | 'NaN' | 'Infinity' | '-Infinity' | '-0']
 *   ['g', digits] bigint  ['s', text]  ['A', n] array  ['O', n] plain object of the previous 2n
 *   values (key, value ...)  ['S', n] Set  ['M', n] Map (2n values)  ['h', ref] a handle.
 * `rkDecode` builds only these from JSON.parse output, so a getter, a Proxy, a
 * `Symbol.toPrimitive` or an overridden `Object.prototype` of the program never reaches the tests.
 * Frames are a 4-byte big-endian length then the body; reads block (fs.readSync), so a proxy call
 * in the tests is a plain synchronous function call.
 */
export const JAVASCRIPT_PLAIN_DATA = String.raw`
class RkNotPlain extends Error {}
class RkProtocolError extends Error {}
const RK_MAX_TOKENS = 4000000;
function rkEncode(value, handleOf) {
  const out = [];
  const walk = (v, depth) => {
    if (out.length > RK_MAX_TOKENS) throw new RkNotPlain('the value is too large to cross (more than 4,000,000 items)');
    if (depth > 5000) throw new RkNotPlain('the value is nested more than 5,000 levels deep');
    if (v === null) out.push(['N']);
    else if (v === undefined) out.push(['U']);
    else if (typeof v === 'boolean') out.push(['b', v ? 1 : 0]);
    else if (typeof v === 'number') out.push(['n', Object.is(v, -0) ? '-0' : Number.isFinite(v) ? v : String(v)]);
    else if (typeof v === 'bigint') out.push(['g', v.toString()]);
    else if (typeof v === 'string') out.push(['s', v]);
    else if (Array.isArray(v)) {
      const n = v.length;
      for (let i = 0; i < n; i++) walk(v[i], depth + 1);
      out.push(['A', n]);
    } else if (v instanceof Set) {
      const items = [...v];
      for (const item of items) walk(item, depth + 1);
      out.push(['S', items.length]);
    } else if (v instanceof Map) {
      const entries = [...v];
      for (const [key, item] of entries) {
        walk(key, depth + 1);
        walk(item, depth + 1);
      }
      out.push(['M', entries.length]);
    } else if (typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      const keys = Object.keys(v);
      for (const key of keys) {
        out.push(['s', String(key)]);
        walk(v[key], depth + 1);
      }
      out.push(['O', keys.length]);
    } else {
      const ref = handleOf(v);
      if (ref === undefined) throw new RkNotPlain('a value of type ' + (typeof v === 'object' ? (v.constructor && v.constructor.name) || 'object' : typeof v) + ' is not plain data (null, undefined, boolean, number, bigint, string, array, plain object, Set, Map)');
      out.push(['h', ref]);
    }
  };
  walk(value, 0);
  return out;
}
function rkDecode(tokens, resolve) {
  if (!Array.isArray(tokens)) throw new RkProtocolError('not a token list');
  const stack = [];
  const take = (n) => {
    if (!Number.isInteger(n) || n < 0 || n > stack.length) throw new RkProtocolError('container larger than what precedes it');
    return stack.splice(stack.length - n, n);
  };
  const numbers = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };
  for (const token of tokens) {
    if (!Array.isArray(token) || typeof token[0] !== 'string') throw new RkProtocolError('malformed token');
    const [tag, payload] = token;
    let value;
    if (tag === 'N') value = null;
    else if (tag === 'U') value = undefined;
    else if (tag === 'b') value = payload === 1;
    else if (tag === 'n' && typeof payload === 'number') value = payload;
    else if (tag === 'n' && typeof payload === 'string' && Object.hasOwn(numbers, payload)) value = numbers[payload];
    else if (tag === 'g' && typeof payload === 'string' && /^-?\d+$/.test(payload)) value = BigInt(payload);
    else if (tag === 's' && typeof payload === 'string') value = payload;
    else if (tag === 'A') value = take(payload);
    else if (tag === 'S') value = new Set(take(payload));
    else if (tag === 'M' || tag === 'O') {
      const items = take(Number.isInteger(payload) ? payload * 2 : -1);
      if (tag === 'M') {
        value = new Map();
        for (let i = 0; i < items.length; i += 2) value.set(items[i], items[i + 1]);
      } else {
        value = {};
        for (let i = 0; i < items.length; i += 2) {
          if (typeof items[i] !== 'string') throw new RkProtocolError('an object key that is not a string');
          Object.defineProperty(value, items[i], { value: items[i + 1], enumerable: true, writable: true, configurable: true });
        }
      }
    } else if (tag === 'h' && (typeof payload === 'number' || typeof payload === 'string')) value = resolve(payload);
    else throw new RkProtocolError('unknown token ' + String(tag).slice(0, 20));
    stack.push(value);
  }
  if (stack.length !== 1) throw new RkProtocolError('not exactly one value');
  return stack[0];
}
const rkFs = require('node:fs');
const rkPause = new Int32Array(new SharedArrayBuffer(4));
function rkReadExact(fd, size) {
  const buffer = Buffer.alloc(size);
  let offset = 0;
  while (offset < size) {
    let read;
    try {
      read = rkFs.readSync(fd, buffer, offset, size - offset, null);
    } catch (error) {
      if (error.code === 'EAGAIN') {
        Atomics.wait(rkPause, 0, 0, 1);
        continue;
      }
      throw error;
    }
    if (read === 0) process.exit(0);
    offset += read;
  }
  return buffer;
}
function rkReadFrame(fd) {
  return rkReadExact(fd, rkReadExact(fd, 4).readUInt32BE(0));
}
function rkWriteFrame(fd, ...parts) {
  const body = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const data = Buffer.concat([head, body]);
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += rkFs.writeSync(fd, data, offset, data.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
      Atomics.wait(rkPause, 0, 0, 1);
    }
  }
}
`;
