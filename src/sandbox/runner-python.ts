import { PYTHON_PLAIN_DATA, PYTHON_READ_EXACTLY } from './plain-data-python.js';

/**
 * The trusted Python test runner (`python3 -I -S -B -c RUNNER`): a fork server, itself sandboxed
 * (the tests may come from a client), that never runs the program. One per pool slot, started
 * once; for each sample rewardkit sends `S{"tests", "entry"}` on fd 0, the server forks a child
 * (a pristine copy, so nothing one sample's tests do reaches the next), waits for it, and answers
 * `Z`. Frames are a 4-byte big-endian length then a one-letter kind.
 *
 * The child splits the tests like the MBPP/HumanEval harnesses do (every top-level `assert` or
 * `check(...)` call is one test, the other statements are setup; with `entry` and a `def check`
 * that is never called, `check(<entry>)` is the test), asks the candidate what the program
 * defines, binds each callable name to a proxy, and runs the tests here. A proxy call goes out as
 * `C<marshal>` on fd 3 and comes back as `R<repr>` (decoded by ast.literal_eval into plain data
 * only) or `G{"status", "reason"}` when the candidate is gone (exited, killed, timed out). The
 * events rewardkit turns into the verdict (`E{json}`: plan, start, end, done ...) are written here,
 * on fd 3, a channel the program never holds.
 */
