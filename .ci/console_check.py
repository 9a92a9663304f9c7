"""Drives `jupyter console --simple-prompt` through a pipe, as a user would.

    /usr/bin/python3 .ci/console_check.py [KERNEL]      (default gokernel)

Each input line is written when the console shows its next "In [N]:"
prompt; the transcript must contain what each line prints. Exits 0 on
success, 1 on failure, and prints the transcript either way.
"""
import os
import re
import subprocess
import sys
import threading
import time

TIMEOUT = 120  # seconds for the whole session

SESSIONS = {
    "gokernel": [
        ('fmt.Println("console-" + "ok")', r"console-ok"),
        ("6 * 7", r"Out\[2\]: 42"),
        ('panic("boom")', r"boom"),
        ('fmt.Println("still alive")', r"still alive"),
    ],
    "python3": [
        ('print("console-" + "ok")', r"console-ok"),
        ("6 * 7", r"Out\[2\]: 42"),
        ('raise ValueError("boom")', r"boom"),
        ('print("still alive")', r"still alive"),
    ],
}


def main():
    kernel = sys.argv[1] if len(sys.argv) > 1 else "gokernel"
    steps = SESSIONS.get(kernel, SESSIONS["gokernel"])
    env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter_console", "--kernel", kernel, "--simple-prompt"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    out = []
    lock = threading.Lock()

    def read():
        for chunk in iter(lambda: proc.stdout.read1(4096), b""):
            with lock:
                out.append(chunk.decode("utf-8", "replace"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def transcript():
        with lock:
            return "".join(out)

    def wait_for(pattern, deadline):
        while time.monotonic() < deadline:
            if re.search(pattern, transcript()):
                return True
            if proc.poll() is not None:
                return bool(re.search(pattern, transcript()))
            time.sleep(0.05)
        return False

    deadline = time.monotonic() + TIMEOUT
    failures = []
    try:
        for n, (line, want) in enumerate(steps, start=1):
            if not wait_for(r"In \[%d\]:" % n, deadline):
                failures.append("no prompt In [%d] before %r" % (n, line))
                break
            proc.stdin.write((line + "\n").encode())
            proc.stdin.flush()
            if not wait_for(want, deadline):
                failures.append("%r did not show %r" % (line, want))
        proc.stdin.close()  # EOF: the console asks to exit and shuts the kernel down
        try:
            proc.wait(timeout=max(5, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            failures.append("console did not exit after EOF")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
    text = transcript()
    print("----- transcript -----")
    print("\n".join(l for l in text.splitlines() if "Debugger" not in l and "frozen" not in l and "Debugging" not in l))
    print("----------------------")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
