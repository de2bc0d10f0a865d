{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}}</title>
<meta name="description" content="{{META_DESCRIPTION}}">
<link rel="canonical" href="{{CANONICAL_URL}}">
<link rel="stylesheet" href="/static/style.css">
{{#ALT_FEED}}<link rel="alternate" type="application/rss+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">{{/ALT_FEED}}
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{META_DESCRIPTION}}">
<meta property="og:url" content="{{CANONICAL_URL}}">
<meta property="og:locale" content="en_GB">
{{#OG_EXTRA}}<meta property="{{PROPERTY}}" content="{{CONTENT}}">
{{/OG_EXTRA}}
{{#HAS_JSON_LD}}<script type="application/ld+json">{{JSON_LD:none}}</script>{{/HAS_JSON_LD}}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-name" href="/">{{SITE_NAME}}</a>
    <nav aria-label="Sections">
      <ul class="nav">
        {{#NAV}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>{{/NAV}}
        <li><a href="/jobs">Jobs</a></li>
      </ul>
    </nav>
    <form class="site-search" action="/search" method="get" role="search">
      <label class="visually-hidden" for="site-q">Search</label>
      <input id="site-q" name="q" type="search" placeholder="Search articles">
      <button type="submit">Search</button>
    </form>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{BODY:none}}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>&copy; {{YEAR}} {{SITE_NAME}}. <a href="/search">Search</a> &middot; <a href="/councils">Councils</a> &middot; <a href="/feed.xml">RSS</a> &middot; <a href="/atom.xml">Atom</a> &middot; <a href="/sitemap.xml">Sitemap</a></p>
  </div>
</footer>
</body>
</html>
