// An email as it goes on the wire: multipart/alternative (plain text and HTML, both UTF-8, quoted-
// printable), with Date, Message-ID, List-Id and RFC 8058 List-Unsubscribe(-Post) headers, UTF-8
// subjects and names encoded as RFC 2047 words, CRLF line ends. Built with GMime; signed with DKIM
// (RFC 6376, rsa-sha256, relaxed/relaxed) by libopendkim when a key is configured.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace gazette::mail {

struct Address {
  std::string name;   // display name, any UTF-8 ("" for none)
  std::string email;  // addr-spec
};

struct Email {
  Address from, to;
  std::string subject;             // UTF-8
  std::string text;                // the plain-text part
  std::string html;                // the HTML part ("" for text only)
  std::string message_id;          // without angle brackets: "<local>@<domain>"
  std::string list_id;             // "Daily bulletin <daily.example.org>"; "" for none
  std::string unsubscribe_url;     // one-click (RFC 8058) target; "" for none
  std::string unsubscribe_mailto;  // optional mailto: alternative
  std::int64_t date = 0;           // Unix seconds
};

struct DkimKey {
  std::string domain;    // d=
  std::string selector;  // s=
  std::string private_key_pem;
  bool empty() const { return private_key_pem.empty(); }
};

// Builds the message bytes (CRLF line ends, dot-stuffing left to the SMTP client), DKIM-signed when
// `dkim` is not empty. Thread-safe. Throws std::runtime_error when the key cannot sign.
std::string compose(const Email& email, const DkimKey& dkim);

// Checks that a PEM key can sign (at start-up, so a bad key is reported before any mail waits on it).
// Throws std::runtime_error with libopendkim's reason.
void check_dkim_key(const DkimKey& dkim);

}  // namespace gazette::mail
