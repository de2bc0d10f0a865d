{{%AUTOESCAPE context="HTML"}}
<h1 class="visually-hidden">Latest news</h1>
{{#EMPTY}}<p class="empty">Nothing has been published yet. Import an archive with <code>gazette import listing FILE</code> or generate demo content with <code>gazette demo-data</code>.</p>{{/EMPTY}}
<div class="home-top">
{{#LEAD}}
<article class="lead">
  {{#HAS_PICTURE}}<a class="card-picture" href="{{URL}}" tabindex="-1" aria-hidden="true">{{>PICTURE}}</a>{{/HAS_PICTURE}}
  <p class="kicker"><a href="{{SECTION_URL}}">{{SECTION_NAME}}</a></p>
  <h2 class="lead-headline"><a href="{{URL}}">{{HEADLINE}}</a></h2>
  <p class="standfirst">{{STANDFIRST}}</p>
  <p class="meta">{{#HAS_AUTHORS}}By {{#AUTHORS}}<a href="{{URL}}">{{NAME}}</a>{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}} &middot; {{/HAS_AUTHORS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
</article>
{{/LEAD}}
<div class="home-side">
<section class="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading">Latest</h2>
  <ul class="plain">
  {{#LATEST}}<li><a href="{{URL}}">{{HEADLINE}}</a> <span class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time></span></li>{{/LATEST}}
  </ul>
</section>
{{>JOBS_BOX}}
</div>
</div>
{{#SECTIONS}}
<section class="home-section" aria-labelledby="section-{{SLUG}}">
  <h2 id="section-{{SLUG}}"><a href="{{URL}}">{{NAME}}</a></h2>
  <div class="cards">
  {{#ITEMS}}
  <article class="card">
    {{#HAS_PICTURE}}<a class="card-picture" href="{{URL}}" tabindex="-1" aria-hidden="true">{{>PICTURE}}</a>{{/HAS_PICTURE}}
    <h3><a href="{{URL}}">{{HEADLINE}}</a></h3>
    <p>{{STANDFIRST}}</p>
    <p class="meta">{{#HAS_AUTHORS}}{{#AUTHORS}}{{NAME}}{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}} &middot; {{/HAS_AUTHORS}}<time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
  </article>
  {{/ITEMS}}
  </div>
</section>
{{/SECTIONS}}
