"use strict";
/**
 * WPS's add-in lists (publish.xml in a user's jsaddons folder, jsplugins.xml on the JSPluginsServer), edited
 * as XML with @xmldom/xmldom, never as text: our entry is added or replaced, every other add-in, comment
 * and attribute stays as it was, and a file that is not a well-formed <jsplugins> list is refused with one
 * sentence (WPSListError) before anything is written.
 *
 * Used by scripts/build-wps.js (--merge-jsplugins) and tested by test/wps-xml.test.ts; the installers run on
 * PCs without Node and do the same with the platform's own parser (System.Xml in PowerShell, Python's
 * xml.dom.minidom on Linux), tested against the same files in test/wps-package.test.ts.
 */
const { DOMParser, XMLSerializer } = require("@xmldom/xmldom");

/** The two kinds of entry: jsplugin (offline: a folder beside publish.xml, or a .7z URL), jspluginonline. */
const KINDS = ["jsplugin", "jspluginonline"];

class WPSListError extends Error {
  constructor(message) {
    super(message);
    this.name = "WPSListError";
  }
}

/**
 * Parse a list, or refuse it.
 * @param {string} text - the file's text (a UTF-8 BOM is allowed)
 * @param {string} label - how to name the file in the message
 * @returns {Document}
 * @throws {WPSListError} one sentence naming the file and the reason
 */
function parseList(text, label) {
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(String(message).split("\n")[0]);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ""), "text/xml");
  } catch (err) {
    const reason = String(err && err.message ? err.message : err)
      .split("\n")[0]
      .replace(/^\[xmldom [^\]]*\]\s*/, "");
    throw new WPSListError(`${label} 不是格式正确的 XML（${reason}），未作任何修改。`);
  }
  const root = doc.documentElement;
  if (!root || root.nodeName !== "jsplugins") {
    throw new WPSListError(`${label} 的根元素是 <${root ? root.nodeName : "?"}> 而不是 <jsplugins>，不是 WPS 加载项列表，未作任何修改。`);
  }
  return doc;
}

/** Entries of a parsed list, as plain objects (for tests and messages). */
function entries(doc) {
  const out = [];
  const kids = doc.documentElement.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n.nodeType !== 1) continue;
    const attrs = {};
    for (let j = 0; j < n.attributes.length; j++) attrs[n.attributes[j].name] = n.attributes[j].value;
    out.push({ kind: n.nodeName, ...attrs });
  }
  return out;
}

/** The indentation the list already uses before its entries ("\n  " in WPS's own files), or "" in a one-line file. */
function indentOf(root) {
  const kids = root.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n.nodeType === 3 && /\n/.test(n.data) && i + 1 < kids.length && kids[i + 1].nodeType === 1) return n.data.slice(n.data.lastIndexOf("\n"));
  }
  // A list without entries gets WPS's layout; a one-line list stays on one line.
  const hasEntries = Array.from(kids).some((n) => n.nodeType === 1);
  return hasEntries || (kids.length && !/\n/.test(root.textContent)) ? "" : "\n  ";
}

/**
 * Add our entry to a list, replacing any entry of the same name (either kind: an add-in moves between the
 * online and offline modes), keeping everything else.
 * @param {string | undefined} text - the current file, or undefined/blank when there is none yet
 * @param {{kind: "jsplugin"|"jspluginonline", name: string, type: string, url: string, version?: string, enable?: string}} entry
 * @param {string} label - the file's name for messages
 * @returns {string} the new file text (UTF-8, with an XML declaration)
 * @throws {WPSListError} for a malformed list
 */
function upsertEntry(text, entry, label = "publish.xml") {
  if (!KINDS.includes(entry.kind)) throw new Error(`unknown entry kind ${entry.kind}`);
  const source = text === undefined || text.replace(/^\uFEFF/, "").trim() === "" ? '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n' : text;
  const doc = parseList(source, label);
  const root = doc.documentElement;
  const indent = indentOf(root);
  removeNamed(root, entry.name);

  const el = doc.createElement(entry.kind);
  for (const key of ["name", "type", "url", "version", "enable"]) {
    if (entry[key] !== undefined) el.setAttribute(key, String(entry[key]));
  }
  // Before the closing tag's own whitespace, so that the file keeps its layout.
  const last = root.lastChild;
  const closing = last && last.nodeType === 3 && /^\s*$/.test(last.data) ? last : null;
  if (indent) root.insertBefore(doc.createTextNode(indent), closing);
  root.insertBefore(el, closing);
  if (indent && !closing) root.appendChild(doc.createTextNode("\n"));
  return serialize(doc, source);
}

/**
 * Remove every entry of a name (uninstall); the rest stays as it was.
 * @returns {{text: string, removed: number}}
 * @throws {WPSListError} for a malformed list
 */
function removeEntry(text, name, label = "publish.xml") {
  const doc = parseList(text, label);
  const removed = removeNamed(doc.documentElement, name);
  return { text: serialize(doc, text), removed };
}

/** Remove the entries called `name`, with the whitespace that indented each. */
function removeNamed(root, name) {
  let removed = 0;
  for (const n of Array.from(root.childNodes)) {
    if (n.nodeType === 1 && KINDS.includes(n.nodeName) && n.getAttribute("name") === name) {
      const before = n.previousSibling;
      if (before && before.nodeType === 3 && /^\s*$/.test(before.data)) root.removeChild(before);
      root.removeChild(n);
      removed++;
    }
  }
  return removed;
}

function serialize(doc, source) {
  let out = new XMLSerializer().serializeToString(doc);
  if (!/^\s*<\?xml/.test(out)) out = `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
  if (!out.endsWith("\n")) out += "\n";
  // Keep a UTF-8 BOM if the file had one (some WPS builds write it).
  return source.startsWith("\uFEFF") ? `\uFEFF${out}` : out;
}

module.exports = { WPSListError, parseList, entries, upsertEntry, removeEntry, KINDS };
