"""cogcube against GDAL, in one run: COG write time and size, window-read throughput, and
memory on a large input. Run through bench/run-cog-bench, which builds the jars first.

Every figure is a ratio to GDAL measured in the same run on the same machine, so the ratios,
not the absolute times, are what carry over between machines.
"""
import argparse
import hashlib
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time

import numpy as np
from osgeo import gdal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
SETS = os.path.join(WORK, "sets")
LAUNCHER = os.path.join(ROOT, "cogcube")
BENCH_JAR = os.path.join(ROOT, "cogcube-bench", "target", "cogcube-bench.jar")
VALIDATOR = ["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_cloud_optimized_geotiff"]

GDAL_COG = ["gdal_translate", "-q", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "PREDICTOR=2",
            "-co", "BLOCKSIZE=512", "-co", "RESAMPLING=AVERAGE", "-co", "NUM_THREADS=ALL_CPUS"]
OUR_COG = [LAUNCHER, "cog", "--quiet", "--compress", "deflate", "--predictor", "2", "--blocksize", "512",
           "--resampling", "average", "--overviews", "auto"]

# name, window size, warm-up windows, timed windows
WINDOW_SETS = [("field-50", 50, 300, 2000), ("tile-256", 256, 150, 1000), ("block-1024", 1024, 400, 200)]
# GDAL reads with its block cache off (cogcube keeps none) and decodes on all cores (as cogcube does).
GDAL_READ_ENV = {"GDAL_CACHEMAX": "0", "GDAL_NUM_THREADS": "ALL_CPUS"}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def run(cmd, env=None, **kw):
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(cmd, check=True, env=full_env, text=True, **kw)


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns wall seconds, CPU seconds and peak RSS in MiB."""
    out = os.path.join(WORK, "time.txt")
    run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out] + cmd, env=env)
    wall, user, system, rss_kb = open(out).read().split()[-4:]
    return {"wall": float(wall), "cpu": float(user) + float(system), "rss_mib": int(rss_kb) / 1024}


def warm(path):
    """Reads a file once so that both peers start from a warm page cache."""
    with open(path, "rb") as f:
        while f.read(16 << 20):
            pass


# ---------------------------------------------------------------------------------------------
# Machine and inputs

def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[1].strip()
    return {"load_average": os.getloadavg()[0], "cores": os.cpu_count(), "cpu": cpu,
            "memory_gib": round(mem_kb / 1024 / 1024, 1),
            "java": java, "gdal": gdal.__version__, "os": platform.platform()}


def make_input(size):
    """The synthetic band of make_input.py, regenerated only when the generator changed."""
    path = os.path.join(WORK, f"in-{size}.tif")
    stamp_path = path + ".stamp"
    stamp = hashlib.sha256(open(os.path.join(HERE, "make_input.py"), "rb").read()).hexdigest()
    if os.path.exists(path) and os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return path
    log(f"making the {size} x {size} input...")
    run(["/usr/bin/python3", os.path.join(HERE, "make_input.py"), path, str(size)])
    open(stamp_path, "w").write(stamp)
    return path


# ---------------------------------------------------------------------------------------------
# Checks

def validate(path):
    r = subprocess.run(VALIDATOR + [path], capture_output=True, text=True)
    ok = r.returncode == 0 and "is a valid cloud optimized GeoTIFF" in r.stdout
    if not ok:
        log(f"COG validator rejected {path}:\n{r.stdout}{r.stderr}")
    return ok


def equal_pixels(a_path, b_path, level=None, rows=2048):
    """Whether two files' first bands (or overview `level` of both) hold the same samples."""
    a, b = gdal.Open(a_path), gdal.Open(b_path)
    ba, bb = a.GetRasterBand(1), b.GetRasterBand(1)
    if level is not None:
        ba, bb = ba.GetOverview(level), bb.GetOverview(level)
    if (ba.XSize, ba.YSize) != (bb.XSize, bb.YSize):
        return False
    for y in range(0, ba.YSize, rows):
        h = min(rows, ba.YSize - y)
        if not np.array_equal(ba.ReadAsArray(0, y, ba.XSize, h), bb.ReadAsArray(0, y, bb.XSize, h)):
            return False
    return True


def overview_agreement(ours, theirs):
    """Per overview level, the largest absolute difference between our samples and GDAL's."""
    ds_a, ds_b = gdal.Open(ours), gdal.Open(theirs)  # held: a band outlives no dataset
    a, b = ds_a.GetRasterBand(1), ds_b.GetRasterBand(1)
    if a.GetOverviewCount() != b.GetOverviewCount():
        return {"levels": [a.GetOverviewCount(), b.GetOverviewCount()], "max_abs_diff": None}
    diffs = []
    for i in range(a.GetOverviewCount()):
        oa, ob = a.GetOverview(i).ReadAsArray().astype(np.int32), b.GetOverview(i).ReadAsArray().astype(np.int32)
        diffs.append(int(np.abs(oa - ob).max()) if oa.shape == ob.shape else None)
    return {"levels": a.GetOverviewCount(), "max_abs_diff": diffs}


