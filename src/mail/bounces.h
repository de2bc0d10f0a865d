// Reading bounces and complaints that came back to the sending address: an mbox of delivery status
// notifications (RFC 3464, multipart/report; report-type=delivery-status) and abuse reports (RFC 5965,
// message/feedback-report). Parsed with GMime.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::mail {

struct Bounce {
  std::string email;
  bool complaint = false;  // an abuse report (the reader marked us as spam), not a delivery failure
  std::string reason;      // "5.1.1 (failed)", "abuse report"
};

struct BounceScan {
  int messages = 0;          // messages read from the mbox
  std::vector<Bounce> hard;  // permanent failures and complaints: mail to these stops
  int soft = 0;              // delayed or 4.x.x failures (nothing to do)
  int unrecognised = 0;      // messages that were neither
};

BounceScan scan_bounces(std::string_view mbox);

}  // namespace gazette::mail
