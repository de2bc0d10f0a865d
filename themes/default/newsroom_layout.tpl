{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{PAGE_TITLE}} · Newsroom · {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body class="newsroom">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-name" href="/newsroom">{{SITE_NAME}} newsroom</a>
    {{#SIGNED_IN}}
    <nav aria-label="Newsroom">
      <ul class="nav">
        {{#NAV_ARTICLES}}<li><a href="/newsroom">Articles</a></li>{{/NAV_ARTICLES}}
        {{#NAV_BULLETIN}}<li><a href="/newsroom/bulletin">Bulletin</a></li>{{/NAV_BULLETIN}}
        {{#NAV_LISTINGS}}<li><a href="/newsroom/listings">Sections and authors</a></li>{{/NAV_LISTINGS}}
        {{#NAV_BIN}}<li><a href="/newsroom/bin">Bin</a></li>{{/NAV_BIN}}
        {{#NAV_PEOPLE}}<li><a href="/newsroom/people">People</a></li>{{/NAV_PEOPLE}}
        {{#NAV_AUDIT}}<li><a href="/newsroom/audit">Audit log</a></li>{{/NAV_AUDIT}}
        {{#NAV_MEDIA}}<li><a href="/newsroom/media">Media</a></li>{{/NAV_MEDIA}}
        {{#NAV_ADVERTS}}<li><a href="/newsroom/adverts">Adverts</a></li>{{/NAV_ADVERTS}}
        {{#NAV_ORGANISATIONS}}<li><a href="/newsroom/organisations">Organisations</a></li>{{/NAV_ORGANISATIONS}}
        <li><a href="/">View site</a></li>
      </ul>
    </nav>
    <form class="sign-out" action="/newsroom/logout" method="post">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <span class="who">{{USER_NAME}} ({{USER_ROLE}})</span>
      <button type="submit">Sign out</button>
    </form>
    {{/SIGNED_IN}}
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{BODY:none}}
</main>
</body>
</html>
