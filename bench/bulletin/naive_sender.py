"""The baseline for the send rate: one smtplib connection sending one pre-built message of the same
size as Gazette's (the HTML and text of `gazette bulletin preview`, given as files) to the same sink in
a loop for the given seconds. Prints messages per second."""

import smtplib
import sys
import time

from email.message import EmailMessage

port, seconds = int(sys.argv[1]), float(sys.argv[2])
html, text = open(sys.argv[3], encoding="utf-8").read(), open(sys.argv[4], encoding="utf-8").read()
m = EmailMessage()
m["From"], m["To"], m["Subject"] = "bench@example.org", "reader@example.org", "baseline"
m.set_content(text, cte="quoted-printable")
m.add_alternative(html, subtype="html", cte="quoted-printable")
message = m.as_bytes(policy=m.policy.clone(linesep="\r\n"))
sent = 0
with smtplib.SMTP("127.0.0.1", port) as s:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s.sendmail("bench@example.org", ["reader@example.org"], message)
        sent += 1
print(round(sent / seconds, 1))
