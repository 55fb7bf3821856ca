"""Calls export_metadata at a fixed rate over one keep-alive connection for a while (or until
MAX_CALLS calls); prints calls, non-200 answers and mean latency (ms). Used by
run-metadata-polling.sh.

    python3 poll-metadata.py PORT RATE SECONDS [MAX_CALLS]
"""
import http.client
import json
import sys
import time

port, rate, seconds = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
max_calls = int(sys.argv[4]) if len(sys.argv) > 4 else None
body = json.dumps({"type": "export_metadata", "args": {}})
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
calls = bad = 0
spent = 0.0
start = time.monotonic()
due = start
while time.monotonic() - start < seconds and (max_calls is None or calls < max_calls):
    t0 = time.monotonic()
    conn.request("POST", "/v1/metadata", body, {"content-type": "application/json"})
    answer = conn.getresponse()
    answer.read()
    spent += time.monotonic() - t0
    calls += 1
    bad += answer.status != 200
    due += 1 / rate
    time.sleep(max(0.0, due - time.monotonic()))
print(calls, bad, f"{1000 * spent / max(calls, 1):.1f}")
