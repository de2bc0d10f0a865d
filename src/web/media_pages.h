// Pictures on the web: the public variant files at /media/<hash>-<width>.<jpg|webp> (immutable, a year
// in caches), and the newsroom's media library at /newsroom/media (upload, find by name or alt text,
// see where a picture is used, replace it everywhere, edit its suggested alt text and credit, make it
// an author's photo or an employer's logo). The
// rules are media::'s (media/media.h); this module parses forms and renders.
#pragma once

#include <ctemplate/template.h>

#include "media/media.h"
#include "web/page_context.h"

namespace gazette::accounts {
struct Session;
}

namespace gazette::web {

// The media settings of `cfg`: media_dir, or DATABASE.media beside an SQLite file ("media" when there
// is no file), and the upload limits.
media::Settings media_settings(const config::Config& cfg);

// The article editor's lead image fields (lead_media, lead_alt, lead_caption, lead_credit), for the
// newsroom: read from a posted form, from a stored article, and shown in the editor (LEAD_* values, a
// LEAD_PREVIEW section with the picture when the number is one the library has, and RECENT_MEDIA: the
// six newest pictures with their numbers).
media::LeadImageForm lead_image_form(const http::Fields& form);
media::LeadImageForm lead_image_form(const media::Image& stored);
void fill_lead_image_fields(ctemplate::TemplateDictionary* d, const media::LeadImageForm& lead, store::Connection& db);

class MediaPages : public PageModule {
 public:
  explicit MediaPages(PageContext& ctx);
  void add_routes(http::Router& router) override;

 private:
  http::Response file(const http::Request& req, const http::Params& p);
  http::Response library(const http::Request& req, int status, const std::string& error,
                         const accounts::Session* session = nullptr);
  http::Response upload(const http::Request& req);
  http::Response item(const http::Request& req, const http::Params& p, int status, const std::string& error);
  http::Response replace(const http::Request& req, const http::Params& p);
  http::Response details(const http::Request& req, const http::Params& p);
  // Makes the picture an author's photo (`author`) or an employer's logo, or removes it (remove=1).
  http::Response assign(const http::Request& req, const http::Params& p, bool author);

  http::Response layout(const std::string& title, const std::string& body_html, const accounts::Session& session,
                        int status);
  http::Response notice(int status, const std::string& title, const std::string& message,
                        const accounts::Session* session);

  media::Settings settings_;
};

}  // namespace gazette::web
