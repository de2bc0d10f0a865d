#include "mail/smtp.h"

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace gazette::mail {

namespace {

struct Upload {
  const std::string* data = nullptr;
  std::size_t offset = 0;
  const std::function<void()>* before_end = nullptr;
  bool ended = false;
  bool aborted = false;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = up->data->size() - up->offset;
  if (left == 0 && !up->ended) {
    up->ended = true;
    if (up->before_end && *up->before_end) {
      try {
        (*up->before_end)();
      } catch (...) {
        up->aborted = true;
        return CURL_READFUNC_ABORT;
      }
    }
  }
  const std::size_t n = left < room ? left : room;
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

}  // namespace

SmtpClient::SmtpClient(SmtpSettings settings) : settings_(std::move(settings)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

SmtpClient::~SmtpClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

SmtpResult SmtpClient::send(const std::string& from, const std::string& to, const std::string& message,
                            const std::function<void()>& before_end) {
  SmtpResult result;
  auto* curl = static_cast<CURL*>(curl_);
  if (!curl) return {SmtpResult::temporary, false, 0, "libcurl could not start"};
  Upload upload{&message, 0, &before_end};
  const std::string mail_from = "<" + from + ">";
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   settings_.tls == "require" ? static_cast<long>(CURLUSESSL_ALL)
                   : settings_.tls == "none"  ? static_cast<long>(CURLUSESSL_NONE)
                                              : static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  result.code = code;
  if (rc == CURLE_OK) return result;
  result.message = upload.aborted ? "abandoned before the end of the message"
                   : error[0]     ? error
                                  : curl_easy_strerror(rc);
  if (code >= 500 && code < 600) {
    result.kind = SmtpResult::permanent;
    result.recipient_refused = std::strstr(error, "RCPT") != nullptr;
  } else {
    result.kind = SmtpResult::temporary;  // 4xx, no connection, a timeout: try again later
  }
  return result;
}

}  // namespace gazette::mail
