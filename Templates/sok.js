/* avtal: the site's offline search (sok.html). The index is the version's sokindex.js, which sets
   window.avtalSokindex; nothing is fetched from anywhere else. Corpus text only ever reaches the page
   through textContent and createElement, never as HTML. */
(function () {
  'use strict';

  var LIMIT = 50;
  var data = window.avtalSokindex;
  var form = document.getElementById('sok-formular');
  var input = document.getElementById('sok-fraga');
  var status = document.getElementById('sok-status');
  var list = document.getElementById('sok-traffar');
  if (!form || !input || !status || !list) { return; }
  if (!data || !data.clauses) {
    status.textContent = 'Sökregistret kunde inte läsas in. Sök på sidan Hela texten med webbläsarens sökfunktion i stället.';
    return;
  }
  form.hidden = false;

  /* Lower case, accents removed: "Vårdgivare", "vardgivare" and "VÅRDGIVARE" are the same word. */
  function fold(text) {
    var value = text.toLowerCase();
    return value.normalize ? value.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : value;
  }

  /* The words of a text, each with where it stands in the text and its folded form. */
  function words(text) {
    var out = [];
    var pattern = /[\p{L}\p{N}]+/gu;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      out.push({ start: match.index, end: match.index + match[0].length, folded: fold(match[0]) });
    }
    return out;
  }

  function folded(text) { return words(text).map(function (word) { return word.folded; }); }

  /* A query word finds every word it begins: "vardag" finds "vardagar". */
  function hits(word, query) {
    for (var i = 0; i < query.length; i++) {
      if (word.indexOf(query[i]) === 0) { return true; }
    }
    return false;
  }

  /* How well `query` (folded words) matches a list of folded words: 0 when a query word is missing. */
  function score(query, fields) {
    var total = 0;
    for (var q = 0; q < query.length; q++) {
      var best = 0;
      fields.forEach(function (field) {
        field.words.forEach(function (word) {
          if (word === query[q]) { best = Math.max(best, field.weight * 2); }
          else if (word.indexOf(query[q]) === 0) { best = Math.max(best, field.weight); }
        });
      });
      if (best === 0) { return 0; }
      total += best;
    }
    return total;
  }

  var prepared = null;
  function prepare() {
    if (prepared) { return prepared; }
    prepared = {
      clauses: data.clauses.map(function (clause, order) {
        return { item: clause, order: order, heading: folded(clause.heading), text: folded(clause.text),
          id: fold(clause.id).split('-') };
      }),
      terms: (data.terms || []).map(function (term, order) {
        return { item: term, order: order,
          names: folded([term.term, term.abbreviation].concat(term.forms || []).join(' ')) };
      })
    };
    return prepared;
  }

  var NUMBER = /^(?:punkt(?:en)?\s+|p\.\s*)?(\d+(?:\.\d+)*)\.?$/i;

  function search(raw) {
    var query = raw.trim();
    var index = prepare();
    var number = NUMBER.exec(query);
    if (number) {
      return { words: [], results: index.clauses.filter(function (entry) {
        return entry.item.number === number[1];
      }).map(function (entry) { return { kind: 'clause', item: entry.item }; }) };
    }
    var wanted = folded(query);
    if (!wanted.length) { return { words: [], results: [] }; }
    var id = query.toLowerCase();
    var found = [];
    index.terms.forEach(function (entry) {
      var value = score(wanted, [{ words: entry.names, weight: 10 }]);
      if (value) { found.push({ kind: 'term', item: entry.item, score: value + 1000, order: entry.order }); }
    });
    index.clauses.forEach(function (entry) {
      var exactID = entry.item.id === id || entry.item.document + '#' + entry.item.id === id;
      var value = score(wanted, [{ words: entry.heading, weight: 4 }, { words: entry.id, weight: 3 },
        { words: entry.text, weight: 1 }]);
      if (exactID) { value += 500; }
      if (value) { found.push({ kind: 'clause', item: entry.item, score: value, order: entry.order + 100000 }); }
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return { words: wanted, results: found };
  }

  /* `text` from `from` to `to` into `parent`, each word a query word begins in a <mark>. */
  function appendMarked(parent, text, query, from, to) {
    var position = from;
    words(text).forEach(function (word) {
      if (word.start < from || word.end > to || !query.length || !hits(word.folded, query)) { return; }
      parent.appendChild(document.createTextNode(text.slice(position, word.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(word.start, word.end);
      parent.appendChild(mark);
      position = word.end;
    });
    parent.appendChild(document.createTextNode(text.slice(position, to)));
  }

  /* Some 200 characters of `text` around its first hit, cut between words; a definition is read
     from its beginning. */
  function snippet(text, query, fromStart) {
    var all = words(text);
    var first = null;
    for (var i = 0; i < all.length && query.length; i++) {
      if (hits(all[i].folded, query)) { first = all[i]; break; }
    }
    var from = 0;
    if (first && first.start > 70 && !fromStart) {
      from = first.start - 70;
      var space = text.indexOf(' ', from);
      from = space >= 0 && space < first.start ? space + 1 : first.start;
    }
    var to = Math.min(text.length, from + 200);
    if (to < text.length) {
      var cut = text.lastIndexOf(' ', to);
      if (cut > from && (!first || fromStart || cut >= first.end)) { to = cut; }
    }
    var node = document.createElement('p');
    node.className = 'search-snippet';
    if (from > 0) { node.appendChild(document.createTextNode('… ')); }
    appendMarked(node, text, query, from, to);
    if (to < text.length) { node.appendChild(document.createTextNode(' …')); }
    return node;
  }

  function resultItem(result, query) {
    var item = result.item;
    var li = document.createElement('li');
    var link = document.createElement('a');
    var where = document.createElement('p');
    where.className = 'search-where';
    link.href = item.href;
    if (result.kind === 'term') {
      appendMarked(link, item.term, query, 0, item.term.length);
      if (item.abbreviation) {
        var abbreviation = ' (' + item.abbreviation + ')';
        appendMarked(link, abbreviation, query, 0, abbreviation.length);
      }
      where.textContent = 'Begrepp';
      li.appendChild(link);
      li.appendChild(where);
      li.appendChild(snippet(item.definition, query, true));
      return li;
    }
    if (item.number) {
      var number = document.createElement('span');
      number.className = 'number';
      number.textContent = item.number;
      link.appendChild(number);
      link.appendChild(document.createTextNode(' '));
    }
    appendMarked(link, item.heading, query, 0, item.heading.length);
    where.textContent = item.documentTitle + (item.number ? ', punkt ' + item.number : '');
    li.appendChild(link);
    li.appendChild(where);
    if (item.text) { li.appendChild(snippet(item.text, query)); }
    return li;
  }

  function show(raw) {
    var outcome = search(raw);
    var results = outcome.results;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results.slice(0, LIMIT).forEach(function (result) { list.appendChild(resultItem(result, outcome.words)); });
    list.hidden = results.length === 0;
    var count = results.length === 1 ? '1 träff' : results.length + ' träffar';
    var message = raw.trim() ? (results.length ? count : 'Inga träffar') + ' för ”' + raw.trim() + '”.' : 'Skriv ett sökord.';
    if (results.length > LIMIT) { message += ' De ' + LIMIT + ' bästa visas.'; }
    // Emptied first, so that the same message after a second search is announced again.
    status.textContent = '';
    window.setTimeout(function () {
      status.textContent = message;
      document.documentElement.setAttribute('data-sok-klar', String(results.length));
    }, 50);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input.value);
    try {
      window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim()));
    } catch (error) { /* a page opened from disk may refuse; the results are shown all the same */ }
  });

  var initial = /(?:^|[?&])q=([^&]*)/.exec(window.location.search);
  if (initial) {
    try { input.value = decodeURIComponent(initial[1].replace(/\+/g, ' ')); } catch (error) { input.value = ''; }
    if (input.value.trim()) { show(input.value); }
  }
}());
