// /councils: narrows the register as the reader types in "Name contains" (the form works without it:
// it is a GET form the server answers). Every typed word must appear in the council's name.
(function () {
  var input = document.getElementById('council-q');
  if (!input) return;
  var status = document.getElementById('council-live');
  input.addEventListener('input', function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll('.council-nation').forEach(function (nation) {
      var inNation = 0;
      nation.querySelectorAll('ul.council-list').forEach(function (list) {
        var inList = 0;
        list.querySelectorAll('li').forEach(function (li) {
          var name = li.querySelector('a').textContent.toLowerCase();
          var fits = words.every(function (w) { return name.indexOf(w) !== -1; });
          li.hidden = !fits;
          if (fits) inList++;
        });
        list.hidden = inList === 0;
        var folded = list.closest('details');
        if (folded) folded.hidden = inList === 0;
        var heading = list.previousElementSibling;
        if (heading && heading.tagName === 'H3') heading.hidden = inList === 0;
        inNation += inList;
      });
      nation.hidden = inNation === 0;
      shown += inNation;
    });
    if (status) status.textContent = words.length ? shown + ' councils match' : '';
  });
})();
