// Footnote's chat page: wires the question box, the conversation, the library and the article panel.
import { h, clear, formatDate } from './dom.js';
import { askStream, ApiError, readiness, setApiKey, corpusOverview } from './api.js';
import { questionView, answerView } from './answer.js';
import { openArticle, closeReader, initReader, isOpen } from './reader.js';
import { renderLibrary, filterLibrary } from './library.js';
import { initAdmin, checkAdmin } from './admin.js';
import { saveTurn, listConversations, getConversation, renameConversation, deleteConversation } from './conversations.js';

const MAX_QUESTION = 2000; // the service's default limit; it checks again and says so if configured lower
const MAX_HISTORY = 20; // turns sent as context: enough for follow-ups, well under the service's limit

const $ = (id) => document.getElementById(id);
const history = []; // completed turns: {role: 'user'|'assistant', content}
let controller = null; // the answer being streamed, to stop it
let readerFromLibrary = false;
let conversationId = null; // the kept conversation this chat adds to; null until its first answer

// ---- asking ----------------------------------------------------------------------------------------------

function setBusy(busy) {
  $('send').hidden = busy;
  $('stop').hidden = !busy;
  $('log').setAttribute('aria-busy', String(busy));
}

function composerError(message) {
  $('composer-error').textContent = message || '';
  $('question').setAttribute('aria-invalid', message ? 'true' : 'false');
}

function nearBottom(el) {
  return el.scrollHeight - el.scrollTop - el.clientHeight < 80;
}

function toBottom() {
  const log = $('log');
  log.scrollTop = log.scrollHeight;
}

async function ask(question) {
  composerError(null);
  $('intro')?.remove();
  const asked = questionView(question);
  const view = answerView({ onCite: openCitation });
  $('log').append(asked, view.el);
  toBottom();
  setBusy(true);
  controller = new AbortController();
  const context = history.slice(-MAX_HISTORY);
  try {
    const answer = await askStream({ question, history: context }, {
      signal: controller.signal,
      onToken: (t) => {
        const stick = nearBottom($('log'));
        view.token(t);
        if (stick) toBottom();
      },
      onReset: (reason) => view.reset(reason),
    });
    view.finish(answer);
    // The newest answer is read from its start: a long one is scrolled to its question, not to its end.
    if (view.el.offsetHeight > $('log').clientHeight * 0.8) asked.scrollIntoView({ block: 'start' });
    else toBottom();
    history.push({ role: 'user', content: question }, { role: 'assistant', content: answer.answer });
    conversationId = saveTurn(conversationId, question, answer);
  } catch (e) {
    toBottom();
    const error = e instanceof ApiError ? e : new ApiError('stream', `The answer could not be shown: ${e.message}`);
    view.fail(error, () => {
      if (controller) { // another answer is on its way: leave this question in the box for afterwards
        setQuestion(question);
        return;
      }
      asked.remove();
      view.el.remove();
      if ($('question').value.trim() === question) setQuestion('');
      ask(question);
    });
    // Keep what was typed: the question goes back into the box unless a new one is already there.
    if ($('question').value.trim() === '') setQuestion(question);
    if (error.kind === 'auth') {
      requestKey(error.message, () => {
        asked.remove();
        view.el.remove();
        if ($('question').value.trim() === question) setQuestion('');
        ask(question);
      });
    }
    if (error.kind === 'network' || error.status === 503) watchReadiness();
  } finally {
    controller = null;
    setBusy(false);
  }
}

/** An empty conversation: the log cleared to the intro, no history, the next answer starts a kept one. */
function newChat() {
  controller?.abort();
  history.length = 0;
  conversationId = null;
  closeReader();
  clear($('log')).append(intro());
  composerError(null);
}

/** Shows a kept conversation as it was answered, and continues it. */
function openConversation(id) {
  const c = getConversation(id);
  newChat();
  if (!c) {
    composerError('That conversation is no longer kept in this browser.');
    return;
  }
  $('intro')?.remove();
  for (const turn of c.turns) {
    const view = answerView({ onCite: openCitation });
    $('log').append(questionView(turn.question), view.el);
    view.finish(turn.answer);
    history.push({ role: 'user', content: turn.question }, { role: 'assistant', content: turn.answer.answer });
  }
  conversationId = c.id;
  toBottom();
}

