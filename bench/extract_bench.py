"""The extraction benchmark: the original method (Python + GDAL, /vsicurl/, 10 threads) against
'./cogcube extract', whole process against whole process, in one run, on one cube, from nginx
(HTTP/1.1 and h2 over TLS) and from 'cogcube serve', on loopback and over an emulated access link
(org.cogcube.bench.link.LinkRelay). Run through bench/run-extract-bench, which builds the jars.
See bench/EXTRACT.md.
"""
import argparse
import glob
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work", "extract")
CUBE = os.path.join(WORK, "cube")
DEMO = os.path.join(WORK, "demo")
LAUNCHER = os.path.join(ROOT, "cogcube")
CLI_JAR = os.path.join(ROOT, "cogcube-cli", "target", "cogcube.jar")
BENCH_JAR = os.path.join(ROOT, "cogcube-bench", "target", "cogcube-bench.jar")
REPORT = os.path.join(HERE, "EXTRACT.md")

LAYERS, BANDS, CLOUD = "B04,B08,CLD", "B04,B08", ("CLD", "20")
ONE_WAY_MS, RATE_MBIT = 50, 20
RTT = 2 * ONE_WAY_MS / 1000
# Each server: how it is reached and who answers.
SERVERS = {
    "nginx-h1": ("nginx", "HTTP/1.1"),
    "nginx-h2": ("nginx", "h2/TLS"),
    "serve-h1": ("cogcube serve", "HTTP/1.1"),
    "serve-h2": ("cogcube serve", "h2/TLS"),
}
NGINX_LOG = re.compile(r"^(\d{3}) (\d+) (\S+)$")
JETTY_LOG = re.compile(r'"(?:GET|HEAD|POST) (\S+) [^"]*" (\d{3}) (\d+|-)')


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, what):
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("extract_bench: %s does not listen on port %d after 60 s" % (what, port))


def make_cube():
    stamp = os.path.join(CUBE, ".made-by")
    maker = os.path.join(HERE, "make_extract_cube.py")
    signature = open(maker).read()
    if os.path.exists(stamp) and open(stamp).read() == signature:
        return
    log("== making the cube (cogcube demo, then 50 dates of B04, B08, CLD as COGs and as VRTs over chunks)")
    shutil.rmtree(CUBE, ignore_errors=True)
    subprocess.run([LAUNCHER, "demo", "--no-serve", "--dir", DEMO], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["/usr/bin/python3", maker, DEMO, CUBE], check=True)
    open(stamp, "w").write(signature)


def make_tls():
    cert, key, store = (os.path.join(WORK, n) for n in ("cert.pem", "key.pem", "truststore.p12"))
    if not os.path.exists(store):
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "3650", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, stderr=subprocess.DEVNULL)
        subprocess.run(["keytool", "-importcert", "-noprompt", "-alias", "bench", "-file", cert, "-keystore", store,
                        "-storetype", "PKCS12", "-storepass", "changeit"], check=True, stdout=subprocess.DEVNULL)
    return cert, key, store


