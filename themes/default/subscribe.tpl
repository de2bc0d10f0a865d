{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#NOTE}}<p class="form-note">{{MESSAGE}}</p>{{/NOTE}}
<p>{{INTRO}}</p>
<form method="post" action="{{ACTION}}" class="subscribe-form">
  <input type="hidden" name="{{TOKEN_NAME}}" value="{{TOKEN}}">
{{#SIGNUP_FIELDS}}
  <div class="hp" aria-hidden="true"><label for="sub-website">Leave this empty</label><input id="sub-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
  <div class="field"><label for="sub-email">Email address</label><input id="sub-email" name="email" type="email" required maxlength="254" autocomplete="email" value="{{EMAIL}}"></div>
{{/SIGNUP_FIELDS}}
{{#SHOW_EMAIL}}  <p>Email address: <strong>{{EMAIL}}</strong></p>{{/SHOW_EMAIL}}
  <div class="field"><label for="sub-name">Name (optional)</label><input id="sub-name" type="text" name="name" maxlength="100" autocomplete="name" value="{{NAME}}"></div>
  <fieldset>
    <legend>What would you like?</legend>
    <label><input type="checkbox" name="daily" value="1"{{#DAILY}} checked{{/DAILY}}> The daily news bulletin, each morning</label><br>
    <label><input type="checkbox" name="weekly" value="1"{{#WEEKLY}} checked{{/WEEKLY}}> The weekly digest</label><br>
    <label><input type="checkbox" name="job_alerts" value="1"{{#JOB_ALERTS}} checked{{/JOB_ALERTS}}> Job alerts: new adverts that match what you choose below</label>
    <fieldset class="nested">
      <legend>Send job alerts</legend>
      <label><input type="radio" name="alert_frequency" value="daily"{{#MORNING}} checked{{/MORNING}}> each morning</label>
      <label><input type="radio" name="alert_frequency" value="instant"{{#INSTANT}} checked{{/INSTANT}}> as adverts are published (at most every 15 minutes)</label>
    </fieldset>
  </fieldset>
  <fieldset>
    <legend>Job alerts for</legend>
    <div class="choices">{{#CATEGORY}}<label><input type="checkbox" name="alert_category" value="{{SLUG}}"{{#ON}} checked{{/ON}}> {{NAME}}</label>{{/CATEGORY}}</div>
    <div class="field"><label for="sub-places">Councils or regions</label><input id="sub-places" type="text" name="alert_places" value="{{PLACES}}" maxlength="1000" aria-describedby="sub-places-hint"> <small id="sub-places-hint">Separated by commas, for example: Kent County Council, London</small></div>
    <div class="field"><label for="sub-salary">Minimum salary, pounds a year</label><input id="sub-salary" type="text" name="alert_min_salary" inputmode="numeric" value="{{MIN_SALARY}}" maxlength="9"></div>
    <div class="field"><label for="sub-keywords">Keywords</label><input id="sub-keywords" type="text" name="alert_keywords" value="{{KEYWORDS}}" maxlength="200"></div>
  </fieldset>
  <fieldset>
    <legend>Follow</legend>
    <div class="choices">{{#SECTION}}<label><input type="checkbox" name="follow_section" value="{{SLUG}}"{{#ON}} checked{{/ON}}> {{NAME}}</label>{{/SECTION}}</div>
    <div class="field"><label for="sub-councils">Councils</label><input id="sub-councils" type="text" name="follow_councils" value="{{COUNCILS}}" maxlength="1000" aria-describedby="sub-councils-hint"> <small id="sub-councils-hint">Separated by commas: their news comes first and their jobs fill your bulletin's job box</small></div>
  </fieldset>
  <button type="submit">{{BUTTON}}</button>
</form>
{{#PRIVACY}}<p><small>We send a link to confirm the address before anything else. Every email has a link to change these choices and a one-click unsubscribe; we never share the address.</small></p>{{/PRIVACY}}
{{#MANAGE}}
<h2>Your data</h2>
<p><a href="/subscribe/data?t={{PREFS_TOKEN}}">Download everything we hold about you</a> (JSON).</p>
<form method="post" action="/subscribe/unsubscribe"><input type="hidden" name="t" value="{{UNSUB_TOKEN}}"><button type="submit">Unsubscribe from everything</button></form>
<form method="post" action="/subscribe/delete"><input type="hidden" name="t" value="{{PREFS_TOKEN}}"><button type="submit" class="secondary">Delete my subscription and data</button></form>
{{/MANAGE}}