function renderChats() {
  const list = $('chat-list');
  const chats = listConversations();
  $('chats-summary').textContent = chats.length
    ? `${chats.length} conversation${chats.length === 1 ? '' : 's'}, kept in this browser only; nothing is sent anywhere.`
    : 'No conversations yet. They are kept in this browser once a question is answered.';
  clear(list).append(...chats.map((c) => {
    const title = h('a', { class: 'doc-link', href: `#/chat/${encodeURIComponent(c.id)}` }, c.title);
    const rename = h('button', { type: 'button', class: 'secondary', 'aria-label': `Rename “${c.title}”` }, 'Rename');
    const remove = h('button', { type: 'button', class: 'secondary', 'aria-label': `Delete “${c.title}”` }, 'Delete');
    const li = h('li', { class: 'doc chat-item' }, title,
      h('p', { class: 'doc-meta' },
        h('span', {}, `${c.turns.length} question${c.turns.length === 1 ? '' : 's'}`),
        h('span', {}, new Date(c.updated).toLocaleString())),
      h('p', { class: 'chat-actions' }, rename, remove));
    remove.addEventListener('click', () => {
      deleteConversation(c.id);
      if (conversationId === c.id) conversationId = null;
      renderChats();
      $('chats-heading').focus();
    });
    rename.addEventListener('click', () => {
      const input = h('input', { type: 'text', class: 'rename-input', value: c.title, 'aria-label': 'New title' });
      const form = h('form', { class: 'rename-form' }, input,
        h('button', { type: 'submit', class: 'primary' }, 'Save'));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        renameConversation(c.id, input.value);
        renderChats();
      });
      input.addEventListener('keydown', (e) => { if (e.key === 'Escape') renderChats(); });
      title.replaceWith(form);
      input.focus();
      input.select();
    });
    return li;
  }));
}

function setQuestion(text) {
  const box = $('question');
  box.value = text;
  fit(box);
}

/** Grows the question box with its text, up to the limit its CSS sets. */
function fit(box) {
  box.style.height = 'auto';
  box.style.height = `${box.scrollHeight + 2}px`;
}

function initComposer() {
  const form = $('composer');
  const box = $('question');
  box.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a new line; never while an input method is composing a character.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  box.addEventListener('input', () => {
    fit(box);
    if (box.value.trim()) composerError(null);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (controller) return; // one answer at a time; the next question waits in the box
    const question = box.value.trim();
    if (!question) {
      composerError('Type a question first.');
      box.focus();
      return;
    }
    if (question.length > MAX_QUESTION) {
      composerError(`That question is ${question.length} characters long; the limit is ${MAX_QUESTION}.`);
      return;
    }
    setQuestion('');
    ask(question);
  });
  $('stop').addEventListener('click', () => {
    controller?.abort();
    box.focus();
  });
  $('new-chat').addEventListener('click', () => {
    newChat();
    location.hash = '#/';
    box.focus();
  });
}

// Touch screens have no hover: say "tap" there.
const touch = window.matchMedia('(hover: none)');

function intro() {
  const how = touch.matches
    ? 'Ask a question about the articles. Every claim in the answer is a numbered citation: tap it to read that sentence highlighted in its article.'
    : 'Ask a question about the articles. Every claim in the answer is a numbered citation: hover over it to see the sentence it comes from, click it to read that sentence highlighted in its article.';
  const el = h('div', { id: 'intro', class: 'intro' },
    h('p', { class: 'intro-lead' }, how),
    h('p', { id: 'intro-corpus' }, 'Not sure what is covered? Browse the ', h('a', { href: '#/library' }, 'library'), '.'),
    h('div', { id: 'suggestions', class: 'suggestions' }));
  fillIntro(el);
  return el;
}

/** Says what the corpus holds and offers a few questions drawn from its newest articles. */
async function fillIntro(el) {
  let corpus;
  try {
    corpus = await corpusOverview();
  } catch {
    return; // the plain intro stands; the status line says what is wrong
  }
  if (!el.isConnected || !corpus.articles) return;
  const range = corpus.earliest && corpus.latest
    ? (corpus.earliest === corpus.latest ? `, dated ${formatDate(corpus.latest)}` : `, from ${formatDate(corpus.earliest)} to ${formatDate(corpus.latest)}`)
    : '';
  clear(el.querySelector('#intro-corpus')).append(
    `${corpus.articles} article${corpus.articles === 1 ? '' : 's'}${range} — browse them in the `,
    h('a', { href: '#/library' }, 'library'), '.');
  const list = corpus.suggestions || [];
  if (!list.length) return;
  el.querySelector('#suggestions').append(
    h('h2', { class: 'suggestions-title', id: 'suggestions-title' }, 'Try asking'),
    h('ul', { class: 'suggestion-list', 'aria-labelledby': 'suggestions-title' }, list.map((q) => h('li', {},
      h('button', { type: 'button', class: 'suggestion', on: { click: () => { if (!controller) ask(q); } } }, q)))));
}

function openCitation(answer, citation, from) {
  readerFromLibrary = false;
  openArticle(citation.documentId, { citations: answer.citations || [], active: citation.id, from });
}

// ---- access key ------------------------------------------------------------------------------------------

let afterKey = null; // what to do once a key is entered: repeat the request that was refused

/** Shows the key form (the service answered 401) with the reason; `retry` runs once a key is entered. */
function requestKey(message, retry) {
  afterKey = retry;
  const form = $('key-form');
  $('key-lead').textContent = message;
  form.hidden = false;
  $('composer').hidden = true;
  $('api-key').value = '';
  $('api-key').focus();
}

