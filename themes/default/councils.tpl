{{%AUTOESCAPE context="HTML"}}
<header class="listing-header">
  <h1>Councils</h1>
  <p class="intro">Every UK council, with the articles that mention it, by nation and type. Councils abolished since their reorganisation are kept for the archive.</p>
</header>
<form class="council-filter" action="/councils" method="get" role="search" aria-label="Find a council">
  <div class="field">
    <label for="council-q">Name contains</label>
    <input id="council-q" name="q" type="search" value="{{Q}}" maxlength="100" autocomplete="off">
  </div>
  <div class="field">
    <label for="council-nation">Nation</label>
    <select id="council-nation" name="nation">
      <option value="">All nations</option>
      {{#NATION_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/NATION_OPTIONS}}
    </select>
  </div>
  <button type="submit">Find councils</button>
  <p id="council-live" class="filter-result" role="status"></p>
  {{#FILTERED}}<p class="filter-result">{{SHOWN}} shown. <a href="/councils">Show every council</a></p>{{/FILTERED}}
</form>
{{#EMPTY}}<p class="empty">The councils register has not been loaded. Run <code>gazette migrate</code>.</p>{{/EMPTY}}
{{#HAS_NO_MATCH}}<p class="empty">{{NO_MATCH}}</p>{{/HAS_NO_MATCH}}
<nav class="jump-links" aria-label="Council groups">
  <ul>
  {{#JUMP}}<li><a href="#nation-{{NATION_SLUG}}">{{NATION}}</a>
    <ul>{{#JUMP_TYPES}}<li><a href="#{{ANCHOR}}">{{TYPE}}</a> <span class="meta">({{COUNT}})</span></li>{{/JUMP_TYPES}}</ul>
  </li>{{/JUMP}}
  </ul>
</nav>
{{#NATIONS}}
<section class="council-nation" aria-labelledby="nation-{{NATION_SLUG}}">
  <h2 id="nation-{{NATION_SLUG}}">{{NATION}}</h2>
  {{#TYPES}}
  <h3 id="{{ANCHOR}}">{{TYPE}} <span class="meta">({{COUNT}})</span></h3>
  <ul class="council-list">
    {{#COUNCILS}}<li><a href="{{URL}}">{{NAME}}</a>{{#HAS_ARTICLES}} <span class="meta">({{ARTICLES}})</span>{{/HAS_ARTICLES}}</li>{{/COUNCILS}}
  </ul>
  {{/TYPES}}
  {{#HAS_ABOLISHED}}
  <details class="abolished-councils">
    <summary>Abolished councils in {{NATION}} ({{COUNT}})</summary>
    <ul class="council-list">
      {{#COUNCILS}}<li><a href="{{URL}}">{{NAME}}</a>{{#HAS_ARTICLES}} <span class="meta">({{ARTICLES}})</span>{{/HAS_ARTICLES}} <span class="abolished">abolished {{END_DATE}}</span></li>{{/COUNCILS}}
    </ul>
  </details>
  {{/HAS_ABOLISHED}}
</section>
{{/NATIONS}}
<script src="/static/councils.js" defer></script>
