{{%AUTOESCAPE context="HTML"}}
<h1>People</h1>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#HAS_LINK}}
<div class="form-saved" role="status">
  <p>Send this one-time link to the person (it works once, for 7 days):</p>
  <p><input type="text" readonly value="{{LINK}}" aria-label="One-time link"></p>
</div>
{{/HAS_LINK}}
<table class="newsroom-table">
  <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Account</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>
  {{#PERSON}}<tr>
    <td>{{NAME}}{{#YOU}} (you){{/YOU}}</td>
    <td>{{EMAIL}}{{#RECRUITER}}<br><span class="note">Recruiter for {{ORGANISATION}} (<a href="/newsroom/organisations">change</a>)</span>{{/RECRUITER}}</td>
    <td><form action="{{BASE}}/role" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><select name="role" aria-label="Role of {{NAME}}">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ROLE_OPTION}}</select> <button type="submit">Change role</button></form></td>
    <td>{{#DISABLED}}Disabled <form action="{{BASE}}/enable" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Enable</button></form>{{/DISABLED}}{{#ENABLED}}Enabled <form action="{{BASE}}/disable" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Disable</button></form>{{/ENABLED}}</td>
    <td><form action="{{BASE}}/reset" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Reset password</button></form>
        <form action="{{BASE}}/signout" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Sign out everywhere</button></form></td>
  </tr>{{/PERSON}}
  </tbody>
</table>
<h2>Invite someone</h2>
<form class="newsroom-form" action="/newsroom/people/invite" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="iname">Name</label>
  <input id="iname" name="name" type="text" maxlength="200" required>
  <label for="iemail">Email</label>
  <input id="iemail" name="email" type="email" maxlength="254" required>
  <label for="irole">Role</label>
  <select id="irole" name="role">{{#INVITE_ROLE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/INVITE_ROLE}}</select>
  <label for="iorganisation">Organisation (for a recruiter; add one on the <a href="/newsroom/organisations">Organisations</a> page)</label>
  <select id="iorganisation" name="organisation"><option value="0">None</option>{{#INVITE_ORGANISATION}}<option value="{{ID}}">{{NAME}}</option>{{/INVITE_ORGANISATION}}</select>
  <button type="submit">Make an invitation link</button>
</form>
