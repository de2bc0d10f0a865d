"""The baseline for the send rate: one smtplib connection sending one pre-built message to the same
sink in a loop for the given seconds. Prints messages per second."""

import smtplib
import sys
import time

port, seconds = int(sys.argv[1]), float(sys.argv[2])
message = ("From: bench@example.org\r\nTo: reader@example.org\r\nSubject: baseline\r\n\r\n" + "x" * 8000).encode()
sent = 0
with smtplib.SMTP("127.0.0.1", port) as s:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s.sendmail("bench@example.org", ["reader@example.org"], message)
        sent += 1
print(round(sent / seconds, 1))
