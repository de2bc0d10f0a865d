{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p>{{MESSAGE}}</p>
{{#BUTTON}}<form method="post" action="{{ACTION}}"><input type="hidden" name="t" value="{{TOKEN}}"><button type="submit">{{LABEL}}</button></form>{{/BUTTON}}
{{#LINK}}<p><a href="{{URL}}">{{TEXT}}</a></p>{{/LINK}}
