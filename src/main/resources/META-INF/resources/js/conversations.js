// Conversations kept in this browser (localStorage): nothing here leaves the browser. Each conversation is
// {id, title, updated, turns: [{question, answer}]}, `answer` the service's final answer JSON, so an opened
// conversation shows exactly what was answered, citations included, without asking again.

const ITEM = 'footnote.conversations';
const MAX_CONVERSATIONS = 50; // the oldest go first: localStorage holds a few MB
const MAX_TURNS = 40;
const TITLE_LENGTH = 60;

function load() {
  try {
    const list = JSON.parse(localStorage.getItem(ITEM) || '[]');
    return Array.isArray(list) ? list.filter((c) => c && typeof c.id === 'string' && Array.isArray(c.turns)) : [];
  } catch {
    return []; // storage disabled or damaged: start afresh rather than fail the page
  }
}

function store(list) {
  try {
    localStorage.setItem(ITEM, JSON.stringify(list.slice(0, MAX_CONVERSATIONS)));
    return true;
  } catch {
    return false; // storage full or disabled: the conversation still works, it just is not kept
  }
}

/** A title from a first question: its first line, cut at a word boundary. */
export function titleFrom(question) {
  const line = question.trim().split('\n')[0];
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.lastIndexOf(' ', TITLE_LENGTH);
  return `${line.slice(0, cut > 20 ? cut : TITLE_LENGTH)}…`;
}

/** Every kept conversation, the most recently used first. */
export function listConversations() {
  return load().sort((a, b) => b.updated - a.updated);
}

export function getConversation(id) {
  return load().find((c) => c.id === id) || null;
}

/** Adds a finished turn to conversation `id` (created with the question as title when new); returns the id. */
export function saveTurn(id, question, answer) {
  const list = load();
  let c = id ? list.find((x) => x.id === id) : null;
  if (!c) {
    c = { id: id || newId(), title: titleFrom(question), updated: Date.now(), turns: [] };
    list.push(c);
  }
  c.turns.push({ question, answer });
  c.turns = c.turns.slice(-MAX_TURNS);
  c.updated = Date.now();
  store(list.sort((a, b) => b.updated - a.updated));
  return c.id;
}

export function renameConversation(id, title) {
  const list = load();
  const c = list.find((x) => x.id === id);
  if (!c || !title.trim()) return false;
  c.title = title.trim().slice(0, 200);
  return store(list);
}

export function deleteConversation(id) {
  return store(load().filter((c) => c.id !== id));
}

function newId() {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The link that asks `question` again when opened: the page's address with #/ask/<question>. */
export function shareLink(question) {
  return `${location.origin}${location.pathname}#/ask/${encodeURIComponent(question)}`;
}
