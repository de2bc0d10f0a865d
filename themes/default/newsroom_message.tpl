{{%AUTOESCAPE context="HTML"}}
<h1>{{TITLE}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/newsroom">Back to the newsroom</a></p>
{{#KEPT}}
<label for="kept">Your text</label>
<textarea id="kept" rows="14" readonly>{{TEXT:pre_escape}}</textarea>
{{/KEPT}}
