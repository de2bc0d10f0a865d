{{%AUTOESCAPE context="HTML"}}
<p><a href="{{REVISIONS_URL}}">&larr; All revisions</a> · <a href="{{EDIT_URL}}">Editor</a></p>
<h1>Version {{VERSION}} of &ldquo;{{HEADLINE}}&rdquo;</h1>
<p>Saved by {{SAVED_BY}}, {{SAVED_AT}}.</p>
{{#CAN_RESTORE}}
<form action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{CURRENT_VERSION}}">
  <button type="submit">Restore this version</button>
  <span class="note">Saves its text as a new version; the status and publication time stay as they are.</span>
</form>
{{/CAN_RESTORE}}
<h2>Changes {{#HAS_WITH}}since version {{WITH}}{{/HAS_WITH}}</h2>
<pre class="diff">{{#DIFF}}<span class="diff-{{KIND}}">{{SIGN}} {{TEXT}}</span>
{{/DIFF}}</pre>
<h2>Text of this version</h2>
<textarea rows="16" readonly aria-label="Text of this version">{{TEXT:pre_escape}}</textarea>
