{{%AUTOESCAPE context="HTML"}}
<h1>Bin</h1>
{{#BINNED}}<p class="form-saved" role="status">Moved to the bin. It can be restored here for 30 days.</p>{{/BINNED}}
<p class="note">Articles in the bin are drafts that readers cannot see. Each is deleted for good 30 days after it was binned.</p>
{{#EMPTY}}<p class="empty">The bin is empty.</p>{{/EMPTY}}
<table class="newsroom-table">
  <tbody>
  {{#ROW}}<tr>
    <td>{{HEADLINE}}</td>
    <td>{{SECTION}}</td>
    <td>Binned {{BINNED_AT}}</td>
    <td>{{#DUE}}Deleted at the next clear-out{{/DUE}}{{#KEPT}}Kept until {{PURGE_AT}}{{/KEPT}}</td>
    <td><form action="{{RESTORE_URL}}" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Restore</button></form></td>
  </tr>{{/ROW}}
  </tbody>
</table>
