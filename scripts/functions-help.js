/**
 * Builds the function help page (dist/functions.html) from the generated metadata, so that the
 * help the pane links to is the same text Excel shows: Dutch first, English beside it.
 * Pure: (functionsJson, functionsNlJson) -> HTML string. No scripts in the page (strict CSP).
 */
'use strict';

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function signature(fn) {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `IND.${fn.name}(${params.join(', ')})`;
}

/** The anchor of a function's section on the help page (the section id). */
function anchorOf(id) {
  return String(id);
}

/**
 * A copy of custom-functions metadata with a `helpUrl` on every function: its section of
 * functions.html under `base` (e.g. https://localhost:3000/functions.html#FTE).
 */
function withHelpUrls(metadata, base) {
  const copy = JSON.parse(JSON.stringify(metadata));
  for (const fn of copy.functions) fn.helpUrl = `${base}/functions.html#${anchorOf(fn.id)}`;
  return copy;
}

module.exports = function functionsHelp(en, nl) {
  const nlById = new Map(nl.functions.map((f) => [f.id, f]));
  const sections = en.functions
    .slice()
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((fn) => {
      const d = nlById.get(fn.id);
      if (!d) throw new Error(`functions.nl.json has no ${fn.id}`);
      const rows = fn.parameters
        .map((p, i) => {
          const pn = d.parameters[i];
          return `<tr><td><code>${esc(p.name)}</code>${p.optional ? ' <small>(optioneel / optional)</small>' : ''}</td><td lang="nl">${esc(pn.description || '')}</td><td lang="en">${esc(p.description || '')}</td></tr>`;
        })
        .join('\n');
      return `<section id="${esc(anchorOf(fn.id))}">
<h2><code>${esc(signature(fn))}</code></h2>
<p lang="nl">${esc(d.description || '')}</p>
<p lang="en"><em>${esc(fn.description || '')}</em></p>
<table><thead><tr><th>Argument</th><th>Nederlands</th><th>English</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
    })
    .join('\n');
  const toc = en.functions
    .map((f) => f.id)
    .sort()
    .map((id) => `<a href="#${esc(anchorOf(id))}">IND.${esc(id)}</a>`)
    .join(' · ');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>IND Rekenmodel: functies / functions</title>
<style>body{font-family:'Segoe UI',sans-serif;margin:1rem;max-width:60rem;color:#242424}table{border-collapse:collapse;width:100%}td,th{border:1px solid #d1d1d1;padding:.25rem .5rem;text-align:left;vertical-align:top}h2{font-size:1.05rem;margin-top:1.5rem}</style>
</head><body>
<h1>IND Rekenmodel: functies / functions</h1>
<p>Functienamen zijn in elke taal gelijk (bijv. <code>=IND.FTE(…)</code>). Ongeldige invoer geeft <code>#WAARDE!</code> met een melding die argument, rij en oplossing noemt; een productcode zonder normtijd geeft <code>#N/B</code>. / Function names are the same in every language. Invalid input gives <code>#VALUE!</code> naming the argument, row and fix; a product code without a norm gives <code>#N/A</code>.</p>
<nav>${toc}</nav>
${sections}
</body></html>
`;
};

module.exports.withHelpUrls = withHelpUrls;
module.exports.anchorOf = anchorOf;
