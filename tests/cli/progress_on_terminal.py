#!/usr/bin/env python3
"""The progress line as a user sees it on a terminal (script(1) gives the command one):
`build` goes through its three phases, and the error about an input and the summary each
start a line of their own instead of landing on the end of the progress line.

usage: progress_on_terminal.py CHRONOGRAPH SAMPLES_DIR
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ERASE = "\r\033[K"


def main():
    binary, samples = sys.argv[1], sys.argv[2]
    if not shutil.which("script"):
        print("script(1) (util-linux) is missing: cannot give the command a terminal")
        return 1
    with tempfile.TemporaryDirectory() as work:
        inputs = os.path.join(work, "in")
        shutil.copytree(samples, inputs)
        open(os.path.join(inputs, "empty.txt"), "w").close()
        command = " ".join(shlex.quote(a) for a in [binary, "build", inputs, "-o", os.path.join(work, "out")])
        run = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, timeout=600)
        screen = run.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    problems = []
    if run.returncode != 0:
        problems.append(f"exit code {run.returncode}")
    for phase in ("[1/3] reading", "[2/3] consolidating: ", "[3/3] writing the outputs: "):
        if phase not in screen:
            problems.append(f"no {phase!r} on the screen")
    for message in (r"chronograph: error: ", r"chronograph: \d+ documents, \d+ events"):
        found = re.search(message, screen)
        at = found.start() if found else -1
        if at < 0:
            problems.append(f"no {message!r} on the screen")
        elif not (screen.endswith(ERASE, 0, at) or screen.endswith("\n", 0, at)):
            problems.append(f"{message!r} printed onto the end of the progress line: {screen[max(0, at - 60):at + 40]!r}")
    if screen.rstrip("\n").endswith(("files", "left")):
        problems.append("the progress line is left on the screen")
    for p in problems:
        print(p)
    if problems:
        print("screen:", repr(screen[-2000:]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
