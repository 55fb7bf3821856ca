"""Calls export_metadata (or, as a control, GET /healthz) at a fixed rate over one keep-alive
connection for a while (or until MAX_CALLS calls, 0: no limit); prints calls, non-200 answers and
mean latency (ms). Used by run-metadata-polling.sh.

    python3 poll-metadata.py PORT RATE SECONDS [MAX_CALLS [export_metadata|healthz]]
"""
import http.client
import json
import sys
import time

port, rate, seconds = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
max_calls = int(sys.argv[4]) if len(sys.argv) > 4 and int(sys.argv[4]) > 0 else None
healthz = len(sys.argv) > 5 and sys.argv[5] == "healthz"
body = json.dumps({"type": "export_metadata", "args": {}})
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
calls = bad = 0
spent = 0.0
start = time.monotonic()
due = start
while time.monotonic() - start < seconds and (max_calls is None or calls < max_calls):
    t0 = time.monotonic()
    if healthz:
        conn.request("GET", "/healthz")
    else:
        conn.request("POST", "/v1/metadata", body, {"content-type": "application/json"})
    answer = conn.getresponse()
    answer.read()
    spent += time.monotonic() - t0
    calls += 1
    bad += answer.status != 200
    due += 1 / rate
    time.sleep(max(0.0, due - time.monotonic()))
print(calls, bad, f"{1000 * spent / max(calls, 1):.1f}")
