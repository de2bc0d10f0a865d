{{%AUTOESCAPE context="HTML"}}
<section class="not-found">
  <h1>Page not found</h1>
  <p>There is no page at <code>{{PATH}}</code>. It may have moved, or the address may be mistyped.</p>
  <p><a href="/">Go to the home page</a> to see the latest news.</p>
</section>
