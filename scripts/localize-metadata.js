/**
 * Derives the Dutch custom-functions metadata (functions.nl.json) from the generated English
 * functions.json and the Dutch catalogue src/functions/metadata.nl.json.
 *
 * Pure and dependency-free (CommonJS), so webpack and the tests use the same code. It replaces
 * the function and parameter descriptions only: ids, names, types, dimensionality, optional
 * flags and parameter counts stay exactly as generated, because Excel binds on those. It throws
 * when the catalogue misses a function or a parameter, so a new or renamed argument can never
 * ship with English help in the Dutch file.
 *
 * @param {{ functions: Array<{ id: string, description?: string, parameters: Array<{ name: string, description?: string }> }> }} functionsJson
 * @param {Record<string, { description: string, result?: string, parameters: Record<string, string> }>} nlCatalogue
 * @returns {object} A new metadata object with Dutch descriptions.
 */
module.exports = function localizeMetadata(functionsJson, nlCatalogue) {
  if (!functionsJson || !Array.isArray(functionsJson.functions)) {
    throw new Error('localize-metadata: functions.json has no "functions" array');
  }
  const copy = JSON.parse(JSON.stringify(functionsJson));
  for (const fn of copy.functions) {
    const entry = nlCatalogue[fn.id];
    if (!entry) throw new Error(`localize-metadata: function ${fn.id} is missing in metadata.nl.json`);
    if (typeof entry.description !== 'string' || entry.description.trim() === '') {
      throw new Error(`localize-metadata: function ${fn.id} has no Dutch description`);
    }
    fn.description = entry.description;
    const params = entry.parameters || {};
    for (const p of fn.parameters) {
      const text = params[p.name];
      if (typeof text !== 'string' || text.trim() === '') {
        throw new Error(`localize-metadata: parameter ${p.name} of ${fn.id} is missing in metadata.nl.json`);
      }
      p.description = text;
    }
    const known = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!known.has(name))
        throw new Error(
          `localize-metadata: metadata.nl.json names parameter ${name} that ${fn.id} does not have`,
        );
    }
  }
  return copy;
};
