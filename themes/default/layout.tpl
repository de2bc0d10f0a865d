{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}}</title>
<meta name="description" content="{{META_DESCRIPTION}}">
<link rel="canonical" href="{{CANONICAL_URL}}">
{{#NOINDEX}}<meta name="robots" content="noindex">{{/NOINDEX}}
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
{{#ALT_FEED}}<link rel="alternate" type="application/rss+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">{{/ALT_FEED}}
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{META_DESCRIPTION}}">
<meta property="og:url" content="{{CANONICAL_URL}}">
<meta property="og:locale" content="en_GB">
{{#IMAGE}}<meta property="og:image" content="{{URL}}">
<meta property="og:image:width" content="{{WIDTH}}">
<meta property="og:image:height" content="{{HEIGHT}}">
<meta property="og:image:alt" content="{{ALT}}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="{{URL}}">
<meta name="twitter:image:alt" content="{{ALT}}">
{{/IMAGE}}
{{#NO_IMAGE}}<meta name="twitter:card" content="summary">{{/NO_IMAGE}}
<meta name="twitter:title" content="{{OG_TITLE}}">
<meta name="twitter:description" content="{{META_DESCRIPTION}}">
{{#OG_EXTRA}}<meta property="{{PROPERTY}}" content="{{CONTENT}}">
{{/OG_EXTRA}}
{{#HAS_JSON_LD}}<script type="application/ld+json">{{JSON_LD:none}}</script>{{/HAS_JSON_LD}}
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-name" href="/">{{SITE_NAME}}</a>
    <details class="site-menu">
      <summary><span class="menu-icon" aria-hidden="true"></span>Menu</summary>
      <div class="site-menu-body">
        <nav aria-label="Sections">
          <ul class="nav">
            {{#NAV}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>{{/NAV}}
            <li><a href="/jobs">Jobs</a></li>
          </ul>
        </nav>
        <form class="site-search" action="/search" method="get" role="search" aria-label="Site search">
          <label class="visually-hidden" for="site-q">Search</label>
          <input id="site-q" name="q" type="search" placeholder="Search articles">
          <button type="submit">Search</button>
        </form>
      </div>
    </details>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{BODY:none}}
</main>
{{#SIGNUP}}<aside class="signup" aria-labelledby="signup-title">
  <div class="wrap">
    <h2 id="signup-title">Sign up for the free daily news bulletin</h2>
    <form action="/subscribe" method="post" class="signup-form">
      <input type="hidden" name="ft" value="{{FORM_TOKEN}}">
      <input type="hidden" name="from_box" value="1">
      <div class="hp" aria-hidden="true"><label for="signup-website">Leave this empty</label><input id="signup-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
      <label for="signup-email">Email address</label>
      <input id="signup-email" name="email" type="email" required autocomplete="email" maxlength="254">
      <label class="check"><input type="checkbox" name="daily" value="1" checked> Daily bulletin</label>
      <label class="check"><input type="checkbox" name="job_alerts" value="1"> Job alerts</label>
      <button type="submit">Sign up</button>
    </form>
    <p class="signup-more"><a href="/subscribe">More choices</a>: the weekly digest, job alerts by category, place and salary, councils and sections to follow.</p>
  </div>
</aside>{{/SIGNUP}}
<footer class="site-footer">
  <div class="wrap">
    <p>&copy; {{YEAR}} {{SITE_NAME}}. <a href="/search">Search</a> &middot; <a href="/councils">Councils</a> &middot; <a href="/feed.xml">RSS</a> &middot; <a href="/atom.xml">Atom</a> &middot; <a href="/sitemap.xml">Sitemap</a></p>
  </div>
</footer>
</body>
</html>
