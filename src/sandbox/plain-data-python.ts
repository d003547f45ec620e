/**
 * The plain-data codec shared by the Python test runner and the Python candidate (both embed this
 * source). A value crosses the process boundary as a flat, post-order list of tokens:
 *   ('N',) None   ('b', 0|1) bool   ('i', hex) int   ('f', float.hex) float   ('c', re, im) complex
 *   ('s', text) str   ('y', hex) bytes   ('L'|'T'|'S'|'Z', n) list/tuple/set/frozenset of the
 *   previous n values   ('D', n) dict of the previous 2n values (key, value, ...)   ('h', ref) a
 *   handle (an object of the program held on its side, or a program function by name).
 * Flat, so nesting depth never meets a parser limit; ints in hex, so huge ints cross exactly (the
 * 4,300-digit limit applies only to decimal); floats by float.hex (nan, inf, -0.0 exact).
 * Flat is not shallow: the tokens can still describe a value nested 200,000 deep, which C code
 * such as the tuple hash (no recursion check in CPython 3.11) walks on the C stack until it
 * crashes. So `rk_decode` refuses a value nested deeper than `RK_MAX_DEPTH` (1,000, Python's own
 * default recursion limit, so no value the encoder can walk is refused) with `RkTooDeep`, before
 * it builds it; the encoder refuses what it cannot walk (RecursionError) the same way.
 *
 * `rk_encode` reads containers through the base types' own methods (`list.__iter__`,
 * `dict.items`, `str.__str__` ...), so a subclass's overridden methods never run on the receiving
 * side and never decide what it sees. `rk_decode` builds only the builtin types above from the
 * tokens and refuses anything else: an object that "equals everything" cannot arrive.
 */
export const PYTHON_PLAIN_DATA = String.raw`
class RkNotPlain(Exception):
    pass
class RkProtocolError(Exception):
    pass
class RkTooDeep(RkProtocolError):
    pass
RK_MAX_TOKENS = 4000000
RK_MAX_DEPTH = 1000
RK_TOO_DEEP = "a value nested more than 1,000 levels deep, which is not plain data that can cross"
def rk_encode(value, handle_of):
    out = []
    append = out.append
    def walk(v):
        if len(out) > RK_MAX_TOKENS:
            raise RkNotPlain("the value is too large to cross (more than 4,000,000 items)")
        if v is None:
            append(("N",))
        elif v is True or v is False:
            append(("b", 1 if v else 0))
        elif isinstance(v, int):
            append(("i", int.__format__(v, "x")))
        elif isinstance(v, float):
            append(("f", float.hex(v)))
        elif isinstance(v, complex):
            plain = complex.__add__(v, 0j)
            append(("c", float.hex(plain.real), float.hex(plain.imag)))
        elif isinstance(v, str):
            append(("s", str.__str__(v)))
        elif isinstance(v, (bytes, bytearray)):
            append(("y", memoryview(v).hex()))
        elif isinstance(v, list):
            items = list(list.__iter__(v))
            for item in items:
                walk(item)
            append(("L", len(items)))
        elif isinstance(v, tuple):
            items = list(tuple.__iter__(v))
            for item in items:
                walk(item)
            append(("T", len(items)))
        elif isinstance(v, frozenset):
            items = list(frozenset.__iter__(v))
            for item in items:
                walk(item)
            append(("Z", len(items)))
        elif isinstance(v, set):
            items = list(set.__iter__(v))
            for item in items:
                walk(item)
            append(("S", len(items)))
        elif isinstance(v, dict):
            pairs = list(dict.items(v))
            for key, item in pairs:
                walk(key)
                walk(item)
            append(("D", len(pairs)))
        else:
            ref = handle_of(v)
            if ref is None:
                raise RkNotPlain("a value of type " + type(v).__name__ + " is not plain data (None, bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset)")
            append(("h", ref))
    try:
        walk(value)
    except RecursionError:
        raise RkNotPlain(RK_TOO_DEEP)
    return out
def rk_decode(tokens, resolve):
    if type(tokens) is not list:
        raise RkProtocolError("not a token list")
    stack = []
    depths = []
    for token in tokens:
        if type(token) is not tuple or not token or type(token[0]) is not str:
            raise RkProtocolError("malformed token")
        tag = token[0]
        depth = 0
        if tag == "N":
            value = None
        elif tag == "b":
            value = token[1] == 1
        elif tag == "i" and type(token[1]) is str:
            value = int(token[1], 16)
        elif tag == "f" and type(token[1]) is str:
            value = float.fromhex(token[1])
        elif tag == "c" and type(token[1]) is str and type(token[2]) is str:
            value = complex(float.fromhex(token[1]), float.fromhex(token[2]))
        elif tag == "s" and type(token[1]) is str:
            value = token[1]
        elif tag == "y" and type(token[1]) is str:
            value = bytes.fromhex(token[1])
        elif tag in ("L", "T", "S", "Z", "D") and type(token[1]) is int:
            size = token[1] * (2 if tag == "D" else 1)
            if size < 0 or size > len(stack):
                raise RkProtocolError("container larger than what precedes it")
            items = stack[len(stack) - size:]
            del stack[len(stack) - size:]
            depth = 1 + max(depths[len(depths) - size:], default=0)
            del depths[len(depths) - size:]
            if depth > RK_MAX_DEPTH:
                raise RkTooDeep(RK_TOO_DEEP)
            if tag == "L":
                value = items
            elif tag == "T":
                value = tuple(items)
            elif tag == "S":
                value = set(items)
            elif tag == "Z":
                value = frozenset(items)
            else:
                value = dict(zip(items[0::2], items[1::2]))
        elif tag == "h" and type(token[1]) in (int, str):
            value = resolve(token[1])
        else:
            raise RkProtocolError("unknown token " + repr(tag)[:20])
        stack.append(value)
        depths.append(depth)
    if len(stack) != 1:
        raise RkProtocolError("not exactly one value")
    return stack[0]
`;

/**
 * Reads exactly `size` bytes from the fd in `RK_IN` (each program sets it before this snippet),
 * in chunks of at most 1 MiB; the end of input ends the process quietly (the other side is gone).
 */
export const PYTHON_READ_EXACTLY = String.raw`
def rk_read(size):
    parts = []
    while size > 0:
        chunk = posix.read(RK_IN, size if size < 1048576 else 1048576)
        if not chunk:
            posix._exit(0)
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)
`;
