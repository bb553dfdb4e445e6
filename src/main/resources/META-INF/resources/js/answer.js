// One exchange in the conversation: the question, then the answer as it streams in and, once complete, with
// every [n] marker turned into a citation button, its sources listed, and what produced it.
import { h, append, clear, formatDate } from './dom.js';
import { attachCard, hideCard } from './tooltip.js';
import { shareLink } from './conversations.js';

export function questionView(question) {
  return h('article', { class: 'msg msg-question', 'aria-label': 'You asked' },
    h('p', { class: 'msg-text' }, question));
}

const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

const unsupported = (c) => c.supported === false;

/**
 * A placeholder answer that fills in as tokens arrive.
 * @param onCite called with (answer, citation, element chosen) when a citation is chosen
 * @returns {{el, token(text), finish(answer), fail(error, retry)}}
 */
export function answerView({ onCite }) {
  const body = h('div', { class: 'answer-body' },
    h('p', { class: 'answer-status' }, 'Searching the articles…'));
  const el = h('article', { class: 'msg msg-answer', 'aria-busy': 'true', 'aria-label': 'Footnote’s answer' }, body);
  let streamed = '';
  let live = null;
  let note = null; // why the answer started over, shown above the new attempt

  return {
    el,
    token(text) {
      if (!live) {
        live = h('p', { class: 'answer-text streaming' });
        append(clear(body), [note, live]);
      }
      streamed += text;
      live.textContent = streamed;
    },
    /** The service withdrew what it had sent: drop it, and say why the answer is starting over. */
    reset(reason) {
      streamed = '';
      live = null;
      note = h('p', { class: 'answer-status restart' },
        `Starting over, quoting the articles instead${reason ? `: ${reason}` : '.'}`);
      append(clear(body), [note]);
    },
    finish(answer) {
      el.setAttribute('aria-busy', 'false');
      append(clear(body), [answer.abstained ? abstention(answer) : complete(answer, onCite)]);
      el.classList.toggle('msg-abstained', Boolean(answer.abstained));
      if (!answer.abstained || answer.notice) el.append(footer(answer));
    },
    fail(error, retry) {
      el.setAttribute('aria-busy', 'false');
      clear(body);
      if (note) body.append(note);
      if (streamed) {
        body.append(h('p', { class: 'answer-text incomplete' }, streamed),
          h('p', { class: 'answer-status' }, 'The answer above is incomplete.'));
      }
      const stopped = error.kind === 'aborted';
      const waiting = error.status === 503; // the index is loading: a matter of time, not a fault
      el.classList.add(stopped ? 'msg-stopped' : 'msg-error');
      body.append(h('div', { class: stopped ? 'stopped' : `error${waiting ? ' waiting' : ''}`, role: stopped ? null : 'alert' },
        h('p', { class: 'error-text' }, stopped ? 'You stopped this answer.' : error.message),
        h('button', { type: 'button', class: 'secondary retry', on: { click: retry } }, 'Ask again')));
    },
  };
}

/**
 * A declined question: one plain sentence, and the related passages the service found when it sends them
 * (the optional `related` list: {documentId, title, date, sentenceIndex, text}), so the reader sees what came
 * closest. Passages of one article sit under its title once, in the order the service ranked them; each opens
 * its sentence in the article.
 */
function abstention(answer) {
  const related = Array.isArray(answer.related) ? answer.related : [];
  const articles = [];
  for (const r of related) {
    const same = articles.find((a) => a.documentId === r.documentId);
    if (same) {
      same.passages.push(r);
    } else {
      articles.push({ documentId: r.documentId, title: r.title, date: r.date, passages: [r] });
    }
  }
  const link = (r) => `#/library/${encodeURIComponent(r.documentId)}${r.sentenceIndex === undefined ? '' : `/${r.sentenceIndex}`}`;
  return [
    h('p', { class: 'abstain-title' }, 'The articles don’t say.'),
    h('p', { class: 'hint' }, 'No sentence in the articles answers this, so nothing is cited. Try other words, or see what the ',
      h('a', { href: '#/library' }, 'library'), ' covers.'),
    articles.length ? h('section', { class: 'related', 'aria-label': 'Related passages' },
      h('h3', { class: 'sources-title' }, 'Related passages'),
      h('ul', { class: 'source-list' }, articles.map((a) => h('li', { class: 'source' },
        h('p', { class: 'source-head' },
          h('a', { class: 'source-open', href: link(a.passages[0]) }, a.title || a.documentId),
          h('span', { class: 'source-date' }, a.date ? formatDate(a.date) : 'undated')),
        ...a.passages.filter((r) => r.text).map((r) => h('p', { class: 'related-text' },
          h('a', { class: 'related-open', href: link(r) }, r.text))))))) : null,
  ];
}

/**
 * The citation's text with the words that answer the question emphasised (its `highlights`: ranges into the
 * document, like `start` and `end`), as nodes to append.
 */
function emphasised(c) {
  const out = [];
  let at = 0;
  for (const r of c.highlights || []) {
    const from = r.start - c.start;
    const to = r.end - c.start;
    if (from < at || to > c.text.length || from >= to) continue; // not within this quote: show it plain
    out.push(c.text.slice(at, from), h('strong', { class: 'answer-words' }, c.text.slice(from, to)));
    at = to;
  }
  out.push(c.text.slice(at));
  return out;
}

/** A stretch of answer text; where it quotes its citation word for word, that quote with its emphasis. */
function withEmphasis(segment, c) {
  const i = c && c.highlights && c.highlights.length ? segment.indexOf(c.text) : -1;
  if (i < 0) return [segment];
  return [segment.slice(0, i), ...emphasised(c), segment.slice(i + c.text.length)];
}

