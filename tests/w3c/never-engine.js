// rdf-test-suite needs an engine module; the protocol and service-description manifests only
// talk HTTP to the endpoint given with -i, so this one is never called.
module.exports = { parse: async () => { throw new Error("not used"); }, query: async () => { throw new Error("not used"); } };
