/**
 * The ownership marker (*eigendomsregister*) of the pane and the workbook settings, both stored
 * as custom XML parts in the workbook itself. Custom XML travels with the file, so a colleague
 * with another copy of the add-in (another manifest id) sees the same registry and settings,
 * which `Office.context.document.settings` would not give. Pure and Office-free.
 */

/** Namespace of the part recording which sheets, tables and names the pane created. */
export const REGISTRY_NS = 'urn:ind-rekenmodel:registry';
/** Namespace of the part holding workbook-wide settings. */
export const SETTINGS_NS = 'urn:ind-rekenmodel:settings';

/** What the pane knows about one sheet it wrote. */
export interface OwnedSheet {
  /** Worksheet id: a user's own sheet that reuses the name after ours was deleted is not ours. */
  id: string;
  /** Name the plan asked for (differs from the key when the write was redirected). */
  requested: string;
  /** Fingerprint of the sheet as the pane left it, tables and charts included (see `fingerprint`). */
  fingerprint: string;
  /**
   * Cell by cell what the pane wrote (absent in registries written before edits in place): then
   * only an edit to a computed cell or a changed layout makes the sheet the user's; edited input
   * cells and notes in free cells do not (see `ownedCells` in `plan.ts`).
   */
  cells?: OwnedCells;
}

/**
 * The cells of one sheet as the pane left them. Computed cells are kept as hashes per row and per
 * column (compact, and a single edited cell is found where its row and column both differ); input
 * cells keep the value written, to tell a user's edit from the pane's own change on a rewrite.
 */
export interface OwnedCells {
  /** Per 1-based row number: the computed columns (1-based, "1-3,5") and the hash of their content. */
  rows: Record<string, { cols: string; hash: string }>;
  /** Per column letter: the hash of its computed cells, top to bottom. */
  cols: Record<string, string>;
  /** Per input cell (A1): the value the pane wrote there. */
  inputs: Record<string, string | number | boolean>;
  tables: string[];
  charts: number;
}

/** The registry: sheets by current name, and the workbook names the pane created. */
export interface Registry {
  version: 1;
  sheets: Record<string, OwnedSheet>;
  names: string[];
}

/** An empty registry, for workbooks the pane has not written yet. */
export function emptyRegistry(): Registry {
  return { version: 1, sheets: {}, names: [] };
}

/** Escapes text for an XML text node or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Reverses `escapeXml` (and numeric character references, which Excel may write back). */
export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, ent: string) => {
    switch (ent) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    }
  });
}

/** The registry as a custom XML part: JSON in one text node, so its shape can grow freely. */
export function registryToXml(reg: Registry): string {
  return `<registry xmlns="${REGISTRY_NS}">${escapeXml(JSON.stringify(reg))}</registry>`;
}

/**
 * Reads a registry part. A damaged or foreign part yields an empty registry: then the pane
 * owns nothing and redirects instead of overwriting, which is the safe side.
 */
export function registryFromXml(xml: string | undefined): Registry {
  if (!xml) return emptyRegistry();
  const m = /<registry\b[^>]*>([\s\S]*)<\/registry>/.exec(xml);
  if (!m) return emptyRegistry();
  try {
    const parsed = JSON.parse(unescapeXml(m[1])) as Partial<Registry>;
    if (parsed.version !== 1 || typeof parsed.sheets !== 'object' || !Array.isArray(parsed.names))
      return emptyRegistry();
    return {
      version: 1,
      sheets: parsed.sheets ?? {},
      names: parsed.names.filter((n) => typeof n === 'string'),
    };
  } catch {
    return emptyRegistry();
  }
}

/** Settings as key → JSON text, in the order they were stored. */
export type SettingsMap = Map<string, string>;

/** The settings part: one `<entry key="…">JSON</entry>` per setting, readable in any XML viewer. */
export function settingsToXml(settings: SettingsMap): string {
  const entries = [...settings].map(([k, json]) => `<entry key="${escapeXml(k)}">${escapeXml(json)}</entry>`);
  return `<settings xmlns="${SETTINGS_NS}">${entries.join('')}</settings>`;
}

/** Parses the settings part into key → JSON text (the JSON itself is parsed per key by the caller). */
export function settingsFromXml(xml: string | undefined): SettingsMap {
  const out: SettingsMap = new Map();
  if (!xml) return out;
  const re = /<entry\s+key\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>([\s\S]*?)<\/entry>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.set(unescapeXml(m[1] ?? m[2]), unescapeXml(m[3]));
  return out;
}

/** What the gateway reads back from a sheet to decide whether the user edited it. */
export interface SheetState {
  /** Used range (values only) without sheet, or '' when the sheet is blank. */
  address: string;
  formulas: unknown[][];
  tables: string[];
  charts: number;
}

/**
 * A fingerprint (hash) of a sheet's content: used-range address, every formula/constant, the
 * tables and the number of charts. Any edit of a cell, added data anywhere on the sheet, a
 * removed table or chart changes it. cyrb53 (53-bit) is plenty to detect edits; it is not
 * meant to resist deliberate forgery.
 */
export function fingerprint(state: SheetState): string {
  return hashText(JSON.stringify([state.address, state.formulas, [...state.tables].sort(), state.charts]));
}

/** cyrb53 of a text, base 36. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
