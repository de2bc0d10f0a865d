#include "http/multipart.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace gazette::http {

namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct Unref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;

std::string decoded_content(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  Ref<GMimeStream> out(g_mime_stream_mem_new());
  if (g_mime_data_wrapper_write_to_stream(content, out.get()) < 0) return {};
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body) {
  init_gmime();
  Ref<GMimeContentType> type(g_mime_content_type_parse(nullptr, std::string(content_type).c_str()));
  if (!type || !g_mime_content_type_is_type(type.get(), "multipart", "form-data") ||
      !g_mime_content_type_get_parameter(type.get(), "boundary"))
    return std::nullopt;
  // GMime reads a MIME entity: the Content-Type header, a blank line, then the body as sent.
  std::string entity = "Content-Type: ";
  entity += content_type;
  entity += "\r\n\r\n";
  entity += body;
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(entity.data(), entity.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  Ref<GMimeObject> root(g_mime_parser_construct_part(parser.get(), nullptr));
  if (!root || !GMIME_IS_MULTIPART(root.get())) return std::nullopt;
  GMimeMultipart* multipart = GMIME_MULTIPART(root.get());
  const int count = g_mime_multipart_get_count(multipart);
  if (count <= 0) return std::nullopt;
  std::vector<FormPart> parts;
  for (int i = 0; i < count; ++i) {
    GMimeObject* object = g_mime_multipart_get_part(multipart, i);
    if (!GMIME_IS_PART(object)) continue;
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    if (!disposition) continue;
    const char* name = g_mime_content_disposition_get_parameter(disposition, "name");
    if (!name) continue;
    FormPart p;
    p.name = name;
    if (const char* filename = g_mime_content_disposition_get_parameter(disposition, "filename")) p.filename = filename;
    if (g_mime_object_get_header(object, "Content-Type")) {
      char* t = g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object));
      if (t) {
        p.content_type = t;
        g_free(t);
      }
    }
    p.data = decoded_content(GMIME_PART(object));
    parts.push_back(std::move(p));
  }
  return parts;
}

const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace gazette::http