# ---------------------------------------------------------------------------------------------
# 1. Write

def write_bench(src, runs):
    gdal_out, our_out = os.path.join(WORK, "gdal.tif"), os.path.join(WORK, "ours.tif")
    warm(src)
    gdal_runs, our_runs = [], []
    for i in range(runs):  # alternate the peers so that drift on the machine hits both alike
        log(f"write run {i + 1}/{runs}: GDAL")
        gdal_runs.append(timed(GDAL_COG + [src, gdal_out]))
        log(f"write run {i + 1}/{runs}: cogcube")
        our_runs.append(timed(OUR_COG + [src, our_out]))
    log("checking both outputs...")
    result = {
        "runs": runs,
        "gdal": summarize(gdal_runs) | {"bytes": os.path.getsize(gdal_out), "valid_cog": validate(gdal_out)},
        "ours": summarize(our_runs) | {"bytes": os.path.getsize(our_out), "valid_cog": validate(our_out),
                                       "pixel_equal_to_input": equal_pixels(src, our_out)},
        "overviews_vs_gdal": overview_agreement(our_out, gdal_out),
    }
    g, o = result["gdal"], result["ours"]
    result["ratio"] = {"wall": o["wall"] / g["wall"], "cpu": o["cpu"] / g["cpu"], "size": o["bytes"] / g["bytes"]}
    return result, gdal_out


