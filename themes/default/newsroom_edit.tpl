{{%AUTOESCAPE context="HTML"}}
<p><a href="/newsroom">&larr; All articles</a>{{#LIVE}} · <a href="{{VIEW_URL}}">View on the site</a>{{/LIVE}}</p>
<h1>{{HEADING}}</h1>
{{#SAVED}}<p class="form-saved" role="status">Saved. The site shows the new version now.</p>{{/SAVED}}
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form class="newsroom-form" action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="headline">Headline</label>
  <input id="headline" name="headline" type="text" value="{{HEADLINE}}" maxlength="300" required>
  <label for="standfirst">Standfirst</label>
  <textarea id="standfirst" name="standfirst" rows="3">{{STANDFIRST:pre_escape}}</textarea>
  <label for="body">Body (Markdown)</label>
  <textarea id="body" name="body" rows="18">{{BODY_MARKDOWN:pre_escape}}</textarea>
  <fieldset class="lead-image-fields">
    <legend>Lead image</legend>
    {{#LEAD_PREVIEW}}<p><a href="{{URL}}"><img src="{{THUMB_URL}}" width="{{THUMB_WIDTH}}" height="{{THUMB_HEIGHT}}" alt=""> {{NAME}}</a></p>{{/LEAD_PREVIEW}}
    <label for="lead_media">Picture number from the <a href="/newsroom/media">media library</a> (blank for none)</label>
    <input id="lead_media" name="lead_media" type="text" inputmode="numeric" value="{{LEAD_MEDIA}}">
    <ul id="recent-media" class="recent-media" aria-label="Newest pictures">
      {{#RECENT_MEDIA}}<li><img src="{{THUMB_URL}}" width="{{THUMB_WIDTH}}" height="{{THUMB_HEIGHT}}" alt="" loading="lazy"> <span class="media-id">{{ID}}</span>: {{NAME}}</li>{{/RECENT_MEDIA}}
    </ul>
    <label for="lead_alt">Alt text (required with a picture)</label>
    <input id="lead_alt" name="lead_alt" type="text" maxlength="300" value="{{LEAD_ALT}}">
    <label for="lead_caption">Caption</label>
    <input id="lead_caption" name="lead_caption" type="text" maxlength="500" value="{{LEAD_CAPTION}}">
    <label for="lead_credit">Credit</label>
    <input id="lead_credit" name="lead_credit" type="text" maxlength="500" value="{{LEAD_CREDIT}}">
    <p class="note">Pictures in the text: <code>![alt text](media:NUMBER)</code> in the body.</p>
  </fieldset>
  <label for="byline">Byline (names separated by commas)</label>
  <input id="byline" name="byline" type="text" value="{{BYLINE}}">
  <label for="tags">Tags (separated by commas)</label>
  <input id="tags" name="tags" type="text" value="{{TAGS}}">
  <label for="section">Section</label>
  <select id="section" name="section">
    {{#SECTION_OPTION}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/SECTION_OPTION}}
  </select>
  <label for="published">Publication time (UTC; blank for now)</label>
  <input id="published" name="published" type="datetime-local" value="{{PUBLISHED}}">
  <label for="status">Status</label>
  <select id="status" name="status">
    {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
  </select>
  <div class="form-actions">
    <button type="submit">{{SAVE_LABEL}}</button>
    <button type="submit" name="action" value="check" class="secondary">Check councils</button>
  </div>
</form>
{{#CHECKED}}
<section class="checked-councils" aria-labelledby="checked-heading" role="status">
  <h2 id="checked-heading">Councils in this text (not saved yet)</h2>
  {{#NONE_FOUND}}<p class="empty">No council is named. Bare place names ("in Essex") are not counted.</p>{{/NONE_FOUND}}
  <ul class="council-list">
    {{#FOUND}}<li>{{NAME}} <span class="gss">{{GSS}}</span>, from &ldquo;{{MATCHED}}&rdquo;</li>{{/FOUND}}
  </ul>
</section>
{{/CHECKED}}
{{#COUNCILS}}
<section class="article-councils" aria-labelledby="councils-heading">
  <h2 id="councils-heading">Councils this article is tagged with</h2>
  <p class="note">Found in the text each time it is saved.</p>
  {{#NO_COUNCILS}}<p class="empty">No council is mentioned.</p>{{/NO_COUNCILS}}
  <ul class="council-list">
    {{#COUNCIL}}<li><a href="{{URL}}">{{NAME}}</a> <span class="gss">{{GSS}}</span></li>{{/COUNCIL}}
  </ul>
</section>
{{/COUNCILS}}
