(function () {
  'use strict';

  var FORMAT = 'avtal-remissvar/1';
  var DRAFT_FORMAT = 'avtal-remissvar-utkast/1';
  var OTHER = '_annan';
  var EMAIL = /^[^@\s]+@[^@\s]+$/;

  function byId(id) { return document.getElementById(id); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function text(node) { return node.textContent.replace(/\s+/g, ' ').trim(); }
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  var form = byId('svar');
  var version = form.getAttribute('data-version');
  var storageKey = form.getAttribute('data-storage-key');
  var answerEmail = form.getAttribute('data-answer-email');
  /* The deadline as an instant; after it the form says so, and saving still works. */
  var deadline = Date.parse(form.getAttribute('data-deadline') || '');
  if (!isNaN(deadline) && Date.now() > deadline) { byId('sista-dag-passerad').hidden = false; }

  var orgSelect = byId('organisation');
  var otherField = byId('annan-falt');
  var otherName = byId('annan-namn');
  var contactName = byId('kontakt-namn');
  var contactEmail = byId('kontakt-epost');
  var contactPhone = byId('kontakt-telefon');
  var clauseSelect = byId('punkt');
  var clauseText = byId('punkt-kommentar');
  var addButton = byId('lagg-till');
  var commentList = byId('kommentarlista');
  var noComments = byId('inga-kommentarer');
  var commentsHeading = byId('kommentarer-rubrik');
  var summary = byId('felsammanfattning');
  var summaryList = byId('fellista');
  var fileInput = byId('las-in');
  var clearButton = byId('tom');
  var confirmBox = byId('tom-bekrafta');

  var draftStatus = byId('utkast-status');
  var clauseStatus = byId('punkt-status');
  var saveStatus = byId('spara-status');
  var loadStatus = byId('las-in-status');
  var clearStatus = byId('tom-status');

  /* Everything the script knows about the remiss comes from the page itself. */
  var members = {};
  each(orgSelect.querySelectorAll('optgroup option'), function (option) {
    if (option.value && option.value !== OTHER) { members[option.value] = text(option); }
  });

  var clauses = {};
  each(clauseSelect.querySelectorAll('optgroup option'), function (option, index) {
    clauses[option.value] = { label: text(option), document: option.parentNode.label, order: index };
  });

  var items = [];
  var itemIndex = {};
  each(form.querySelectorAll('section[data-doc]'), function (section) {
    var doc = section.getAttribute('data-doc');
    itemIndex[doc] = { document: null, chapters: {} };
    each(section.querySelectorAll('.grade-item'), function (element) {
      var chapter = element.getAttribute('data-chapter');
      var item = {
        doc: doc,
        chapter: chapter,
        element: element,
        fieldset: element.querySelector('fieldset'),
        radios: element.querySelectorAll('input[type="radio"]'),
        comment: element.querySelector('textarea'),
        worksWell: element.querySelector('textarea.works-well'),
        clear: element.querySelector('.clear-grade'),
        label: text(element.querySelector('legend'))
      };
      items.push(item);
      if (chapter) { itemIndex[doc].chapters[chapter] = item; } else { itemIndex[doc].document = item; }
    });
  });

  var gradeValues = {};
  if (items.length) { each(items[0].radios, function (radio) { gradeValues[radio.value] = true; }); }

  var comments = {};

  /* Live messages: emptied first, so that the same message is announced again. */
  function say(region, message, kind) {
    region.textContent = '';
    region.classList.remove('is-error', 'is-ok');
    if (!message) { return; }
    window.setTimeout(function () {
      region.textContent = message;
      if (kind) { region.classList.add(kind === 'error' ? 'is-error' : 'is-ok'); }
    }, 30);
  }

  /* ---- the draft in localStorage ---- */
  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(storageKey + '/prov', '1');
    storage.removeItem(storageKey + '/prov');
  } catch (error) {
    storage = null;
  }

  function gradeOf(item) {
    var value = '';
    each(item.radios, function (radio) { if (radio.checked) { value = radio.value; } });
    return value;
  }

  function setGrade(item, value) {
    each(item.radios, function (radio) { radio.checked = value !== '' && radio.value === value; });
    updateClearButton(item);
  }

  function updateClearButton(item) {
    item.clear.hidden = gradeOf(item) === '';
  }

  function collect() {
    var grades = {};
    items.forEach(function (item) {
      var grade = gradeOf(item);
      var comment = item.comment.value;
      var good = item.worksWell ? item.worksWell.value : '';
      if (!grade && !comment && !good) { return; }
      var entry = {};
      if (grade) { entry.grade = grade; }
      if (comment) { entry.comment = comment; }
      if (good) { entry['works-well'] = good; }
      var doc = grades[item.doc] || (grades[item.doc] = {});
      if (item.chapter) {
        (doc.chapters || (doc.chapters = {}))[item.chapter] = entry;
      } else {
        doc.document = entry;
      }
    });
    var copy = {};
    Object.keys(comments).forEach(function (key) { copy[key] = comments[key]; });
    return {
      format: DRAFT_FORMAT,
      version: version,
      organisation: { choice: orgSelect.value, otherName: otherName.value },
      contact: { name: contactName.value, email: contactEmail.value, phone: contactPhone.value },
      grades: grades,
      comments: copy,
      composer: { clause: clauseSelect.value, text: clauseText.value },
      saved: new Date().toISOString()
    };
  }

  function isEmpty(state) {
    return !state.organisation.choice && !state.organisation.otherName && !state.contact.name &&
      !state.contact.email && !state.contact.phone && Object.keys(state.grades).length === 0 &&
      Object.keys(state.comments).length === 0 && !state.composer.clause && !state.composer.text;
  }

  function saveDraft() {
    if (!storage) { return; }
    var state = collect();
    try {
      if (isEmpty(state)) {
        storage.removeItem(storageKey);
      } else {
        storage.setItem(storageKey, JSON.stringify(state));
      }
    } catch (error) {
      say(draftStatus, 'Utkastet kunde inte sparas i webbläsaren. Spara svaret som fil för att inte förlora det du har skrivit.', 'error');
    }
  }

  function str(value) { return typeof value === 'string' ? value : ''; }

  /* Empties every control (not the stored draft). */
  function resetControls() {
    form.reset();
    items.forEach(function (item) {
      setGrade(item, '');
      item.comment.value = '';
      if (item.worksWell) { item.worksWell.value = ''; }
    });
    comments = {};
    renderComments();
    updateOther();
    clearErrors();
    summary.hidden = true;
    fileInput.value = '';
  }

  /* Shows a state ({organisation:{choice, otherName}, contact, grades, comments, composer}).
     Returns how many entries did not belong to this remiss and were left out. */
  function apply(state) {
    var skipped = 0;
    resetControls();
    var organisation = state.organisation || {};
    var choice = str(organisation.choice);
    if (choice && (own(members, choice) || choice === OTHER)) {
      orgSelect.value = choice;
    } else if (choice) {
      skipped += 1;
    }
    otherName.value = str(organisation.otherName);
    updateOther();
    var contact = state.contact || {};
    contactName.value = str(contact.name);
    contactEmail.value = str(contact.email);
    contactPhone.value = str(contact.phone);

    var grades = state.grades && typeof state.grades === 'object' ? state.grades : {};
    Object.keys(grades).forEach(function (doc) {
      var entry = grades[doc] || {};
      if (!own(itemIndex, doc)) { skipped += 1; return; }
      if (entry.document) { skipped += applyGrade(itemIndex[doc].document, entry.document); }
      var chapters = entry.chapters && typeof entry.chapters === 'object' ? entry.chapters : {};
      Object.keys(chapters).forEach(function (chapter) {
        if (!own(itemIndex[doc].chapters, chapter)) { skipped += 1; return; }
        skipped += applyGrade(itemIndex[doc].chapters[chapter], chapters[chapter]);
      });
    });

    var given = state.comments && typeof state.comments === 'object' ? state.comments : {};
    Object.keys(given).forEach(function (key) {
      if (own(clauses, key) && typeof given[key] === 'string' && given[key]) {
        comments[key] = given[key];
      } else {
        skipped += 1;
      }
    });
    renderComments();

    var composer = state.composer || {};
    if (own(clauses, str(composer.clause))) { clauseSelect.value = composer.clause; }
    clauseText.value = str(composer.text);
    return skipped;
  }

  function applyGrade(item, entry) {
    if (!entry || typeof entry !== 'object') { return 1; }
    var skipped = 0;
    var grade = entry.grade === undefined || entry.grade === null ? '' : String(entry.grade);
    if (grade && !own(gradeValues, grade)) { grade = ''; skipped = 1; }
    setGrade(item, grade);
    item.comment.value = str(entry.comment);
    if (item.worksWell) { item.worksWell.value = str(entry['works-well']); }
    return skipped;
  }

  /* ---- the organisation ---- */
  function updateOther() {
    var other = orgSelect.value === OTHER;
    otherField.hidden = !other;
    if (other) { otherName.setAttribute('required', ''); } else { otherName.removeAttribute('required'); }
  }

  /* ---- comments on single clauses ---- */
  function sortedKeys() {
    return Object.keys(comments).sort(function (a, b) { return clauses[a].order - clauses[b].order; });
  }

  function clauseName(key) {
    return clauses[key].label + ' (' + clauses[key].document + ')';
  }

  function renderComments() {
    commentList.textContent = '';
    var keys = sortedKeys();
    keys.forEach(function (key) {
      var li = document.createElement('li');
      li.setAttribute('data-key', key);
      var heading = document.createElement('p');
      heading.className = 'comment-clause';
      heading.appendChild(document.createTextNode(clauses[key].label + ' '));
      var docName = document.createElement('span');
      docName.className = 'comment-document';
      docName.textContent = '(' + clauses[key].document + ')';
      heading.appendChild(docName);
      var body = document.createElement('p');
      body.className = 'comment-text';
      body.textContent = comments[key];
      var actions = document.createElement('div');
      actions.className = 'comment-actions';
      actions.appendChild(commentButton('Ändra', 'edit', key, 'secondary small'));
      actions.appendChild(commentButton('Ta bort', 'remove', key, 'secondary small'));
      li.appendChild(heading);
      li.appendChild(body);
      li.appendChild(actions);
      commentList.appendChild(li);
    });
    commentList.hidden = keys.length === 0;
    noComments.hidden = keys.length > 0;
  }

  function commentButton(label, action, key, className) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.setAttribute('data-action', action);
    button.setAttribute('data-key', key);
    button.appendChild(document.createTextNode(label));
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ' kommentaren till ' + clauseName(key);
    button.appendChild(hidden);
    return button;
  }

  function setInvalid(field, message, region) {
    if (message) { field.setAttribute('aria-invalid', 'true'); } else { field.removeAttribute('aria-invalid'); }
    say(region, message, message ? 'error' : null);
  }

  addButton.addEventListener('click', function () {
    var key = clauseSelect.value;
    var value = clauseText.value.trim();
    clauseSelect.removeAttribute('aria-invalid');
    clauseText.removeAttribute('aria-invalid');
    if (!key) {
      setInvalid(clauseSelect, 'Välj vilken punkt kommentaren gäller.', clauseStatus);
      clauseSelect.focus();
      return;
    }
    if (!value) {
      setInvalid(clauseText, 'Skriv en kommentar till punkten först.', clauseStatus);
      clauseText.focus();
      return;
    }
    var replaced = own(comments, key);
    comments[key] = value;
    clauseSelect.value = '';
    clauseText.value = '';
    renderComments();
    saveDraft();
    say(clauseStatus, (replaced ? 'Kommentaren till ' + clauseName(key) + ' är ändrad.'
      : 'Kommentaren till ' + clauseName(key) + ' är tillagd.'), 'ok');
  });

  clauseSelect.addEventListener('change', function () {
    var key = clauseSelect.value;
    clauseSelect.removeAttribute('aria-invalid');
    if (key && own(comments, key) && !clauseText.value.trim()) {
      clauseText.value = comments[key];
      say(clauseStatus, 'Punkten har redan en kommentar. Ändra den och tryck på Lägg till kommentar.', 'ok');
    }
  });

  commentList.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-action]') : null;
    if (!button) { return; }
    var key = button.getAttribute('data-key');
    if (!own(comments, key)) { return; }
    if (button.getAttribute('data-action') === 'edit') {
      clauseSelect.value = key;
      clauseText.value = comments[key];
      saveDraft();
      clauseText.focus();
      say(clauseStatus, 'Ändra kommentaren till ' + clauseName(key) + ' och tryck på Lägg till kommentar.', 'ok');
    } else {
      var keys = sortedKeys();
      var next = keys[keys.indexOf(key) + 1] || keys[keys.indexOf(key) - 1];
      delete comments[key];
      renderComments();
      saveDraft();
      var target = next && commentList.querySelector('li[data-key="' + next.replace(/["\\]/g, '') + '"] button[data-action="remove"]');
      (target || commentsHeading).focus();
      say(clauseStatus, 'Kommentaren till ' + clauseName(key) + ' är borttagen.', 'ok');
    }
  });

  /* ---- validation ---- */
  var shownErrors = [];

  function clearErrors() {
    shownErrors.forEach(function (shown) {
      shown.target.removeAttribute('aria-invalid');
      if (shown.described) {
        shown.target.setAttribute('aria-describedby', shown.described);
      } else {
        shown.target.removeAttribute('aria-describedby');
      }
      if (shown.node.parentNode) { shown.node.parentNode.removeChild(shown.node); }
    });
    shownErrors = [];
    summaryList.textContent = '';
  }

  function validate() {
    var errors = [];
    if (!orgSelect.value) {
      errors.push({ field: orgSelect, message: 'Välj din organisation i listan, eller Annan organisation.' });
    } else if (orgSelect.value === OTHER && !otherName.value.trim()) {
      errors.push({ field: otherName, message: 'Skriv namnet på din organisation.' });
    }
    if (!contactName.value.trim()) {
      errors.push({ field: contactName, message: 'Skriv kontaktpersonens namn.' });
    }
    var email = contactEmail.value.trim();
    if (!email) {
      errors.push({ field: contactEmail, message: 'Skriv kontaktpersonens e-postadress.' });
    } else if (!EMAIL.test(email) || email.length < 3) {
      errors.push({ field: contactEmail, message: 'Skriv e-postadressen som namn@exempel.se.' });
    }
    items.forEach(function (item) {
      var written = item.comment.value.trim() || (item.worksWell && item.worksWell.value.trim());
      if (written && !gradeOf(item)) {
        errors.push({
          field: item.radios[0], target: item.fieldset, before: item.fieldset.querySelector('.scale'),
          message: 'Välj ett alternativ för ' + item.label + ' (till exempel Ingen synpunkt), eller ta bort kommentaren.'
        });
      }
    });
    var pending = clauseText.value.trim();
    if (pending && !(clauseSelect.value && comments[clauseSelect.value] === pending)) {
      errors.push({
        field: clauseText,
        message: 'Kommentaren till en punkt är inte tillagd. Tryck på Lägg till kommentar, eller töm fältet Kommentar till punkten.'
      });
    }
    return errors;
  }

  function showErrors(errors) {
    clearErrors();
    errors.forEach(function (error, index) {
      var target = error.target || error.field;
      var node = document.createElement('p');
      node.className = 'field-error';
      node.id = 'fel-' + (index + 1);
      node.textContent = error.message;
      var before = error.before || error.field;
      before.parentNode.insertBefore(node, before);
      var described = target.getAttribute('aria-describedby');
      target.setAttribute('aria-describedby', described ? node.id + ' ' + described : node.id);
      if (target === error.field) { target.setAttribute('aria-invalid', 'true'); }
      shownErrors.push({ target: target, node: node, described: described });
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + error.field.id;
      link.textContent = error.message;
      link.addEventListener('click', function (event) {
        event.preventDefault();
        error.field.focus();
        if (error.field.scrollIntoView) { error.field.scrollIntoView({ block: 'center' }); }
      });
      li.appendChild(link);
      summaryList.appendChild(li);
    });
    summary.hidden = false;
    summary.focus();
  }

  /* ---- saving ---- */
  function buildAnswer() {
    var organisation = orgSelect.value === OTHER
      ? { id: null, name: otherName.value.trim() }
      : { id: orgSelect.value, name: members[orgSelect.value] };
    var contact = { name: contactName.value.trim(), email: contactEmail.value.trim() };
    if (contactPhone.value.trim()) { contact.phone = contactPhone.value.trim(); }
    var grades = {};
    items.forEach(function (item) {
      var value = gradeOf(item);
      if (!value) { return; }
      var entry = { grade: /^[0-9]+$/.test(value) ? Number(value) : value };
      var comment = item.comment.value.trim();
      if (comment) { entry.comment = comment; }
      var good = item.worksWell ? item.worksWell.value.trim() : '';
      if (good) { entry['works-well'] = good; }
      var doc = grades[item.doc] || (grades[item.doc] = {});
      if (item.chapter) {
        (doc.chapters || (doc.chapters = {}))[item.chapter] = entry;
      } else {
        doc.document = entry;
      }
    });
    var saved = {};
    sortedKeys().forEach(function (key) {
      var value = comments[key].trim();
      if (value) { saved[key] = value; }
    });
    return {
      format: FORMAT,
      version: version,
      organisation: organisation,
      contact: contact,
      grades: grades,
      comments: saved,
      exported: new Date().toISOString().replace(/\.[0-9]+Z$/, 'Z')
    };
  }

  function slug(name) {
    var value = name.toLowerCase();
    if (value.normalize) { value = value.normalize('NFD').replace(/[\u0300-\u036f]/g, ''); }
    value = value.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return value || 'organisation';
  }

  function pad(number) { return (number < 10 ? '0' : '') + number; }

  function fileName(organisation, date) {
    return 'remissvar-' + slug(organisation) + '-' + date.getFullYear() + '-' + pad(date.getMonth() + 1) +
      '-' + pad(date.getDate()) + '.json';
  }

  function download(name, content) {
    var blob = new Blob([content], { type: 'application/json' });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    say(saveStatus, '');
    var errors = validate();
    if (errors.length) {
      showErrors(errors);
      return;
    }
    clearErrors();
    summary.hidden = true;
    var answer = buildAnswer();
    var name = fileName(answer.organisation.name, new Date());
    download(name, JSON.stringify(answer, null, 2) + '\n');
    say(saveStatus, 'Svaret är sparat i filen ' + name + ' (se mappen för hämtade filer). Skicka filen till ' +
      answerEmail + '.', 'ok');
  });

  /* ---- changes are saved as a draft at once ---- */
  function onChange(event) {
    var target = event.target;
    if (target === orgSelect) { updateOther(); }
    if (target.type === 'radio') {
      items.forEach(function (item) { if (item.element.contains(target)) { updateClearButton(item); } });
    }
    saveDraft();
  }
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);

  items.forEach(function (item) {
    item.clear.addEventListener('click', function () {
      setGrade(item, '');
      saveDraft();
      item.radios[0].focus();
    });
  });

  /* ---- loading a saved answer ---- */
  function fromAnswer(data) {
    var organisation = data.organisation && typeof data.organisation === 'object' ? data.organisation : {};
    var state = { organisation: { choice: '', otherName: '' }, contact: data.contact, grades: data.grades,
      comments: data.comments, composer: {} };
    if (typeof organisation.id === 'string' && own(members, organisation.id)) {
      state.organisation.choice = organisation.id;
    } else if (str(organisation.name)) {
      state.organisation.choice = OTHER;
      state.organisation.otherName = organisation.name;
    }
    return state;
  }

  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    say(loadStatus, '');
    var reader = new FileReader();
    reader.onerror = function () {
      say(loadStatus, 'Filen ' + file.name + ' kunde inte läsas. Ingenting har lästs in.', 'error');
      fileInput.value = '';
    };
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(String(reader.result));
      } catch (error) {
        data = undefined;
      }
      if (!data || typeof data !== 'object' || data.format !== FORMAT) {
        say(loadStatus, 'Filen ' + file.name + ' är inte ett svar som har sparats med det här formuläret. ' +
          'Ingenting har lästs in.', 'error');
        fileInput.value = '';
        return;
      }
      if (data.version !== version) {
        say(loadStatus, 'Filen ' + file.name + ' är ett svar på en annan remiss (' + String(data.version) +
          '), inte på den här (' + version + '). Ingenting har lästs in.', 'error');
        fileInput.value = '';
        return;
      }
      var skipped = apply(fromAnswer(data));
      saveDraft();
      say(loadStatus, 'Svaret i filen ' + file.name + ' har lästs in.' + (skipped
        ? ' ' + skipped + ' uppgift' + (skipped === 1 ? '' : 'er') + ' i filen hör inte till den här remissen och lästes inte in.'
        : ''), 'ok');
    };
    reader.readAsText(file);
  });

  /* ---- clearing, confirmed by a second button ---- */
  clearButton.addEventListener('click', function () {
    confirmBox.hidden = false;
    clearButton.setAttribute('aria-expanded', 'true');
    confirmBox.focus();
  });
  byId('tom-avbryt').addEventListener('click', function () {
    confirmBox.hidden = true;
    clearButton.setAttribute('aria-expanded', 'false');
    clearButton.focus();
  });
  byId('tom-ja').addEventListener('click', function () {
    resetControls();
    if (storage) {
      try { storage.removeItem(storageKey); } catch (error) { /* nothing stored */ }
    }
    confirmBox.hidden = true;
    clearButton.setAttribute('aria-expanded', 'false');
    say(draftStatus, '');
    say(saveStatus, '');
    say(loadStatus, '');
    say(clauseStatus, '');
    clearButton.focus();
    say(clearStatus, 'Formuläret är tömt.', 'ok');
  });

  /* ---- on load: the draft of this browser ---- */
  updateOther();
  var restored = false;
  if (storage) {
    var raw = null;
    try { raw = storage.getItem(storageKey); } catch (error) { raw = null; }
    if (raw) {
      try {
        var draft = JSON.parse(raw);
        if (draft && draft.format === DRAFT_FORMAT && draft.version === version) {
          apply(draft);
          restored = true;
          var when = new Date(draft.saved);
          say(draftStatus, 'Det du fyllde i tidigare har lästs in från den här webbläsaren' +
            (isNaN(when.getTime()) ? '' : ' (senast ändrat ' + when.toLocaleString('sv-SE') + ')') + '.', 'ok');
        }
      } catch (error) {
        restored = false;
      }
    }
  } else {
    say(draftStatus, 'Den här webbläsaren tillåter inte att formuläret sparar ett utkast. Spara svaret som fil innan du stänger sidan.', 'error');
  }
  if (!restored) { renderComments(); }
  document.documentElement.setAttribute('data-svar-ready', 'true');
}());
