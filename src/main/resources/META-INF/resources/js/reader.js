// The article panel (a drawer on narrow screens): an article's full text with every sentence its own
// element (id "s-<index>", data-sentence), so a citation can highlight and scroll to exactly the sentence it
// names. The citations of the answer being read are all highlighted; the chosen one most strongly.
import { h, clear, formatDate } from './dom.js';
import { getDocument } from './api.js';

const narrow = window.matchMedia('(max-width: 899px)');
const documents = new Map(); // id → Promise of the document JSON; articles do not change while the page is open
let opened = 0; // guards against a slow earlier request overwriting a later one
let returnFocus = null;
let onClose = null;

const $ = (id) => document.getElementById(id);

function fetchDocument(id) {
  if (!documents.has(id)) {
    const p = getDocument(id);
    p.catch(() => documents.delete(id)); // a failed load may succeed on the next click
    documents.set(id, p);
  }
  return documents.get(id);
}

export const isOpen = () => !$('reader').hidden;

/**
 * Opens an article in the panel.
 * @param id          the document id
 * @param citations   the citations of one answer (those of other articles are ignored)
 * @param active      the id of the citation to show most strongly and scroll to
 * @param sentence    a sentence index to mark and scroll to when no citation is active (a link to it)
 * @param from        the element to give focus back to when the panel closes
 * @param closed      called when the panel closes
 */
export async function openArticle(id, { citations = [], active = null, sentence = null, from = null, closed = null } = {}) {
  const ticket = ++opened;
  returnFocus = from;
  onClose = closed;
  show();
  const text = $('reader-text');
  $('reader-title').textContent = 'Loading the article…';
  clear($('reader-meta'));
  clear($('reader-cites'));
  clear(text).append(h('p', { class: 'reader-loading' }, 'Loading…'));
  let doc;
  try {
    doc = await fetchDocument(id);
  } catch (e) {
    if (ticket !== opened) return;
    if (e.kind === 'auth') {
      const retry = () => openArticle(id, { citations, active, sentence, from, closed });
      document.dispatchEvent(new CustomEvent('footnote:need-key', { detail: { message: e.message, retry } }));
    }
    $('reader-title').textContent = 'The article could not be opened';
    clear(text).append(h('p', { class: 'reader-error', role: 'alert' }, e.message));
    $('reader-title').focus();
    return;
  }
  if (ticket !== opened) return;
  const mine = citations.filter((c) => c.documentId === doc.id);
  render(doc, mine);
  document.dispatchEvent(new CustomEvent('footnote:article-shown', { detail: { id: doc.id, title: doc.title || doc.id } }));
  const target = active !== null ? mine.find((c) => c.id === active) : null;
  if (target) {
    activate(doc, mine, target);
  } else if (sentence !== null && $(`s-${sentence}`)) {
    const el = $(`s-${sentence}`);
    el.classList.add('hl', 'hl-active');
    reveal(el);
  } else {
    $('reader-text').scrollTop = 0;
    $('reader-title').focus();
  }
}

function render(doc, mine) {
  $('reader-title').textContent = doc.title || doc.id;
  // The short title heads the panel; the full one (often the article's first sentence) shows on hover.
  if (doc.fullTitle && doc.fullTitle !== doc.title) $('reader-title').title = doc.fullTitle;
  else $('reader-title').removeAttribute('title');
  const meta = $('reader-meta');
  clear(meta).append(
    h('span', {}, doc.date ? formatDate(doc.date) : 'Undated'),
    h('span', {}, doc.source || doc.id),
    h('span', {}, `${doc.sentences.length} sentences`),
  );
  const bySentence = new Map();
  for (const c of mine) {
    if (!bySentence.has(c.sentenceIndex)) bySentence.set(c.sentenceIndex, []);
    bySentence.get(c.sentenceIndex).push(c);
  }
  const text = $('reader-text');
  const parts = [];
  let at = 0;
  for (const s of doc.sentences) {
    if (s.start > at) parts.push(doc.text.slice(at, s.start));
    const cited = bySentence.get(s.index) || [];
    const span = h('span', {
      class: 's',
      id: `s-${s.index}`,
      dataset: { sentence: String(s.index) },
    }, doc.text.slice(s.start, s.end));
    if (cited.length) {
      span.classList.add('hl');
      span.dataset.cite = cited.map((c) => c.id).join(',');
      if (cited.some((c) => c.supported === false)) span.classList.add('hl-unsupported');
    }
    parts.push(span);
    at = Math.max(at, s.end);
  }
  if (at < doc.text.length) parts.push(doc.text.slice(at));
  clear(text).append(...parts);

  const nav = clear($('reader-cites'));
  if (mine.length) {
    nav.append(h('span', { class: 'reader-cites-label' }, mine.length === 1 ? 'Cited once in this answer:' : `Cited ${mine.length} times in this answer:`));
    for (const c of mine) {
      nav.append(h('button', {
        type: 'button',
        class: `cite${c.supported === false ? ' cite-unsupported' : ''}`,
        dataset: { cite: String(c.id) },
        'aria-label': `Show citation ${c.id}${c.supported === false ? ' (flagged unsupported)' : ''}`,
        on: { click: () => activate(doc, mine, c) },
      }, String(c.id)));
    }
  }
}

/** Makes one citation the strongest highlight, scrolls its sentence into view and focuses it. */
function activate(doc, mine, citation) {
  for (const el of $('reader-text').querySelectorAll('.hl-active')) el.classList.remove('hl-active');
  for (const b of $('reader-cites').querySelectorAll('.cite')) {
    b.setAttribute('aria-pressed', String(b.dataset.cite === String(citation.id)));
  }
  const el = $(`s-${citation.sentenceIndex}`);
  if (!el) return;
  el.classList.add('hl-active');
  reveal(el);
}

function reveal(el) {
  el.setAttribute('tabindex', '-1');
  // Instant, not smooth: the sentence must be in view as soon as the panel shows it.
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  el.focus({ preventScroll: true });
}

function show() {
  $('reader').hidden = false;
  $('reader-backdrop').hidden = false;
  document.body.classList.add('reading');
  syncInert();
}

export function closeReader() {
  if (!isOpen()) return;
  opened++;
  // Give focus back only if it was in the panel: someone typing their next question keeps their place.
  const active = document.activeElement;
  const focusWasInside = !active || active === document.body || $('reader').contains(active);
  $('reader').hidden = true;
  $('reader-backdrop').hidden = true;
  document.body.classList.remove('reading');
  syncInert();
  const back = returnFocus;
  returnFocus = null;
  if (focusWasInside && back && back.isConnected) back.focus();
  const done = onClose;
  onClose = null;
  if (done) done();
}

/** On a narrow screen the open drawer covers the page: what lies beneath must not take focus or clicks. */
function syncInert() {
  const cover = isOpen() && narrow.matches;
  for (const id of ['main', 'topbar']) $(id).inert = cover;
}

narrow.addEventListener('change', syncInert);

export function initReader() {
  $('reader-close').addEventListener('click', closeReader);
  $('reader-backdrop').addEventListener('click', closeReader);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen() && !e.defaultPrevented) {
      e.preventDefault();
      closeReader();
    }
  });
}
