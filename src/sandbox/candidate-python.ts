import { PYTHON_PLAIN_DATA, PYTHON_READ_EXACTLY } from './plain-data-python.js';

/**
 * The candidate side for Python (`python3 -I -S -B -c CANDIDATE`), one fresh sandboxed process per
 * sample. It reads the program from stdin (to EOF), runs it once as module `solution` (so an
 * `if __name__ == "__main__":` block does not run), then serves requests on fd 3: each request is
 * a 4-byte big-endian length and a marshal'd tuple from the trusted test runner (relayed by
 * rewardkit), each reply a length and the `repr` of a tuple of builtin values (the runner reads it
 * with `ast.literal_eval`, never with marshal or pickle).
 *
 * Requests: ('ready',) -> what the program defines; ('call', ref, args, kwargs); ('getattr', ref,
 * name); ('setattr', ref, name, value); ('special', ref, '__len__'|..., args). `ref` is a
 * top-level name or a handle number. Results cross as plain data (see plain-data-python.ts);
 * objects of the program's own classes (and its functions) stay here and cross as handles.
 *
 * Nothing here is trusted: the program can replace any of it. Whatever it does, all it can send
 * is a reply made of plain data, which the runner checks; it never sees the runner or its channel.
 */
export const PYTHON_CANDIDATE =
  String.raw`
import sys, posix, marshal, builtins
CHANNEL = 3
RK_IN = CHANNEL
` +
  PYTHON_PLAIN_DATA +
  PYTHON_READ_EXACTLY +
  String.raw`
def rk_send(data):
    view = memoryview(len(data).to_bytes(4, "big") + data)
    while view:
        view = view[posix.write(CHANNEL, view):]
def rk_tail(error):
    try:
        import traceback
        if isinstance(error, SyntaxError):
            return "".join(traceback.format_exception_only(type(error), error))[-600:]
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename != "<string>"]
        text = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(error), error))
        return ("Traceback (most recent call last):\n" + text)[-600:]
    except BaseException:
        return type(error).__name__
def rk_status(error):
    if isinstance(error, MemoryError):
        return "memory_exceeded"
    if isinstance(error, OSError) and error.errno in (27, 28):
        return "output_limit"
    return ""
def rk_base_name(error):
    for klass in type(error).__mro__:
        if getattr(builtins, klass.__name__, None) is klass:
            return klass.__name__
    return "Exception"
def rk_message(error):
    try:
        return str.__str__(BaseException.__str__(error))[:2000]
    except BaseException:
        return ""
source = sys.stdin.buffer.read().decode("utf-8", "replace")
null = posix.open("/dev/null", posix.O_RDONLY)
posix.dup2(null, 0)
posix.close(null)
# The program is module "solution" in sys.modules, so pickle (multiprocessing) finds its functions.
solution = type(sys)("solution")
sys.modules["solution"] = solution
namespace = solution.__dict__
namespace["__builtins__"] = builtins
handles = []
def rk_handle_of(value):
    kind = type(value)
    if getattr(kind, "__module__", None) == "solution" or (callable(value) and getattr(value, "__module__", None) == "solution") or kind.__name__ in ("method", "builtin_function_or_method"):
        handles.append(value)
        return len(handles) - 1
    return None
def rk_resolve(ref):
    return handles[ref] if type(ref) is int else namespace[ref]
def rk_exports():
    exports = []
    for name, value in list(namespace.items()):
        name = str.__str__(name)
        if name.startswith("__"):
            continue
        if type(value).__name__ == "module":
            exports.append((name, "module", str.__str__(value.__name__)))
        elif callable(value):
            exports.append((name, "callable", None))
        else:
            try:
                exports.append((name, "value", rk_encode(value, lambda _value: None)))
            except BaseException:
                pass
    return exports
try:
    with open("solution.py", "w", encoding="utf-8") as handle:
        handle.write(source)
except BaseException:
    pass
try:
    program = compile(source, "solution.py", "exec")
except BaseException as error:
    ready = ("syntax_error", rk_tail(error))
else:
    try:
        exec(program, namespace)
        ready = ("ready", rk_exports())
    except BaseException as error:
        ready = ("program_error", rk_status(error) or "runtime_error", rk_tail(error))
def rk_serve(request):
    op = request[0]
    if op == "ready":
        return ready
    target = rk_resolve(request[1])
    if op == "call":
        result = target(*rk_decode(request[2], rk_resolve), **rk_decode(request[3], rk_resolve))
    elif op == "getattr":
        result = getattr(target, request[2])
    elif op == "setattr":
        result = setattr(target, request[2], rk_decode(request[3], rk_resolve))
    elif op == "special":
        name, args = request[2], rk_decode(request[3], rk_resolve)
        if name == "__iter__":
            result = list(target)
        elif name == "__len__":
            result = len(target)
        elif name == "__bool__":
            result = bool(target)
        elif name == "__str__":
            result = str(target)
        elif name == "__getitem__":
            result = target[args[0]]
        elif name == "__setitem__":
            target[args[0]] = args[1]
            result = None
        elif name == "__contains__":
            result = args[0] in target
        else:
            raise TypeError("unsupported operation " + name)
    else:
        raise TypeError("unknown request")
    return ("value", rk_encode(result, rk_handle_of))
while True:
    request = marshal.loads(rk_read(int.from_bytes(rk_read(4), "big")))
    try:
        reply = rk_serve(request)
    except RkNotPlain as error:
        reply = ("not_plain", str.__str__(error.args[0]))
    except BaseException as error:
        try:
            reply = ("raise", rk_base_name(error), str.__str__(type(error).__name__), rk_message(error), rk_tail(error), rk_status(error))
        except BaseException:
            reply = ("raise", "Exception", "Exception", "", "", "")
    try:
        text = repr(reply)
    except BaseException as error:
        text = repr(("raise", "Exception", "Exception", "the reply could not be written", "", ""))
    rk_send(text.encode("utf-8", "backslashreplace"))
`;
