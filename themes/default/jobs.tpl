{{%AUTOESCAPE context="HTML"}}
<h1>Jobs</h1>
<div class="jobs-layout">
<aside class="job-filters" aria-labelledby="filters-heading">
  <h2 id="filters-heading" class="visually-hidden">Search and filter jobs</h2>
  <form action="/jobs" method="get" role="search" aria-label="Search jobs">
    <label for="jq">Keywords</label>
    <div class="field">
      <input id="jq" name="q" type="search" value="{{Q}}" maxlength="500">
      <button type="submit">Search</button>
    </div>
    <details class="filter-panel">
      <summary>Filters{{#HAS_APPLIED_COUNT}} ({{APPLIED_COUNT}} applied){{/HAS_APPLIED_COUNT}}</summary>
      <div class="filter-fields">
        <label for="jcategory">Category</label>
        <select id="jcategory" name="category">
          <option value="">All categories</option>
          {{#CATEGORY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY_OPTIONS}}
        </select>
        <label for="jcouncil">Council</label>
        <input id="jcouncil" name="council" type="text" value="{{COUNCIL}}" list="job-council-names" aria-describedby="jcouncil-hint" autocomplete="off">
        <span id="jcouncil-hint" class="hint">A name, such as Maidstone or Stockport MBC</span>
        <datalist id="job-council-names">{{#COUNCIL_NAME}}<option value="{{NAME}}"></option>{{/COUNCIL_NAME}}</datalist>
        <label for="jsalary">Minimum salary (£ a year)</label>
        <input id="jsalary" name="min_salary" type="number" min="0" step="1000" value="{{MIN_SALARY}}">
        <label for="jdays">Posted</label>
        <select id="jdays" name="days">
          <option value="">Any time</option>
          {{#DAYS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/DAYS_OPTIONS}}
        </select>
        <label for="jsort">Sort by</label>
        <select id="jsort" name="sort">
          {{#SORT_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SORT_OPTIONS}}
        </select>
        <button type="submit">Apply filters</button>
      </div>
      {{#FACETS}}
      <section class="facet">
        <h3>{{TITLE}}</h3>
        <ul class="plain">
          {{#VALUES}}<li><a href="{{URL}}"{{#SELECTED}} aria-current="true" class="selected"{{/SELECTED}}>{{NAME}}</a> <span class="meta">({{COUNT}})</span></li>{{/VALUES}}
        </ul>
      </section>
      {{/FACETS}}
    </details>
  </form>
</aside>
<section class="job-results" aria-labelledby="results-heading">
  <h2 id="results-heading">{{TOTAL}} {{NOUN}}</h2>
  {{#HAS_APPLIED}}
  <div class="applied-filters">
    <p>Showing jobs limited to:</p>
    <ul>
      {{#APPLIED}}<li>{{NAME}}: <strong>{{VALUE}}</strong> <a href="{{REMOVE_URL}}">Remove<span class="visually-hidden"> {{NAME}} filter</span></a></li>{{/APPLIED}}
    </ul>
    <p><a href="/jobs">Clear all filters</a></p>
  </div>
  {{/HAS_APPLIED}}
  {{#HAS_MESSAGE}}<p class="empty">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
  <ol class="job-list">
  {{#JOBS}}
    <li class="job-card{{#FEATURED}} featured{{/FEATURED}}">
      {{#FEATURED}}<p class="badge">Featured</p>{{/FEATURED}}
      <h3><a href="{{URL}}">{{TITLE}}</a></h3>
      <p class="employer"><a href="{{EMPLOYER_URL}}">{{EMPLOYER}}</a></p>
      <p class="meta">{{#HAS_SALARY}}{{SALARY}} &middot; {{/HAS_SALARY}}{{#HAS_LOCATION}}{{LOCATION}} &middot; {{/HAS_LOCATION}}{{#HAS_CATEGORY}}{{CATEGORY}} &middot; {{/HAS_CATEGORY}}Posted {{POSTED}}{{#HAS_CLOSES}} &middot; Closes {{CLOSES}}{{/HAS_CLOSES}}</p>
    </li>
  {{/JOBS}}
  </ol>
  {{#PAGINATION}}
  <nav class="pagination" aria-label="Pagination">
    {{#PREV}}<a rel="prev" href="{{URL}}">&larr; Previous</a>{{/PREV}}
    <span>Page {{PAGE}} of {{PAGES}}</span>
    {{#NEXT}}<a rel="next" href="{{URL}}">Next &rarr;</a>{{/NEXT}}
  </nav>
  {{/PAGINATION}}
  <p class="feed-link"><a href="{{RSS_URL}}">RSS feed of this search</a></p>
</section>
</div>
