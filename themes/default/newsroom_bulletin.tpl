{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#FLASH}}<p class="form-note" role="status">{{MESSAGE}}</p>{{/FLASH}}
<p>
  {{#KIND}}<a href="/newsroom/bulletin?kind={{VALUE}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a> {{/KIND}}
</p>
<p>Edition of {{EDITION}}: <strong>{{STATE}}</strong>. {{WINDOW}}</p>
{{#NO_RELAY}}<p class="form-error">No relay is set (smtp_url): editions are prepared and can be previewed, but nothing is sent.</p>{{/NO_RELAY}}
<p>Subscribers: {{#COUNT}}{{STATUS}} {{N}}{{#COUNT_separator}}, {{/COUNT_separator}}{{/COUNT}}{{#NO_SUBSCRIBERS}}none yet{{/NO_SUBSCRIBERS}}.</p>
{{#EDITABLE}}
<p><a href="/newsroom/bulletin/{{ID}}/preview">Preview the email</a> (as a subscriber with no alert choices sees it)</p>
{{#HAS_ITEMS}}<ol class="bulletin-items">
{{#ITEM}}<li>{{#LEAD}}<strong>Lead:</strong> {{/LEAD}}<a href="{{URL}}">{{HEADLINE}}</a> <small>({{SECTION}})</small>
  {{#ACTION}}<form method="post" action="/newsroom/bulletin/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="article" value="{{ARTICLE}}"><button type="submit" name="action" value="{{VALUE}}">{{LABEL}}</button></form>{{/ACTION}}
</li>{{/ITEM}}
</ol>{{/HAS_ITEMS}}
{{#NO_ITEMS}}<p>Nothing has been published since the last edition{{#IS_ALERTS}} (job alerts list new adverts, chosen per subscriber){{/IS_ALERTS}}.</p>{{/NO_ITEMS}}
{{#HAS_LEFT_OUT}}<h2>Left out</h2><ul class="bulletin-items">
{{#LEFT_OUT}}<li><a href="{{URL}}">{{HEADLINE}}</a> <form method="post" action="/newsroom/bulletin/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="article" value="{{ARTICLE}}"><button type="submit" name="action" value="restore">Put back</button></form></li>{{/LEFT_OUT}}
</ul>{{/HAS_LEFT_OUT}}
<form method="post" action="/newsroom/bulletin/{{ID}}" class="form-actions">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#CAN_HOLD}}<button type="submit" name="action" value="hold" class="secondary">Hold (do not send at {{SEND_TIME}})</button>{{/CAN_HOLD}}
  {{#CAN_RELEASE}}<button type="submit" name="action" value="release" class="secondary">Release (send at {{SEND_TIME}})</button>{{/CAN_RELEASE}}
  <button type="submit" name="action" value="send">Send now</button>
</form>
{{/EDITABLE}}
<h2>Recent editions</h2>
{{#HAS_RECENT}}<table class="newsroom-table">
<thead><tr><th scope="col">Edition</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Sent</th><th scope="col">Waiting</th><th scope="col">Failed</th><th scope="col">Dropped</th></tr></thead>
<tbody>{{#RECENT}}<tr><td>{{EDITION}}</td><td>{{KIND}}</td><td>{{STATE}}</td><td>{{SENT}}</td><td>{{WAITING}}</td><td>{{FAILED}}</td><td>{{DROPPED}}</td></tr>{{/RECENT}}</tbody>
</table>{{/HAS_RECENT}}
{{#NO_RECENT}}<p>No edition has been sent yet.</p>{{/NO_RECENT}}