export const PYTHON_RUNNER =
  String.raw`
import sys, os, posix, time, json, marshal, builtins, ast, resource, traceback, shutil
for preload in ("math", "random", "copy", "re", "collections", "itertools", "functools", "heapq", "string", "fractions", "decimal", "statistics", "bisect", "operator", "typing", "hashlib", "datetime", "cmath", "numbers"):
    try:
        __import__(preload)
    except BaseException:
        pass
IN, OUT = 0, 3
RK_IN = IN
` +
  PYTHON_PLAIN_DATA +
  PYTHON_READ_EXACTLY +
  String.raw`
def rk_frame():
    return rk_read(int.from_bytes(rk_read(4), "big"))
def rk_write(kind, payload):
    view = memoryview((len(payload) + 1).to_bytes(4, "big") + kind + payload)
    while view:
        view = view[posix.write(OUT, view):]
def emit(event, **fields):
    fields["event"] = event
    rk_write(b"E", json.dumps(fields).encode("utf-8", "backslashreplace"))
class RkCandidateFailure(BaseException):
    """The candidate is gone or broke the protocol: the test fails with this status whatever it catches."""
    def __init__(self, status, reason):
        BaseException.__init__(self, reason)
        self.status = status
class RkNotPlainError(TypeError):
    pass
class Sample:
    forced = None
    gone = None
state = Sample()
# The only statuses a program's reply may claim (its MemoryError, its full /tmp); any other word it
# sends ("passed", "sandbox_error" ...) is its own runtime error, never the test's verdict.
RK_CLAIMABLE = ("memory_exceeded", "output_limit")
def rk_claimed(status):
    return status if status in RK_CLAIMABLE else "runtime_error"
def rk_force(status, reason):
    if state.forced is None:
        state.forced = (status, reason)
    return RkCandidateFailure(status, reason)
def rk_request(request):
    if state.gone is not None:
        raise rk_force(*state.gone)
    rk_write(b"C", marshal.dumps(request))
    frame = rk_frame()
    if frame[:1] == b"G":
        info = json.loads(frame[1:])
        state.gone = (str(info.get("status", "runtime_error")), str(info.get("reason", "the program ended")))
        raise rk_force(*state.gone)
    try:
        reply = ast.literal_eval(frame[1:].decode("utf-8"))
        if type(reply) is not tuple or not reply or type(reply[0]) is not str:
            raise RkProtocolError("not a reply")
    except BaseException as error:
        raise rk_force("runtime_error", "the program sent an unreadable reply (" + type(error).__name__ + ")")
    return reply
def rk_ref(value):
    return value._rk_ref if type(value) is RemoteObject else None
def rk_remote(request):
    reply = rk_request(request)
    kind = reply[0]
    if kind == "value" and len(reply) == 2:
        try:
            return rk_decode(reply[1], RemoteObject)
        except RkTooDeep:
            # Refused before it is built (building it could crash the runner): not plain data.
            state.forced = state.forced or ("failed", "the program returned " + RK_TOO_DEEP)
            raise RkNotPlainError("the program returned " + RK_TOO_DEEP)
        except RkProtocolError as error:
            raise rk_force("runtime_error", "the program sent malformed data: " + str(error))
    if kind == "not_plain" and len(reply) == 2 and type(reply[1]) is str:
        state.forced = state.forced or ("failed", "the program returned " + reply[1])
        raise RkNotPlainError("the program returned " + reply[1])
    if kind == "raise" and len(reply) == 6 and all(type(part) is str for part in reply[1:]):
        base, name, message, tail, status = reply[1:]
        if status:
            raise rk_force(rk_claimed(status), tail or name + ": " + message)
        klass = getattr(builtins, base, None)
        if base in ("SystemExit", "KeyboardInterrupt", "GeneratorExit") or not (isinstance(klass, type) and issubclass(klass, BaseException)):
            raise rk_force("runtime_error", tail or name + ": " + message)
        if not issubclass(klass, Exception):
            klass = Exception
        if issubclass(klass, (StopIteration, StopAsyncIteration)):
            # A StopIteration out of a call would silently end the test's map()/filter()/zip() loop
            # (all(map(f, xs)) would pass on nothing): PEP 479's rule, a RuntimeError, applies.
            klass = RuntimeError
        error = klass(message if name == base else name + ": " + message)
        error.rk_remote_tail = tail
        raise error
    raise rk_force("runtime_error", "the program sent an unexpected reply")
class RemoteObject:
    """A function, class or object of the program, held by the candidate process."""
    __slots__ = ("_rk_ref",)
    def __init__(self, ref):
        object.__setattr__(self, "_rk_ref", ref)
    def __call__(self, *args, **kwargs):
        return rk_remote(("call", self._rk_ref, rk_encode(args, rk_ref), rk_encode(kwargs, rk_ref)))
    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return rk_remote(("getattr", self._rk_ref, name))
    def __setattr__(self, name, value):
        rk_remote(("setattr", self._rk_ref, name, rk_encode(value, rk_ref)))
    def _rk_special(self, name, *args):
        return rk_remote(("special", self._rk_ref, name, rk_encode(args, rk_ref)))
    def __len__(self):
        value = self._rk_special("__len__")
        if type(value) is not int:
            raise TypeError("len() of a program object did not return an int")
        return value
    def __bool__(self):
        return self._rk_special("__bool__") is True
    def __str__(self):
        value = self._rk_special("__str__")
        return value if type(value) is str else "<program object>"
    def __iter__(self):
        value = self._rk_special("__iter__")
        return iter(value if type(value) is list else [])
    def __getitem__(self, key):
        return self._rk_special("__getitem__", key)
    def __setitem__(self, key, value):
        self._rk_special("__setitem__", key, value)
    def __contains__(self, item):
        return self._rk_special("__contains__", item) is True
    def __repr__(self):
        return "<program object " + str(self._rk_ref) + ">"
def tail():
    error = sys.exc_info()[1]
    remote = getattr(error, "rk_remote_tail", "")
    if isinstance(error, RkCandidateFailure):
        return str(error.args[0])[-600:]
    if isinstance(error, SyntaxError):
        return "".join(traceback.format_exception_only(type(error), error))[-600:]
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename != "<string>"]
    text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(error), error))
    return ((remote + "\n" if remote else "") + text)[-600:]
def status_of(error):
    if isinstance(error, RkCandidateFailure):
        return error.status
    if isinstance(error, RkNotPlainError):
        return "failed"
    if isinstance(error, AssertionError):
        return "failed"
    if isinstance(error, MemoryError):
        return "memory_exceeded"
    return "runtime_error"
def run_sample(spec):
    tests = spec["tests"]
    entry = spec.get("entry") or ""
    try:
        tree = compile(tests, "tests.py", "exec", ast.PyCF_ONLY_AST)
    except (SyntaxError, ValueError):
        emit("tests_invalid", error=tail())
        return
    lines = tests.splitlines()
    def label_of(node):
        if node.lineno == node.end_lineno:
            text = lines[node.lineno - 1][node.col_offset:]
        else:
            text = "\n".join(lines[node.lineno - 1:node.end_lineno])
        return text.strip()[:200]
    def is_check_call(node):
        return isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) and node.value.func.id == "check"
    units = [(isinstance(node, ast.Assert) or is_check_call(node), label_of(node), ast.Module(body=[node], type_ignores=[])) for node in tree.body]
    defines_check = any(isinstance(node, ast.FunctionDef) and node.name == "check" for node in tree.body)
    if entry and defines_check and not any(is_check_call(node) for node in tree.body):
        units.append((True, "check(" + entry + ")", ast.parse("check(" + entry + ")", "tests.py")))
    if not any(unit[0] for unit in units):
        units = [(True, "tests", tree)]
    emit("plan", tests=[label for is_test, label, _ in units if is_test])
    try:
        ready = rk_request(("ready",))
    except RkCandidateFailure as error:
        emit("program_error", status=error.status, error=str(error.args[0])[-600:])
        return
    if ready[0] == "syntax_error" and len(ready) == 2:
        emit("syntax_error", error=str(ready[1]))
        return
    if ready[0] == "program_error" and len(ready) == 3:
        emit("program_error", status=rk_claimed(ready[1]), error=str(ready[2]))
        return
    if ready[0] != "ready" or len(ready) != 2 or type(ready[1]) is not list:
        emit("program_error", status="runtime_error", error="the program sent an unexpected reply")
        return
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    protected = set(dir(builtins))
    for export in ready[1]:
        if type(export) is not tuple or len(export) != 3 or type(export[0]) is not str or not export[0].isidentifier():
            continue
        name, kind, payload = export
        if name in protected and name != entry:
            continue
        if kind == "callable":
            namespace[name] = RemoteObject(name)
        elif kind == "module" and type(payload) is str and payload in sys.stdlib_module_names:
            try:
                namespace[name] = __import__(payload)
            except BaseException:
                pass
        elif kind == "value":
            try:
                namespace[name] = rk_decode(payload, RemoteObject)
            except BaseException:
                pass
    index = 0
    for is_test, label, module in units:
        code = compile(module, "tests.py", "exec")
        if not is_test:
            try:
                exec(code, namespace)
            except BaseException as error:
                emit("setup_error", status=status_of(error), error=tail())
                return
            continue
        emit("start", index=index)
        state.forced = None
        started = time.perf_counter()
        try:
            exec(code, namespace)
            status, error_text = "passed", ""
        except BaseException as error:
            status, error_text = status_of(error), tail()
        if state.forced is not None and status == "passed":
            status, error_text = state.forced[0], str(state.forced[1])[-600:]
        emit("end", index=index, status=status, ms=round((time.perf_counter() - started) * 1000, 3), error=error_text)
        index += 1
    emit("done")
# Everything loaded so far is shared with every child: frozen out of the cyclic GC, so a child's
# collections do not touch (and copy-on-write) the server's pages.
import gc
gc.collect()
gc.freeze()
while True:
    frame = rk_frame()
    if frame[:1] != b"S":
        continue
    spec = json.loads(frame[1:])
    pid = posix.fork()
    if pid == 0:
        try:
            limit = int(spec.get("cpu_seconds") or 0)
            if limit > 0:
                resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))
            run_sample(spec)
        except BaseException:
            pass
        finally:
            posix._exit(0)
    _, status = posix.waitpid(pid, 0)
    # Nothing of this sample outlives it: the server is pid 1 of its namespace, so kill(-1) ends
    # any process the tests left behind (it could otherwise watch or trace the next sample's
    # child), the orphans are reaped, and the working directory and /dev/shm are emptied.
    try:
        posix.kill(-1, 9)
    except OSError:
        pass
    while True:
        try:
            posix.waitpid(-1, 0)
        except ChildProcessError:
            break
    for directory in (".", "/dev/shm"):
        try:
            entries = posix.listdir(directory)
        except OSError:
            entries = []
        for entry in entries:
            path = os.path.join(directory, entry)
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    posix.unlink(path)
            except OSError:
                pass
    rk_write(b"Z", json.dumps({"status": status}).encode())
`;
