/**
 * Bidirectional controls in data (U+202A–202E embeddings and overrides, U+2066–2069 isolates, the
 * marks U+200E/200F/061C). A name may carry them legitimately (Arabic or Hebrew text with marks), so
 * they are not rejected; but unbalanced, an override inside a name reorders the rest of the sentence
 * around it, digits included ("206" reads "602"). Every data value is therefore set in its own
 * isolate (FSI … PDI) where it lands in the document, and stripped where no layout happens (PDF
 * metadata, plain-text titles). Text without controls is returned unchanged.
 */

const CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
const FSI = '\u2068';
const PDI = '\u2069';

export function hasBidiControls(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * `text` as one isolate that nothing inside can leak out of: a PDI without its initiator (it would
 * close the isolate early) is dropped, an initiator without its PDI is closed at the end. Embeddings
 * and overrides left open end at the closing PDI (UAX #9, rule X6a).
 */
export function isolateBidi(text: string): string {
  if (!CONTROL.test(text)) return text;
  let open = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === FSI) open++;
    else if (ch === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return `${FSI}${out}${PDI.repeat(open)}${PDI}`;
}

/** `text` without any bidirectional control: for places no bidi layout reaches (PDF metadata). */
export function stripBidi(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, '') : text;
}
