{{%AUTOESCAPE context="HTML"}}
<header class="listing-header">
  <h1>Councils</h1>
  <p class="intro">Every UK council, with the articles that mention it. Councils abolished since their reorganisation are kept for the archive.</p>
</header>
{{#EMPTY}}<p class="empty">The councils register has not been loaded. Run <code>gazette migrate</code>.</p>{{/EMPTY}}
{{#NATIONS}}
<section aria-labelledby="nation-{{NATION_SLUG}}">
  <h2 id="nation-{{NATION_SLUG}}">{{NATION}}</h2>
  {{#TYPES}}
  <h3>{{TYPE}}</h3>
  <ul class="council-list">
    {{#COUNCILS}}<li><a href="{{URL}}">{{NAME}}</a>{{#HAS_ARTICLES}} <span class="meta">({{ARTICLES}})</span>{{/HAS_ARTICLES}}{{#ABOLISHED}} <span class="abolished">abolished {{END_DATE}}</span>{{/ABOLISHED}}</li>{{/COUNCILS}}
  </ul>
  {{/TYPES}}
</section>
{{/NATIONS}}
