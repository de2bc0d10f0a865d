{{%AUTOESCAPE context="HTML"}}
<h1>Articles</h1>
{{#CAN_CREATE}}<p><a class="button" href="/newsroom/articles/new">New article</a></p>{{/CAN_CREATE}}
<form class="newsroom-search" action="/newsroom" method="get" role="search">
  <label for="nq">Headline contains</label>
  <input id="nq" name="q" type="search" value="{{Q}}" maxlength="200">
  <label for="nstatus">Status</label>
  <select id="nstatus" name="status"><option value="">Any</option>{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
  <label for="nsection">Section</label>
  <select id="nsection" name="section"><option value="">Any</option>{{#SECTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SECTION_OPTION}}</select>
  <label for="nauthor">Author</label>
  <select id="nauthor" name="author"><option value="">Any</option>{{#AUTHOR_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/AUTHOR_OPTION}}</select>
  <label for="nfrom">Published from</label>
  <input id="nfrom" name="from" type="date" value="{{FROM}}">
  <label for="nto">to</label>
  <input id="nto" name="to" type="date" value="{{TO}}">
  <button type="submit">Find</button>
</form>
<p class="count">{{TOTAL}} articles{{#OWN_ONLY}} of yours{{/OWN_ONLY}}{{#FILTERED}} matching the filters (<a href="/newsroom">show all</a>){{/FILTERED}}, newest first, drafts included; times in {{ZONE}}.</p>
{{#NO_MATCH}}<p class="empty">No article matches. Try fewer filters, or <a href="/newsroom">show all articles</a>.</p>{{/NO_MATCH}}
{{#EMPTY}}<p class="empty">There are no articles yet. Write one with New article, or import an archive with <code>gazette import</code>.</p>{{/EMPTY}}
{{#HAS_ROWS}}
<table class="newsroom-table">
  <thead><tr><th scope="col">Headline</th><th scope="col">Section</th><th scope="col">Byline</th><th scope="col">Status</th><th scope="col">Published</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  {{#ROW}}<tr>
    <td>{{#CAN_EDIT}}<a href="{{EDIT_URL}}">{{HEADLINE}}</a>{{/CAN_EDIT}}</td>
    <td>{{SECTION}}</td>
    <td>{{BYLINE}}</td>
    <td><span class="status status-{{STATUS}}">{{STATUS}}</span>{{#IN_REVIEW}} <span class="status status-review">in review</span>{{/IN_REVIEW}}</td>
    <td><time datetime="{{DATE_ISO}}">{{DATE}}</time></td>
    <td>{{#LIVE}}<a href="{{VIEW_URL}}">View</a>{{/LIVE}}</td>
  </tr>{{/ROW}}
  </tbody>
</table>
{{/HAS_ROWS}}
{{#PAGINATION}}
<nav class="pagination" aria-label="Pages">
  {{#PREV}}<a rel="prev" href="{{URL}}">Newer</a>{{/PREV}}
  <span>Page {{PAGE}} of {{PAGES}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Older</a>{{/NEXT}}
</nav>
{{/PAGINATION}}
