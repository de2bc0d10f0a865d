{{%AUTOESCAPE context="HTML"}}
<h1>Audit log</h1>
<p class="count">{{TOTAL}} changes, newest first.</p>
{{#EMPTY}}<p class="empty">Nothing has been changed in the newsroom yet.</p>{{/EMPTY}}
<table class="newsroom-table audit">
  <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Of</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
  <tbody>
  {{#ENTRY}}<tr><td>{{AT}}</td><td>{{WHO}}</td><td>{{ACTION}}</td><td>{{SUBJECT}}</td><td><code>{{BEFORE}}</code></td><td><code>{{AFTER}}</code></td></tr>{{/ENTRY}}
  </tbody>
</table>
{{#PAGINATION}}
<nav class="pagination" aria-label="Pages">
  {{#PREV}}<a rel="prev" href="{{URL}}">Newer</a>{{/PREV}}
  <span>Page {{PAGE}} of {{PAGES}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Older</a>{{/NEXT}}
</nav>
{{/PAGINATION}}
