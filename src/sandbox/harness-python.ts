/**
 * The Python test harness, read from stdin by a one-line bootstrap (`stdinHarness`), then the
 * nonce, the program and the tests from stdin too (no file to copy in); ENTRY_POINT is argv[1]. It runs the program once, then each top-level `assert` (or `check(...)` call) of `tests.py` as one
 * test, and writes one line per event to fd 3 (see `harness-protocol.ts`). Other top-level
 * statements of the tests (imports, helpers, HumanEval's `def check(candidate)`) are setup. With an
 * entry point and a `check` function but no call of it, `check(<entry_point>)` is the test.
 *
 * Every line starts with a per-run nonce read from stdin, so a program that writes lines to fd 3
 * blindly cannot forge results (one that inspects the harness's frames can: see docs/sandbox.md).
 * Start-up cost is paid once per sample, so it imports only modules compiled into the interpreter
 * (`posix`, not `os`, whose import costs ~3 ms under -S): the AST comes from
 * `compile(..., PyCF_ONLY_AST)`, node kinds are read by class name (no `_ast` import), and
 * `traceback` is imported only when a test fails.
 */
export const PYTHON_HARNESS = String.raw`
import sys, posix, time
out = open(3, "w", buffering=1)
posix.set_inheritable(3, False)
def escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
def make_emit(nonce):
    def emit(*fields):
        out.write(nonce + "\t" + "\t".join(escape(str(field)) for field in fields) + "\n")
        out.flush()
    return emit
stdin = sys.stdin.buffer
emit = make_emit(stdin.readline().strip().decode("ascii", "replace"))
# The program and the tests follow on stdin ("<bytes of program> <bytes of tests>" then both),
# so no file has to be copied into the sandbox; they are written to the working directory only
# so that tracebacks can quote their lines.
sizes = stdin.readline().split()
bundle = [stdin.read(int(size)).decode("utf-8", "replace") for size in sizes]
null = posix.open("/dev/null", posix.O_RDONLY)
posix.dup2(null, 0)
posix.close(null)
def tail():
    import traceback
    error = sys.exc_info()[1]
    if isinstance(error, SyntaxError):
        return "".join(traceback.format_exception_only(type(error), error))[-600:]
    frames = error.__traceback__.tb_next or error.__traceback__
    return "".join(traceback.format_exception(type(error), error, frames))[-600:]
def status_of(error):
    if isinstance(error, AssertionError): return "failed"
    if isinstance(error, MemoryError): return "memory_exceeded"
    return "runtime_error"
def keep(name, text):
    with open(name, "w", encoding="utf-8") as handle:
        handle.write(text)
    return text
source, tests = keep("solution.py", bundle[0]), keep("tests.py", bundle[1])
entry = sys.argv[1] if len(sys.argv) > 1 else ""
try:
    tree = compile(tests, "tests.py", "exec", 1024)
except (SyntaxError, ValueError):
    emit("tests_invalid", tail())
    sys.exit(0)
lines = tests.splitlines()
def label_of(node):
    text = lines[node.lineno - 1][node.col_offset:] if node.lineno == node.end_lineno else "\n".join(lines[node.lineno - 1:node.end_lineno])
    return text.strip()[:200]
def kind(node):
    return type(node).__name__
def is_check_call(node):
    return kind(node) == "Expr" and kind(node.value) == "Call" and kind(node.value.func) == "Name" and node.value.func.id == "check"
Module = type(tree)
units = [(kind(node) == "Assert" or is_check_call(node), label_of(node), Module(body=[node], type_ignores=[])) for node in tree.body]
defines_check = any(kind(node) == "FunctionDef" and node.name == "check" for node in tree.body)
if entry and defines_check and not any(is_check_call(node) for node in tree.body):
    units.append((True, "check(" + entry + ")", compile("check(" + entry + ")", "tests.py", "exec", 1024)))
if not any(unit[0] for unit in units):
    units = [(True, "tests", tree)]
emit("plan", *[label for is_test, label, _ in units if is_test])
try:
    program = compile(source, "solution.py", "exec")
except (SyntaxError, ValueError):
    emit("syntax_error", tail())
    sys.exit(0)
namespace = {"__name__": "solution", "__builtins__": __builtins__}
try:
    exec(program, namespace)
except BaseException as error:
    emit("program_error", status_of(error), tail())
    sys.exit(0)
index = 0
for is_test, label, module in units:
    code = compile(module, "tests.py", "exec")
    if not is_test:
        try:
            exec(code, namespace)
        except BaseException as error:
            emit("setup_error", status_of(error), tail())
            sys.exit(0)
        continue
    emit("start", index)
    started = time.perf_counter()
    try:
        exec(code, namespace)
        status, error_text = "passed", ""
    except BaseException as error:
        status, error_text = status_of(error), tail()
    emit("end", index, status, round((time.perf_counter() - started) * 1000, 3), error_text)
    index += 1
emit("done")
`;
