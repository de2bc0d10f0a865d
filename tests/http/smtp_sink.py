#!/usr/bin/python3
"""A test SMTP server (Debian's python3-aiosmtpd) that keeps every message it accepts.

Usage: /usr/bin/python3 smtp_sink.py OUTDIR [--reject ADDR]... [--tempfail ADDR]... [--delay SECONDS]

Prints the port it listens on (127.0.0.1), then runs until killed. Each accepted message is written
to OUTDIR as NNNNNN.eml (written to a temporary name, then renamed, so a reader never sees half a
message), with the envelope recipients in an X-Sink-Rcpt header line at the top. --reject answers 550
at RCPT TO for an address (a hard bounce), --tempfail 451, and --delay waits before answering each
RCPT TO, as a slow relay does (so a test can stop a sender in the middle of a run); --discard keeps nothing
(benchmarks).
"""

import argparse
import asyncio
import itertools
import os
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, outdir, reject, tempfail, delay):
        self.outdir = outdir
        self.reject = {a.lower() for a in reject}
        self.tempfail = {a.lower() for a in tempfail}
        self.delay = delay
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.delay:
            await asyncio.sleep(self.delay)
        if address.lower() in self.reject:
            return "550 5.1.1 No such mailbox here"
        if address.lower() in self.tempfail:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        if getattr(self, "discard", False):
            return "250 2.0.0 Message accepted"
        path = os.path.join(self.outdir, "%06d.eml" % n)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(("X-Sink-Rcpt: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, path)
        return "250 2.0.0 Message accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("outdir")
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--tempfail", action="append", default=[])
    p.add_argument("--delay", type=float, default=0)
    p.add_argument("--discard", action="store_true", help="accept and count, write nothing (benchmarks)")
    args = p.parse_args()
    handler = Handler(args.outdir, args.reject, args.tempfail, args.delay)
    handler.discard = args.discard
    for attempt in range(5):  # a probed free port could be taken before the server binds it
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port, decode_data=False)
        try:
            controller.start()
            break
        except OSError:
            if attempt == 4:
                raise
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
