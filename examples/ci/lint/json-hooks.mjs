// The parser's build imports its schema JSON without an import attribute, which Node 20 refuses; this hook adds
// { type: "json" } to such imports so the published package runs unmodified. Registered by register-json.mjs.
export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }
  return nextLoad(url, context);
}
