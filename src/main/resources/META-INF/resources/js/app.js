// Footnote's chat page: wires the question box, the conversation, the library and the article panel.
import { h, clear } from './dom.js';
import { askStream, ApiError, readiness, setApiKey } from './api.js';
import { questionView, answerView } from './answer.js';
import { openArticle, closeReader, initReader, isOpen } from './reader.js';
import { renderLibrary, filterLibrary } from './library.js';

const MAX_QUESTION = 2000; // the service's default limit; it checks again and says so if configured lower
const MAX_HISTORY = 20; // turns sent as context: enough for follow-ups, well under the service's limit

const $ = (id) => document.getElementById(id);
const history = []; // completed turns: {role: 'user'|'assistant', content}
let controller = null; // the answer being streamed, to stop it
let readerFromLibrary = false;

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
    history.push({ role: 'user', content: question }, { role: 'assistant', content: answer.answer });
  } catch (e) {
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
    toBottom();
  }
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
    controller?.abort();
    history.length = 0;
    closeReader();
    clear($('log')).append(intro());
    composerError(null);
    location.hash = '#/';
    box.focus();
  });
}

function intro() {
  return h('div', { id: 'intro', class: 'intro' },
    h('p', { class: 'intro-lead' }, 'Ask a question about the articles. Every claim in the answer is a numbered citation: hover over it to see the sentence it comes from, click it to read that sentence highlighted in its article.'),
    h('p', {}, 'Not sure what is covered? Browse the ', h('a', { href: '#/library' }, 'library'), '.'));
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
  for (const a of document.querySelectorAll('[data-view-link]')) {
    if (a.dataset.viewLink === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (focus) (name === 'chat' ? $('question') : $('library-heading')).focus();
}

function route(event) {
  const m = (location.hash || '#/').match(/^#\/library(?:\/([^/]+)(?:\/(\d+))?)?$/);
  const fromNavigation = Boolean(event);
  if (!m) {
    if (readerFromLibrary) closeReader();
    showView('chat', fromNavigation);
    return;
  }
  const wasLibrary = !$('library-view').hidden;
  showView('library', fromNavigation && !m[1]);
  if (!wasLibrary || !m[1]) renderLibrary();
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
}

// ---- start -----------------------------------------------------------------------------------------------

initReader();
initComposer();
initKeyForm();
initShortcuts();
clear($('log')).append(intro());
window.addEventListener('hashchange', route);
route();
watchReadiness();
document.documentElement.dataset.ready = 'true'; // lets tests know the script has wired the page
