/**
 * Writes the manifest for a host: every development URL (https://localhost:3000) replaced by
 * the given base URL, all occurrences, and nothing else changed (same <Id>, same version).
 * Used by webpack (`npm run build -- --env url=https://host/path`). Pure CommonJS.
 */
'use strict';

const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks and normalises a base URL: https, a real host, no query or fragment, no trailing slash.
 * @param {string} url
 * @returns {string}
 */
function baseUrl(url) {
  let u;
  try {
    u = new URL(String(url));
  } catch {
    throw new Error(`--env url: "${url}" is not a URL; expected e.g. https://addins.example.org/ind`);
  }
  if (u.protocol !== 'https:')
    throw new Error(`--env url: "${url}" must use https (Office loads add-ins over https only)`);
  if (/^(localhost|127\.|\[::1\])/i.test(u.hostname))
    throw new Error(`--env url: "${url}" is a local address; a production manifest needs the agency's host`);
  if (u.search || u.hash) throw new Error(`--env url: "${url}" must not have a query or fragment`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * @param {string} xml the development manifest.xml
 * @param {string} url the production base URL
 * @returns {string} the production manifest
 */
function productionManifest(xml, url) {
  const base = baseUrl(url);
  const out = xml.split(DEV_ORIGIN).join(base);
  if (/localhost/i.test(out.replace(/<!--[\s\S]*?-->/g, ''))) {
    throw new Error('production manifest: a localhost URL is left that is not https://localhost:3000');
  }
  // Comments may mention the development URL; drop them so the file holds no localhost at all.
  return out.replace(/<!--[\s\S]*?-->\s*/g, '');
}

module.exports = { DEV_ORIGIN, baseUrl, productionManifest };
