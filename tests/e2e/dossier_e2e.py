"""Drives the built Dossier from outside, as a person or a screen reader does.

Every test gets its own temporary database and a fresh Dossier process in a
real X server (Xvfb, started outside the D-Bus session so that synthesized
input reaches the window), with the AT-SPI bus up. Widgets are found by role
and accessible name; clicks and keys are synthesized with xdotool. A failed
test prints what the accessibility tree held and leaves a screenshot.

A test file is a few lines:

    from dossier_e2e import Dossier, run

    def test_reads_sidebar(app: Dossier):
        app.find("list item", "Overview")

    run(globals())

Environment: DOSSIER (the executable), DOSSIER_E2E_SHOTS (where failure
screenshots go), LOCPATH (for the French locale).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

INNER = "DOSSIER_E2E_INNER"
TIMEOUT = float(os.environ.get("DOSSIER_E2E_TIMEOUT", "10"))


class E2EError(AssertionError):
    pass


# --- outside the session bus: the X server ------------------------------------

def _start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        # -noreset: an X server resets when its last client leaves, and a
        # client connecting during the reset is refused.
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", os.environ.get("DOSSIER_E2E_SCREEN", "1280x800x24"),
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    display = b""
    with os.fdopen(read_fd, "rb") as reader:
        while not display.endswith(b"\n"):
            chunk = reader.read(1)
            if not chunk:
                raise SystemExit("Xvfb did not start")
            display += chunk
    number = display.decode().strip()
    # Xvfb says its number once it listens; make sure its socket answers
    # before anything connects, so that a slow start is not a failed test.
    import socket
    path = f"/tmp/.X11-unix/X{number}"
    deadline = time.time() + 10
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(path)
            break
        except OSError:
            if time.time() > deadline or xvfb.poll() is not None:
                raise SystemExit(f"Xvfb :{number} does not answer on {path}")
            time.sleep(0.05)
    return xvfb, ":" + number


def _outer(test_file):
    xvfb, display = _start_xvfb()
    env = dict(os.environ, DISPLAY=display, **{INNER: "1"})
    env.pop("WAYLAND_DISPLAY", None)
    try:
        code = subprocess.call(["dbus-run-session", "--", "/usr/bin/python3", test_file] + sys.argv[1:], env=env)
    finally:
        xvfb.terminate()
        xvfb.wait()
    sys.exit(code)


# --- inside the session bus: the application and its accessibility tree -----

def _import_pyatspi():
    global pyatspi
    import pyatspi  # noqa: F401  (needs the session bus, so imported late)
    return pyatspi


def role_of(obj):
    try:
        return obj.getRoleName()
    except Exception:
        return "?"


def name_of(obj):
    try:
        return obj.name or ""
    except Exception:
        return ""


def states_of(obj):
    try:
        return {pyatspi.stateToString(state) for state in obj.getState().getStates()}
    except Exception:
        return set()


def children_of(obj):
    try:
        count = obj.childCount
    except Exception:
        return []
    result = []
    for i in range(count):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            result.append(child)
    return result


def walk(obj, depth=0):
    yield obj, depth
    for child in children_of(obj):
        yield from walk(child, depth + 1)


def describe(obj):
    return f"[{role_of(obj)}] {name_of(obj)!r}"


def _move_pointer(x, y):
    """Moves the pointer and waits until it is there; "mousemove --sync" to
    where it already is would wait for a motion that never comes."""
    where = subprocess.run(["xdotool", "getmouselocation", "--shell"], capture_output=True, text=True).stdout
    here = dict(line.split("=", 1) for line in where.split() if "=" in line)
    if here.get("X") == str(x) and here.get("Y") == str(y):
        return
    subprocess.run(["xdotool", "mousemove", "--sync", str(x), str(y)], check=True)


class Dossier:
    """One running Dossier on its own database."""

    def __init__(self, db, env=None, args=()):
        self.db = db
        self.env = dict(os.environ)
        self.env.update({"GTK_A11Y": "atspi", "GSK_RENDERER": "cairo", "GDK_BACKEND": "x11",
                         "GSETTINGS_BACKEND": "memory", "NO_AT_BRIDGE": "0"})
        self.env.update(env or {})
        self.args = list(args)
        self.proc = None
        self.root = None

    # life cycle
    def launch(self):
        """Starts Dossier and waits for it on the accessibility bus only: for
        what it shows before its window (a dialog about the database)."""
        self.proc = subprocess.Popen([os.environ["DOSSIER"], "--db", self.db] + self.args,
                                     env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.root = self._wait_for_app()
        return self

    def start(self):
        self.launch()
        self.find("frame", re.compile(r".*Dossier$"))
        # The first frame of the chart is drawn when its bars have extents,
        # or, for a case file without market figures, when it says so.
        self.wait(lambda: any(self.extents(o)[2] > 0 for o in self.find_all("list item", re.compile(r".*, \d.*")))
                  or bool(self.find_all("list", "No market series")),
                  "the chart's bars to be laid out")
        return self

    def _wait_for_app(self):
        pid = self.proc.pid
        deadline = time.time() + TIMEOUT * 2
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise E2EError(f"dossier exited with {self.proc.returncode}: {self.output()}")
            desktop = pyatspi.Registry.getDesktop(0)
            for app in children_of(desktop):
                try:
                    if app.get_process_id() == pid:
                        return app
                except Exception:
                    continue
            time.sleep(0.1)
        raise E2EError("dossier did not show up on the accessibility bus")

    def quit(self):
        """Quits with Ctrl+Q, as a user would, and checks that it exits cleanly."""
        self.key("ctrl+q")
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise E2EError("Dossier did not quit on Ctrl+Q")
        if code != 0:
            raise E2EError(f"Dossier exited with {code} on Ctrl+Q: {self.output()}")
        self.proc = None

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def output(self):
        if self.proc is None or self.proc.stdout is None or self.proc.poll() is None:
            return ""
        return self.proc.stdout.read().decode(errors="replace")

    # finding
    def find_all(self, role=None, name=None, within=None):
        def matches(obj):
            if role is not None and role_of(obj) != role:
                return False
            if name is None:
                return True
            text = name_of(obj)
            return name.fullmatch(text) is not None if isinstance(name, re.Pattern) else text == name
        return [obj for obj, _ in walk(within or self.root) if matches(obj)]

    def find(self, role=None, name=None, within=None, timeout=None):
        """The one object of @role named @name, waiting for it to appear."""
        deadline = time.time() + (TIMEOUT if timeout is None else timeout)
        while True:
            # GTK 4.8 sets no "showing" state on most objects: match on role and name.
            found = self.find_all(role, name, within)
            if found:
                return found[0]
            if time.time() > deadline:
                raise E2EError(f"no {role or 'object'} named {name!r} appeared within {TIMEOUT:g} s")
            time.sleep(0.1)

    def wait(self, predicate, what, timeout=None):
        deadline = time.time() + (TIMEOUT if timeout is None else timeout)
        while not predicate():
            if time.time() > deadline:
                raise E2EError(f"timed out waiting for {what}")
            time.sleep(0.1)

    def texts(self, within=None):
        """What labels and headings under @within say, in tree order."""
        return [name_of(o) for o, _ in walk(within or self.root)
                if role_of(o) in ("label", "heading") and name_of(o)]

    # acting
    @staticmethod
    def extents(obj):
        ext = obj.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return ext.x, ext.y, ext.width, ext.height

    def scroll_into_view(self, obj):
        """Wheels the scrolled view under @obj until it is on screen, as a
        user would before clicking it."""
        frame = next((o for o in children_of(self.root) if role_of(o) == "frame"), None)
        if frame is None:
            return
        fx, fy, fw, fh = self.extents(frame)
        pointer = None
        for _ in range(60):
            x, y, w, h = self.extents(obj)
            top, bottom = fy + 60, fy + fh - 10
            if w <= 0 or h <= 0 or top <= y + h // 2 <= bottom:
                return
            button = "5" if y + h // 2 > bottom else "4"
            # The pointer moves once: "mousemove --sync" to where it already
            # is waits for a motion that never comes.
            if pointer != (x + w // 2, (top + bottom) // 2):
                pointer = (x + w // 2, (top + bottom) // 2)
                _move_pointer(*pointer)
            subprocess.run(["xdotool", "click", button], check=True)
            time.sleep(0.1)

    def click(self, obj, dx=None):
        self.scroll_into_view(obj)
        x, y, w, h = self.extents(obj)
        if w <= 0 or h <= 0:
            raise E2EError(f"{describe(obj)} has no area on screen to click")
        cx = x + (w // 2 if dx is None else dx)
        _move_pointer(cx, y + h // 2)
        subprocess.run(["xdotool", "click", "1"], check=True)
        time.sleep(0.15)

    def key(self, keys):
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True)
        time.sleep(0.15)

    # what a screen reader hears
    def selected(self, obj):
        return "selected" in states_of(obj)

    def dump(self):
        lines = []
        for obj, depth in walk(self.root):
            states = sorted(states_of(obj) & {"selected", "focused", "focusable", "showing"})
            lines.append("  " * depth + f"{describe(obj)} {' '.join(states)}")
        return "\n".join(lines)


def _french_env():
    return {"LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "LANGUAGE": "fr"}


def _english_env():
    return {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}


FRENCH = _french_env()
ENGLISH = _english_env()


def _screenshot(name):
    folder = os.environ.get("DOSSIER_E2E_SHOTS") or tempfile.gettempdir()
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{name}.png")
    subprocess.run(["import", "-window", "root", path], stderr=subprocess.DEVNULL)
    return path


def _inner(namespace):
    _import_pyatspi()
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    tests = [(name, fn) for name, fn in namespace.items() if name.startswith("test_") and callable(fn)]
    only = sys.argv[1:]
    if only:
        tests = [(n, f) for n, f in tests if n in only]
    module = os.path.splitext(os.path.basename(namespace.get("__file__", "e2e")))[0]
    print(f"1..{len(tests)}", flush=True)
    failed = 0
    for number, (name, fn) in enumerate(tests, 1):
        tmp = tempfile.mkdtemp(prefix="dossier-e2e-")
        env = getattr(fn, "env", ENGLISH)
        app = Dossier(os.path.join(tmp, "dossier.db"), env=dict(env, XDG_DATA_HOME=os.path.join(tmp, "data")))
        try:
            app.start()
            fn(app)
            print(f"ok {number} - {name}", flush=True)
        except Exception as error:
            failed += 1
            shot = _screenshot(f"{module}-{name}")
            print(f"not ok {number} - {name}", flush=True)
            for line in traceback.format_exception_only(type(error), error):
                for part in line.rstrip().splitlines():
                    print(f"# {part}")
            tb = traceback.extract_tb(error.__traceback__)
            for frame in tb[-3:]:
                print(f"#   at {os.path.basename(frame.filename)}:{frame.lineno} {frame.line}")
            print(f"# screenshot: {shot}")
            if app.root is not None:
                print("# the accessibility tree held:")
                try:
                    for line in app.dump().splitlines():
                        print(f"#   {line}")
                except Exception as dump_error:
                    print(f"#   (could not read it: {dump_error})")
            out = app.output()
            if out:
                print("# dossier printed:")
                for line in out.splitlines():
                    print(f"#   {line}")
            sys.stdout.flush()
        finally:
            app.stop()
            shutil.rmtree(tmp, ignore_errors=True)
    bus.terminate()
    bus.wait()
    return 1 if failed else 0


def in_language(env):
    """Decorator: run this test with a locale's environment."""
    def wrap(fn):
        fn.env = env
        return fn
    return wrap


def run(namespace):
    if os.environ.get(INNER):
        sys.exit(_inner(namespace))
    _outer(namespace["__file__"])
