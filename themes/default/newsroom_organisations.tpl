{{%AUTOESCAPE context="HTML"}}
<h1>Organisations</h1>
<p>Recruiters belong to one organisation and post its adverts. Adverts of a trusted organisation go live at once; others wait for an editor in the <a href="/newsroom/adverts">moderation queue</a>.</p>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#DONE}}<p class="form-saved" role="status">Saved.</p>{{/DONE}}
<table class="newsroom-table organisations">
  <thead><tr><th scope="col">Organisation</th><th scope="col">Recruiters</th><th scope="col">Trust</th></tr></thead>
  <tbody>
  {{#ORG}}<tr>
    <td><a href="/jobs/employers/{{SLUG}}">{{NAME}}</a></td>
    <td>{{RECRUITERS}}</td>
    <td>{{#TRUSTED}}Trusted <form class="inline-form" action="/newsroom/organisations/{{ID}}/trust" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="trusted" value="0"><button type="submit">Stop trusting</button></form>{{/TRUSTED}}{{#NOT_TRUSTED}}Moderated <form class="inline-form" action="/newsroom/organisations/{{ID}}/trust" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="trusted" value="1"><button type="submit" aria-label="Trust {{NAME}}">Trust</button></form>{{/NOT_TRUSTED}}</td>
  </tr>{{/ORG}}
  </tbody>
</table>
<h2>Add an organisation</h2>
<form class="newsroom-form" action="/newsroom/organisations" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="oname">Name (as the jobs board shows the employer)</label>
  <input id="oname" name="name" type="text" maxlength="200" required>
  <button type="submit">Add the organisation</button>
</form>
<h2>Recruiters</h2>
{{#NO_RECRUITERS}}<p>No recruiter accounts yet. Owners invite them from the People page.</p>{{/NO_RECRUITERS}}
<table class="newsroom-table recruiters">
  <thead><tr><th scope="col">Recruiter</th><th scope="col">Organisation</th></tr></thead>
  <tbody>
  {{#RECRUITER}}<tr>
    <td>{{NAME}} ({{EMAIL}})</td>
    <td><form class="inline-form" action="/newsroom/organisations/assign" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="user" value="{{USER_ID}}">
      <select name="organisation" aria-label="Organisation of {{NAME}}"><option value="0">None</option>{{#OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTION}}</select>
      <button type="submit">Set</button></form></td>
  </tr>{{/RECRUITER}}
  </tbody>
</table>
