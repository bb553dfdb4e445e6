// The hover/focus card of a citation button: the cited sentence, its article's title and date, and whether
// the citation was found to support its claim. One card for the whole page, placed beside the button.
import { h, clear, formatDate } from './dom.js';

const card = () => document.getElementById('cite-card');
let owner = null;

/** Shows the card for a citation button; `citation` is the answer's citation object. */
export function showCard(button, citation) {
  const el = card();
  clear(el);
  el.append(
    h('span', { class: 'card-sentence' }, `“${citation.text}”`),
    h('span', { class: 'card-source' }, citation.title || citation.documentId,
      citation.date ? ` · ${formatDate(citation.date)}` : ' · undated'),
  );
  if (citation.supported === false) {
    el.append(h('span', { class: 'card-warning' }, 'Flagged: this sentence may not support the claim it is cited for.'));
  }
  el.hidden = false;
  owner = button;
  button.setAttribute('aria-describedby', 'cite-card');
  place(el, button.getBoundingClientRect());
}

export function hideCard(button) {
  if (button && button !== owner) return;
  if (owner) owner.removeAttribute('aria-describedby');
  owner = null;
  card().hidden = true;
}

function place(el, anchor) {
  const margin = 8;
  const width = Math.min(360, window.innerWidth - 2 * margin);
  el.style.width = `${width}px`;
  let left = anchor.left + anchor.width / 2 - width / 2;
  left = Math.max(margin, Math.min(left, window.innerWidth - width - margin));
  el.style.left = `${left}px`;
  const height = el.offsetHeight;
  const above = anchor.top - height - margin;
  el.style.top = `${above >= margin ? above : anchor.bottom + margin}px`;
}

/** Wires a citation button to the card: hover and keyboard focus show it, leaving or Escape hides it. */
export function attachCard(button, citation) {
  button.addEventListener('pointerenter', () => showCard(button, citation));
  button.addEventListener('pointerleave', () => hideCard(button));
  button.addEventListener('focus', () => showCard(button, citation));
  button.addEventListener('blur', () => hideCard(button));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && owner === button) {
      hideCard(button);
      e.stopPropagation();
    }
  });
}

// A card left open over content that scrolled away would point at nothing.
window.addEventListener('scroll', () => hideCard(), true);
window.addEventListener('resize', () => hideCard());
