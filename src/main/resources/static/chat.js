// The Trellis web chat: renders the bot's messages by kind and posts what the person types or clicks.
// Messages arrive on a Server-Sent Events stream; when the stream is down the page polls the history instead.
// Every entry has an id and is shown once, whichever way it arrived.
(() => {
  'use strict';

  const POLL_MS = 3000;
  // With several Trellis nodes a reply may be sent by a node this page has no stream to; the history catches it.
  const SAFETY_POLL_MS = 15000;
  const log = document.getElementById('log');
  const flowsSection = document.getElementById('flows');
  const flowList = document.getElementById('flow-list');
  const flowsEmpty = document.getElementById('flows-empty');
  const menuToggle = document.getElementById('menu-toggle');
  const errorBox = document.getElementById('error');
  const composer = document.getElementById('composer');
  const say = document.getElementById('say');

  const shown = new Set();           // entry ids already on the page
  const questions = new Map();       // controlId -> the <li> elements asking it, latest last
  const unconfirmed = [];            // texts the person sent that the history has not shown yet, oldest first
  const flowTitles = new Map();      // flow id -> title, to show a started flow by its name
  let openControl = null;
  let pollTimer = null;

  // The page's own words, in the person's language: GET /api/web/labels replaces these English ones (which stay for
  // any it does not give, and when it cannot be reached).
  const words = {
    skip: 'Skip to the message box',
    startConversation: 'Start a conversation',
    downloadData: 'Download my data',
    chooseConversation: 'Choose a conversation',
    noConversations: 'No conversations are available yet.',
    conversation: 'Conversation',
    yourMessage: 'Your message',
    placeholder: 'Type a message…',
    send: 'Send',
    hint: 'You can type *help*, *back*, *stop* or *menu* at any time.',
    youSaid: 'You said: ',
    chart: 'Chart',
    choose: 'Choose',
    chooseOne: 'Please choose at least one option.',
    yourNumber: 'Your number',
    yourDate: 'Your date',
    please: '{{what}}, please.',
    youAnswered: 'You answered:',
    unreachable: 'Trellis could not be reached. Please check your connection and try again.',
    refused: 'Trellis could not take that message (error {{status}}).',
  };

  function t(key, values = {}) {
    let text = words[key];
    for (const [name, value] of Object.entries(values)) text = text.replace(`{{${name}}}`, value);
    return text;
  }

  // crypto.randomUUID needs a secure context; getRandomValues works on plain http too
  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  // Spring Security's CSRF token: the server sets it as a cookie the page (and only this site's pages) can read,
  // and refuses a POST that does not echo it in a header.
  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  async function post(body) {
    showError('');
    let response;
    try {
      response = await fetch('/api/web/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        credentials: 'same-origin',
        body: JSON.stringify(body),
      });
    } catch (e) {
      showError(t('unreachable'));
      return false;
    }
    if (response.ok) return true;
    let message = t('refused', { status: response.status });
    try {
      const answer = await response.json();
      if (answer && answer.error) message = answer.error;
    } catch (e) { /* keep the generic message */ }
    showError(message);
    return false;
  }

  // --- rendering -------------------------------------------------------------------------------------------

  // The bot marks emphasis as *words*; shown as bold text, built as nodes so nothing is read as HTML.
  function formatted(text) {
    const fragment = document.createDocumentFragment();
    text.split(/\*([^*\n]+)\*/).forEach((part, i) => fragment.append(i % 2 ? el('strong', {}, part) : part));
    return fragment;
  }

  function render(entry, echo = false) {
    if (entry.id && shown.has(entry.id)) return null;
    if (entry.id) shown.add(entry.id);
    if (entry.kind === 'ANSWERED') {
      answered(entry.controlId, entry.text);
      return null;
    }
    const mine = entry.from === 'person';
    if (mine && !echo && adoptEcho(entry.text)) return null;
    const textId = `t-${entry.id || uuid()}`;
    const item = el('li', { class: `msg ${mine ? 'from-person' : 'from-bot'}` });
    if (mine) item.append(el('span', { class: 'visually-hidden' }, t('youSaid')));
    if (entry.kind === 'IMAGE') {
      const image = el('img', { src: entry.imageUrl, alt: entry.text || t('chart') });
      // an image that cannot be loaded still says what it showed
      image.addEventListener('error', () => image.replaceWith(el('p', { class: 'text' }, image.alt)));
      item.append(image);
    } else if (entry.kind === 'FILE') {
      // the person's own data export: plain links, served only to this session
      if (entry.text) item.append(el('p', { class: 'text' }, entry.text));
      const files = el('ul', { class: 'downloads' });
      for (const file of entry.downloads || []) {
        files.append(el('li', {}, el('a', { href: file.url, download: '' }, file.name)));
      }
      item.append(files);
    } else if (entry.text) {
      const shownText = mine ? (flowTitles.get(entry.text) || entry.text) : entry.text;
      item.append(el('p', { class: 'text', id: textId }, mine ? shownText : formatted(shownText)));
    }
    const controls = mine ? null : controlsFor(entry, textId);
    if (controls) {
      item.dataset.kind = entry.kind;
      item.append(controls);
      const asking = questions.get(entry.controlId) || [];
      asking.push(item);
      questions.set(entry.controlId, asking);
    }
    log.append(item);
    if (!mine && entry.controlId) asked(entry.controlId);
    flowsCollapse();
    item.scrollIntoView({ block: 'nearest' });
    return item;
  }

  // What the person typed is on the page before the server has it; the history's copy of it is not shown twice.
  function adoptEcho(text) {
    if (!unconfirmed.length || unconfirmed[0] !== text) return false;
    unconfirmed.shift();
    return true;
  }

  function controlsFor(entry, textId) {
    switch (entry.kind) {
      case 'CHOICE': return entry.multiple ? checkboxes(entry, textId) : buttons(entry, entry.choices, textId);
      case 'CONFIRM': return buttons(entry, confirmChoices(entry), textId);
      case 'SCALE': return scale(entry, textId);
      case 'NUMBER': return numberInput(textId);
      case 'DATE': return dateInput(entry, textId);
      default: return null; // QUESTION is answered in the message box, which is always there
    }
  }

  function confirmChoices(entry) {
    if (entry.choices && entry.choices.length) return entry.choices;
    return [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }];
  }

  function group(textId, ...children) {
    return el('div', { class: 'controls', role: 'group', 'aria-labelledby': textId }, ...children);
  }

  function buttons(entry, choices, textId) {
    const box = group(textId);
    for (const choice of choices) {
      box.append(el('button', {
        type: 'button',
        onclick: () => click(entry.controlId, [choice.value], box),
      }, choice.label));
    }
    return box;
  }

  function checkboxes(entry, textId) {
    const name = `c-${entry.id}`;
    const fieldset = el('fieldset', {}, el('legend', { class: 'visually-hidden' }, entry.text || t('choose')));
    for (const choice of entry.choices) {
      fieldset.append(el('label', {}, el('input', { type: 'checkbox', name, value: choice.value }), choice.label));
    }
    const form = el('form', { class: 'controls stacked', role: 'group', 'aria-labelledby': textId },
      fieldset, el('button', { type: 'submit', class: 'primary' }, t('send')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      const values = Array.from(form.querySelectorAll('input:checked'), input => input.value);
      if (!values.length) {
        showError(t('chooseOne'));
        return;
      }
      click(entry.controlId, values, form);
    });
    return form;
  }

  function scale(entry, textId) {
    const min = Number.isInteger(entry.min) ? entry.min : 1;
    const max = Number.isInteger(entry.max) ? entry.max : 10;
    const row = el('div', { class: 'scale-buttons' });
    const box = group(textId, el('div', { class: 'scale' }, row));
    for (let n = min; n <= max; n++) {
      const hint = n === min ? entry.minLabel : n === max ? entry.maxLabel : null;
      row.append(el('button', {
        type: 'button',
        'aria-label': hint ? `${n} (${hint})` : null,
        onclick: () => click(entry.controlId, [String(n)], box),
      }, String(n)));
    }
    if (entry.minLabel || entry.maxLabel) {
      row.after(el('div', { class: 'scale-labels', 'aria-hidden': 'true' },
        el('span', {}, entry.minLabel || ''), el('span', {}, entry.maxLabel || '')));
    }
    return box;
  }

  function inlineForm(textId, labelText, input, onValue) {
    const form = el('form', { class: 'controls', role: 'group', 'aria-labelledby': textId },
      el('label', { for: input.id, class: 'visually-hidden' }, labelText), input,
      el('button', { type: 'submit', class: 'primary' }, t('send')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) {
        showError(t('please', { what: labelText }));
        input.focus();
        return;
      }
      onValue(value, form);
    });
    return form;
  }

  // A number is a typed answer (help, back and stop still work in the message box); the box only helps to type it.
  function numberInput(textId) {
    const input = el('input', { type: 'number', id: `i-${uuid()}`, step: 'any', inputmode: 'decimal' });
    return inlineForm(textId, t('yourNumber'), input, async (value, form) => {
      if (await sendText(value)) form.remove();
    });
  }

  // Quick replies ("This Friday", "In 2 weeks") answer with one click; the picker takes any other date.
  function dateInput(entry, textId) {
    const input = el('input', { type: 'date', id: `i-${uuid()}` });
    const form = inlineForm(textId, entry.minLabel || t('yourDate'), input, (value, box) => click(entry.controlId, [value], box));
    if (!entry.choices || !entry.choices.length) return form;
    const box = el('div', { class: 'controls stacked' }, buttons(entry, entry.choices, textId), form);
    return box;
  }

  function setEnabled(box, enabled) {
    for (const control of box.querySelectorAll('button, input')) control.disabled = !enabled;
  }

  async function click(controlId, values, box) {
    setEnabled(box, false); // one answer per question; a failed post hands the controls back
    if (!(await post({ id: uuid(), controlId, values }))) setEnabled(box, true);
  }

  // `controlId` is the question waiting now. An older copy of the same question (asked again after an invalid
  // answer) loses its controls, and so does a number box that is no longer asked: numbers are answered by typing.
  // Other old buttons stay: clicking one gets a polite note from Trellis.
  function asked(controlId) {
    openControl = controlId;
    for (const [id, items] of questions) {
      items.forEach((item, i) => {
        const current = id === controlId && i === items.length - 1;
        const superseded = id === controlId ? !current : item.dataset.kind === 'NUMBER';
        if (superseded) item.querySelector('.controls')?.remove();
      });
    }
    focusQuestion();
  }

  function focusQuestion() {
    // never pull the caret out of a message the person is in the middle of typing
    if (document.activeElement === say && say.value) return;
    const items = questions.get(openControl);
    const first = items ? items.at(-1).querySelector('.controls button, .controls input') : null;
    (first || say).focus({ preventScroll: true });
  }

  // A typed answer is already on the page as the person's own message; only controls need replacing.
  function answered(controlId, text) {
    const items = questions.get(controlId) || [];
    items.forEach((item, i) => {
      const box = item.querySelector('.controls');
      if (!box) return;
      if (i === items.length - 1) {
        box.replaceWith(el('p', { class: 'answer' }, el('span', { class: 'answer-label' }, t('youAnswered')), ' ',
          text));
      } else {
        box.remove();
      }
    });
  }

  // --- loading ---------------------------------------------------------------------------------------------

  async function loadHistory() {
    let response;
    try {
      response = await fetch('/api/web/history', { credentials: 'same-origin' });
    } catch (e) {
      return;
    }
    if (!response.ok) return;
    const history = await response.json();
    for (const entry of history.entries) render(entry);
    if (history.openControl !== openControl) asked(history.openControl);
  }

  // The labels of the page itself, in the person's language; the English ones stay when none come.
  async function loadLabels() {
    let page;
    try {
      const response = await fetch('/api/web/labels', { credentials: 'same-origin' });
      if (!response.ok) return;
      page = await response.json();
    } catch (e) {
      return;
    }
    Object.assign(words, page.labels || {});
    if (page.locale) document.documentElement.lang = page.locale;
    for (const node of document.querySelectorAll('[data-label]')) node.textContent = t(node.dataset.label);
    say.placeholder = t('placeholder');
    // *help* is a word to type, shown as a key
    const hint = document.getElementById('say-hint');
    if (hint) {
      hint.replaceChildren();
      t('hint').split(/\*([^*\n]+)\*/).forEach((part, i) => hint.append(i % 2 ? el('kbd', {}, part) : part));
    }
  }

  const exportButton = document.getElementById('export-data');
  if (exportButton) {
    exportButton.addEventListener('click', () => sendEcho('export', { command: 'export' }));
  }

  async function loadFlows() {
    const response = await fetch('/api/web/flows', { credentials: 'same-origin' });
    const flows = response.ok ? await response.json() : [];
    flowsEmpty.hidden = flows.length > 0;
    for (const flow of flows) {
      flowTitles.set(flow.id, flow.title);
      const button = el('button', { type: 'button', class: 'flow', 'data-flow': flow.id },
        el('span', { class: 'flow-title' }, flow.title),
        el('span', { class: 'flow-description' }, flow.description || ''));
      button.addEventListener('click', async () => {
        if (await sendEcho(flow.id, { command: flow.id })) {
          showFlows(false);
          say.focus();
        }
      });
      flowList.append(el('li', {}, button));
    }
  }

  function showFlows(visible) {
    flowsSection.hidden = !visible;
    menuToggle.setAttribute('aria-expanded', String(visible));
  }

  // The menu stays open until the conversation has something in it.
  function flowsCollapse() {
    if (log.children.length === 1) showFlows(false);
  }

  function startPolling() {
    if (!pollTimer) pollTimer = setInterval(loadHistory, POLL_MS);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function connect() {
    if (!window.EventSource) {
      startPolling();
      return;
    }
    const stream = new EventSource('/api/web/stream');
    stream.onmessage = event => render(JSON.parse(event.data));
    stream.onopen = () => {
      stopPolling();
      loadHistory(); // catches what was sent while the stream was down
    };
    stream.onerror = () => {
      startPolling();
      if (stream.readyState === EventSource.CLOSED) setTimeout(connect, POLL_MS);
    };
  }

  // --- the message box -------------------------------------------------------------------------------------

  // Shows what the person sent at once and posts it; when it was not taken, takes it back off the page.
  async function sendEcho(text, body) {
    const id = uuid();
    const item = render({ id, from: 'person', kind: 'TEXT', text }, true);
    unconfirmed.push(text);
    if (await post({ id, ...body })) return true;
    item.remove();
    shown.delete(id);
    unconfirmed.splice(unconfirmed.lastIndexOf(text), 1);
    return false;
  }

  function sendText(text) {
    return sendEcho(text, { text });
  }

  composer.addEventListener('submit', async event => {
    event.preventDefault();
    const text = say.value.trim();
    if (!text) return;
    say.value = '';
    if (!(await sendText(text))) {
      // nothing was taken: give the words back so the person can try again
      if (!say.value) say.value = text;
      say.focus();
    }
  });

  menuToggle.addEventListener('click', () => {
    const visible = flowsSection.hidden;
    showFlows(visible);
    if (visible) flowList.querySelector('button')?.focus();
  });

  (async () => {
    await loadLabels();
    await loadFlows(); // first: the history shows started flows by their titles
    await loadHistory();
    if (log.children.length) showFlows(false);
    connect();
    setInterval(loadHistory, SAFETY_POLL_MS);
  })();
})();
