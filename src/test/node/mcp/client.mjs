// Lists and calls every tool (and reads a document resource) of Groundwork's MCP server with the official SDK's client, over its streamable HTTP
// transport, and prints one JSON line per step for the JUnit test to check: node client.mjs <endpoint> <api key>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [endpoint, key, question, query] = process.argv.slice(2);

function print(step, value) {
  console.log(JSON.stringify({ step, ...value }));
}

async function connect(bearer) {
  const headers = bearer ? { Authorization: `Bearer ${bearer}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), { requestInit: { headers } });
  const client = new Client({ name: "groundwork-node-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

function result(call) {
  return { isError: call.isError === true, text: call.content?.[0]?.text, structured: call.structuredContent };
}

try {
  await connect(null);
  print("anonymous", { connected: true });
} catch (error) {
  print("anonymous", { connected: false, error: String(error?.message ?? error) });
}

const client = await connect(key);
print("server", { name: client.getServerVersion()?.name, instructions: client.getInstructions() });

const tools = await client.listTools();
print("tools", { names: tools.tools.map((tool) => tool.name).sort() });

const search = await client.callTool({ name: "search_documents", arguments: { query, k: 3 } });
print("search_documents", result(search));

const passageId = search.structuredContent?.passages?.[0]?.passageId;
print("get_passage", result(await client.callTool({ name: "get_passage", arguments: { passageId } })));

print("ask", result(await client.callTool({ name: "ask", arguments: { question } })));

print("list_documents", result(await client.callTool({ name: "list_documents", arguments: {} })));

const templates = await client.listResourceTemplates();
const documentId = search.structuredContent?.passages?.[0]?.documentId;
const resource = await client.readResource({ uri: `groundwork://documents/${documentId}` });
print("resource", {
  templates: templates.resourceTemplates.map((template) => template.uriTemplate),
  uri: resource.contents[0].uri,
  mimeType: resource.contents[0].mimeType,
  text: resource.contents[0].text,
});

print("bad_argument", result(await client.callTool({ name: "search_documents", arguments: { query: "boiler", k: 0 } })));

await client.close();
print("done", {});
