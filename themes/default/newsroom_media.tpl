{{%AUTOESCAPE context="HTML"}}
<h1>Media library</h1>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<section class="media-upload" aria-labelledby="upload-heading">
  <h2 id="upload-heading">Upload a picture</h2>
  <form class="newsroom-form" action="/newsroom/media" method="post" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="file">Picture (JPEG, PNG, WebP or GIF; at most {{MAX_MB}} MB)</label>
    <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif" required>
    <label for="alt">Alt text (what the picture shows, for readers who cannot see it)</label>
    <input id="alt" name="alt" type="text" maxlength="300">
    <label for="credit">Credit</label>
    <input id="credit" name="credit" type="text" maxlength="500">
    <div class="form-actions"><button type="submit">Upload</button></div>
  </form>
</section>
<form class="newsroom-search" action="/newsroom/media" method="get" role="search">
  <label for="q">Name or alt text contains</label>
  <input id="q" name="q" type="search" value="{{Q}}">
  <button type="submit">Find</button>
</form>
<p class="count">{{TOTAL}} pictures{{#FILTERED}} matching &ldquo;{{Q}}&rdquo; (<a href="/newsroom/media">show all</a>){{/FILTERED}}.</p>
{{#EMPTY}}<p class="empty">No pictures yet: upload one above.</p>{{/EMPTY}}
{{#NO_MATCH}}<p class="empty">No picture's name or alt text contains that.</p>{{/NO_MATCH}}
<ul class="media-grid">
  {{#ITEM}}<li class="media-item">
    <a href="{{URL}}"><img src="{{THUMB_URL}}" width="{{THUMB_WIDTH}}" height="{{THUMB_HEIGHT}}" alt="{{ALT}}" loading="lazy"></a>
    <p><a href="{{URL}}">{{NAME}}</a> <span class="media-id">#{{ID}}</span></p>
    <p class="note">{{WIDTH}} &times; {{HEIGHT}}, {{SIZE}}, {{USES}}</p>
  </li>{{/ITEM}}
</ul>
{{#PAGINATION}}
<nav class="pagination" aria-label="Pages">
  {{#PREV}}<a rel="prev" href="{{URL}}">&larr; Newer</a>{{/PREV}}
  <span>Page {{PAGE}} of {{PAGES}}</span>
  {{#NEXT}}<a rel="next" href="{{URL}}">Older &rarr;</a>{{/NEXT}}
</nav>
{{/PAGINATION}}
