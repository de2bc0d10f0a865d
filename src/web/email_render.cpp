#include "web/email_render.h"

#include <ctemplate/template.h>

#include <algorithm>
#include <cstdlib>

#include "content/text.h"
#include "strings/strings.h"
#include "web/urls.h"

namespace gazette::web {

namespace {

// Plain text wrapped at 72 columns (words longer than a line stay whole).
std::string wrap(const std::string& text, std::size_t width = 72) {
  std::string out, line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && strings::utf8_length(line) + 1 + strings::utf8_length(word) > width) {
      out += line + "\n";
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) out += line + "\n";
  return out;
}

// "2026-12-24" -> "24 December 2026"
std::string closing_text(const std::string& iso) {
  if (iso.size() != 10) return iso;
  const int month = std::atoi(iso.substr(5, 2).c_str()), day = std::atoi(iso.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1) return iso;
  return std::to_string(day) + " " + std::string(content::month_name(month)) + " " + iso.substr(0, 4);
}

std::string job_line(const mail::AlertJob& j) {
  std::string detail = j.employer;
  if (!j.location.empty()) detail += ", " + j.location;
  if (!j.salary_text.empty()) detail += ". " + j.salary_text;
  if (!j.closing_date.empty()) detail += ". Closes " + closing_text(j.closing_date);
  return detail;
}

std::string kind_name(mail::MailingKind k) {
  switch (k) {
    case mail::MailingKind::daily:
      return "daily bulletin";
    case mail::MailingKind::weekly:
      return "weekly digest";
    case mail::MailingKind::alerts:
    case mail::MailingKind::instant:
      return "job alert";
  }
  return "bulletin";
}

}  // namespace

mail::Rendered EmailRenderer::confirmation(const mail::Subscriber& s, const std::string& confirm_url) {
  mail::Rendered r;
  r.subject = "Confirm your subscription to " + config_.site_name;
  ctemplate::TemplateDictionary d("email_confirm");
  d.SetValue("SITE_NAME", config_.site_name);
  if (!s.name.empty()) d.SetValueAndShowSection("NAME", s.name, "HAS_NAME");
  d.SetValue("CONFIRM_URL", confirm_url);
  r.html = theme_.render("email_confirm.tpl", d);
  r.text = (s.name.empty() ? "Hello,\n\n" : "Hello " + s.name + ",\n\n") +
           wrap("Someone, we hope you, asked for email from " + config_.site_name +
                " at this address. To start it, open this link within 7 days and press the button:") +
           "\n" + confirm_url + "\n\n" +
           wrap("If it was not you, ignore this message: nothing more will be sent to this address.");
  return r;
}

mail::Rendered EmailRenderer::edition(const mail::Edition& e, const mail::Subscriber& s,
                                      const std::vector<const mail::AlertJob*>& jobs,
                                      const mail::SubscriberLinks& links) {
  mail::Rendered r;
  const std::string& base = config_.base_url;
  const bool alerts = mail::is_alert(e.mailing.kind);
  r.subject = e.mailing.subject;
  if (alerts)
    r.subject = std::to_string(jobs.size()) + (jobs.size() == 1 ? " new job" : " new jobs") + " for you from " +
                config_.site_name;
  else if (!e.articles.empty() && e.mailing.kind == mail::MailingKind::daily)
    r.subject = e.articles.front().headline + " | " + config_.site_name;

  ctemplate::TemplateDictionary d("email_bulletin");
  d.SetValue("SITE_NAME", config_.site_name);
  d.SetValue("SITE_URL", base + "/");
  d.SetValue("KIND", kind_name(e.mailing.kind));
  d.SetValue("TITLE", e.mailing.subject);
  d.SetValue("PREFERENCES_URL", links.preferences);
  d.SetValue("UNSUBSCRIBE_URL", links.unsubscribe);
  std::string text = config_.site_name + ": " + e.mailing.subject + "\n" + std::string(60, '=') + "\n\n";

  // Articles: the lead, then each section with its items; a subscriber's followed sections first.
  std::vector<const content::Article*> order;
  for (const auto& a : e.articles) order.push_back(&a);
  if (!s.choices.follow_sections.empty() && order.size() > 1) {
    const auto& follow = s.choices.follow_sections;
    std::stable_partition(order.begin() + 1, order.end(), [&](const content::Article* a) {
      return std::find(follow.begin(), follow.end(), a->section.slug) != follow.end();
    });
  }
  std::string current_section;
  ctemplate::TemplateDictionary* section = nullptr;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const content::Article& a = *order[i];
    const std::string url = base + article_path(a);
    if (i == 0) {
      auto* lead = d.AddSectionDictionary("LEAD");
      lead->SetValue("HEADLINE", a.headline);
      lead->SetValue("STANDFIRST", a.standfirst);
      lead->SetValue("URL", url);
      lead->SetValue("SECTION", a.section.name);
      text += a.headline + "\n" + wrap(a.standfirst) + url + "\n\n";
      continue;
    }
    if (!section || a.section.name != current_section) {
      current_section = a.section.name;
      section = d.AddSectionDictionary("SECTION");
      section->SetValue("NAME", current_section);
      text += current_section + "\n" + std::string(strings::utf8_length(current_section), '-') + "\n";
    }
    auto* item = section->AddSectionDictionary("ITEM");
    item->SetValue("HEADLINE", a.headline);
    item->SetValue("STANDFIRST", a.standfirst);
    item->SetValue("URL", url);
    text += "* " + a.headline + "\n" + wrap(a.standfirst) + "  " + url + "\n\n";
  }

  if (!jobs.empty()) {
    auto* box = d.AddSectionDictionary("JOBS");
    box->SetValue("HEADING", alerts ? "New jobs matching your alert" : "Jobs");
    box->SetValue("JOBS_URL", base + "/jobs");
    text += std::string(alerts ? "New jobs matching your alert" : "Jobs") + "\n" + std::string(30, '-') + "\n";
    for (const auto* j : jobs) {
      auto* row = box->AddSectionDictionary("JOB");
      const std::string url = base + "/jobs/" + std::to_string(j->id) + "/" + j->slug;
      row->SetValue("TITLE", j->title);
      row->SetValue("DETAIL", job_line(*j));
      row->SetValue("URL", url);
      text += "* " + j->title + "\n" + wrap(job_line(*j)) + "  " + url + "\n\n";
    }
    text += "All jobs: " + base + "/jobs\n\n";
  }
  text += std::string(60, '-') + "\n" +
          wrap("You receive this because you signed up at " + base + ". Change what you receive:") + links.preferences +
          "\n" + "Unsubscribe: " + links.unsubscribe + "\n";
  r.text = std::move(text);
  r.html = theme_.render("email_bulletin.tpl", d);
  return r;
}

}  // namespace gazette::web
