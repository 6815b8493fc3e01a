// Runs queries with Comunica against a SPARQL endpoint and prints their answers as a JSON list,
// each {"bindings": [{var: value}]} | {"boolean": b} | {"triples": [[s, p, o]]}.
// Usage: node comunica.js ENDPOINT QUERY...
const { QueryEngine } = require("@comunica/query-sparql");

async function main() {
  const [endpoint, ...queries] = process.argv.slice(2);
  const engine = new QueryEngine();
  const answers = [];
  for (const query of queries) {
    answers.push(await answer(engine, endpoint, query));
  }
  process.stdout.write(JSON.stringify(answers) + "\n");
}

async function answer(engine, endpoint, query) {
  const context = { sources: [{ type: "sparql", value: endpoint }] };
  const result = await engine.query(query, context);
  let out;
  if (result.resultType === "bindings") {
    const stream = await result.execute();
    const rows = await stream.toArray();
    out = { bindings: rows.map((b) => Object.fromEntries([...b].map(([k, v]) => [k.value, v.value]))) };
  } else if (result.resultType === "boolean") {
    out = { boolean: await result.execute() };
  } else {
    const quads = await (await result.execute()).toArray();
    out = { triples: quads.map((q) => [q.subject.value, q.predicate.value, q.object.value]) };
  }
  return out;
}

main().catch((err) => { process.stderr.write(String(err && err.stack || err) + "\n"); process.exit(1); });
