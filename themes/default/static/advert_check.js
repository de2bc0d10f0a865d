// As-you-type checks for the newsroom's advert form: sends the form to /newsroom/adverts/check (the
// same checks a save runs on the server) and shows each field's problems beside it. Without this
// script the form works the same; its Check button shows the problems after a round trip.
(function () {
  'use strict';
  var form = document.querySelector('form.advert-form');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var timer = null;
  var sent = 0;
  function show(problems) {
    var boxes = form.querySelectorAll('.field-problems');
    for (var i = 0; i < boxes.length; i++) boxes[i].textContent = '';
    problems.forEach(function (p) {
      var box = document.getElementById('problems-' + p.field);
      if (!box) return;
      var line = document.createElement('p');
      line.className = 'field-problem' + (p.blocking ? '' : ' advice');
      line.textContent = p.message;  // text, never markup
      box.appendChild(line);
    });
  }
  function check() {
    var body = new URLSearchParams(new FormData(form));
    var mine = ++sent;
    fetch('/newsroom/adverts/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      credentials: 'same-origin'
    }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && mine === sent) show(data.problems || []); })
      .catch(function () { /* the server checks again on save */ });
  }
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
  form.addEventListener('change', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 100);
  });
}());
