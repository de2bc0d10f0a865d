// Handing a message to the SMTP relay (`smtp_url`) with libcurl: one client per sending thread, which
// keeps its connection open between messages. STARTTLS and authentication as configured.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace gazette::mail {

struct SmtpSettings {
  std::string url;       // smtp://host:port, or smtps:// for TLS from the start
  std::string username;  // "" for none
  std::string password;
  std::string tls = "try";  // none, try (STARTTLS when offered), require
  long timeout_seconds = 60;
};

struct SmtpResult {
  enum Kind { sent, temporary, permanent } kind = sent;
  bool recipient_refused = false;  // a 5xx to RCPT TO: the address does not exist (a hard bounce)
  long code = 0;                   // the relay's last reply code
  std::string message;             // why it failed, for the log and the newsroom
};

class SmtpClient {
 public:
  explicit SmtpClient(SmtpSettings settings);
  ~SmtpClient();
  SmtpClient(const SmtpClient&) = delete;
  SmtpClient& operator=(const SmtpClient&) = delete;

  // Sends `message` (CRLF lines) from `from` to `to` (bare addresses). `before_end`, when given, runs
  // once, after the relay has taken every byte and before the end of DATA (the final dot) that
  // commits it to delivery: the caller records the message as sent there, so a crash can lose it but
  // never send it twice. If it throws, the message is abandoned before delivery.
  SmtpResult send(const std::string& from, const std::string& to, const std::string& message,
                  const std::function<void()>& before_end = {});

 private:
  SmtpSettings settings_;
  void* curl_ = nullptr;
};

}  // namespace gazette::mail
