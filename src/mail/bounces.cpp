#include "mail/bounces.h"

#include <gmime/gmime.h>

#include <mutex>

#include "strings/strings.h"

namespace gazette::mail {

namespace {

std::string part_text(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  GMimeStream* mem = g_mime_stream_mem_new();
  g_mime_data_wrapper_write_to_stream(content, mem);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
  std::string out(reinterpret_cast<const char*>(bytes->data), bytes->len);
  g_object_unref(mem);
  return out;
}

// "Name: value" fields of a report body, in blocks separated by blank lines (RFC 3464: the message's
// fields, then one block per recipient).
std::vector<std::vector<std::pair<std::string, std::string>>> field_blocks(const std::string& text) {
  std::vector<std::vector<std::pair<std::string, std::string>>> blocks(1);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (strings::trim(line).empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
      continue;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !blocks.back().empty()) {
      blocks.back().back().second += " " + std::string(strings::trim(line));
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    blocks.back().emplace_back(strings::lower_ascii(strings::trim(std::string_view(line).substr(0, colon))),
                               std::string(strings::trim(std::string_view(line).substr(colon + 1))));
  }
  return blocks;
}

std::string field(const std::vector<std::pair<std::string, std::string>>& block, std::string_view name) {
  for (const auto& [k, v] : block)
    if (k == name) return v;
  return {};
}

// "rfc822; someone@example.org" -> "someone@example.org"
std::string address_of(std::string value) {
  const auto semi = value.find(';');
  if (semi != std::string::npos) value = value.substr(semi + 1);
  value = std::string(strings::trim(value));
  if (!value.empty() && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
  return value;
}

struct Walk {
  BounceScan* scan;
  bool found = false;
};

void visit(GMimeObject*, GMimeObject* part, gpointer user) {
  auto* walk = static_cast<Walk*>(user);
  if (!GMIME_IS_PART(part)) return;
  GMimeContentType* type = g_mime_object_get_content_type(part);
  const char* sub = type ? g_mime_content_type_get_media_subtype(type) : nullptr;
  const char* media = type ? g_mime_content_type_get_media_type(type) : nullptr;
  if (!sub || !media || g_ascii_strcasecmp(media, "message") != 0) return;
  if (g_ascii_strcasecmp(sub, "delivery-status") == 0) {
    auto blocks = field_blocks(part_text(GMIME_PART(part)));
    for (std::size_t i = 1; i < blocks.size(); ++i) {
      const auto& b = blocks[i];
      std::string recipient = address_of(field(b, "final-recipient"));
      if (recipient.empty()) recipient = address_of(field(b, "original-recipient"));
      if (recipient.empty()) continue;
      const std::string action = strings::lower_ascii(field(b, "action"));
      const std::string status = field(b, "status");
      walk->found = true;
      if (action == "failed" && status.starts_with("5"))
        walk->scan->hard.push_back({recipient, false, status + " (" + action + ")"});
      else
        ++walk->scan->soft;
    }
  } else if (g_ascii_strcasecmp(sub, "feedback-report") == 0) {
    auto blocks = field_blocks(part_text(GMIME_PART(part)));
    for (const auto& b : blocks) {
      std::string recipient = address_of(field(b, "original-rcpt-to"));
      if (recipient.empty()) continue;
      walk->found = true;
      const std::string type_field = field(b, "feedback-type");
      walk->scan->hard.push_back({recipient, true, (type_field.empty() ? "abuse" : type_field) + " report"});
    }
  }
}

}  // namespace

BounceScan scan_bounces(std::string_view mbox) {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
  BounceScan scan;
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(mbox.data(), mbox.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
  while (!g_mime_parser_eos(parser)) {
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    if (!message) break;
    ++scan.messages;
    Walk walk{&scan};
    g_mime_message_foreach(message, visit, &walk);
    if (!walk.found) ++scan.unrecognised;
    g_object_unref(message);
  }
  g_object_unref(parser);
  g_object_unref(stream);
  return scan;
}

}  // namespace gazette::mail
