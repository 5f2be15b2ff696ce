// Asks Groundwork's /v1 endpoint with the official openai client, as a script a user would write, and prints one
// line per step (a tag and JSON) for the JUnit test that runs it to check. GROUNDWORK_URL and GROUNDWORK_KEY say
// where and as whom.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: `${process.env.GROUNDWORK_URL}/v1`, apiKey: process.env.GROUNDWORK_KEY, maxRetries: 0 });
const print = (tag, value) => console.log(`${tag} ${JSON.stringify(value)}`);

const models = await client.models.list();
print('MODELS', models.data.map((model) => model.id));

const question = 'What does the Atlas 3000 boiler burn?';
const stream = await client.chat.completions.create({
  model: 'groundwork',
  stream: true,
  messages: [{ role: 'user', content: question }],
});
let streamed = '';
let chunks = 0;
let last = null;
for await (const chunk of stream) {
  const delta = chunk.choices[0]?.delta?.content;
  if (delta) {
    streamed += delta;
    chunks += 1;
  }
  last = chunk;
}
print('STREAM', {
  chunks,
  content: streamed,
  finish: last.choices[0].finish_reason,
  citations: last.groundwork.citations.map((citation) => citation.fileName),
});

const completion = await client.chat.completions.create({
  model: 'groundwork',
  messages: [
    { role: 'user', content: question },
    { role: 'assistant', content: streamed },
    { role: 'user', content: 'How long does its warranty last?' },
  ],
});
print('ANSWER', {
  content: completion.choices[0].message.content,
  finish: completion.choices[0].finish_reason,
  searchedFor: completion.groundwork.searchedFor,
  citations: completion.groundwork.citations.map((citation) => ({ n: citation.n, fileName: citation.fileName })),
});

try {
  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
  print('ERROR', null);
} catch (error) {
  print('ERROR', { status: error.status, code: error.code, type: error.type, param: error.param });
}
