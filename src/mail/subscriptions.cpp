#include "mail/subscriptions.h"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "content/text.h"
#include "store/connection.h"
#include "store/mail_store.h"
#include "strings/csv.h"
#include "strings/strings.h"

namespace gazette::mail {

namespace {

// Text a person types as a name or keywords: UTF-8, no control characters, and none of the characters
// markup and mail headers are made of (a name goes into the To: header and into pages).
bool plain_text(std::string_view s) {
  if (!strings::valid_utf8(s)) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' || c == '{' || c == '}') return false;
  return true;
}

// A slug (council, section, category) or a region name: letters, digits, spaces, '-', '&', ''' and '.'.
bool list_item_ok(std::string_view item) {
  if (item.empty() || item.size() > 80 || !plain_text(item)) return false;
  for (unsigned char c : item)
    if (!(std::isalnum(c) || c == '-' || c == ' ' || c == '&' || c == '\'' || c == '.' || c >= 0x80)) return false;
  return true;
}

std::optional<std::string> list_problem(const std::vector<std::string>& items, const char* what) {
  if (items.size() > 50) return std::string("Choose at most 50 ") + what + ".";
  for (const auto& item : items)
    if (!list_item_ok(item)) return std::string("One of the ") + what + " is not one we know.";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> choices_problem(const ChoicesForm& form) {
  if (form.name.size() > 100 || !plain_text(form.name))
    return "The name must be plain text of at most 100 characters, without < > \" \\ { or }.";
  const Choices& c = form.choices;
  if (auto p = list_problem(c.alert_categories, "job categories")) return p;
  if (auto p = list_problem(c.alert_places, "places")) return p;
  if (auto p = list_problem(c.follow_councils, "councils")) return p;
  if (auto p = list_problem(c.follow_sections, "sections")) return p;
  if (c.alert_min_salary < 0 || c.alert_min_salary > 1'000'000)
    return "The minimum salary must be between £0 and £1,000,000 a year.";
  if (c.alert_keywords.size() > 200 || !plain_text(c.alert_keywords))
    return "The keywords must be plain text of at most 200 characters, without < > \" \\ { or }.";
  if (!c.daily && !c.weekly && !c.job_alerts)
    return "Choose at least one: the daily bulletin, the weekly digest or job alerts.";
  return std::nullopt;
}

bool SignUpThrottle::allow(const std::string& client, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() > 100'000) {
    std::erase_if(entries_, [&](const auto& kv) { return kv.second.since + window_ <= now; });
    if (entries_.size() > 100'000) entries_.clear();
  }
  auto& e = entries_[client];
  if (e.since + window_ <= now) e = Entry{0, now};
  if (e.count >= max_) return false;
  ++e.count;
  return true;
}

SignUpOutcome sign_up(store::Connection& db, const std::string& secret, const std::string& email,
                      const ChoicesForm& form, const std::string& form_token, bool honeypot_filled, std::int64_t now) {
  SignUpOutcome out;
  auto address = normalise_email(email);
  if (!address) {
    out.result = SignUpResult::bad_email;
    out.problem = "That does not look like an email address.";
    return out;
  }
  if (auto problem = choices_problem(form)) {
    out.result = SignUpResult::bad_choices;
    out.problem = *problem;
    return out;
  }
  auto issued = read_form_token(secret, form_token);
  if (!issued || *issued > now + 60) {
    out.result = SignUpResult::form_expired;
    return out;
  }
  // A bot: answered as if it worked, and nothing is stored or sent.
  if (honeypot_filled || now - *issued < kMinFormSeconds) return out;

  store::MailStore mail(db);
  store::Transaction tx(db);
  std::int64_t id = 0;
  auto known = mail.subscriber_by_email(*address);
  if (!known) {
    Subscriber s;
    s.email = *address;
    s.name = std::string(strings::trim(form.name));
    s.status = SubscriberStatus::pending;
    s.choices = form.choices;
    s.created_at = now;
    s.source = "form";
    auto inserted = mail.insert_subscriber(s);
    if (!inserted) return out;  // another request stored it a moment ago: that one sends the link
    id = *inserted;
  } else {
    id = known->id;
    switch (known->status) {
      case SubscriberStatus::confirmed:
      case SubscriberStatus::bounced:
      case SubscriberStatus::complained:
        return out;  // no mail, no change: the page says the same as for a new address
      case SubscriberStatus::unsubscribed:
        mail.restart(id);
        [[fallthrough]];
      case SubscriberStatus::pending:
        // Unconfirmed choices may be replaced; confirmed ones change only through a preferences link.
        mail.set_choices(id, std::string(strings::trim(form.name)), form.choices);
        break;
    }
  }
  if (mail.notices_since(id, "confirm", now - 86400) >= kConfirmationsPerDay) {
    tx.commit();
    out.stored = !known;
    return out;
  }
  mail.add_notice(id, "confirm", now);
  tx.commit();
  out.stored = true;
  return out;
}

std::optional<Subscriber> subscriber_for_link(store::Connection& db, const std::string& secret, std::string_view token,
                                              LinkPurpose purpose, std::int64_t now) {
  auto claim = read_link_token(secret, token, now);
  if (!claim || claim->purpose != purpose) return std::nullopt;
  auto s = store::MailStore(db).subscriber_by_id(claim->subscriber_id);
  if (!s || s->link_version != claim->link_version) return std::nullopt;
  return s;
}

std::optional<Subscriber> confirm(store::Connection& db, const std::string& secret, std::string_view token,
                                  std::int64_t now) {
  auto s = subscriber_for_link(db, secret, token, LinkPurpose::confirm, now);
  if (!s) return std::nullopt;
  if (s->status == SubscriberStatus::pending) {
    store::Transaction tx(db);
    store::MailStore(db).confirm(s->id, now);
    tx.commit();
    s->status = SubscriberStatus::confirmed;
    s->confirmed_at = now;
  }
  return s;
}

bool save_choices(store::Connection& db, std::int64_t subscriber_id, const ChoicesForm& form) {
  if (choices_problem(form)) return false;
  store::Transaction tx(db);
  store::MailStore(db).set_choices(subscriber_id, std::string(strings::trim(form.name)), form.choices);
  tx.commit();
  return true;
}

void unsubscribe(store::Connection& db, std::int64_t subscriber_id, std::int64_t now, const std::string& reason) {
  store::Transaction tx(db);
  store::MailStore(db).stop(subscriber_id, SubscriberStatus::unsubscribed, now, reason);
  tx.commit();
}

void forget(store::Connection& db, std::int64_t subscriber_id) {
  store::Transaction tx(db);
  store::MailStore(db).remove(subscriber_id);
  tx.commit();
}

std::string subscriber_json(const Subscriber& s) {
  boost::json::object o;
  o["email"] = s.email;
  o["name"] = s.name;
  o["status"] = to_string(s.status);
  o["signed_up"] = content::format_iso8601(s.created_at);
  if (s.confirmed_at) o["confirmed"] = content::format_iso8601(s.confirmed_at);
  if (s.stopped_at) {
    o["stopped"] = content::format_iso8601(s.stopped_at);
    o["stopped_reason"] = s.stopped_reason;
  }
  o["source"] = s.source;
  auto list = [](const std::vector<std::string>& v) {
    boost::json::array a;
    for (const auto& x : v) a.emplace_back(x);
    return a;
  };
  const Choices& c = s.choices;
  o["daily_bulletin"] = c.daily;
  o["weekly_digest"] = c.weekly;
  o["job_alerts"] = c.job_alerts;
  o["job_alerts_as_published"] = c.alert_instant;
  o["alert_categories"] = list(c.alert_categories);
  o["alert_places"] = list(c.alert_places);
  o["alert_min_salary"] = c.alert_min_salary;
  o["alert_keywords"] = c.alert_keywords;
  o["follow_councils"] = list(c.follow_councils);
  o["follow_sections"] = list(c.follow_sections);
  return boost::json::serialize(o);
}

bool record_bounce(store::Connection& db, const std::string& email, bool complaint, const std::string& reason,
                   std::int64_t now) {
  auto address = normalise_email(email);
  if (!address) return false;
  store::MailStore mail(db);
  store::Transaction tx(db);
  auto s = mail.subscriber_by_email(*address);
  if (!s) return false;
  const bool changed = mail.stop(s->id, complaint ? SubscriberStatus::complained : SubscriberStatus::bounced, now,
                                 reason.substr(0, 300));
  tx.commit();
  return changed;
}

namespace {

std::optional<bool> yes_no(std::string_view text) {
  const std::string t = strings::lower_ascii(strings::trim(text));
  if (t.empty()) return std::nullopt;
  if (t == "yes" || t == "y" || t == "true" || t == "1") return true;
  if (t == "no" || t == "n" || t == "false" || t == "0") return false;
  return std::nullopt;
}

// Lists in a CSV cell: separated by ';' or '|' (a ',' would need quoting in a spreadsheet).
std::vector<std::string> cell_list(std::string_view text) {
  std::string t(text);
  std::replace(t.begin(), t.end(), ';', ',');
  std::replace(t.begin(), t.end(), '|', ',');
  return split_list(t);
}

}  // namespace

ImportReport import_csv(store::Connection& db, std::string_view csv, std::int64_t now) {
  ImportReport report;
  std::vector<std::string> header;
  struct Row {
    std::size_t line;
    Subscriber s;
  };
  std::vector<Row> rows;
  auto error = strings::read_csv(csv, ',', [&](const std::vector<std::string>& fields, std::size_t line) {
    if (header.empty()) {
      for (const auto& f : fields) header.push_back(strings::lower_ascii(strings::trim(f)));
      if (std::find(header.begin(), header.end(), "email") == header.end()) {
        report.errors.push_back("line " + std::to_string(line) + ": the header has no 'email' column");
        return false;
      }
      return true;
    }
    ++report.rows;
    if (report.rows > 1'000'000) {
      report.errors.push_back("the file has more than 1,000,000 rows: split it");
      return false;
    }
    auto bad = [&](const std::string& why) {
      if (report.errors.size() < 100) report.errors.push_back("line " + std::to_string(line) + ": " + why);
      return true;
    };
    if (fields.size() > header.size()) return bad("more fields than the header has columns");
    Subscriber s;
    s.created_at = now;
    s.source = "import";
    s.status = SubscriberStatus::pending;
    ChoicesForm form;
    std::string email;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& col = header[i];
      const std::string value(strings::trim(fields[i]));
      if (col == "email") {
        email = value;
      } else if (col == "name") {
        form.name = value;
      } else if (col == "status") {
        if (value == "confirmed")
          s.status = SubscriberStatus::confirmed;
        else if (!value.empty() && value != "pending")
          return bad("status must be 'confirmed' or 'pending', not '" + value.substr(0, 40) + "'");
      } else if (col == "daily" || col == "weekly" || col == "job_alerts") {
        if (value.empty()) continue;
        auto v = yes_no(value);
        if (!v) return bad(col + " must be yes or no, not '" + value.substr(0, 40) + "'");
        (col == "daily" ? form.choices.daily : col == "weekly" ? form.choices.weekly : form.choices.job_alerts) = *v;
      } else if (col == "alert_frequency") {
        if (value == "instant")
          form.choices.alert_instant = true;
        else if (!value.empty() && value != "daily")
          return bad("alert_frequency must be 'daily' or 'instant', not '" + value.substr(0, 40) + "'");
      } else if (col == "alert_categories") {
        form.choices.alert_categories = cell_list(value);
      } else if (col == "alert_places") {
        form.choices.alert_places = cell_list(value);
      } else if (col == "alert_min_salary") {
        if (value.empty()) continue;
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc() || p != value.data() + value.size())
          return bad("alert_min_salary must be a whole number of pounds");
        form.choices.alert_min_salary = v;
      } else if (col == "alert_keywords") {
        form.choices.alert_keywords = value;
      } else if (col == "follow_councils") {
        form.choices.follow_councils = cell_list(value);
      } else if (col == "follow_sections") {
        form.choices.follow_sections = cell_list(value);
      }
      // Other columns (dates of an export, a CRM's own fields) are ignored.
    }
    auto address = normalise_email(email);
    if (!address) return bad("'" + email.substr(0, 80) + "' is not an email address");
    if (auto problem = choices_problem(form)) return bad(*problem);
    s.email = *address;
    s.name = form.name;
    s.choices = form.choices;
    if (s.status == SubscriberStatus::confirmed) s.confirmed_at = now;
    rows.push_back({line, std::move(s)});
    return true;
  });
  if (error) report.errors.insert(report.errors.begin(), "line " + std::to_string(error->line) + ": " + error->message);
  if (header.empty() && report.errors.empty())
    report.errors.push_back("the file is empty: it needs a header row with 'email'");
  if (!report.ok()) return report;
  store::MailStore mail(db);
  store::Transaction tx(db);
  for (const auto& row : rows) {
    if (mail.insert_subscriber(row.s)) {
      ++report.added;
      if (row.s.status == SubscriberStatus::pending) {
        // Pending imports get the confirmation link like a form sign-up.
        if (auto s = mail.subscriber_by_email(row.s.email)) mail.add_notice(s->id, "confirm", now);
      }
    } else {
      ++report.already;
    }
  }
  tx.commit();
  return report;
}

void export_csv(store::Connection& db, const std::function<void(std::string_view)>& write) {
  write(
      "email,name,status,daily,weekly,job_alerts,alert_frequency,alert_categories,alert_places,alert_min_salary,"
      "alert_keywords,follow_councils,follow_sections,signed_up,confirmed\r\n");
  store::MailStore mail(db);
  std::int64_t after = 0;
  auto semi = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) {
      if (!out.empty()) out += ';';
      out += x;
    }
    return out;
  };
  for (;;) {
    auto page = mail.subscribers_page(after, 1000);
    if (page.empty()) break;
    std::string chunk;
    for (const auto& s : page) {
      const Choices& c = s.choices;
      const std::string fields[] = {s.email,
                                    s.name,
                                    to_string(s.status),
                                    c.daily ? "yes" : "no",
                                    c.weekly ? "yes" : "no",
                                    c.job_alerts ? "yes" : "no",
                                    c.alert_instant ? "instant" : "daily",
                                    semi(c.alert_categories),
                                    semi(c.alert_places),
                                    std::to_string(c.alert_min_salary),
                                    c.alert_keywords,
                                    semi(c.follow_councils),
                                    semi(c.follow_sections),
                                    content::format_iso8601(s.created_at),
                                    s.confirmed_at ? content::format_iso8601(s.confirmed_at) : ""};
      bool first = true;
      for (const auto& f : fields) {
        if (!first) chunk += ',';
        chunk += strings::csv_field(f);
        first = false;
      }
      chunk += "\r\n";
      after = s.id;
    }
    write(chunk);
  }
}

}  // namespace gazette::mail