def summarize(runs):
    return {"wall": statistics.median(r["wall"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "rss_mib": max(r["rss_mib"] for r in runs), "walls": [r["wall"] for r in runs]}


# ---------------------------------------------------------------------------------------------
# 2. Window reads

def write_window_sets(width, height, seed=20240601):
    rnd = random.Random(seed)
    os.makedirs(SETS, exist_ok=True)
    for name, size, n_warm, n_timed in WINDOW_SETS:
        for kind, n in (("warmup", n_warm), ("timed", n_timed)):
            with open(os.path.join(SETS, f"{name}.{kind}"), "w") as f:
                for _ in range(n):
                    f.write(f"{rnd.randrange(0, width - size + 1)} {rnd.randrange(0, height - size + 1)}"
                            f" {size} {size}\n")


def read_side(cmd, source, env=None):
    names = [s[0] for s in WINDOW_SETS]
    out = run(cmd + [source, SETS] + names, env=env, capture_output=True).stdout
    return {r["set"]: r for r in (json.loads(line) for line in out.splitlines() if line.startswith("{"))}


def read_bench(source, label, rounds, gdal_env=None):
    """Both peers read the same windows of the same file, each in one long-running process per round."""
    gdal_cmd = ["/usr/bin/python3", os.path.join(HERE, "gdal_window_reads.py")]
    our_cmd = ["java", "-jar", BENCH_JAR]
    gdal_rounds, our_rounds = [], []
    for i in range(rounds):
        log(f"window reads ({label}) round {i + 1}/{rounds}: GDAL")
        gdal_rounds.append(read_side(gdal_cmd, gdal_source(source), env=GDAL_READ_ENV | (gdal_env or {})))
        log(f"window reads ({label}) round {i + 1}/{rounds}: cogcube")
        our_rounds.append(read_side(our_cmd, source))
    result = {}
    for name, size, _, n_timed in WINDOW_SETS:
        g = median_round(gdal_rounds, name)
        o = median_round(our_rounds, name)
        same = all(r[name]["checksums"] == gdal_rounds[0][name]["checksums"] for r in gdal_rounds + our_rounds)
        result[name] = {"size": size, "windows": n_timed, "gdal": g, "ours": o, "same_pixels": same,
                        "ratio": o["windows_per_s"] / g["windows_per_s"]}
    return result


def gdal_source(source):
    return "/vsicurl/" + source if source.startswith("http") else source


def median_round(rounds, name):
    rs = [r[name] for r in rounds]
    return {"windows_per_s": statistics.median(r["windows_per_s"] for r in rs),
            "mb_per_s": statistics.median(r["mb_per_s"] for r in rs),
            "cpu_per_window_ms": statistics.median(1000 * r["cpu_seconds"] / r["windows"] for r in rs)}


class Nginx:
    """nginx serving WORK on a free loopback port, unprivileged, for as long as the with-block."""

    def __enter__(self):
        prefix = os.path.join(WORK, "nginx")
        os.makedirs(prefix, exist_ok=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        conf = os.path.join(prefix, "nginx.conf")
        temp = "".join(f"    {k}_temp_path {prefix}/{k};\n" for k in
                       ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        with open(conf, "w") as f:
            f.write(f"""daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
{temp}    server {{
        listen 127.0.0.1:{self.port};
        root {WORK};
        keepalive_requests 100000;
    }}
}}
""")
        self.proc = subprocess.Popen(["nginx", "-p", prefix, "-c", conf], stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start; see " + prefix + "/error.log")

    def url(self, name):
        return f"http://127.0.0.1:{self.port}/{name}"

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGQUIT)
        self.proc.wait(timeout=10)


# ---------------------------------------------------------------------------------------------
# 3. Bounded memory

def memory_bench(size, heap):
    src = make_input(size)
    out = os.path.join(WORK, f"ours-{size}.tif")
    gdal_out = os.path.join(WORK, f"gdal-{size}.tif")
    warm(src)
    log(f"bounded memory: cogcube with -Xmx{heap} on {size} x {size}")
    try:
        ours = timed(OUR_COG + [src, out], env={"COGCUBE_JAVA_OPTS": f"-Xmx{heap}"}) | {"ok": True}
    except subprocess.CalledProcessError:
        ours = {"ok": False}
    log(f"bounded memory: GDAL on {size} x {size} (reference)")
    theirs = timed(GDAL_COG + [src, gdal_out])
    if ours["ok"]:
        ours["valid_cog"] = validate(out)
        ours["pixel_equal_to_input"] = equal_pixels(src, out)
        ours["bytes"] = os.path.getsize(out)
    theirs["bytes"] = os.path.getsize(gdal_out)
    for p in (out, gdal_out):
        if os.path.exists(p):
            os.remove(p)
    return {"size": size, "heap": heap, "ours": ours, "gdal": theirs}


# ---------------------------------------------------------------------------------------------
# Report

def verdict(ok):
    return "met" if ok else "**not met**"


def report(res):
    m, w = res["machine"], res["write"]
    g, o, r = w["gdal"], w["ours"], w["ratio"]
    lines = [
        f"Run of {res['date']} on {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, {m['java']}, "
        f"GDAL {m['gdal']}. Input: {res['input']}.",
        "",
        f"Load average (1 min) before the run {m['load_average']:.1f}, after {res['load_average_end']:.1f}."
        + (" **The machine was busy with other work**: wall times and throughput are slowed by CPU contention,"
           " and their ratios are noisy; CPU times are the steadier figures." if max(m['load_average'],
           res['load_average_end']) > 1.5 else ""),
        "",
        f"**Write** ({w['runs']} runs each, median; warm page cache; whole process):",
        "",
        "| | GDAL | cogcube | cogcube / GDAL | target |",
        "|---|---:|---:|---:|---|",
        f"| wall time | {g['wall']:.2f} s | {o['wall']:.2f} s | {r['wall']:.2f} | ≤ 1.00: {verdict(r['wall'] <= 1.0)} |",
        f"| CPU time (user + sys) | {g['cpu']:.2f} s | {o['cpu']:.2f} s | {r['cpu']:.2f} | |",
        f"| peak RSS | {g['rss_mib']:.0f} MiB | {o['rss_mib']:.0f} MiB | {o['rss_mib'] / g['rss_mib']:.2f} | |",
        f"| file size | {g['bytes'] / 1e6:.2f} MB | {o['bytes'] / 1e6:.2f} MB | {r['size']:.4f} | "
        f"within ±2 %: {verdict(abs(r['size'] - 1) <= 0.02)} |",
        "",
        f"Checks: GDAL's COG validator accepts GDAL's file: {yes(g['valid_cog'])}, ours: {yes(o['valid_cog'])}; "
        f"ours reads back pixel-equal to the input: {yes(o['pixel_equal_to_input'])}; overview levels "
        f"{w['overviews_vs_gdal']['levels']}, largest |ours − GDAL| per level: "
        f"{w['overviews_vs_gdal']['max_abs_diff']}.",
    ]
    for label, key in (("local file", "read_local"), ("HTTP/1.1 from nginx on loopback", "read_http")):
        if key not in res:
            continue
        lines += ["", f"**Window reads, {label}** (GDAL's COG; {res['read_rounds']} rounds, median; "
                  "one process per peer and round, windows read one after another):", "",
                  "| windows | GDAL windows/s | cogcube windows/s | cogcube / GDAL | GDAL MB/s | cogcube MB/s |"
                  " CPU ms per window GDAL / cogcube | same pixels | target ≥ 1.00 |",
                  "|---|---:|---:|---:|---:|---:|---:|---|---|"]
        for name, size, _, _ in WINDOW_SETS:
            x = res[key][name]
            lines.append(f"| {x['windows']} × {size}² | {x['gdal']['windows_per_s']:.0f} | "
                         f"{x['ours']['windows_per_s']:.0f} | {x['ratio']:.2f} | {x['gdal']['mb_per_s']:.1f} | "
                         f"{x['ours']['mb_per_s']:.1f} | {x['gdal']['cpu_per_window_ms']:.2f} / "
                         f"{x['ours']['cpu_per_window_ms']:.2f} | {yes(x['same_pixels'])} | "
                         f"{verdict(x['ratio'] >= 1.0)} |")
    if "memory" in res:
        mm = res["memory"]
        ours, theirs = mm["ours"], mm["gdal"]
        lines += ["", f"**Bounded memory** ({mm['size']} x {mm['size']} uint16, "
                  f"{mm['size'] ** 2 * 2 / 2 ** 20:.0f} MiB of samples, `COGCUBE_JAVA_OPTS=-Xmx{mm['heap']}`):", ""]
        if ours["ok"]:
            lines.append(f"cogcube succeeded: {ours['wall']:.1f} s wall, {ours['cpu']:.1f} s CPU, peak RSS "
                         f"{ours['rss_mib']:.0f} MiB; valid COG: {yes(ours['valid_cog'])}; pixel-equal to the "
                         f"input: {yes(ours['pixel_equal_to_input'])}; {ours['bytes'] / 1e6:.1f} MB. "
                         f"GDAL for reference: {theirs['wall']:.1f} s wall, {theirs['cpu']:.1f} s CPU, peak RSS "
                         f"{theirs['rss_mib']:.0f} MiB, {theirs['bytes'] / 1e6:.1f} MB. Target (succeeds within "
                         f"the heap, valid): {verdict(ours['valid_cog'] and ours['pixel_equal_to_input'])}.")
        else:
            lines.append("cogcube **failed** with this heap: target **not met**.")
    return "\n".join(lines) + "\n"


def yes(b):
    return "yes" if b else "**no**"


def update_readme(table):
    path = os.path.join(HERE, "README.md")
    text = open(path).read()
    start, end = "<!-- figures:start -->\n", "<!-- figures:end -->"
    i, j = text.index(start) + len(start), text.index(end)
    open(path, "w").write(text[:i] + table + text[j:])


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3, help="write runs per peer (median reported)")
    ap.add_argument("--read-rounds", type=int, default=3, help="window-read rounds per peer (median reported)")
    ap.add_argument("--size", type=int, default=10980, help="input width and height")
    ap.add_argument("--memory-size", type=int, default=20000, help="width and height of the bounded-memory input")
    ap.add_argument("--skip", action="append", default=[], choices=["write", "read", "http", "memory"])
    ap.add_argument("--update-readme", action="store_true", help="write the figures into bench/README.md")
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    gdal.UseExceptions()
    started = time.time()
    res = {"date": time.strftime("%Y-%m-%d"), "machine": machine(), "read_rounds": args.read_rounds,
           "input": f"{args.size} x {args.size} uint16, synthetic reflectance (bench/make_input.py), striped, "
                    "uncompressed, EPSG:32633"}
    src = make_input(args.size)
    cog = os.path.join(WORK, "gdal.tif")
    if "write" not in args.skip:
        res["write"], cog = write_bench(src, args.runs)
    elif not os.path.exists(cog):
        run(GDAL_COG + [src, cog])
    if "read" not in args.skip:
        write_window_sets(args.size, args.size)
        warm(cog)
        res["read_local"] = read_bench(cog, "local", args.read_rounds)
        if "http" not in args.skip and shutil.which("nginx"):
            with Nginx() as server:
                res["read_http"] = read_bench(server.url("gdal.tif"), "HTTP", args.read_rounds,
                                              gdal_env={"GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR"})
    if "memory" not in args.skip:
        res["memory"] = memory_bench(args.memory_size, "1g")
    res["seconds"] = round(time.time() - started)
    res["load_average_end"] = os.getloadavg()[0]
    json.dump(res, open(os.path.join(WORK, "results.json"), "w"), indent=2)
    if "write" in res:
        table = report(res)
        open(os.path.join(WORK, "results.md"), "w").write(table)
        print(table)
        if args.update_readme:
            update_readme(table)
    else:
        print(json.dumps(res, indent=2))
    log(f"benchmark took {res['seconds']} s; figures in {WORK}/results.md and results.json")


if __name__ == "__main__":
    main()
