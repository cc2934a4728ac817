/* The summary's filters. Without JavaScript the form stays hidden and every comment is shown; with it,
   each select narrows the comments by one data attribute of their article, and the places and
   documents left without a visible comment are hidden too. Nothing is sent anywhere. */
(function () {
  'use strict';
  var form = document.getElementById('filter');
  if (!form) { return; }
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  var comments = Array.prototype.slice.call(document.querySelectorAll('article.comment'));
  var status = document.getElementById('filter-status');

  function matches(article) {
    return selects.every(function (select) {
      if (!select.value) { return true; }
      var values = (article.getAttribute('data-' + select.getAttribute('data-attribute')) || '').split(' ');
      return values.indexOf(select.value) !== -1;
    });
  }

  function apply() {
    var shown = 0;
    comments.forEach(function (article) {
      var visible = matches(article);
      article.hidden = !visible;
      if (visible) { shown += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.place, section.document-part'), function (section) {
      section.hidden = !section.querySelector('article.comment:not([hidden])');
    });
    status.textContent = 'Visar ' + shown + ' av ' + comments.length + ' kommentarer.';
  }

  selects.forEach(function (select) { select.addEventListener('change', apply); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
}());
