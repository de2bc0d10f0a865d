{{%AUTOESCAPE context="HTML"}}
<h1>Sign in to the newsroom</h1>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form class="newsroom-form" action="/newsroom/login" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" value="{{EMAIL}}" autocomplete="username" required>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Sign in</button>
</form>
<p class="note">Accounts are created by the site's administrator with <code>gazette users add</code>.</p>
