// The bulletin's emails as the theme draws them: email_bulletin.tpl and email_confirm.tpl (HTML: one
// centred table, inline CSS, no images or remote assets) and a plain-text part made here. Used by the
// sender in `serve` and `gazette bulletin`, and by the newsroom's preview. Thread-safe.
#pragma once

#include "config/config.h"
#include "mail/sender.h"
#include "web/theme.h"

namespace gazette::web {

class EmailRenderer : public mail::MessageRenderer {
 public:
  EmailRenderer(const Theme& theme, const config::Config& config) : theme_(theme), config_(config) {}
  mail::Rendered confirmation(const mail::Subscriber& s, const std::string& confirm_url) override;
  mail::Rendered edition(const mail::Edition& e, const mail::Subscriber& s,
                         const std::vector<const mail::AlertJob*>& jobs, const mail::SubscriberLinks& links) override;

 private:
  const Theme& theme_;
  const config::Config& config_;
};

}  // namespace gazette::web
