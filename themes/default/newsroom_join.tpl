{{%AUTOESCAPE context="HTML"}}
<h1>Choose a password</h1>
{{#INVITED}}<p>{{NAME}}, you are invited to the newsroom as {{ROLE}}, signing in as {{EMAIL}}.</p>{{/INVITED}}
{{#RESET}}<p>Choose a new password for {{EMAIL}}.</p>{{/RESET}}
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form class="newsroom-form" action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="password">Password (at least {{MIN}} characters)</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required minlength="{{MIN}}">
  <label for="password_again">The same password again</label>
  <input id="password_again" name="password_again" type="password" autocomplete="new-password" required>
  <button type="submit">Set password</button>
</form>