function initKeyForm() {
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const key = $('api-key').value.trim();
    if (!key) {
      $('key-error').textContent = 'Enter the key first.';
      $('api-key').setAttribute('aria-invalid', 'true');
      $('api-key').focus();
      return;
    }
    $('key-error').textContent = '';
    $('api-key').setAttribute('aria-invalid', 'false');
    setApiKey(key);
    $('api-key').value = '';
    $('key-form').hidden = true;
    $('composer').hidden = false;
    $('question').focus();
    const retry = afterKey;
    afterKey = null;
    retry?.();
  });
  document.addEventListener('footnote:need-key', (e) => requestKey(e.detail.message, e.detail.retry));
}

// ---- views -----------------------------------------------------------------------------------------------

function showView(name, focus) {
  $('chat-view').hidden = name !== 'chat';
  $('library-view').hidden = name !== 'library';
  $('chats-view').hidden = name !== 'chats';
  for (const a of document.querySelectorAll('[data-view-link]')) {
    if (a.dataset.viewLink === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (focus) ({ chat: $('question'), library: $('library-heading'), chats: $('chats-heading') })[name].focus();
}

function route(event) {
  const hash = location.hash || '#/';
  const fromNavigation = Boolean(event);
  if (hash === '#/chats') {
    if (readerFromLibrary) closeReader();
    showView('chats', fromNavigation);
    renderChats();
    return;
  }
  const chat = hash.match(/^#\/chat\/([^/]+)$/);
  const shared = hash.match(/^#\/ask\/(.+)$/);
  if (chat || shared) {
    replaceHash('#/');
    showView('chat', false);
    if (chat) {
      openConversation(decodeURIComponent(chat[1]));
      $('question').focus();
    } else {
      // A shared link: a new conversation that asks its question.
      newChat();
      let question = '';
      try { question = decodeURIComponent(shared[1]).trim().slice(0, MAX_QUESTION); } catch { /* a broken link */ }
      if (question) ask(question);
    }
    return;
  }
  const m = hash.match(/^#\/library(?:\/([^/]+)(?:\/(\d+))?)?$/);
  if (!m) {
    if (readerFromLibrary) closeReader();
    showView('chat', fromNavigation);
    return;
  }
  const wasLibrary = !$('library-view').hidden;
  showView('library', fromNavigation && !m[1]);
  if (!wasLibrary || !m[1]) {
    renderLibrary();
    checkAdmin();
  }
  if (m[1]) {
    readerFromLibrary = true;
    const from = document.activeElement;
    openArticle(decodeURIComponent(m[1]), {
      sentence: m[2] === undefined ? null : Number(m[2]),
      from: from && from !== document.body ? from : $('library-heading'),
      closed: () => {
        readerFromLibrary = false;
        if (location.hash.startsWith('#/library/')) replaceHash('#/library');
      },
    });
  } else if (readerFromLibrary && isOpen()) {
    closeReader();
  }
}

function replaceHash(hash) {
  window.history.replaceState(null, '', hash);
}

// ---- service status --------------------------------------------------------------------------------------

let watching = false;

async function watchReadiness() {
  if (watching) return;
  watching = true;
  const status = $('status');
  for (;;) {
    let wait = 0;
    try {
      const r = await readiness();
      if (r.ready) {
        status.textContent = r.documents === null ? 'Ready' : `${r.documents} article${r.documents === 1 ? '' : 's'} indexed`;
        status.dataset.state = 'ready';
      } else if (r.error) {
        status.textContent = 'The index failed to load';
        status.title = r.error;
        status.dataset.state = 'error';
      } else {
        status.textContent = r.total ? `Indexing ${r.done}/${r.total} files…` : 'Loading the index…';
        status.dataset.state = 'loading';
        wait = 2000;
      }
    } catch {
      status.textContent = 'Service unreachable';
      status.dataset.state = 'error';
      wait = 5000;
    }
    if (!wait) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  watching = false;
}

function initShortcuts() {
  // The newest answer is at the end of a long log; this skip link takes keyboard users straight to it.
  $('skip-latest').addEventListener('click', (e) => {
    e.preventDefault();
    if ($('chat-view').hidden) location.hash = '#/';
    const answers = document.querySelectorAll('#log .msg-answer');
    const target = answers.length ? answers[answers.length - 1] : $('question');
    if (target !== $('question')) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'start' });
  });
  $('library-filter').addEventListener('input', (e) => filterLibrary(e.target.value));
  // An upload or deletion changes the article count the top bar shows.
  document.addEventListener('footnote:corpus-changed', () => watchReadiness());
}

// ---- start -----------------------------------------------------------------------------------------------

initReader();
initComposer();
initKeyForm();
initShortcuts();
initAdmin();
clear($('log')).append(intro());
window.addEventListener('hashchange', route);
route();
watchReadiness();
document.documentElement.dataset.ready = 'true'; // lets tests know the script has wired the page
