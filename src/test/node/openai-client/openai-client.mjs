// Asks Footnote through the official openai npm client and prints what the client returned, as one JSON
// object on stdout, for OpenAiNpmClientTest to check.
// Usage: node openai-client.mjs <base URL ending in /v1> <question>
// FOOTNOTE_API_KEY, when set, is sent as the bearer key (the client insists on one; Footnote ignores it unless
// it is configured to require keys).
import OpenAI, { NotFoundError } from 'openai';

const [baseURL, question] = process.argv.slice(2);
if (!baseURL || !question) {
  console.error('usage: node openai-client.mjs <base URL> <question>');
  process.exit(2);
}
const client = new OpenAI({ baseURL, apiKey: process.env.FOOTNOTE_API_KEY || 'not-needed', maxRetries: 0 });
const messages = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: question },
];
const out = {};

const models = await client.models.list();
out.models = [];
for await (const m of models) {
  out.models.push(m.id);
}

const completion = await client.chat.completions.create({ model: 'footnote', messages, temperature: 0.2 });
out.plain = {
  id: completion.id,
  object: completion.object,
  model: completion.model,
  content: completion.choices[0].message.content,
  role: completion.choices[0].message.role,
  finishReason: completion.choices[0].finish_reason,
  usage: completion.usage,
  citations: completion.citations,
};

const stream = await client.chat.completions.create({
  model: 'footnote', messages, stream: true, stream_options: { include_usage: true },
});
const chunks = [];
for await (const chunk of stream) {
  chunks.push(chunk);
}
const last = chunks[chunks.length - 1];
out.stream = {
  chunks: chunks.length,
  ids: [...new Set(chunks.map((c) => c.id))],
  firstRole: chunks[0].choices[0]?.delta?.role ?? null,
  content: chunks.map((c) => c.choices[0]?.delta?.content ?? '').join(''),
  finishReasons: chunks.map((c) => c.choices[0]?.finish_reason).filter((r) => r),
  lastUsage: last.usage ?? null,
  lastCitations: last.citations ?? null,
};

try {
  await client.chat.completions.create({ model: 'no-such-model', messages });
  out.unknownModel = { error: null };
} catch (e) {
  out.unknownModel = {
    error: e.constructor.name,
    isNotFoundError: e instanceof NotFoundError,
    status: e.status,
    code: e.code,
    type: e.type,
    param: e.param,
    message: e.message,
  };
}

console.log(JSON.stringify(out));
