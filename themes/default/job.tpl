{{%AUTOESCAPE context="HTML"}}
<article class="article job">
  <header>
    <p class="kicker"><a href="/jobs">Jobs</a>{{#HAS_CATEGORY}} &middot; {{CATEGORY}}{{/HAS_CATEGORY}}</p>
    <h1>{{TITLE}}</h1>
    <p class="standfirst"><a href="{{EMPLOYER_URL}}">{{EMPLOYER}}</a></p>
    {{#HAS_LOGO}}<div class="employer-logo">{{>LOGO}}</div>{{/HAS_LOGO}}
  </header>
  {{#CLOSED}}<p class="closed" role="status"><strong>This vacancy has closed.</strong> It is no longer accepting applications.</p>{{/CLOSED}}
  <dl class="job-facts">
    {{#HAS_SALARY}}<dt>Salary</dt><dd>{{SALARY}}{{#HAS_ANNUAL}} <span class="meta">({{ANNUAL}} a year)</span>{{/HAS_ANNUAL}}</dd>{{/HAS_SALARY}}
    {{#HAS_LOCATION}}<dt>Location</dt><dd>{{LOCATION}}</dd>{{/HAS_LOCATION}}
    <dt>Contract</dt><dd>{{CONTRACT}}</dd>
    <dt>Hours</dt><dd>{{HOURS}}</dd>
    <dt>Posted</dt><dd>{{POSTED}}</dd>
    {{#HAS_CLOSES}}<dt>Closing date</dt><dd>{{CLOSES}}</dd>{{/HAS_CLOSES}}
    <dt>Reference</dt><dd>{{REFERENCE}}</dd>
    {{#HAS_EMPLOYER_REF}}<dt>Employer’s reference</dt><dd>{{EMPLOYER_REF}}</dd>{{/HAS_EMPLOYER_REF}}
    {{#HAS_COUNCIL}}<dt>Council</dt><dd><a href="{{COUNCIL_URL}}">{{COUNCIL_NAME}}</a></dd>{{/HAS_COUNCIL}}
  </dl>
  <div class="body">{{DESCRIPTION_HTML:none}}</div>
  {{#HAS_APPLY_URL}}<p class="apply"><a class="button apply-button" href="{{APPLY_URL}}" rel="noopener">Apply</a></p>{{/HAS_APPLY_URL}}
  {{#HAS_APPLY_EMAIL}}<p class="apply"><a class="button apply-button" href="mailto:{{APPLY_EMAIL}}">Apply</a> by email to {{APPLY_EMAIL}}</p>{{/HAS_APPLY_EMAIL}}
</article>
