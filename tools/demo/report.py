#!/usr/bin/env python3
"""The result of `./dev demo --headless`, from the reports of the two peerlink-cli runs.

Alice (initiator) connected to Bob, both sent messages, Alice sent a file. Prints a summary and,
with --json FILE, writes:
  path               "direct" or "relay" (the selected candidate pair, as Alice's end saw it)
  local_type         Alice's candidate of that pair (host, srflx, prflx, relay)
  remote_type        Bob's candidate of that pair
  connect_ms         Connect to channel open, at Alice's end
  messages_sent      messages sent, both ways
  messages_delivered messages that the other end received with the same text
  file_bytes         size of the file Alice sent
  file_sha256_match  the file Bob saved has the SHA-256 of the file Alice sent (hashed here)
  file_MBps          the transfer's rate at Bob's end
  ok                 all of the above worked: connected, every message and the file arrived
  error              what went wrong, when something did
Exits 0 when ok, 1 otherwise.
"""
import argparse
import hashlib
import json
import os
import sys


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        return {"ok": False, "error": f"no report from peerlink-cli ({path}: {e})"}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def delivered(sender, receiver):
    """Messages the sender sent that the receiver got, text for text."""
    received = [m.get("text") for m in receiver.get("messages_received", [])]
    count = 0
    for m in sender.get("messages_sent", []):
        if m.get("text") in received:
            received.remove(m.get("text"))
            count += 1
    return count


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--alice", required=True, help="Alice's peerlink-cli report (connect)")
    p.add_argument("--bob", required=True, help="Bob's peerlink-cli report (listen)")
    p.add_argument("--alice-exit", type=int, default=0)
    p.add_argument("--bob-exit", type=int, default=0)
    p.add_argument("--payload", required=True, help="the file Alice sent")
    p.add_argument("--alice-host", default="", help="where Alice is, for the summary")
    p.add_argument("--bob-host", default="", help="where Bob is, for the summary")
    p.add_argument("--json", help="write the result here")
    p.add_argument("--screenshots", help="the folder with alice.png and bob.png")
    p.add_argument("--logs", help="where the peers' logs are, for the summary")
    a = p.parse_args()

    alice, bob = load(a.alice), load(a.bob)
    errors = []
    for name, report, code in (("Alice", alice, a.alice_exit), ("Bob", bob, a.bob_exit)):
        if report.get("error"):
            errors.append(f"{name}: {report['error']}")
        elif code != 0:
            errors.append(f"{name}: peerlink-cli ended with status {code}")

    local = alice.get("local") or {}
    remote = alice.get("remote") or {}
    sent = len(alice.get("messages_sent", [])) + len(bob.get("messages_sent", []))
    got = delivered(alice, bob) + delivered(bob, alice)
    p2p = sum(1 for r in (alice, bob) for m in r.get("messages_received", []) if m.get("path") == "p2p")

    size = os.path.getsize(a.payload)
    want = sha256(a.payload)
    received = (bob.get("files_received") or [{}])[0]
    saved = received.get("path", "")
    match = bool(saved) and os.path.isfile(saved) and sha256(saved) == want
    if not match:
        errors.append(f"the file Bob saved ({saved or 'none'}) is not the file Alice sent")
    if sent == 0 or got != sent:
        errors.append(f"{got} of {sent} messages arrived")

    result = {
        "path": alice.get("path"),
        "local_type": local.get("type"),
        "remote_type": remote.get("type"),
        "connect_ms": alice.get("connect_ms"),
        "messages_sent": sent,
        "messages_delivered": got,
        "file_bytes": size,
        "file_sha256_match": match,
        "file_MBps": round(received.get("MBps", 0.0), 1),
        "ok": not errors and alice.get("path") in ("direct", "relay"),
    }
    if errors:
        result["error"] = "; ".join(errors)
    if a.json:
        os.makedirs(os.path.dirname(a.json) or ".", exist_ok=True)
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
            f.write("\n")

    def where(c):
        return f"{c.get('type', '?')} {c.get('address', '?')}:{c.get('port', '?')}" if c else "?"

    lines = ["", "Peerlink demo (headless)"]
    if a.alice_host:
        lines.append(f"  Alice: {a.alice_host}")
    if a.bob_host:
        lines.append(f"  Bob:   {a.bob_host}")
    if result["path"]:
        lines.append(f"  connected in {result['connect_ms']} ms, {result['path']} path: "
                     f"{where(local)} -> {where(remote)}")
    else:
        lines.append("  not connected")
    lines.append(f"  messages: {got} of {sent} delivered ({p2p} over the peer-to-peer channel)")
    seconds = received.get("seconds")
    rate = f" in {seconds:.1f} s ({result['file_MBps']} MB/s)" if seconds else ""
    lines.append(f"  file: {size / 1e6:.1f} MB{rate}, SHA-256 {'matches' if match else 'DOES NOT match'}")
    if a.screenshots:
        lines.append(f"  windows: {os.path.join(a.screenshots, 'alice.png')}, "
                     f"{os.path.join(a.screenshots, 'bob.png')}")
    if a.json:
        lines.append(f"  report: {a.json}")
    if errors:
        lines.append("  FAILED: " + result["error"])
        if a.logs:
            lines.append(f"  logs: {a.logs}")
    print("\n".join(lines), flush=True)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
