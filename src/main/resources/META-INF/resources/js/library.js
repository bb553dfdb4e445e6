// The library: every indexed article, each a link to its text in the article panel.
import { h, append, clear, formatDate } from './dom.js';
import { listDocuments } from './api.js';

let all = [];

export async function renderLibrary() {
  const list = document.getElementById('library-list');
  const summary = document.getElementById('library-summary');
  summary.textContent = 'Loading the list of articles…';
  let docs;
  try {
    docs = await listDocuments();
  } catch (e) {
    summary.textContent = '';
    if (e.kind === 'auth') {
      document.dispatchEvent(new CustomEvent('footnote:need-key', { detail: { message: e.message, retry: renderLibrary } }));
    }
    clear(list).append(h('li', { class: 'error', role: 'alert' }, h('p', { class: 'error-text' }, e.message)));
    return;
  }
  all = docs;
  summary.textContent = docs.length === 1 ? '1 article is indexed. Open it to read it in full.'
    : `${docs.length} articles are indexed. Open one to read it in full; every sentence in it can be linked to.`;
  append(clear(list), docs.map((d) => h('li', { class: 'doc' },
    h('a', { class: 'doc-link', href: `#/library/${encodeURIComponent(d.id)}`, dataset: { document: d.id },
      title: d.fullTitle && d.fullTitle !== d.title ? d.fullTitle : null },
      h('span', { class: 'clamp' }, d.title || d.id)),
    h('p', { class: 'doc-meta' },
      h('span', {}, d.date ? formatDate(d.date) : 'Undated'),
      h('span', {}, d.source || d.id),
      h('span', {}, `${d.sentences} sentences`)))));
  const filter = document.getElementById('library-filter').value;
  if (filter.trim()) filterLibrary(filter);
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
  else if (all.length) summary.textContent = `${all.length} articles are indexed. Open one to read it in full; every sentence in it can be linked to.`;
}
