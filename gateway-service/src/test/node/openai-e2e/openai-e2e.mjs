// The official openai client against the gateway's OpenAI-compatible API, unchanged but for the base URL.
// Environment: TAONET_GATEWAY_URL (e.g. http://localhost:8080), TAONET_API_KEY, TAONET_MODEL (e.g. sn3),
// TAONET_PROMPT and TAONET_EXPECTED (the answer the model server gives to the prompt).
// Prints one line per check and exits non-zero on the first failure.
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

const client = new OpenAI({
  baseURL: `${env('TAONET_GATEWAY_URL')}/v1`,
  apiKey: env('TAONET_API_KEY'),
  maxRetries: 0,
  timeout: 60_000,
});
const model = env('TAONET_MODEL');
const prompt = env('TAONET_PROMPT');
const expected = env('TAONET_EXPECTED');
const messages = [{ role: 'user', content: prompt }];

const models = [];
for await (const m of client.models.list()) {
  models.push(m);
}
const listed = models.find((m) => m.id === model);
assert.ok(listed, `models list ${JSON.stringify(models.map((m) => m.id))} lacks ${model}`);
assert.equal(listed.object, 'model');
console.log(`models: ${models.map((m) => m.id).join(', ')}`);

const completion = await client.chat.completions.create({ model, messages });
assert.equal(completion.object, 'chat.completion');
assert.equal(completion.model, model);
assert.equal(completion.choices.length, 1);
assert.equal(completion.choices[0].message.role, 'assistant');
assert.equal(completion.choices[0].message.content, expected);
assert.equal(completion.choices[0].finish_reason, 'stop');
console.log(`completion: ${completion.choices[0].message.content}`);

const stream = await client.chat.completions.create({ model, messages, stream: true });
let streamed = '';
let chunks = 0;
let finish = null;
for await (const chunk of stream) {
  assert.equal(chunk.object, 'chat.completion.chunk');
  chunks += 1;
  const choice = chunk.choices[0];
  streamed += choice?.delta?.content ?? '';
  finish = choice?.finish_reason ?? finish;
}
assert.equal(streamed, expected);
assert.equal(finish, 'stop');
assert.ok(chunks >= 3, `only ${chunks} chunks: the answer was not streamed`);
console.log(`stream: ${chunks} chunks: ${streamed}`);

// An unknown model is OpenAI's 404 error object, which the client turns into its NotFoundError.
await assert.rejects(client.chat.completions.create({ model: 'sn65000', messages }),
  (e) => e instanceof OpenAI.NotFoundError && e.status === 404);
console.log('unknown model: 404 NotFoundError');
console.log('OPENAI-E2E OK');
