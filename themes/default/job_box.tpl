{{%AUTOESCAPE context="HTML"}}<aside class="job-box" aria-labelledby="job-box-heading">
  <h2 id="job-box-heading">{{HEADING}}</h2>
  <ul class="plain">
  {{#BOX_JOBS}}<li><a href="{{URL}}">{{TITLE}}</a>{{#FEATURED}} <span class="badge">Featured</span>{{/FEATURED}}<span class="meta">{{EMPLOYER}}{{#HAS_SALARY}} &middot; {{SALARY}}{{/HAS_SALARY}}</span></li>{{/BOX_JOBS}}
  </ul>
  <p><a href="{{MORE_URL}}">{{MORE_TEXT}}</a></p>
</aside>
