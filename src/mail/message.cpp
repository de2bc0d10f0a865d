#include "mail/message.h"

#include <gmime/gmime.h>
// libopendkim's header is C99: its _Bool is C++'s bool (same size and ABI).
#define _Bool bool
#include <opendkim/dkim.h>
#undef _Bool

#include <cstring>
#include <mutex>
#include <stdexcept>

namespace gazette::mail {

namespace {

void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

template <typename T>
struct GUnref {
  void operator()(T* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GUnref<T>>;

GMimeTextPart* text_part(const char* subtype, const std::string& body) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  // The bytes as they are, labelled UTF-8 (g_mime_text_part_set_text would convert to the narrowest
  // charset that fits, such as ISO-8859-1).
  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(body.data(), body.size());
  GMimeDataWrapper* content = g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content(GMIME_PART(part), content);
  g_object_unref(content);
  g_object_unref(stream);
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
  // Quoted-printable keeps lines short and 7-bit, so no relay re-encodes (and breaks) a signed body.
  g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return part;
}

// A structured header written as given (GMime would encode a long URL as RFC 2047 words, which a mail
// client cannot follow). The value is ASCII: our own URLs and names.
void set_raw_header(GMimeObject* object, const char* name, const std::string& value) {
  g_mime_object_set_header(object, name, value.c_str(), nullptr);
  GMimeHeader* header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), name);
  if (header) g_mime_header_set_raw_value(header, (" " + value + "\n").c_str());
}

// Names in UTF-8 (RFC 2047 words only where they are not ASCII).
void add_mailbox(InternetAddressList* list, const Address& a) {
  InternetAddress* ia = internet_address_mailbox_new(a.name.empty() ? nullptr : a.name.c_str(), a.email.c_str());
  internet_address_set_charset(ia, "utf-8");
  internet_address_list_add(list, ia);
  g_object_unref(ia);
}

std::string to_wire(GMimeObject* object) {
  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* text = g_mime_object_to_string(object, options);
  g_mime_format_options_free(options);
  std::string out = text ? text : "";
  g_free(text);
  return out;
}

// libopendkim's library handle, shared: one per process, signing under a lock (an RSA signature takes
// about a millisecond; the relay takes far longer).
struct Dkim {
  std::mutex mutex;
  DKIM_LIB* lib = nullptr;
  Dkim() : lib(dkim_init(nullptr, nullptr)) {}
  ~Dkim() {
    if (lib) dkim_close(lib);
  }
};

Dkim& dkim_lib() {
  static Dkim d;
  return d;
}

std::string dkim_signature(const std::string& message, const DkimKey& key) {
  Dkim& d = dkim_lib();
  if (!d.lib) throw std::runtime_error("DKIM: libopendkim could not start");
  std::lock_guard lock(d.mutex);
  DKIM_STAT status = DKIM_STAT_OK;
  DKIM* dkim = dkim_sign(d.lib, reinterpret_cast<const unsigned char*>("gazette"), nullptr,
                         reinterpret_cast<dkim_sigkey_t>(const_cast<char*>(key.private_key_pem.c_str())),
                         reinterpret_cast<const unsigned char*>(key.selector.c_str()),
                         reinterpret_cast<const unsigned char*>(key.domain.c_str()), DKIM_CANON_RELAXED,
                         DKIM_CANON_RELAXED, DKIM_SIGN_RSASHA256, -1, &status);
  if (!dkim) throw std::runtime_error(std::string("DKIM: cannot sign: ") + dkim_getresultstr(status));
  std::string copy = message;
  status = dkim_chunk(dkim, reinterpret_cast<u_char*>(copy.data()), copy.size());
  if (status == DKIM_STAT_OK) status = dkim_chunk(dkim, nullptr, 0);
  if (status == DKIM_STAT_OK) status = dkim_eom(dkim, nullptr);
  std::string header;
  if (status == DKIM_STAT_OK) {
    unsigned char buf[8192];
    const std::string name = "DKIM-Signature: ";
    status = dkim_getsighdr(dkim, buf, sizeof buf, name.size());
    if (status == DKIM_STAT_OK) header = name + reinterpret_cast<const char*>(buf);
  }
  const std::string why = status == DKIM_STAT_OK ? "" : dkim_geterror(dkim) ? dkim_geterror(dkim) : "";
  dkim_free(dkim);
  if (status != DKIM_STAT_OK)
    throw std::runtime_error(std::string("DKIM: cannot sign: ") + dkim_getresultstr(status) +
                             (why.empty() ? "" : " (" + why + ")"));
  // The folded header's line ends as CRLF, whichever libopendkim used.
  std::string out;
  for (char c : header) {
    if (c == '\r') continue;
    if (c == '\n') out += '\r';
    out += c;
  }
  return out + "\r\n";
}

}  // namespace

std::string compose(const Email& email, const DkimKey& dkim) {
  ensure_gmime();
  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  add_mailbox(g_mime_message_get_from(message.get()), email.from);
  add_mailbox(g_mime_message_get_to(message.get()), email.to);
  g_mime_message_set_subject(message.get(), email.subject.c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(email.date);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.get(), email.message_id.c_str());
  GMimeObject* top = GMIME_OBJECT(message.get());
  if (!email.list_id.empty()) set_raw_header(top, "List-Id", email.list_id);
  if (!email.unsubscribe_url.empty()) {
    std::string value = "<" + email.unsubscribe_url + ">";
    if (!email.unsubscribe_mailto.empty()) value += ",\n <" + email.unsubscribe_mailto + ">";
    set_raw_header(top, "List-Unsubscribe", value);
    set_raw_header(top, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }
  GPtr<GMimeTextPart> text(text_part("plain", email.text));
  if (email.html.empty()) {
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(text.get()));
  } else {
    GPtr<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(text.get()));
    GPtr<GMimeTextPart> html(text_part("html", email.html));
    g_mime_multipart_add(alternative.get(), GMIME_OBJECT(html.get()));
    g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(alternative.get()));
  }
  std::string wire = to_wire(top);
  if (dkim.empty()) return wire;
  return dkim_signature(wire, dkim) + wire;
}

void check_dkim_key(const DkimKey& dkim) {
  if (dkim.empty()) return;
  // Said plainly here rather than by libopendkim (whose failed key load also leaks a little).
  if (dkim.private_key_pem.find("-----BEGIN") == std::string::npos ||
      dkim.private_key_pem.find("PRIVATE KEY-----") == std::string::npos)
    throw std::runtime_error("DKIM: the key file is not a PEM private key (-----BEGIN ... PRIVATE KEY-----)");
  if (dkim.domain.empty() || dkim.selector.empty())
    throw std::runtime_error("DKIM: a key needs its domain (dkim_domain) and selector (dkim_selector)");
  Email probe;
  probe.from = {"", "check@" + dkim.domain};
  probe.to = {"", "check@" + dkim.domain};
  probe.subject = "check";
  probe.text = "check";
  probe.message_id = "check@" + dkim.domain;
  compose(probe, dkim);
}

}  // namespace gazette::mail
