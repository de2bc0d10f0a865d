{{%AUTOESCAPE context="HTML"}}
<h1>Sections, authors and tags</h1>
{{#SAVED}}<p class="form-saved" role="status">Saved. The pages show it now.</p>{{/SAVED}}
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<h2>Sections</h2>
{{#SECTION}}
<form class="newsroom-form listing-form" action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label>Description of <a href="{{URL}}">{{NAME}}</a>
    <textarea name="description" rows="2" maxlength="2000">{{DESCRIPTION:pre_escape}}</textarea></label>
  <button type="submit">Save {{NAME}}</button>
</form>
{{/SECTION}}
<h2>Authors</h2>
{{#AUTHOR}}
<form class="newsroom-form listing-form" action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p><a href="{{URL}}">{{NAME}}</a></p>
  <label>Role or organisation <input name="role" type="text" value="{{ROLE}}" maxlength="200"></label>
  <label>Biography <textarea name="bio" rows="3" maxlength="4000">{{BIO:pre_escape}}</textarea></label>
  <button type="submit">Save {{NAME}}</button>
</form>
{{/AUTHOR}}
<h2>Tags</h2>
{{#TAG}}
<form class="newsroom-form listing-form" action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label>Description of <a href="{{URL}}">{{NAME}}</a>
    <textarea name="description" rows="2" maxlength="2000">{{DESCRIPTION:pre_escape}}</textarea></label>
  <button type="submit">Save {{NAME}}</button>
</form>
{{/TAG}}
