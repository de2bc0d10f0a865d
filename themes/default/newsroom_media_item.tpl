{{%AUTOESCAPE context="HTML"}}
<p><a href="/newsroom/media">&larr; Media library</a></p>
<h1>Picture #{{ID}}: {{NAME}}</h1>
{{#UPLOADED_NOTE}}<p class="form-saved" role="status">Uploaded. Use it as an article's lead image (its number is {{ID}}) or in a body with the Markdown below.</p>{{/UPLOADED_NOTE}}
{{#EXISTING_NOTE}}<p class="form-saved" role="status">This picture was in the library already; here it is.</p>{{/EXISTING_NOTE}}
{{#REPLACED_NOTE}}<p class="form-saved" role="status">Replaced. Every article using it shows the new picture now.</p>{{/REPLACED_NOTE}}
{{#SAVED_NOTE}}<p class="form-saved" role="status">Saved.</p>{{/SAVED_NOTE}}
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<figure class="media-preview">
  <img src="{{PREVIEW_URL}}" width="{{PREVIEW_WIDTH}}" height="{{PREVIEW_HEIGHT}}" alt="{{ALT}}">
  <figcaption>{{WIDTH}} &times; {{HEIGHT}} {{FORMAT}}, {{SIZE}}, uploaded {{UPLOADED}}; resized to {{WIDTHS}} pixels wide.</figcaption>
</figure>
<p><label for="markdown">Markdown for an article's text</label>
<input id="markdown" type="text" readonly value="{{MARKDOWN}}"></p>
<section aria-labelledby="uses-heading">
  <h2 id="uses-heading">Where it is used</h2>
  {{#UNUSED}}<p class="empty">No article uses this picture.</p>{{/UNUSED}}
  <ul class="media-uses">
    {{#USE}}<li><a href="{{URL}}">{{TITLE}}</a>: {{ROLE}}{{#ARTICLE}} ({{DETAIL}}){{/ARTICLE}}{{#REMOVABLE}}
      <form class="inline-form" action="{{ACTION}}/{{KIND}}" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="slug" value="{{SLUG}}"><input type="hidden" name="remove" value="1"><button type="submit" class="secondary">Remove</button></form>{{/REMOVABLE}}</li>{{/USE}}
  </ul>
</section>
<section aria-labelledby="details-heading">
  <h2 id="details-heading">Suggested alt text and credit</h2>
  <form class="newsroom-form" action="{{ACTION}}" method="post">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="alt">Alt text</label>
    <input id="alt" name="alt" type="text" maxlength="300" value="{{ALT}}">
    <label for="credit">Credit</label>
    <input id="credit" name="credit" type="text" maxlength="500" value="{{CREDIT}}">
    <div class="form-actions"><button type="submit">Save</button></div>
  </form>
</section>
<section aria-labelledby="people-heading">
  <h2 id="people-heading">An author's photo or an employer's logo</h2>
  <form class="newsroom-form" action="{{ACTION}}/author" method="post">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="author-slug">Author's address name (as in /authors/NAME)</label>
    <input id="author-slug" name="slug" type="text">
    <div class="form-actions"><button type="submit">Use as the author's photo</button></div>
  </form>
  <form class="newsroom-form" action="{{ACTION}}/employer" method="post">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="employer-slug">Employer's address name (as in /jobs/employers/NAME)</label>
    <input id="employer-slug" name="slug" type="text">
    <div class="form-actions"><button type="submit">Use as the employer's logo</button></div>
  </form>
</section>
<section aria-labelledby="replace-heading">
  <h2 id="replace-heading">Replace everywhere</h2>
  <p class="note">Every article using this picture shows the new one at once.</p>
  <form class="newsroom-form" action="{{ACTION}}/replace" method="post" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="replace-file">New picture (at most {{MAX_MB}} MB)</label>
    <input id="replace-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required>
    <div class="form-actions"><button type="submit">Replace</button></div>
  </form>
</section>
