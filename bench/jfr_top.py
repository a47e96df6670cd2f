"""Summarizes a JFR recording's CPU samples: the hottest methods by self time (top frame) and
the cogcube methods by inclusive time (anywhere on the stack). Java-code samples
(jdk.ExecutionSample) and samples of threads inside native methods such as zlib's
(jdk.NativeMethodSample) are counted together, so that time in native code is seen; threads
waiting in a selector are left out.

Usage: /usr/bin/python3 jfr_top.py RECORDING.jfr [TOP]
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+(\S+?)\((.*?)\)\s+line:")
# Native methods in which a thread waits rather than computes (JFR samples them all the same).
WAITING = {"sun.nio.ch.EPollSelectorImpl.doSelect", "sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept",
           "sun.nio.ch.Net.poll"}


def stacks(recording):
    out = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", recording],
                         check=True, capture_output=True, text=True).stdout
    stack, thread, in_stack = [], "?", False
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("sampledThread = "):
            thread = re.sub(r"\s*\(javaThreadId.*", "", s.split("=", 1)[1].strip()).strip('"')
        elif s.startswith("stackTrace = ["):
            stack, in_stack = [], True
        elif in_stack and s == "]":
            in_stack = False
            yield thread, stack
        elif in_stack:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))


def main():
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    self_counts, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, stack in stacks(recording):
        if not stack or stack[0] in WAITING:
            continue
        total += 1
        self_counts[stack[0]] += 1
        threads[re.sub(r"-\d+$", "-N", thread)] += 1
        for method in set(stack):
            if method.startswith("org.cogcube."):
                inclusive[method] += 1
    print(f"{total} samples in {recording}")
    print("\nby thread:")
    for t, n in threads.most_common(8):
        print(f"  {100 * n / total:5.1f} %  {t}")
    print("\nself (top frame):")
    for m, n in self_counts.most_common(top):
        print(f"  {100 * n / total:5.1f} %  {m}")
    print("\ncogcube methods, inclusive:")
    for m, n in inclusive.most_common(top):
        print(f"  {100 * n / total:5.1f} %  {m}")


if __name__ == "__main__":
    main()
