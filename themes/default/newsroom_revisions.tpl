{{%AUTOESCAPE context="HTML"}}
<p><a href="{{EDIT_URL}}">&larr; Back to the editor</a></p>
<h1>Revisions of &ldquo;{{HEADLINE}}&rdquo;</h1>
{{#NONE}}<p class="empty">No revision is kept yet: the text is as first imported. Each save from now on keeps one.</p>{{/NONE}}
<table class="newsroom-table">
  <thead><tr><th scope="col">Version</th><th scope="col">Saved</th><th scope="col">By</th><th scope="col">Headline</th><th scope="col">Status</th></tr></thead>
  <tbody>
  {{#REVISION}}<tr>
    <td><a href="{{URL}}">Version {{VERSION}}</a>{{#CURRENT}} (current){{/CURRENT}}</td>
    <td><time datetime="{{SAVED_AT_ISO}}">{{SAVED_AT}}</time></td>
    <td>{{SAVED_BY}}</td>
    <td>{{HEADLINE}}</td>
    <td>{{STATUS}}</td>
  </tr>{{/REVISION}}
  </tbody>
</table>