function complete(answer, onCite) {
  const citations = answer.citations || [];
  const byId = new Map(citations.map((c) => [c.id, c]));
  const button = (c) => citeButton(c, (el) => onCite(answer, c, el));
  const text = h('p', { class: 'answer-text' });
  let at = 0;
  for (const m of answer.answer.matchAll(MARKER)) {
    const ids = m[1].split(',').map((s) => Number(s.trim()));
    if (!ids.some((id) => byId.has(id))) continue; // not one of ours: leave the literal text
    text.append(...withEmphasis(answer.answer.slice(at, m.index), ids.length === 1 ? byId.get(ids[0]) : null));
    for (const id of ids) text.append(byId.has(id) ? button(byId.get(id)) : `[${id}]`);
    at = m.index + m[0].length;
  }
  text.append(answer.answer.slice(at));

  const parts = [text];
  if (answer.rewrittenQuestion && answer.rewrittenQuestion !== answer.question) {
    parts.push(h('p', { class: 'rewritten' }, 'Interpreted as ', h('q', {}, answer.rewrittenQuestion)));
  }
  const claims = answer.unsupportedClaims || [];
  if (claims.length) {
    parts.push(h('details', { class: 'unsupported-claims' },
      h('summary', {}, claims.length === 1 ? '1 statement is not supported by its sources'
        : `${claims.length} statements are not supported by their sources`),
      h('ul', {}, claims.map((c) => h('li', {}, c)))));
  }
  // An extractive answer is the quoted sentences themselves: its sources list where they come from, not them again.
  const quoted = answer.mode === 'extractive';
  if (citations.length) parts.push(sources(citations, button, (c, el) => onCite(answer, c, el), quoted));
  return parts;
}

/** The answer's sources, grouped by article in the order they are first cited. */
function sources(citations, button, open, quoted) {
  const groups = new Map();
  for (const c of citations) {
    if (!groups.has(c.documentId)) groups.set(c.documentId, []);
    groups.get(c.documentId).push(c);
  }
  return h('section', { class: 'sources', 'aria-label': 'Sources' },
    h('h3', { class: 'sources-title' }, 'Sources'),
    h('ul', { class: 'source-list' }, [...groups.values()].map((cs) => h('li', { class: 'source' },
      h('p', { class: 'source-head' },
        h('button', { type: 'button', class: 'link source-open', on: { click: (e) => open(cs[0], e.currentTarget) } },
          h('span', { class: 'clamp' }, cs[0].title || cs[0].documentId)),
        h('span', { class: 'source-date' }, cs[0].date ? formatDate(cs[0].date) : 'undated')),
      h('ul', { class: `quotes${quoted ? ' quotes-ref' : ''}` }, cs.map((c) => h('li', { class: `quote${unsupported(c) ? ' quote-unsupported' : ''}` },
        button(c), ' ', quoted ? h('span', { class: 'quote-ref' }, `sentence ${c.sentenceIndex + 1}`) : h('q', {}, emphasised(c)),
        unsupported(c) ? h('span', { class: 'flag' }, 'Flagged: may not support the claim') : null)))))));
}

function citeButton(c, open) {
  const b = h('button', {
    type: 'button',
    class: `cite${unsupported(c) ? ' cite-unsupported' : ''}`,
    dataset: { cite: String(c.id), document: c.documentId, sentence: String(c.sentenceIndex) },
    'aria-label': `Citation ${c.id}${unsupported(c) ? ', flagged unsupported' : ''}: ${c.title || c.documentId}`,
    on: {
      click: (e) => {
        hideCard();
        open(e.currentTarget);
      },
    },
  }, String(c.id));
  attachCard(b, c);
  return b;
}

function footer(answer) {
  const mode = answer.mode === 'extractive' ? 'Extractive: quoted from the articles' : `Written by ${answer.mode}`;
  const copy = h('button', { type: 'button', class: 'secondary copy' }, 'Copy');
  copy.addEventListener('click', async () => {
    const ok = await copyText(plainText(answer));
    copy.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { copy.textContent = 'Copy'; }, 2000);
  });
  // A link that asks this question again: the way to share a chat kept only in this browser.
  const share = answer.question ? h('button', { type: 'button', class: 'secondary copy-link' }, 'Copy link') : null;
  share?.addEventListener('click', async () => {
    const ok = await copyText(shareLink(answer.question));
    share.textContent = ok ? 'Link copied' : 'Copy failed';
    setTimeout(() => { share.textContent = 'Copy link'; }, 2000);
  });
  const t = answer.timings;
  return h('footer', { class: 'answer-meta' },
    answer.notice ? h('p', { class: 'notice', role: 'note' }, answer.notice) : null,
    h('div', { class: 'meta-row' },
      h('span', { class: 'mode' }, mode),
      t ? h('span', { class: 'timing' }, `${t.retrieveMs + t.answerMs} ms`) : null,
      copy, share));
}

/** The answer as plain text with its sources, for the clipboard. */
export function plainText(answer) {
  const lines = [answer.answer];
  if (answer.citations?.length) {
    lines.push('', 'Sources:');
    for (const c of answer.citations) {
      lines.push(`[${c.id}] “${c.text}” (${c.title || c.documentId}${c.date ? `, ${c.date}` : ''})`);
    }
  }
  return lines.join('\n');
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page not served over https or localhost): the old way.
    const area = h('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
