{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <header>
    <p class="kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
    <h1>{{HEADLINE}}</h1>
    <p class="standfirst">{{STANDFIRST}}</p>
    <p class="meta">{{#HAS_AUTHORS}}By {{#AUTHORS}}<a rel="author" href="{{URL}}">{{NAME}}</a>{{#AUTHORS_separator}} and {{/AUTHORS_separator}}{{/AUTHORS}} &middot; {{/HAS_AUTHORS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time>{{#HAS_UPDATED}} &middot; <span class="updated">Updated <time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></span>{{/HAS_UPDATED}}{{#HAS_BODY}} &middot; {{READING_MINUTES}} min read{{/HAS_BODY}}</p>
  </header>
  {{#HAS_PICTURE}}<figure class="lead-image">{{>LEAD_PICTURE}}{{#HAS_CAPTION}}<figcaption>{{CAPTION}}{{#HAS_CREDIT}} <span class="credit">{{CREDIT}}</span>{{/HAS_CREDIT}}</figcaption>{{/HAS_CAPTION}}</figure>{{/HAS_PICTURE}}
  {{#HAS_BODY}}<div class="body">{{BODY_HTML:none}}</div>{{/HAS_BODY}}
  {{#HAS_SOURCE}}<p class="source">First published at <a href="{{SOURCE_URL}}">{{SOURCE_URL}}</a></p>{{/HAS_SOURCE}}
  {{#HAS_COUNCILS}}
  <section class="councils" aria-labelledby="councils-heading">
    <h2 id="councils-heading">Councils in this story</h2>
    <ul class="tag-list">{{#COUNCILS}}<li><a href="{{URL}}">{{NAME}}</a></li>{{/COUNCILS}}</ul>
  </section>
  {{/HAS_COUNCILS}}
  {{#HAS_TAGS}}
  <section class="tags" aria-labelledby="tags-heading">
    <h2 id="tags-heading">Topics</h2>
    <ul class="tag-list">{{#TAGS}}<li><a href="{{URL}}" rel="tag">{{NAME}}</a></li>{{/TAGS}}</ul>
  </section>
  {{/HAS_TAGS}}
</article>
{{#HAS_RELATED}}
<aside class="related" aria-labelledby="related-heading">
  <h2 id="related-heading">You may have missed</h2>
  <ul class="plain">
  {{#RELATED}}<li><h3><a href="{{URL}}">{{HEADLINE}}</a></h3><p>{{STANDFIRST}}</p></li>{{/RELATED}}
  </ul>
</aside>
{{/HAS_RELATED}}
{{>JOBS_BOX}}
