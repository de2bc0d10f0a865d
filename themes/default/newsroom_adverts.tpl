{{%AUTOESCAPE context="HTML"}}
<h1>Adverts</h1>
{{#DONE}}<p class="form-saved" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#NO_ORGANISATION}}<p class="form-error" role="alert">This account belongs to no organisation yet, so there is nothing to post for. Ask an editor to add you to your organisation.</p>{{/NO_ORGANISATION}}
{{#ORGANISATION}}<p>Adverts of <strong>{{NAME}}</strong>. {{#TRUSTED}}Your organisation is trusted: adverts go live on the jobs board when you save them.{{/TRUSTED}}{{#NOT_TRUSTED}}An editor checks each advert before it goes live on the jobs board.{{/NOT_TRUSTED}}</p>{{/ORGANISATION}}
{{#CAN_POST}}<p><a class="button" href="/newsroom/adverts/new">Post an advert</a></p>{{/CAN_POST}}
{{#QUEUE}}
<h2>Waiting for approval ({{COUNT}})</h2>
{{#EMPTY}}<p>No advert is waiting.</p>{{/EMPTY}}
<table class="newsroom-table moderation-queue">
  <thead><tr><th scope="col">Advert</th><th scope="col">Organisation</th><th scope="col">Closing date</th><th scope="col">Sent</th></tr></thead>
  <tbody>
  {{#ITEM}}<tr><td><a href="{{EDIT_URL}}">{{TITLE}}</a></td><td>{{EMPLOYER}}</td><td>{{CLOSING}}</td><td>{{UPDATED}}</td></tr>{{/ITEM}}
  </tbody>
</table>
{{/QUEUE}}
<h2>{{LIST_HEADING}}</h2>
{{#NONE}}<p>No adverts yet.</p>{{/NONE}}
<table class="newsroom-table advert-list">
  <thead><tr><th scope="col">Advert</th><th scope="col">Organisation</th><th scope="col">Status</th><th scope="col">Closing date</th><th scope="col">Changed</th></tr></thead>
  <tbody>
  {{#ADVERT}}<tr>
    <td><a href="{{EDIT_URL}}">{{TITLE}}</a>{{#VIEW}} · <a href="{{VIEW_URL}}">view on the site</a>{{/VIEW}}</td>
    <td>{{EMPLOYER}}</td>
    <td class="status-{{STATUS}}">{{STATUS}}{{#REJECTED}}<br><span class="note">Reason: {{REASON}}</span>{{/REJECTED}}</td>
    <td>{{CLOSING}}</td>
    <td>{{UPDATED}}</td>
  </tr>{{/ADVERT}}
  </tbody>
</table>
