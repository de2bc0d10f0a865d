{{%AUTOESCAPE context="HTML"}}
<p><a href="/newsroom/adverts">&larr; All adverts</a>{{#TOOLS}} · <a href="{{PREVIEW_URL}}" target="_blank">Preview</a>{{#VIEW}} · <a href="{{VIEW_URL}}">View on the site</a>{{/VIEW}}{{/TOOLS}}</p>
<h1>{{HEADING}}</h1>
{{#DONE}}<p class="form-saved" role="status">{{MESSAGE}}</p>{{/DONE}}
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#TOOLS}}
<p class="advert-status">Status: <strong class="status-{{STATUS}}">{{STATUS}}</strong> · {{EMPLOYER}}{{#CATEGORY_BY_EDITOR}} · category set by an editor{{/CATEGORY_BY_EDITOR}}</p>
{{#REJECTED}}<div class="form-error" role="alert"><p>An editor turned this advert down:</p><p class="rejection-reason">{{REASON}}</p><p>Change it and save to send it for approval again.</p></div>{{/REJECTED}}
{{#PENDING}}<p class="note">This advert is waiting for an editor's approval; it is not on the jobs board yet.</p>{{/PENDING}}
{{/TOOLS}}
<form class="newsroom-form advert-form" action="{{ACTION}}" method="post" novalidate>
  <input type="hidden" name="csrf" value="{{CSRF}}">
  {{#CHOOSE_ORGANISATION}}
  <label for="organisation">Organisation</label>
  <select id="organisation" name="organisation">{{#ORG_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ORG_OPTION}}</select>
  {{/CHOOSE_ORGANISATION}}
  <label for="title">Job title</label>
  <input id="title" name="title" type="text" value="{{TITLE}}" maxlength="300" aria-describedby="problems-title">
  <div class="field-problems" id="problems-title" aria-live="polite">{{#P_TITLE}}<p class="field-problem{{#ADVICE}} advice{{/ADVICE}}">{{MESSAGE}}</p>{{/P_TITLE}}</div>
  <label for="location">Location</label>
  <input id="location" name="location" type="text" value="{{LOCATION}}" maxlength="300" aria-describedby="problems-location">
  <div class="field-problems" id="problems-location" aria-live="polite">{{#P_LOCATION}}<p class="field-problem{{#ADVICE}} advice{{/ADVICE}}">{{MESSAGE}}</p>{{/P_LOCATION}}</div>
  <label for="region">Region (optional)</label>
  <input id="region" name="region" type="text" value="{{REGION}}" maxlength="300">
  <label for="salary">Salary</label>
  <input id="salary" name="salary" type="text" value="{{SALARY}}" maxlength="300" aria-describedby="problems-salary">
  <div class="field-problems" id="problems-salary" aria-live="polite">{{#P_SALARY}}<p class="field-problem{{#ADVICE}} advice{{/ADVICE}}">{{MESSAGE}}</p>{{/P_SALARY}}</div>
  <label for="contract">Contract</label>
  <select id="contract" name="contract">{{#CONTRACT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CONTRACT_OPTION}}</select>
  <div class="field-problems" id="problems-contract" aria-live="polite">{{#P_CONTRACT}}<p class="field-problem">{{MESSAGE}}</p>{{/P_CONTRACT}}</div>
  <label for="hours">Hours</label>
  <select id="hours" name="hours">{{#HOURS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/HOURS_OPTION}}</select>
  <div class="field-problems" id="problems-hours" aria-live="polite">{{#P_HOURS}}<p class="field-problem">{{MESSAGE}}</p>{{/P_HOURS}}</div>
  <label for="category">Category</label>
  <select id="category" name="category">{{#CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select>
  <div class="field-problems" id="problems-category" aria-live="polite">{{#P_CATEGORY}}<p class="field-problem">{{MESSAGE}}</p>{{/P_CATEGORY}}</div>
  <label for="closing_date">Closing date</label>
  <input id="closing_date" name="closing_date" type="date" value="{{CLOSING_DATE}}" aria-describedby="problems-closing_date">
  <div class="field-problems" id="problems-closing_date" aria-live="polite">{{#P_CLOSING_DATE}}<p class="field-problem">{{MESSAGE}}</p>{{/P_CLOSING_DATE}}</div>
  <label for="description">Description (Markdown)</label>
  <textarea id="description" name="description" rows="14" aria-describedby="problems-description">{{DESCRIPTION:pre_escape}}</textarea>
  <div class="field-problems" id="problems-description" aria-live="polite">{{#P_DESCRIPTION}}<p class="field-problem">{{MESSAGE}}</p>{{/P_DESCRIPTION}}</div>
  <fieldset>
    <legend>How to apply (one is required)</legend>
    <label for="apply_url">Application form's web address</label>
    <input id="apply_url" name="apply_url" type="url" value="{{APPLY_URL}}" maxlength="2000" aria-describedby="problems-apply_url">
    <div class="field-problems" id="problems-apply_url" aria-live="polite">{{#P_APPLY_URL}}<p class="field-problem">{{MESSAGE}}</p>{{/P_APPLY_URL}}</div>
    <label for="apply_email">or email address for applications</label>
    <input id="apply_email" name="apply_email" type="email" value="{{APPLY_EMAIL}}" maxlength="254" aria-describedby="problems-apply_email">
    <div class="field-problems" id="problems-apply_email" aria-live="polite">{{#P_APPLY_EMAIL}}<p class="field-problem">{{MESSAGE}}</p>{{/P_APPLY_EMAIL}}</div>
  </fieldset>
  <label for="employer_reference">Your reference (optional)</label>
  <input id="employer_reference" name="employer_reference" type="text" value="{{EMPLOYER_REFERENCE}}" maxlength="300">
  <div class="field-problems" id="problems-employer_reference" aria-live="polite">{{#P_EMPLOYER_REFERENCE}}<p class="field-problem">{{MESSAGE}}</p>{{/P_EMPLOYER_REFERENCE}}</div>
  <div class="form-buttons">
    <button type="submit" name="action" value="save">{{SAVE_LABEL}}</button>
    <button type="submit" name="action" value="preview" class="secondary" formtarget="_blank">Preview</button>
    <button type="submit" name="action" value="check" class="secondary">Check</button>
  </div>
</form>
{{#TOOLS}}
{{#CAN_CLOSE}}
<form class="inline-form" action="{{BASE}}/close" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Close the advert</button></form>
{{/CAN_CLOSE}}
{{#CAN_FILL}}
<form class="inline-form" action="{{BASE}}/filled" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Mark as filled</button></form>
{{/CAN_FILL}}
{{#MODERATE}}
<h2>Moderation</h2>
{{#CAN_APPROVE}}
<form class="newsroom-form" action="{{BASE}}/approve" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Approve: publish on the jobs board</button></form>
{{/CAN_APPROVE}}
{{#CAN_REJECT}}
<form class="newsroom-form" action="{{BASE}}/reject" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="reason">Reason (the recruiter reads it)</label>
  <textarea id="reason" name="reason" rows="3" maxlength="2000"></textarea>
  <button type="submit">Reject</button>
</form>
{{/CAN_REJECT}}
<form class="newsroom-form" action="{{BASE}}/category" method="post">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <label for="set_category">Category (an editor's choice stands: classifying by keywords never replaces it)</label>
  <select id="set_category" name="category">{{#SET_CATEGORY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SET_CATEGORY_OPTION}}</select>
  <button type="submit">Set the category</button>
</form>
{{/MODERATE}}
{{/TOOLS}}
<script src="/static/advert_check.js" defer></script>
