// Calls to the Footnote REST API. Every failure becomes an ApiError whose message is written for the reader
// of the page: what happened and what to do, with the service's own problem detail when it sent one.
import { readEvents } from './sse.js';

export class ApiError extends Error {
  /**
   * @param kind 'network' (no answer at all), 'http' (a non-2xx answer), 'auth' (401: an access key is
   *             needed or was refused), 'stream' (the answer stream broke or reported an error), 'aborted'
   *             (the reader stopped it)
   */
  constructor(kind, message, { status = null, retryAfter = null } = {}) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

// The access key, when the service wants one (footnote.api-keys): kept for this tab only, sent as a Bearer token.
const KEY_ITEM = 'footnote.apiKey';

/** Remembers the access key for this tab (an empty key forgets it). */
export function setApiKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_ITEM, key);
    else sessionStorage.removeItem(KEY_ITEM);
  } catch {
    // Storage disabled: the key cannot be kept, and the service will ask again.
  }
}

function withKey(headers) {
  let key = null;
  try { key = sessionStorage.getItem(KEY_ITEM); } catch { /* storage disabled */ }
  return key ? { ...headers, Authorization: `Bearer ${key}` } : headers;
}

const UNREACHABLE = "Can't reach the Footnote service. Check that it is running, then try again.";

async function send(url, init) {
  try {
    return await fetch(url, { ...init, headers: withKey(init.headers || {}) });
  } catch (e) {
    if (e.name === 'AbortError') throw new ApiError('aborted', 'Stopped.');
    throw new ApiError('network', UNREACHABLE);
  }
}

/** The problem detail of a non-2xx response (application/problem+json), as an ApiError. */
async function problem(response) {
  let detail = null;
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      const body = await response.json();
      detail = body.detail || body.title || null;
    }
  } catch {
    // A body that is not the promised JSON: fall back to the status line below.
  }
  const status = response.status;
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  let message;
  if (status === 401) {
    let hadKey = false;
    try { hadKey = Boolean(sessionStorage.getItem(KEY_ITEM)); } catch { /* storage disabled */ }
    return new ApiError('auth', hadKey ? 'That access key was not accepted. Check it and enter it again.'
      : 'This Footnote service needs an access key.', { status });
  }
  if (status === 429) {
    const wait = Number(response.headers.get('Retry-After')) || null;
    return new ApiError('http', `Too many questions at once: try again${wait ? ` in ${wait} s` : ' shortly'}.`,
      { status, retryAfter: wait });
  }
  if (status === 503) {
    message = `Footnote isn't ready yet: ${detail || 'the service is unavailable.'}`;
  } else if (status >= 400 && status < 500) {
    message = `Footnote couldn't take that request: ${detail || `${status} ${response.statusText}`}`;
  } else if (status === 502 || status === 504) {
    message = UNREACHABLE;
  } else {
    message = `Something went wrong in the service${detail ? `: ${detail}` : ` (${status}).`}`;
  }
  return new ApiError('http', message, { status, retryAfter });
}

/**
 * Asks a question over POST /api/ask/stream. Calls onToken(text) for each piece of the answer as it is
 * written, onReset(reason) when the service withdraws the pieces sent so far (a language model failed midway
 * and the extractive answerer starts over), and resolves to the final answer (the JSON of /api/ask) from the
 * stream's done event.
 * @throws ApiError
 */
export async function askStream({ question, history }, { onToken = () => {}, onReset = () => {}, signal } = {}) {
  const response = await send('api/ask/stream', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ question, history }),
    signal,
  });
  if (!response.ok) throw await problem(response);
  if (!response.body) throw new ApiError('stream', 'This browser cannot read streamed answers.');
  try {
    for await (const { event, data } of readEvents(response.body)) {
      if (event === 'token') {
        onToken(JSON.parse(data).text ?? '');
      } else if (event === 'reset') {
        let reason = null;
        try { reason = JSON.parse(data).reason; } catch { /* no reason given */ }
        onReset(reason);
      } else if (event === 'done') {
        return JSON.parse(data);
      } else if (event === 'error') {
        let detail = null;
        try { detail = JSON.parse(data).detail; } catch { /* not JSON: use the generic message */ }
        throw new ApiError('stream', `The answer could not be finished${detail ? `: ${detail}` : '.'}`);
      }
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e.name === 'AbortError' || signal?.aborted) throw new ApiError('aborted', 'Stopped.');
    throw new ApiError('stream', 'The connection broke before the answer was finished. Try again.');
  }
  throw new ApiError('stream', 'The answer stream ended before the answer was finished. Try again.');
}

async function getJson(url) {
  const response = await send(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await problem(response);
  return response.json();
}

/** GET /api/documents: the indexed articles. */
export const listDocuments = () => getJson('api/documents');

/**
 * GET /api/documents?limit=&cursor=: one page of the indexed articles, ordered by id, as
 * {documents, total, next}; pass `next` back as the cursor for the following page (null on the last).
 */
export async function listDocumentPage(cursor = null, limit = 200) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  const response = await send(`api/documents?${params}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await problem(response);
  const total = Number(response.headers.get('X-Total-Count'));
  return { documents: await response.json(), total, next: response.headers.get('X-Next-Cursor') };
}

/** GET /api/ingest/status: ingest progress; refused (401/403) without the admin key. */
export const ingestStatus = () => getJson('api/ingest/status');

/** POST /api/documents: uploads files (multipart); resolves to {status, documents: [{file, status, reason, …}]}. */
export async function uploadFiles(files) {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  const response = await send('api/documents', { method: 'POST', body: form, headers: { Accept: 'application/json' } });
  if (!response.ok && response.status !== 422) throw await problem(response);
  const body = await response.json();
  return { status: response.status, documents: body.documents || [] };
}

/** DELETE /api/documents/{id}. */
export async function deleteDocument(id) {
  const response = await send(`api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!response.ok) throw await problem(response);
}

/** GET /api/corpus: {articles, earliest, latest, suggestions}. */
export const corpusOverview = () => getJson('api/corpus');

/** GET /api/documents/{id}: one article's text and sentence offsets. */
export const getDocument = (id) => getJson(`api/documents/${encodeURIComponent(id)}`);

/**
 * The index's readiness from /q/health/ready: {ready, documents, done, total, error}.
 * @throws ApiError('network') when the service cannot be reached
 */
export async function readiness() {
  const response = await send('q/health/ready', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  let body = {};
  try { body = await response.json(); } catch { /* not health JSON */ }
  const data = (body.checks || []).find((c) => c.name === 'index')?.data || {};
  return {
    ready: response.ok,
    documents: data.documents ?? null,
    done: data.filesDone ?? null,
    total: data.filesTotal ?? null,
    error: data.error ?? null,
  };
}
