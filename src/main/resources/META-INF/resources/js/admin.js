// Managing the articles from the library, for whoever holds the admin key: upload (drag and drop, several
// files at once) with the ingest progress, and deleting the article open in the panel. Without the key the
// controls are absent; only the field to enter it shows.
import { h, append, clear } from './dom.js';
import { ingestStatus, uploadFiles, deleteDocument, setApiKey, ApiError } from './api.js';
import { renderLibrary } from './library.js';
import { closeReader } from './reader.js';

const $ = (id) => document.getElementById(id);
let admin = false;
let shown = null; // {id, title} of the article in the panel

/** Whether the key this tab holds is the admin key: the ingest status answers only to it. */
export async function checkAdmin() {
  try {
    await ingestStatus();
    admin = true;
  } catch (e) {
    if (!(e instanceof ApiError) || e.kind === 'network') return admin; // unknown: leave as it was
    admin = false;
  }
  $('admin-controls').hidden = !admin;
  $('admin-key-form').hidden = admin;
  if (admin) $('admin').open = true;
  syncDelete();
  return admin;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function seconds(s) {
  if (s === null || s === undefined) return 'estimating…';
  return s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`;
}

/**
 * The ingest status as a progress bar with rate and time left, whether the index is merging in the background,
 * and the files left out with their reasons.
 */
function showStatus(status, results) {
  const box = $('ingest');
  const parts = [];
  if (status?.running && status.total) {
    const pct = Math.round((100 * status.done) / status.total);
    parts.push(h('p', {}, `Indexing ${status.done} of ${plural(status.total, 'file')} · `
      + `${status.filesPerSecond.toFixed(1)} files/s · ${seconds(status.etaSeconds)} left`),
    h('progress', { max: String(status.total), value: String(status.done), 'aria-label': `Indexing: ${pct}%` }));
  }
  if (status?.merging) {
    parts.push(h('p', { class: 'merging' }, 'Merging the index into one segment in the background '
      + '(questions are answered and uploads indexed meanwhile)'));
  }
  if (results) {
    const indexed = results.filter((r) => r.status === 'indexed');
    const queued = results.filter((r) => r.status === 'queued');
    const skipped = results.filter((r) => r.status === 'skipped');
    parts.push(h('p', { class: 'ingest-summary' }, [
      indexed.length ? `${plural(indexed.length, 'file')} indexed.` : null,
      queued.length ? ` ${plural(queued.length, 'file')} still indexing.` : null,
      skipped.length ? ` ${plural(skipped.length, 'file')} skipped.` : null,
    ].filter(Boolean).join('').trim()));
    if (skipped.length) {
      parts.push(h('ul', { class: 'skipped' }, skipped.map((r) => h('li', {}, h('strong', {}, r.file), `: ${r.reason}`))));
    }
  }
  append(clear(box), parts);
}

async function upload(files) {
  if (!files.length) return;
  const box = $('ingest');
  clear(box).append(h('p', {}, `Uploading ${plural(files.length, 'file')}…`));
  let done = false;
  const poll = async () => {
    while (!done) {
      try {
        const status = await ingestStatus();
        if (!done) showStatus(status, null);
      } catch { /* the upload's own answer says what happened */ }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  poll();
  try {
    const result = await uploadFiles(files);
    done = true;
    showStatus(null, result.documents);
    renderLibrary();
    document.dispatchEvent(new CustomEvent('footnote:corpus-changed'));
  } catch (e) {
    done = true;
    clear(box).append(h('p', { class: 'error-text', role: 'alert' }, e.message));
  }
}

function syncDelete() {
  const slot = $('reader-admin');
  clear(slot);
  slot.hidden = !(admin && shown);
  if (slot.hidden) return;
  const target = shown;
  const button = h('button', { type: 'button', class: 'secondary danger' }, 'Delete this article');
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) { // a second click confirms: deleting removes the file from the corpus folder
      armed = true;
      button.textContent = `Confirm: delete “${target.title}”`;
      return;
    }
    try {
      await deleteDocument(target.id);
      shown = null;
      closeReader();
      if (location.hash.startsWith('#/library/')) location.hash = '#/library';
      renderLibrary();
      document.dispatchEvent(new CustomEvent('footnote:corpus-changed'));
      $('ingest').replaceChildren(h('p', {}, `Deleted “${target.title}”.`));
    } catch (e) {
      slot.append(h('span', { class: 'error-text', role: 'alert' }, ` ${e.message}`));
    }
  });
  slot.append(button);
}

export function initAdmin() {
  const zone = $('drop-zone');
  const input = $('upload-input');
  input.addEventListener('change', () => {
    upload([...input.files]);
    input.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    upload([...(e.dataTransfer?.files || [])]);
  });
  $('admin-key-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = $('admin-key').value.trim();
    if (!key) {
      $('admin-key-error').textContent = 'Enter the admin key first.';
      return;
    }
    setApiKey(key);
    $('admin-key').value = '';
    const ok = await checkAdmin();
    $('admin-key-error').textContent = ok ? '' : 'That is not the admin key.';
    if (ok) $('upload-input').focus();
  });
  document.addEventListener('footnote:article-shown', (e) => {
    shown = e.detail;
    syncDelete();
  });
}
