{{%AUTOESCAPE context="HTML"}}
<header class="listing-header">
  <p class="kicker"><a href="/jobs">Jobs</a> &middot; Employer</p>
  {{#HAS_LOGO}}<div class="employer-logo">{{>LOGO}}</div>{{/HAS_LOGO}}
  <h1>{{NAME}}</h1>
  {{#HAS_COUNCIL}}<p class="role">Council: <a href="{{COUNCIL_URL}}">{{COUNCIL_NAME}}</a></p>{{/HAS_COUNCIL}}
  <p class="intro">{{TOTAL}} {{NOUN}}</p>
</header>
{{#EMPTY}}<p class="empty">This employer has no live jobs at the moment.</p>{{/EMPTY}}
<ol class="job-list">
{{#JOBS}}
  <li class="job-card">
    <h2><a href="{{URL}}">{{TITLE}}</a></h2>
    <p class="meta">{{#HAS_SALARY}}{{SALARY}} &middot; {{/HAS_SALARY}}{{#HAS_CATEGORY}}{{CATEGORY}} &middot; {{/HAS_CATEGORY}}Posted {{POSTED}}{{#HAS_CLOSES}} &middot; Closes {{CLOSES}}{{/HAS_CLOSES}}</p>
  </li>
{{/JOBS}}
</ol>
{{#PAGINATION}}
<nav class="pagination" aria-label="Pagination">
  {{#PREV}}<a rel="prev" href="{{URL}}">&larr; Newer</a>{{/PREV}}
  <span>Page {{PAGE}} of {{PAGES}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Older &rarr;</a>{{/NEXT}}
</nav>
{{/PAGINATION}}
