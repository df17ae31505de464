#!/usr/bin/env python3
"""Fault campaign against the real local stack (see README.md next to this file). Standard library only."""
import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "local-stack/target/local-stack.jar"
KAFKA_CP = str(ROOT / "local-stack/target/lib") + "/*"
WORK = ROOT / "bench/faults/work"
DATA = WORK / ".wedops"
BASE_PORTS = {"gateway": 8080, "health-collector": 8081, "deployment-orchestrator": 8082,
              "scaling-planner": 8083, "apm-ingest": 8084, "alert-router": 8085}
WINDOW_AND_GRACE = 60 + 30  # 1-minute windows, 30 s grace (apm-ingest defaults)


def log(message):
    print(time.strftime("%H:%M:%S ") + message, flush=True)


def now_iso(at=None):
    return (at or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def http(method, url, token=None, body=None, headers=None, timeout=30):
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # connection refused, reset, timeout: no answer
        return 0, str(e).encode()


# ---------------------------------------------------------------------------------------------------------- the stack

class SlackSink:
    """Stands in for Slack: every message the alert-router sends, to count deliveries per alert."""

    def __init__(self):
        sink = self
        self.messages = []
        self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
                with sink.lock:
                    sink.messages.append(body)
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = "http://127.0.0.1:%d/slack" % self.server.server_port

    def deliveries(self, name):
        with self.lock:
            return sum(1 for message in self.messages if name in message)


class Stack:
    def __init__(self, offset, slack_url):
        self.offset = offset
        self.slack_url = slack_url
        self.launcher = None
        self.relaunched = []  # processes we started in place of killed ones: the launcher does not know them
        self.ports = {name: port + offset for name, port in BASE_PORTS.items()}
        self.kafka = "127.0.0.1:%d" % (9092 + offset)
        self.tokens = {}

    def url(self, service, path):
        return "http://127.0.0.1:%d%s" % (self.ports[service], path)

    def start(self):
        busy = [p for p in [9092 + self.offset, 9093 + self.offset, 5433 + self.offset] + list(self.ports.values())
                if port_taken(p)]
        if busy:
            sys.exit("ports %s are taken (another stack?); choose another --port-offset" % busy)
        if WORK.exists():
            subprocess.run(["rm", "-rf", str(WORK)], check=True)
        WORK.mkdir(parents=True)
        env = dict(os.environ, WEDOPS_SLACK_WEBHOOK_URL=self.slack_url)
        self.launcher_log = open(WORK / "launcher.log", "ab")
        self.launcher = subprocess.Popen(["java", "-jar", str(JAR), "--port-offset", str(self.offset)], cwd=WORK, env=env,
                                         stdout=self.launcher_log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)
        started = time.time()
        while "services healthy" not in (WORK / "launcher.log").read_text(errors="replace"):
            if self.launcher.poll() is not None or time.time() - started > 900:
                sys.exit("the stack did not start; see %s:\n%s" % (WORK / "launcher.log", (WORK / "launcher.log").read_text()[-3000:]))
            time.sleep(2)
        log("stack up in %.0f s (data and logs in %s)" % (time.time() - started, DATA))
        for role in ("ADMIN", "INGEST", "VIEWER"):
            self.tokens[role] = subprocess.run(["java", "-jar", str(JAR), "--token", role], cwd=WORK, check=True,
                                               capture_output=True, text=True).stdout.strip()

    # processes ------------------------------------------------------------------------------------------------------
    def pid_of(self, what):
        if what == "postgres":
            return int((DATA / "postgres/postmaster.pid").read_text().splitlines()[0])
        needle = str(DATA / "kafka/server.properties") if what == "kafka" else "services/%s.jar" % what
        port = None if what == "kafka" else "--server.port=%d" % self.ports[what]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    args = Path("/proc/%s/cmdline" % entry).read_bytes().split(b"\0")
                except OSError:
                    continue
                text = [a.decode(errors="replace") for a in args]
                if any(needle in a for a in text) and (port is None or port in text) and text[0].endswith("java"):
                    return int(entry)
        raise RuntimeError("no running " + what)

    @staticmethod
    def capture(pid):
        """What it takes to start the process again exactly as it ran: argv, environment, working directory."""
        argv = [a.decode() for a in Path("/proc/%d/cmdline" % pid).read_bytes().split(b"\0")[:-1]]
        environ = dict(e.decode().split("=", 1) for e in Path("/proc/%d/environ" % pid).read_bytes().split(b"\0") if b"=" in e)
        return {"argv": argv, "env": environ, "cwd": os.readlink("/proc/%d/cwd" % pid)}

    def relaunch(self, captured, log_name):
        with open(DATA / "logs" / log_name, "ab") as out:
            out.write(("\n===== relaunched by bench/faults at %s =====\n" % now_iso()).encode())
            out.flush()
            process = subprocess.Popen(captured["argv"], env=captured["env"], cwd=captured["cwd"], stdout=out,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.relaunched.append(process)
        return process

    def ready(self, service):
        status, body = http("GET", self.url(service, "/actuator/health/readiness"), timeout=5)
        return status == 200 and b'"UP"' in body

    def wait_all_ready(self, timeout=600):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if all(self.ready(s) for s in self.ports):
                return time.time()
            time.sleep(1)
        return None

    def dlt_records(self):
        """Records on every *.dlt topic (sum of end offsets; nothing is ever deleted here)."""
        out = subprocess.run(["java", "-cp", KAFKA_CP, "org.apache.kafka.tools.GetOffsetShell", "--bootstrap-server", self.kafka,
                              "--topic", r".*\.dlt", "--time", "-1"], capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError("GetOffsetShell failed: " + out.stderr[-500:])
        per_topic = {}
        for line in out.stdout.split():
            topic, _, offset = line.rsplit(":", 2)
            per_topic[topic] = per_topic.get(topic, 0) + int(offset)
        return per_topic

    def stop(self):
        """Relaunched services first, then the launcher (its services, the broker it started, PostgreSQL), then a
        relaunched broker, then a PostgreSQL we started ourselves if it is still up."""
        services = [p for p in self.relaunched if p.poll() is None and "kafka.Kafka" not in p.args and p.args[0] != "unshare"]
        for process in services:
            process.terminate()
        for process in services:
            wait_or_kill(process, 20)
        if self.launcher and self.launcher.poll() is None:
            self.launcher.send_signal(signal.SIGTERM)
            wait_or_kill(self.launcher, 120)
        for process in self.relaunched:
            if process.poll() is None:
                process.terminate()
                wait_or_kill(process, 25)
        pidfile = DATA / "postgres/postmaster.pid"
        if pidfile.exists():
            try:
                pid = int(pidfile.read_text().splitlines()[0])
                os.kill(pid, signal.SIGINT)  # PostgreSQL's fast shutdown
            except (OSError, ValueError, IndexError):
                pass


def wait_or_kill(process, seconds):
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def port_taken(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


# ------------------------------------------------------------------------------------------------------------ the load

class SampleLoad(threading.Thread):
    """One emitter posting batches through the gateway, one at a time; a batch that is not answered 2xx is retried with
    the same body and Idempotency-Key until it is, as an emitter would. Counts the samples answered as accepted."""

    def __init__(self, stack, service, total, batch, pause, key_prefix):
        super().__init__(daemon=True)
        self.stack, self.service, self.total, self.batch, self.pause, self.key_prefix = stack, service, total, batch, pause, key_prefix
        self.accepted = 0
        self.posted = 0
        self.retries = 0
        self.failures = {}
        self.last_sample_at = None
        self.halt = threading.Event()

    def run(self):
        n = 0
        while (self.total is None or self.posted < self.total) and not self.halt.is_set():
            size = self.batch if self.total is None else min(self.batch, self.total - self.posted)
            at = datetime.now(timezone.utc)
            samples = [{"kind": "HTTP", "service": self.service, "operation": "op-%d" % (i % 10), "provider": "bench",
                        "region": "uk", "environment": "prod", "timestamp": now_iso(at),
                        "durationMs": round(random.uniform(5, 500), 1), "success": True} for i in range(size)]
            body = json.dumps({"samples": samples}).encode()
            key = "%s-%d" % (self.key_prefix, n)
            while True:
                status, answer = http("POST", self.stack.url("gateway", "/api/apm/samples"), self.stack.tokens["INGEST"], body,
                                      {"Idempotency-Key": key}, timeout=60)
                if 200 <= status < 300:
                    self.accepted += json.loads(answer)["accepted"]
                    break
                self.failures[status] = self.failures.get(status, 0) + 1
                self.retries += 1
                if status == 429:
                    time.sleep(1)
                time.sleep(0.5)
            self.posted += size
            self.last_sample_at = at
            n += 1
            time.sleep(self.pause)


class AlertLoad(threading.Thread):
    """Alerts raised by hand through the gateway, one unique name each; keeps the fingerprint of every 2xx answer."""

    def __init__(self, stack, prefix, every):
        super().__init__(daemon=True)
        self.stack, self.prefix, self.every = stack, prefix, every
        self.accepted = {}  # name → fingerprint
        self.refused = 0
        self.halt = threading.Event()

    def run(self):
        n = 0
        while not self.halt.is_set():
            name = "%s_%04dx" % (self.prefix, n)  # no name is a prefix of another: Slack messages are searched for it
            status, answer = http("POST", self.stack.url("gateway", "/api/alerts"), self.stack.tokens["ADMIN"],
                                  {"name": name, "severity": "MEDIUM", "service": "faults", "region": "uk",
                                   "summary": "fault campaign " + name}, timeout=30)
            if 200 <= status < 300:
                self.accepted[name] = json.loads(answer)["fingerprint"]
            else:
                self.refused += 1
            n += 1
            time.sleep(self.every)


class WeddingLoad(threading.Thread):
    """Weddings scheduled through the gateway, one unique id each, far in the future so that nothing freezes."""

    def __init__(self, stack, prefix, every):
        super().__init__(daemon=True)
        self.stack, self.prefix, self.every = stack, prefix, every
        self.accepted = []
        self.refused = 0
        self.halt = threading.Event()

    def run(self):
        n = 0
        while not self.halt.is_set():
            wedding = "%s-%d" % (self.prefix, n)
            day = (datetime.now(timezone.utc) + timedelta(days=400 + n % 200)).strftime("%Y-%m-%d")
            status, _ = http("POST", self.stack.url("gateway", "/api/weddings"), self.stack.tokens["ADMIN"],
                             {"id": wedding, "date": day, "startTime": "14:00", "endTime": "23:00", "region": "uk",
                              "culture": "BRITISH", "guestCount": 120, "days": 1, "venueType": "HOTEL"}, timeout=30)
            if 200 <= status < 300:
                self.accepted.append(wedding)
            else:
                self.refused += 1
            n += 1
            time.sleep(self.every)


class ReadinessWatch(threading.Thread):
    """Polls every service's readiness; remembers which went DOWN (or stopped answering) and when they were last not UP."""

    def __init__(self, stack):
        super().__init__(daemon=True)
        self.stack = stack
        self.down = {}
        self.halt = threading.Event()

    def run(self):
        while not self.halt.is_set():
            for service in self.stack.ports:
                if not self.stack.ready(service):
                    self.down[service] = self.down.get(service, 0) + 1
            time.sleep(1)


# ------------------------------------------------------------------------------------------------------------ checking

def sample_count(stack, service, since):
    query = urllib.parse.urlencode({"metric": "duration", "aggregation": "count", "interval": "1h", "service": service,
                                    "from": now_iso(since - timedelta(hours=1)), "to": now_iso(datetime.now(timezone.utc) + timedelta(hours=1))})
    status, body = http("GET", stack.url("apm-ingest", "/api/apm/metrics?" + query), stack.tokens["VIEWER"])
    if status != 200:
        return None
    return int(round(sum(p.get("value") or 0 for p in json.loads(body)["points"])))


def await_samples(stack, load, since, timeout=420):
    """Waits until the windows hold as many samples as were accepted (or the count stops moving after the windows
    must have closed). Returns (counted, when it was last seen to change)."""
    deadline = time.time() + timeout
    counted, changed_at = None, time.time()
    while time.time() < deadline:
        current = sample_count(stack, load.service, since)
        if current != counted:
            counted, changed_at = current, time.time()
        if counted == load.accepted:
            return counted, changed_at
        closed_by = load.last_sample_at + timedelta(seconds=WINDOW_AND_GRACE + 30)
        if datetime.now(timezone.utc) > closed_by and time.time() - changed_at > 60:
            return counted, changed_at
        time.sleep(5)
    return counted, changed_at


def await_alerts(stack, alerts, timeout=300):
    """Every fingerprint answered 2xx looked up in the alert-router; returns (missing names, time all were found)."""
    deadline = time.time() + timeout
    missing = dict(alerts.accepted)
    while missing and time.time() < deadline:
        for name, fingerprint in list(missing.items()):
            if http("GET", stack.url("alert-router", "/api/alerts/" + fingerprint), stack.tokens["VIEWER"])[0] == 200:
                del missing[name]
        if missing:
            time.sleep(2)
    return list(missing), time.time()


def await_weddings(stack, weddings, timeout=300):
    deadline = time.time() + timeout
    missing = list(weddings.accepted)
    while missing and time.time() < deadline:
        missing = [w for w in missing if http("GET", stack.url("scaling-planner", "/api/weddings/" + w), stack.tokens["VIEWER"])[0] != 200]
        if missing:
            time.sleep(2)
    return missing, time.time()


def slack_duplicates(slack, alerts, wait_for_delivery):
    """Alerts go to Slack after the route's group_wait (30 s for MEDIUM); more than one message naming an alert is a
    duplicate delivery. Returns (duplicated, never delivered)."""
    deadline = time.time() + wait_for_delivery
    while time.time() < deadline and any(slack.deliveries(name) == 0 for name in alerts.accepted):
        time.sleep(5)
    counts = {name: slack.deliveries(name) for name in alerts.accepted}
    return [n for n, c in counts.items() if c > 1], [n for n, c in counts.items() if c == 0]


# -------------------------------------------------------------------------------------------------------------- faults

class Result:
    def __init__(self, fault):
        self.fault = fault
        self.load, self.lost, self.duplicated, self.dlt, self.ready, self.visible, self.notes = "", [], [], "", "", "", []


def fmt_seconds(value):
    return "–" if value is None else "%.0f s" % value


def run_fault(stack, slack, name, load_samples, alerts_every, weddings_every, inject, recover_label):
    """Starts the load, lets inject() do the damage (it returns the moment the damaged part is back, and a note),
    stops the load and checks what became of it."""
    run_id = "%s-%d" % (name, int(time.time()))
    result = Result(name)
    dlt_before = stack.dlt_records()
    samples = SampleLoad(stack, "faults-" + run_id, **load_samples, key_prefix=run_id)
    alerts = AlertLoad(stack, "FaultCampaign_" + run_id.replace("-", "_"), alerts_every)
    weddings = WeddingLoad(stack, "w-" + run_id, weddings_every) if weddings_every else None
    watch = ReadinessWatch(stack)
    since = datetime.now(timezone.utc)
    for thread in filter(None, (samples, alerts, weddings, watch)):
        thread.start()
    back_at, note = inject(samples)
    result.notes.append(note)
    ready_at = stack.wait_all_ready()
    result.ready = fmt_seconds(None if ready_at is None else ready_at - back_at)
    time.sleep(5)
    alerts.halt.set()
    if weddings:
        weddings.halt.set()
    if samples.total is None:
        samples.halt.set()  # a load that runs for as long as the fault does
    samples.join(timeout=900)
    samples.halt.set()
    watch.halt.set()
    log("%s: load done (%d samples accepted, %d retries %s; %d alerts; %s weddings); checking"
        % (name, samples.accepted, samples.retries, samples.failures, len(alerts.accepted), len(weddings.accepted) if weddings else "–"))
    missing_alerts, alerts_at = await_alerts(stack, alerts)
    missing_weddings, weddings_at = await_weddings(stack, weddings) if weddings else ([], time.time())
    counted, samples_at = await_samples(stack, samples, since)
    duplicated_alerts, undelivered = slack_duplicates(slack, alerts, 120)
    dlt_after = stack.dlt_records()
    dead = {t: dlt_after[t] - dlt_before.get(t, 0) for t in dlt_after if dlt_after[t] != dlt_before.get(t, 0)}

    result.load = "%d samples (%d posts retried), %d alerts (%d refused)%s" % (
        samples.accepted, samples.retries, len(alerts.accepted), alerts.refused,
        ", %d weddings (%d refused)" % (len(weddings.accepted), weddings.refused) if weddings else "")
    counted = counted if counted is not None else 0
    if counted < samples.accepted:
        result.lost.append("%d samples" % (samples.accepted - counted))
    elif counted > samples.accepted:
        result.duplicated.append("%d samples" % (counted - samples.accepted))
    if missing_alerts:
        result.lost.append("%d alerts" % len(missing_alerts))
    if missing_weddings:
        result.lost.append("%d weddings" % len(missing_weddings))
    if duplicated_alerts:
        result.duplicated.append("%d alerts notified twice" % len(duplicated_alerts))
    if undelivered:
        result.notes.append("%d alerts never reached Slack" % len(undelivered))
    result.dlt = ", ".join("%s +%d" % kv for kv in dead.items()) or "0"
    # when the load's data was all visible: alerts and weddings found, samples counted in their windows
    result.visible = "alerts/weddings %s, samples %s" % (fmt_seconds(max(alerts_at, weddings_at) - back_at if not missing_alerts and not missing_weddings else None),
                                                          fmt_seconds(samples_at - back_at))
    result.down = sorted(watch.down)
    result.notes.append("readiness not UP during the fault: " + (", ".join("%s (%d s)" % (s, watch.down[s]) for s in sorted(watch.down)) or "none"))
    result.notes.append("samples: %d accepted, %s counted in windows" % (samples.accepted, counted))
    if counted == samples.accepted and samples.last_sample_at is not None:
        # nothing else is posted once the load stops: the last minute is closed by the wall clock alone
        quiet = samples_at - samples.last_sample_at.timestamp()
        result.notes.append("last window queryable %.0f s after the last sample (goal <= 100 s; the check polls every 5 s)" % quiet)
    log("%s: %s" % (name, vars(result)))
    return result


def fault_postgres(stack, outage):
    def inject(samples):
        time.sleep(15)
        pid = stack.pid_of("postgres")
        captured = stack.capture(pid)
        # "pg_ctl stop -m immediate" is SIGQUIT to the postmaster (pg_ctl itself refuses to run as root outside zonky's
        # user namespace), so it is sent directly: every backend exits at once, no checkpoint
        log("postgres: SIGQUIT (immediate shutdown) to postmaster %d; down for %d s" % (pid, outage))
        os.kill(pid, signal.SIGQUIT)
        while Path("/proc/%d" % pid).exists() and Path("/proc/%d/cmdline" % pid).read_bytes():
            time.sleep(0.2)
        time.sleep(outage)
        # zonky starts pg_ctl under "unshare -U" (a user namespace in which it is not root); so does this
        stack.relaunch(dict(captured, argv=["unshare", "-U"] + captured["argv"]), "postgres.log")
        while not port_taken(5433 + stack.offset):
            time.sleep(0.2)
        log("postgres: back")
        return time.time(), "PostgreSQL down %d s" % outage
    return inject


def fault_broker(stack, total):
    def inject(samples):
        while samples.posted < total // 2:
            time.sleep(0.2)
        pid = stack.pid_of("kafka")
        captured = stack.capture(pid)
        log("kafka: SIGKILL pid %d at %d samples posted" % (pid, samples.posted))
        os.kill(pid, signal.SIGKILL)
        killed = time.time()
        time.sleep(5)
        stack.relaunch(captured, "kafka.log")
        while not port_taken(9092 + stack.offset):
            time.sleep(0.2)
        log("kafka: listening again %.0f s after the kill" % (time.time() - killed))
        return time.time(), "broker killed at %d samples posted, relaunched 5 s later" % samples.posted
    return inject


def fault_service(stack, service, total):
    def inject(samples):
        while samples.posted < total // 2:
            time.sleep(0.1)
        pid = stack.pid_of(service)
        captured = stack.capture(pid)
        log("%s: SIGKILL pid %d at %d samples posted" % (service, pid, samples.posted))
        os.kill(pid, signal.SIGKILL)
        while Path("/proc/%d" % pid).exists() and Path("/proc/%d/cmdline" % pid).read_bytes():
            time.sleep(0.1)
        stack.relaunch(captured, service + ".log")
        log("%s: relaunched" % service)
        return time.time(), "%s killed at %d samples posted, relaunched at once" % (service, samples.posted)
    return inject


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-offset", type=int, default=300)
    parser.add_argument("--only", default="pg,broker,apm,router")
    parser.add_argument("--samples", type=int, default=100_000, help="samples of the broker fault")
    parser.add_argument("--outage", type=int, default=60, help="seconds PostgreSQL stays down")
    args = parser.parse_args()
    slack = SlackSink()
    stack = Stack(args.port_offset, slack.url)

    def interrupted(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupted)
    results = []
    try:
        stack.start()
        only = args.only.split(",")
        if "pg" in only:
            results.append(run_fault(stack, slack, "postgres-stop", dict(total=None, batch=200, pause=0.5), 1.0, 1.0,
                                     fault_postgres(stack, args.outage), "postgres back"))
        if "broker" in only:
            results.append(run_fault(stack, slack, "broker-kill", dict(total=args.samples, batch=1000, pause=0.2), 1.0, None,
                                     fault_broker(stack, args.samples), "broker back"))
        if "apm" in only:
            results.append(run_fault(stack, slack, "apm-ingest-kill", dict(total=30_000, batch=500, pause=0.2), 1.0, None,
                                     fault_service(stack, "apm-ingest", 30_000), "apm-ingest back"))
        if "router" in only:
            results.append(run_fault(stack, slack, "alert-router-kill", dict(total=10_000, batch=500, pause=0.5), 0.75, None,
                                     fault_service(stack, "alert-router", 10_000), "alert-router back"))
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        log("stopping the stack")
        stack.stop()
        slack.server.shutdown()
    print_table(results)


def print_table(results):
    rows = [("fault", "load (answered 2xx)", "lost", "duplicated", "dead-lettered", "all ready after", "data visible after")]
    rows += [(r.fault, r.load, ", ".join(r.lost) or "0", ", ".join(r.duplicated) or "0", r.dlt, r.ready, r.visible) for r in results]
    print()
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "|".join("---" for _ in rows[0]) + "|")
    for row in rows[1:]:
        print("| " + " | ".join(row) + " |")
    print()
    for r in results:
        print("%s: %s" % (r.fault, "; ".join(r.notes)))


if __name__ == "__main__":
    main()