class Servers:
    """nginx (one cleartext HTTP/1.1 port, one h2/TLS port), cogcube serve twice (cleartext and
    TLS), and a LinkRelay in front of each port; all stopped by close()."""

    def __init__(self, names, cert, key):
        self.procs = []
        self.ports, self.logs, self.relays = {}, {}, {}
        run = os.path.join(WORK, "run")
        shutil.rmtree(run, ignore_errors=True)
        os.makedirs(run)
        for d in (WORK, CUBE):
            os.chmod(d, 0o755)  # nginx's workers run unprivileged when started by root
        if any(n.startswith("nginx") for n in names):
            self._nginx(run, cert, key)
        for name in names:
            if name.startswith("serve"):
                self._serve(name, run, cert, key)
        for name in names:
            wait_port(self.ports[name], name)
            self.relays[name] = Relay(self.ports[name])

    def _nginx(self, run, cert, key):
        h1, h2 = free_port(), free_port()
        self.ports.update({"nginx-h1": h1, "nginx-h2": h2})
        self.logs.update({"nginx-h1": os.path.join(run, "nginx-h1.log"), "nginx-h2": os.path.join(run, "nginx-h2.log")})
        conf = os.path.join(run, "nginx.conf")
        with open(conf, "w") as f:
            f.write("""daemon off;
worker_processes auto;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format bench '$status $bytes_sent $request_uri';
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  server {{ listen 127.0.0.1:{h1}; root {cube}; access_log {run}/nginx-h1.log bench; }}
  server {{
    listen 127.0.0.1:{h2} ssl http2;
    ssl_certificate {cert};
    ssl_certificate_key {key};
    root {cube};
    access_log {run}/nginx-h2.log bench;
  }}
}}
""".format(run=run, h1=h1, h2=h2, cube=CUBE, cert=cert, key=key))
        self.procs.append(subprocess.Popen(["nginx", "-p", run, "-c", conf], stdout=subprocess.DEVNULL,
                                           stderr=open(os.path.join(run, "nginx.out"), "w")))

    def _serve(self, name, run, cert, key):
        port = free_port()
        self.ports[name] = port
        self.logs[name] = os.path.join(run, name + ".log")
        cmd = ["java", "-jar", CLI_JAR, "serve", CUBE, "--port", str(port), "--access-log", self.logs[name]]
        if name.endswith("h2"):
            cmd += ["--tls-cert", cert, "--tls-key", key]
        self.procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                           stderr=open(os.path.join(run, name + ".out"), "w")))

    def url(self, name, linked):
        scheme = "https" if name.endswith("h2") else "http"
        port = self.relays[name].port if linked else self.ports[name]
        return "%s://127.0.0.1:%d/" % (scheme, port)

    def log_size(self, name):
        path = self.logs[name]
        return os.path.getsize(path) if os.path.exists(path) else 0

    def requests_since(self, name, offset):
        """(requests, bytes, subset requests) logged since offset."""
        time.sleep(0.3)  # let the servers flush their logs
        if not os.path.exists(self.logs[name]):
            return 0, 0, 0
        with open(self.logs[name]) as f:
            f.seek(offset)
            lines = f.read().splitlines()
        requests = nbytes = subset = 0
        for line in lines:
            m = NGINX_LOG.match(line) if name.startswith("nginx") else JETTY_LOG.search(line)
            if not m:
                continue
            if name.startswith("nginx"):
                status, size, path = m.group(1), m.group(2), m.group(3)
            else:
                path, status, size = m.group(1), m.group(2), m.group(3)
            requests += 1
            nbytes += 0 if size == "-" else int(size)
            # A static server's 404 for the cut asked beside the catalogue is a request, not subsetting.
            subset += path.startswith("/_cogcube/") and status in ("200", "304")
        return requests, nbytes, subset

    def close(self):
        for relay in self.relays.values():
            relay.close()
        for p in self.procs:
            p.terminate()
        for p in self.procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


