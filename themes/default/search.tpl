{{%AUTOESCAPE context="HTML"}}
<h1>Search</h1>
<form class="search-form" action="/search" method="get" role="search" aria-label="Search articles">
  <div class="field">
    <label for="q">Search articles</label>
    <input id="q" name="q" type="search" value="{{Q}}" maxlength="500" autocomplete="off">
    <button type="submit">Search</button>
  </div>
  <details class="filters"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
    <summary>Filters</summary>
    <div class="filter-grid">
      <label for="section">Section</label>
      <select id="section" name="section">
        <option value="">All sections</option>
        {{#SECTION_OPTIONS}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SECTION_OPTIONS}}
      </select>
      <label for="author">Author</label>
      <input id="author" name="author" type="text" value="{{AUTHOR}}" placeholder="Name">
      <label for="council">Council</label>
      <input id="council" name="council" type="text" value="{{COUNCIL}}" list="council-names" placeholder="e.g. Stockport MBC">
      <datalist id="council-names">{{#COUNCIL_NAME}}<option value="{{NAME}}"></option>{{/COUNCIL_NAME}}</datalist>
      <label for="from">From</label>
      <input id="from" name="from" type="date" value="{{FROM}}">
      <label for="to">To</label>
      <input id="to" name="to" type="date" value="{{TO}}">
      <label for="sort">Sort by</label>
      <select id="sort" name="sort">
        <option value="relevance"{{#SORT_RELEVANCE}} selected{{/SORT_RELEVANCE}}>Relevance</option>
        <option value="date"{{#SORT_DATE}} selected{{/SORT_DATE}}>Newest first</option>
      </select>
    </div>
  </details>
</form>
{{#HAS_APPLIED}}
<div class="applied-filters">
  <p>Results limited to:</p>
  <ul>
    {{#APPLIED}}<li>{{NAME}}: <strong>{{VALUE}}</strong> <a href="{{REMOVE_URL}}">Remove<span class="visually-hidden"> {{NAME}} filter</span></a></li>{{/APPLIED}}
  </ul>
  <p><a href="{{CLEAR_URL}}">Clear all filters</a></p>
</div>
{{/HAS_APPLIED}}
{{#HAS_RESULTS}}<p class="result-count">{{TOTAL}} {{NOUN}} found</p>{{/HAS_RESULTS}}
{{#HAS_MESSAGE}}<p class="empty">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
<ol class="article-list search-results">
{{#ITEMS}}
  <li>
    <article class="card">
      <h2><a href="{{URL}}">{{HEADLINE_HTML:none}}</a></h2>
      <p class="snippet">{{SNIPPET_HTML:none}}</p>
      <p class="meta"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a> &middot; {{#HAS_AUTHORS}}{{#AUTHORS}}<a href="{{URL}}">{{NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}} &middot; {{/HAS_AUTHORS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
    </article>
  </li>
{{/ITEMS}}
</ol>
{{#PAGINATION}}
<nav class="pagination" aria-label="Pagination">
  {{#PREV}}<a rel="prev" href="{{URL}}">&larr; Previous</a>{{/PREV}}
  <span>Page {{PAGE}} of {{PAGES}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Next &rarr;</a>{{/NEXT}}
</nav>
{{/PAGINATION}}
