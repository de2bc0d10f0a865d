{{%AUTOESCAPE context="HTML"}}
<header class="listing-header">
  {{#HAS_PHOTO}}<div class="author-photo">{{>PHOTO}}</div>{{/HAS_PHOTO}}
  <p class="kicker">{{KIND}}</p>
  <h1>{{HEADING}}</h1>
  {{#HAS_ROLE}}<p class="role">{{ROLE}}</p>{{/HAS_ROLE}}
  {{#HAS_INTRO}}<p class="intro">{{INTRO}}</p>{{/HAS_INTRO}}
  {{#HAS_FEED}}<p class="feed-link"><a href="{{FEED_URL}}">RSS feed</a></p>{{/HAS_FEED}}
</header>
<div class="listing-layout">
<div class="listing-main">
{{#EMPTY}}<p class="empty">There are no articles here yet.</p>{{/EMPTY}}
<ol class="article-list">
{{#ITEMS}}
  <li>
    <article class="card">
      {{#HAS_PICTURE}}<a class="card-picture" href="{{URL}}" tabindex="-1" aria-hidden="true">{{>PICTURE}}</a>{{/HAS_PICTURE}}
      <h2><a href="{{URL}}">{{HEADLINE}}</a></h2>
      <p>{{STANDFIRST}}</p>
      <p class="meta"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a> &middot; {{#HAS_AUTHORS}}{{#AUTHORS}}<a href="{{URL}}">{{NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}} &middot; {{/HAS_AUTHORS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
    </article>
  </li>
{{/ITEMS}}
</ol>
</div>
{{>JOBS_BOX}}
{{#PAGINATION}}
<nav class="pagination" aria-label="Pagination">
  {{#PREV}}<a rel="prev" href="{{URL}}">&larr; Newer</a>{{/PREV}}
  <span>Page {{PAGE}} of {{PAGES}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Older &rarr;</a>{{/NEXT}}
</nav>
{{/PAGINATION}}
</div>