class Relay:
    """A LinkRelay process in front of a port: 50 ms each way, 20 Mbit/s each way."""

    def __init__(self, target):
        self.proc = subprocess.Popen(["java", "-cp", BENCH_JAR, "org.cogcube.bench.link.LinkRelay",
                                      "--target", str(target), "--delay-ms", str(ONE_WAY_MS),
                                      "--rate-mbit", str(RATE_MBIT)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline().split()
        if first[:1] != ["listening"]:
            sys.exit("extract_bench: the relay said %r" % first)
        self.port = int(first[1])

    def counters(self):
        self.proc.stdin.write("stats\n")
        self.proc.stdin.flush()
        fields = dict(f.split("=") for f in self.proc.stdout.readline().split())
        return {k: int(v) for k, v in fields.items()}

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(10)


def original_cmd(base, layout, out):
    return ["/usr/bin/python3", os.path.join(HERE, "original_extract.py"), base + "catalog-%s.json" % layout,
            LAYERS, BANDS, os.path.join(CUBE, "field.geojson"), CLOUD[0], CLOUD[1], out]


def cogcube_cmd(base, layout, out):
    return [LAUNCHER, "extract", base + "catalog-%s.json" % layout, "--layer-names", LAYERS, "--bands", BANDS,
            "--roi", os.path.join(CUBE, "field.geojson"), "--cloud-mask", "%s:%s" % CLOUD, "--out", out, "--quiet"]


def environment(cert, store):
    env = dict(os.environ)
    # GDAL: no folder listing on open (as every COG guide sets), trust the bench's certificate.
    env.update(GDAL_DISABLE_READDIR_ON_OPEN="EMPTY_DIR", CURL_CA_BUNDLE=cert, SSL_CERT_FILE=cert, CPL_LOG="/dev/null")
    env["COGCUBE_JAVA_OPTS"] = (env.get("COGCUBE_JAVA_OPTS", "") + " -Djavax.net.ssl.trustStore=%s"
                                " -Djavax.net.ssl.trustStorePassword=changeit" % store).strip()
    return env


# Runs that a signal ended (a crash of the process, not an error it reported), run again.
CRASHES = []
CRASH_ATTEMPTS = 3


def run_once(servers, server, linked, cmd, env):
    """Runs one whole process; returns its wall time, requests, bytes and subset requests. A run
    that a signal ends (GDAL's Python has been seen to abort in glibc's malloc over TLS with ten
    threads) is run again, up to three times, and listed in the report."""
    for attempt in range(CRASH_ATTEMPTS):
        result = measure_once(servers, server, linked, cmd, env, attempt == CRASH_ATTEMPTS - 1)
        if result is not None:
            return result


def measure_once(servers, server, linked, cmd, env, last):
    """One run of cmd, measured; None if a signal ended it and it may be run again."""
    offset = servers.log_size(server)
    relay = servers.relays[server]
    before = relay.counters() if linked else None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    if done.returncode < 0 and not last:
        CRASHES.append("%s (signal %d: %s)" % (os.path.basename(cmd[1] if cmd[0].endswith("python3") else cmd[0]),
                                               -done.returncode, (done.stderr.strip().splitlines() or ["no output"])[-1]))
        print("extract_bench: %s ended by signal %d, run again" % (" ".join(cmd[:3]), -done.returncode),
              file=sys.stderr, flush=True)
        return None
    if done.returncode != 0:
        sys.exit("extract_bench: %s failed (%d):\n%s" % (" ".join(cmd), done.returncode, done.stderr[-3000:]))
    requests, logged_bytes, subset = servers.requests_since(server, offset)
    result = {"s": wall, "cpu": cpu, "requests": requests, "bytes": logged_bytes, "subset": subset}
    if linked:
        now = relay.counters()
        result.update(bytes=now["down"] - before["down"], up=now["up"] - before["up"],
                      connections=now["connections"] - before["connections"])
    return result


def same_arrays(original_out, cogcube_out):
    """None if the two outputs hold the same bands, dates, geotransforms and values (NaN for
    NaN), else what differs."""
    ours = sorted(os.path.relpath(p, cogcube_out)[:-4] for p in glob.glob(os.path.join(cogcube_out, "*", "*.tif")))
    theirs = sorted(os.path.relpath(p, original_out)[:-4] for p in glob.glob(os.path.join(original_out, "*", "*.npy")))
    if ours != theirs:
        return "band/date sets differ: only cogcube %s, only original %s" % (
            sorted(set(ours) - set(theirs))[:5], sorted(set(theirs) - set(ours))[:5])
    transforms = json.load(open(os.path.join(original_out, "geotransforms.json")))
    for key in ours:
        ds = gdal.Open(os.path.join(cogcube_out, key + ".tif"))
        a = ds.GetRasterBand(1).ReadAsArray()
        b = np.load(os.path.join(original_out, key + ".npy"))
        if a.shape != b.shape or not np.array_equal(a, b, equal_nan=True):
            diff = "shape %s vs %s" % (a.shape, b.shape) if a.shape != b.shape else \
                "%d values" % int((~((a == b) | (np.isnan(a) & np.isnan(b)))).sum())
            return "%s differs: %s" % (key, diff)
        if not np.allclose(ds.GetGeoTransform(), transforms[key], rtol=0, atol=1e-6):
            return "%s: geotransform %s vs %s" % (key, ds.GetGeoTransform(), transforms[key])
    return None if ours else "no output at all"


def target_of(server, layout, linked):
    """(description, check(original, cogcube, floor) -> bool) or None when the issue sets none."""
    if server.startswith("nginx"):
        if not linked:
            return "≥ 2× faster", lambda o, c, f: o["s"] / c["s"] >= 2
        if layout == "vrt":
            return "≥ 3.5× faster", lambda o, c, f: o["s"] / c["s"] >= 3.5
        return ("≤ 1.15× floor, bytes ≤ 1.05× original's",
                lambda o, c, f: c["s"] <= 1.15 * f and c["bytes"] <= 1.05 * o["bytes"])
    if not linked:
        return None
    factor = 15 if layout == "cog" else 40
    return ("≥ %d× faster, bytes < 5 %% of original's" % factor,
            lambda o, c, f: o["s"] / c["s"] >= factor and c["bytes"] < 0.05 * o["bytes"])


def median_run(runs):
    keys = runs[0].keys()
    return {k: statistics.median(r[k] for r in runs) for k in keys}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 run per peer, nginx HTTP/1.1 and cogcube serve h2 only")
    parser.add_argument("--runs", type=int, help="runs per peer and cell (default 3, or 1 with --quick)")
    parser.add_argument("--servers", help="comma-separated among " + ",".join(SERVERS))
    parser.add_argument("--update-readme", action="store_true", help="write the figures into bench/EXTRACT.md")
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 3)
    names = args.servers.split(",") if args.servers else (["nginx-h1", "serve-h2"] if args.quick else list(SERVERS))
    os.makedirs(WORK, exist_ok=True)
    make_cube()
    cert, key, store = make_tls()
    env = environment(cert, store)
    load_before = os.getloadavg()[0]
    servers = Servers(names, cert, key)
    rows = []
    try:
        outs = os.path.join(WORK, "outs")
        log("== warming up: one unmeasured run of each peer per server (page cache, the servers' JIT)")
        for server in names:
            base = servers.url(server, False)
            for make in (original_cmd, cogcube_cmd):
                shutil.rmtree(outs, ignore_errors=True)
                run_once(servers, server, False, make(base, "cog", outs), env)
        for linked in (False, True):
            for server in names:
                for layout in ("cog", "vrt"):
                    base = servers.url(server, linked)
                    cell = {"original": [], "cogcube": []}
                    checked = None
                    for i in range(runs):
                        o_out, c_out = os.path.join(outs, "original"), os.path.join(outs, "cogcube")
                        shutil.rmtree(outs, ignore_errors=True)
                        cell["original"].append(run_once(servers, server, linked, original_cmd(base, layout, o_out), env))
                        cell["cogcube"].append(run_once(servers, server, linked, cogcube_cmd(base, layout, c_out), env))
                        if i == 0:
                            checked = same_arrays(o_out, c_out)
                        log("   %s %s %s run %d: original %.2f s, cogcube %.2f s%s" % (
                            server, layout, "link" if linked else "loopback", i + 1,
                            cell["original"][-1]["s"], cell["cogcube"][-1]["s"],
                            "" if checked is None else "  OUTPUTS DIFFER: " + checked))
                    rows.append({"server": server, "layout": layout, "linked": linked, "same": checked,
                                 "original": median_run(cell["original"]), "cogcube": median_run(cell["cogcube"]),
                                 "runs": cell})
    finally:
        servers.close()
    load_after = os.getloadavg()[0]
    json.dump(rows, open(os.path.join(WORK, "results.json"), "w"), indent=1)
    text = report(rows, runs, names, load_before, load_after, args)
    print(text)
    if args.update_readme:
        doc = open(REPORT).read()
        start, end = "<!-- figures:start -->\n", "<!-- figures:end -->"
        head, rest = doc.split(start)
        doc = head + start + text + "\n" + end + rest.split(end, 1)[1]
        open(REPORT, "w").write(doc)


def mb(n):
    return "%.2f" % (n / 1e6)


def report(rows, runs, names, load_before, load_after, args):
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    lines = [
        "Run of %s on %d cores (%s), %s, GDAL %s, nginx %s. Command: `bench/run-extract-bench%s`."
        % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(), cpu, java.strip(),
           gdal.__version__, subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1],
           " --quick" if args.quick else ""),
        "",
        "Median of %d run%s per peer and cell (peers alternating). Load average (1 min) before the run %.1f, after %.1f%s."
        % (runs, "" if runs == 1 else "s", load_before, load_after,
           ": **the machine was shared with other work**, so times are noisy" if max(load_before, load_after) > 1.0 else ""),
        "",
        "| server | protocol | layout | link | original s / requests / MB | cogcube s / requests / MB | subsetting | speed-up | link floor s | target | met | same arrays |",
        "|---|---|---|---|---:|---:|---|---:|---:|---|---|---|",
    ]
    for r in rows:
        o, c = r["original"], r["cogcube"]
        who, proto = SERVERS[r["server"]]
        floor = c["bytes"] * 8 / (RATE_MBIT * 1e6) + 4 * RTT if r["linked"] else None
        target = target_of(r["server"], r["layout"], r["linked"])
        met = "—" if target is None else ("yes" if target[1](o, c, floor) else "**no**")
        lines.append("| %s | %s | %s | %s | %.2f / %d / %s | %.2f / %d / %s | %s | %.1f× | %s | %s | %s | %s |" % (
            who, proto, r["layout"].upper(), "100 ms, 20 Mbit/s" if r["linked"] else "loopback",
            o["s"], o["requests"], mb(o["bytes"]), c["s"], c["requests"], mb(c["bytes"]),
            "yes (%d)" % c["subset"] if c["subset"] else "no", o["s"] / c["s"],
            "%.2f" % floor if floor is not None and r["layout"] == "cog" else "",
            "none set" if target is None else target[0], met, "yes" if r["same"] is None else "**no**: " + r["same"]))
    lines += ["", "CPU seconds (user + system, median) of the whole process, original / cogcube: " +
              ", ".join("%s %s %s %.2f / %.2f" % (r["server"], r["layout"], "link" if r["linked"] else "loopback",
                                                  r["original"]["cpu"], r["cogcube"]["cpu"]) for r in rows) + "."]
    lines += ["", "MB: on loopback, the bytes the server logged as sent (nginx: `$bytes_sent`, headers included;"
              " cogcube serve: bodies); over the link, the bytes the relay carried from server to client"
              " (TLS and headers included). Connections the relay saw per run (original / cogcube): " +
              ", ".join("%s %s %d / %d" % (r["server"], r["layout"], r["original"].get("connections", 0),
                                           r["cogcube"].get("connections", 0)) for r in rows if r["linked"]) + "."]
    if CRASHES:
        lines += ["", "Runs ended by a signal and run again (not counted): " + "; ".join(CRASHES) + "."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
