// multipart/form-data bodies (RFC 7578), the encoding of forms that upload files. Parsed with GMime;
// no MIME parsing of our own. Pure function; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::http {

struct FormPart {
  std::string name;          // the form field's name
  std::string filename;      // as the browser sent it; empty for plain fields
  std::string content_type;  // the part's Content-Type ("image/png"); empty when not sent
  std::string data;          // the part's bytes, transfer encoding undone
};

// The parts of a multipart/form-data body, in order, given the request's Content-Type header (which
// carries the boundary). nullopt when the type is not multipart/form-data, has no boundary, or the body
// is not a multipart body with that boundary.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

// The first part named `name`, or nullptr.
const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace gazette::http
