// The bulletin's public pages: sign up (/subscribe and the box on every page), confirm, preferences,
// one-click unsubscribe (RFC 8058), the subscriber's data and its deletion. Per person, so never cached
// (Site answers /subscribe paths with no-store), and never indexed. Links carry signed tokens
// (mail/links.h), never the address.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "mail/subscriptions.h"
#include "web/page_context.h"

namespace gazette::web {

class SubscribePages : public PageModule {
 public:
  explicit SubscribePages(PageContext& ctx) : PageModule(ctx), throttle_(10, 3600) {}
  void add_routes(http::Router& router) override;

 private:
  struct FormValues {
    std::string email;
    mail::ChoicesForm form;
  };
  http::Response form_page(int status, const FormValues& v, const std::string& error, const std::string& note);
  http::Response preferences_page(int status, const mail::Subscriber& s, const std::string& error,
                                  const std::string& note, const mail::ChoicesForm* typed = nullptr);
  http::Response message(int status, const std::string& title, const std::string& text);
  // A page whose button posts a signed link's token (confirm, unsubscribe): a mail scanner that only
  // follows the link changes nothing.
  http::Response button_page(const std::string& title, const std::string& text, const std::string& action,
                             const std::string& token, const std::string& label);
  http::Response sign_up(const http::Request& req);
  http::Response confirm_page(const http::Request& req);
  http::Response confirm(const http::Request& req);
  http::Response preferences(const http::Request& req);
  http::Response save_preferences(const http::Request& req);
  http::Response unsubscribe_page(const http::Request& req);
  http::Response unsubscribe(const http::Request& req);
  http::Response data(const http::Request& req);
  http::Response remove(const http::Request& req);
  http::Response page(int status, const std::string& title, const std::string& body);
  // Reads the choice fields of a sign-up or preferences form.
  static mail::ChoicesForm read_choices(const http::Fields& fields, std::string& problem);
  bool same_origin(const http::Request& req) const;
  const std::string& secret();

  mail::SignUpThrottle throttle_;
  std::mutex secret_mutex_;
  std::string secret_;
};

}  // namespace gazette::web
