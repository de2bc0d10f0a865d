{{%AUTOESCAPE context="HTML"}}
<p><a href="/newsroom">&larr; All articles</a>{{#LIVE}} · <a href="{{VIEW_URL}}">View on the site</a>{{/LIVE}}{{#ARTICLE_TOOLS}} · <a href="{{PREVIEW_URL}}">Preview</a> · <a href="{{REVISIONS_URL}}">Revisions</a>{{/ARTICLE_TOOLS}}</p>
<h1>{{HEADING}}</h1>
{{#SAVED}}<p class="form-saved" role="status">Saved. The site shows the new version now.</p>{{/SAVED}}
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form class="newsroom-form" action="{{ACTION}}" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="version" value="{{VERSION}}">
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
  {{#CHOOSE_STATUS}}
  <label for="published">Publication time ({{ZONE}}; blank for now)</label>
  <input id="published" name="published" type="datetime-local" value="{{PUBLISHED}}">
  <label for="status">Status</label>
  <select id="status" name="status">
    {{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
  </select>
  {{/CHOOSE_STATUS}}
  {{#WRITER_DRAFT}}
  <input type="hidden" name="status" value="draft">
  <input type="hidden" name="published" value="{{PUBLISHED}}">
  <p class="note">Writers save drafts; an editor publishes them once you submit for review.</p>
  {{/WRITER_DRAFT}}
  <!-- editing: significant update, address and search fields -->
  {{#CAN_MARK_SIGNIFICANT}}
  <label class="checkbox"><input type="checkbox" name="significant" value="1"{{#SIGNIFICANT_CHECKED}} checked{{/SIGNIFICANT_CHECKED}}> Significant update: readers see &ldquo;Updated&rdquo; with the time of this save</label>
  {{/CAN_MARK_SIGNIFICANT}}
  <details class="seo-fields">
    <summary>Address and search engines</summary>
    <label for="slug">Address (slug; blank keeps the current one)</label>
    <input id="slug" name="slug" type="text" value="{{SLUG}}" maxlength="80" pattern="[a-z0-9]+(-[a-z0-9]+)*">
    <label for="seo_title">Search title (blank: the title above)</label>
    <input id="seo_title" name="seo_title" type="text" value="{{SEO_TITLE}}" maxlength="200">
    <label for="seo_description">Search description (blank: the standfirst)</label>
    <textarea id="seo_description" name="seo_description" rows="2" maxlength="400">{{SEO_DESCRIPTION:pre_escape}}</textarea>
    <label for="canonical_url">Canonical URL (only when the story was first published elsewhere)</label>
    <input id="canonical_url" name="canonical_url" type="url" value="{{CANONICAL_URL}}">
  </details>
  <!-- end editing -->
  <div class="form-actions">
    <button type="submit">{{SAVE_LABEL}}</button>
    <button type="submit" name="action" value="preview" class="secondary" formtarget="_blank">Preview</button>
    <button type="submit" name="action" value="check" class="secondary">Check councils</button>
    {{#WRITER_DRAFT}}<button type="submit" name="action" value="submit" class="secondary">Save and submit for review</button>{{/WRITER_DRAFT}}
  </div>
</form>
{{#CONFLICT}}
<section class="conflict" aria-labelledby="conflict-heading">
  <h2 id="conflict-heading">The version saved meanwhile (version {{VERSION}}, by {{SAVED_BY}}, {{SAVED_AT}})</h2>
  <label for="their-text">Their text</label>
  <textarea id="their-text" rows="14" readonly>{{SAVED_TEXT:pre_escape}}</textarea>
  <h3>Differences: their version (&minus;) and yours (+)</h3>
  <pre class="diff">{{#DIFF}}<span class="diff-{{KIND}}">{{SIGN}} {{TEXT}}</span>
{{/DIFF}}</pre>
</section>
{{/CONFLICT}}
{{#ARTICLE_TOOLS}}
<section class="article-tools" aria-labelledby="tools-heading">
  <h2 id="tools-heading">This article</h2>
  {{#HAS_UPDATED}}<p>Readers see &ldquo;Updated {{UPDATED}}&rdquo;.</p>{{/HAS_UPDATED}}
  {{#IS_SUBMITTED}}<p class="status">Submitted for review {{SUBMITTED}}.</p>{{/IS_SUBMITTED}}
  {{#IN_BIN}}<p class="form-error">This article is in the bin.</p>
  <form action="{{BASE}}/restore" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Restore from the bin</button></form>{{/IN_BIN}}
  <div class="form-actions">
  {{#CAN_SUBMIT}}<form action="{{BASE}}/submit" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Submit for review</button></form>{{/CAN_SUBMIT}}
  {{#CAN_LEAD}}<form action="{{BASE}}/lead" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Make the home page's lead story</button></form>{{/CAN_LEAD}}
  {{#CAN_UNPUBLISH}}<form action="{{BASE}}/unpublish" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Unpublish (back to draft)</button></form>{{/CAN_UNPUBLISH}}
  {{#CAN_BIN}}<form action="{{BASE}}/bin" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="danger">Move to the bin</button></form>{{/CAN_BIN}}
  </div>
</section>
{{/ARTICLE_TOOLS}}
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
