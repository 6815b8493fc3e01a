// rdf-test-suite engine that evaluates the W3C query tests through kg's HTTP endpoint, started
// by tests/test_sparql_w3c.py in its TEST-ONLY writable mode (tests/w3c/writable_app.py).
// Options (-i): {"endpoint": "http://127.0.0.1:PORT", "direct": false}. With "direct": true the
// query goes to pyoxigraph in the server process instead: the baseline.
const { Readable } = require("stream");
const { Parser, Writer } = require("n3");
const { TestCaseQueryEvaluationHandler, QueryResultQuads } = require("rdf-test-suite");

function nquads(quads) {
  return new Promise((resolve, reject) => {
    const writer = new Writer({ format: "N-Quads" });
    writer.addQuads(quads);
    writer.end((err, out) => (err ? reject(err) : resolve(out)));
  });
}

async function post(url, body, headers) {
  const response = await fetch(url, { method: "POST", body, headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
  return { type: (response.headers.get("content-type") || "").split(";")[0], text };
}

function withBase(query, base) {
  // The suite resolves relative IRIs against the query file; kg's endpoint uses its own IRI.
  return base ? `BASE <${base}>\n${query}` : query;
}

async function ask(options, query) {
  const base = options.baseIRI;
  if (options.direct) {
    const url = `${options.endpoint}/test/direct?base=${encodeURIComponent(base || "")}`;
    return post(url, query, { "Content-Type": "application/sparql-query" });
  }
  return post(`${options.endpoint}/sparql`, withBase(query, base), {
    "Content-Type": "application/sparql-query",
    Accept: "application/sparql-results+json, application/n-triples",
  });
}

function dataUrl(options) {
  // The baseline's data goes to an in-memory store: writing a store folder per test is most of
  // a run's time, and only kg's worker processes need one.
  return `${options.endpoint}/test/data${options.direct ? "?direct=1" : ""}`;
}

module.exports = {
  parse: async (query, options) => {
    await post(dataUrl(options), "", { "Content-Type": "application/n-quads" });
    await ask(options, query);
  },
  query: async (data, query, options) => {
    await post(dataUrl(options), await nquads(data), {
      "Content-Type": "application/n-quads",
    });
    const answer = await ask(options, query);
    if (answer.type === "application/n-triples") {
      return new QueryResultQuads(new Parser({ format: "N-Triples" }).parse(answer.text));
    }
    const result = await TestCaseQueryEvaluationHandler.parseSparqlResults("json", Readable.from([answer.text]));
    if (result.type === "bindings") result.checkOrder = options.checkOrder;
    return result;
  },
};
