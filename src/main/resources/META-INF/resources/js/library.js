// The library: the indexed articles a page at a time ("Show more"), each a link to its text in the article panel.
import { h, append, clear, formatDate } from './dom.js';
import { listDocumentPage } from './api.js';

let all = [];
let total = 0;
let next = null;

export async function renderLibrary() {
  const list = document.getElementById('library-list');
  const summary = document.getElementById('library-summary');
  summary.textContent = 'Loading the list of articles…';
  let page;
  try {
    page = await listDocumentPage();
  } catch (e) {
    summary.textContent = '';
    if (e.kind === 'auth') {
      document.dispatchEvent(new CustomEvent('footnote:need-key', { detail: { message: e.message, retry: renderLibrary } }));
    }
    clear(list).append(h('li', { class: 'error', role: 'alert' }, h('p', { class: 'error-text' }, e.message)));
    return;
  }
  all = [];
  clear(list);
  showPage(page);
  const filter = document.getElementById('library-filter').value;
  if (filter.trim()) filterLibrary(filter);
}

/** Appends a page of articles, and a "Show more" button while more follow. */
function showPage(page) {
  const list = document.getElementById('library-list');
  ({ total, next } = page);
  all = all.concat(page.documents);
  document.getElementById('library-more')?.remove();
  document.getElementById('library-summary').textContent = summaryText();
  append(list, page.documents.map((d) => h('li', { class: 'doc' },
    h('a', { class: 'doc-link', href: `#/library/${encodeURIComponent(d.id)}`, dataset: { document: d.id },
      title: d.fullTitle && d.fullTitle !== d.title ? d.fullTitle : null },
      h('span', { class: 'clamp' }, d.title || d.id)),
    h('p', { class: 'doc-meta' },
      h('span', {}, d.date ? formatDate(d.date) : 'Undated'),
      h('span', {}, d.source || d.id),
      h('span', {}, `${d.sentences} sentences`)))));
  if (next) {
    const more = h('button', { type: 'button', id: 'library-more', class: 'library-more' }, 'Show more');
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        showPage(await listDocumentPage(next));
        const filter = document.getElementById('library-filter').value;
        if (filter.trim()) filterLibrary(filter);
      } catch (e) {
        more.disabled = false;
        document.getElementById('library-summary').textContent = e.message;
      }
    });
    list.after(more);
  }
}

function summaryText() {
  if (total === 1) return '1 article is indexed. Open it to read it in full.';
  const shown = all.length < total ? ` (${all.length} shown)` : '';
  return `${total} articles are indexed${shown}. Open one to read it in full; every sentence in it can be linked to.`;
}

/** Shows only the articles whose title or file name contains the filter's words, in any case. */
export function filterLibrary(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const li of document.querySelectorAll('#library-list .doc')) {
    const link = li.querySelector('.doc-link');
    const doc = all.find((d) => d.id === link.dataset.document);
    const hay = `${doc?.fullTitle || doc?.title || ''} ${doc?.source || ''}`.toLowerCase();
    const match = words.every((w) => hay.includes(w));
    li.hidden = !match;
    if (match) shown++;
  }
  const summary = document.getElementById('library-summary');
  if (words.length) summary.textContent = `${shown} of ${all.length} articles match.`;
  else if (all.length) summary.textContent = summaryText();
}
