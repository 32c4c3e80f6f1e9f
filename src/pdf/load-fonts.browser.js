// Runs inside the print page (plain JavaScript, sent as text). See hold.ts (LOAD_FONTS) for why.
//
// Loads the font faces the held document's text will ask for, as font matching would pick them, or
// more; a face left out is caught after the pagination (hold.ts `fontsLate`), and the document printed
// again unheld: correct, but twice the time. For each text, the computed style of its element (its
// font-family list, weight and style: the style sheets, the style attributes and an SVG's font
// attributes all resolved by the browser): for each of its characters (in either case: a
// text-transform), the first family in the list with a face that holds it, among that family's faces
// of the weight and style that font matching picks (CSS Fonts 4), the faces that hold it. Characters
// that layout or a style rule adds (counters' digits and numerals, hyphens, an ellipsis, a no-break
// space, the style sheets' `content` strings, the pagination's "(continued)") go with every text's
// font. The page's margin boxes (running heads, folios) are not elements: their characters (the
// `content` strings, the digits) go with every font-family list the style sheets name, at the weights
// their page rules set, or the root's. A weight or style a face gives as a range or a keyword this does
// not read makes every face of its family a candidate.
(function loadFonts() {
  const name = (f) => f.trim().replace(/!important/i, '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  const root = document.documentElement;
  // Each face's ranges, sorted by start: [start, furthest end so far] pairs; read when first asked
  // (a face of a weight no text has is never asked).
  const ranges = new Map();
  function rangesOf(face) {
    let pairs = ranges.get(face);
    if (pairs) return pairs;
    pairs = [];
    for (const part of face.unicodeRange.split(',')) {
      const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
      if (!m) {
        pairs.length = 0; // not understood: everything
        pairs.push([0, 0x10ffff]);
        break;
      }
      pairs.push([parseInt(m[1].replace(/\?/g, '0'), 16), m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\?/g, 'f'), 16)]);
    }
    pairs.sort((x, y) => x[0] - y[0]);
    // Each pair's end: the furthest end of it and every pair before it (ranges may overlap).
    for (let k = 1; k < pairs.length; k++) pairs[k][1] = Math.max(pairs[k][1], pairs[k - 1][1]);
    ranges.set(face, pairs);
    return pairs;
  }
  const holds = (face, c) => {
    const pairs = rangesOf(face);
    let a = 0;
    let b = pairs.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (pairs[mid][0] <= c) a = mid + 1;
      else b = mid;
    }
    return a > 0 && pairs[a - 1][1] >= c;
  };
  const facesOf = new Map(); // family → its faces
  for (const face of document.fonts) {
    const f = name(face.family);
    if (!facesOf.has(f)) facesOf.set(f, []);
    facesOf.get(f).push(face);
  }

  /** A weight as a number, or NaN (a range, a keyword other than normal and bold). */
  const weightOf = (w) => (w === 'normal' ? 400 : w === 'bold' ? 700 : /^\d+(\.\d+)?$/.test(w.trim()) ? Number(w) : NaN);
  const STYLES = { normal: ['normal', 'oblique', 'italic'], italic: ['italic', 'oblique', 'normal'], oblique: ['oblique', 'italic', 'normal'] };
  /** The faces of `family` that font matching picks for a weight and a style (CSS Fonts 4, §5.2): those of the best style, then of the best weight. */
  function matching(family, weight, style) {
    let faces = facesOf.get(family);
    const styles = faces.map((f) => f.style.trim().split(/\s+/)[0]);
    if (styles.some((s) => !(s in STYLES))) return faces;
    const wanted = (STYLES[style.split(/\s+/)[0]] ?? STYLES.normal).find((s) => styles.includes(s));
    faces = faces.filter((_, k) => styles[k] === wanted);
    const weights = faces.map((f) => weightOf(f.weight));
    if (Number.isNaN(weight) || weights.some((w) => Number.isNaN(w))) return faces;
    const has = [...new Set(weights)];
    const above = (lo, hi) => has.filter((w) => w >= lo && w <= hi).sort((a, b) => a - b)[0];
    const below = (hi) => has.filter((w) => w < hi).sort((a, b) => b - a)[0];
    let best;
    if (weight >= 400 && weight <= 500) best = above(weight, 500) ?? below(weight) ?? above(500, Infinity);
    else if (weight < 400) best = has.filter((w) => w <= weight).sort((a, b) => b - a)[0] ?? above(weight, Infinity);
    else best = above(weight, Infinity) ?? below(weight);
    return faces.filter((_, k) => weights[k] === best);
  }

  // The style sheets' rules, nested ones included: the `content` strings of element rules, the
  // custom properties, the font-family lists, and the page rules (margin rules inside them).
  const contentChars = [];
  const pageRules = [];
  const vars = new Map(); // custom property → every value the style sheets give it
  const named = []; // every font-family value the style sheets give
  let unreadable = false;
  const strings = (value) => {
    for (const m of value.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g)) contentChars.push(m[1] ?? m[2]);
  };
  const pseudoFonts = []; // the styles of rules that give a pseudo-element a font of its own
  const walk = (rules, inPage) => {
    for (const rule of rules) {
      if (rule instanceof CSSFontFaceRule) continue;
      const style = rule.style;
      if (style) {
        if (style.content) strings(style.content);
        if (style.fontFamily) named.push(style.fontFamily);
        for (let k = 0; k < style.length; k++) {
          if (style[k].startsWith('--')) vars.set(style[k], [...(vars.get(style[k]) ?? []), style.getPropertyValue(style[k])]);
        }
        if (inPage || rule instanceof CSSPageRule) pageRules.push(rule);
        else if (rule.selectorText && /:(before|after|marker|first-line|first-letter)/i.test(rule.selectorText) && /(^|[^-\w])font(-family|-weight|-style)?\s*:/.test(style.cssText)) {
          // A first line or letter of its own weight: its element's text, not foreseen here.
          if (/first-l/i.test(rule.selectorText)) unreadable = true;
          else pseudoFonts.push(style);
        }
      }
      if (rule.cssRules) walk(rule.cssRules, inPage || rule instanceof CSSPageRule);
    }
  };
  for (const sheet of document.styleSheets) {
    try {
      walk(sheet.cssRules, false);
    } catch {
      unreadable = true;
    }
  }
  for (const el of document.querySelectorAll('[data-continued]')) contentChars.push(el.dataset.continued);
  const extra = `0123456789.,:ivxlcdmIVXLCDM\u00a0\u2010\u2011\u2026 (continued)${contentChars.join('')}`;
  /** The font-family lists a value can be, its custom properties replaced by each value they are given. */
  const lists = new Set();
  const addList = (value, into, depth = 0) => {
    const v = /var\(\s*(--[\w-]+)[^)]*\)/.exec(value);
    if (v && depth < 8) for (const d of vars.get(v[1]) ?? ['']) addList(value.replace(v[0], d), into, depth + 1);
    else into.add(value.trim());
  };
  for (const value of named) addList(value, lists);

  // The characters of each font the text asks for: "family list|weight|style" → its characters,
  // each marked once (code point → 1) and listed.
  const fonts = new Map();
  const fontOf = (key) => {
    let f = fonts.get(key);
    if (!f) fonts.set(key, (f = { seen: new Uint8Array(0x110000), chars: [] }));
    return f;
  };
  const add = (f, text) => {
    const { seen, chars } = f;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) c = text.codePointAt(i++);
      if (seen[c] === 0) {
        seen[c] = 1;
        chars.push(c);
      }
    }
  };
  // A text of Latin-1 alone (a chart's labels and numbers, most of an English document's words) is
  // not asked its element's style: its characters go with every font-family list the document names,
  // at every weight: the faces that hold Latin-1 are few (one a family and weight), and asking each
  // element's style of a document held from the screen costs tens of microseconds an element.
  const shared = { seen: new Uint8Array(0x110000), chars: [] }; // the Latin-1 texts
  const latin1 = (text) => {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
    return true;
  };
  let anyLatin1 = false;
  const fontOfElement = new Map(); // element → its font's characters
  const walker = document.createTreeWalker(document.body ?? root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.data.trim()) continue; // (a space is in every text's font anyway)
    if (latin1(node.data)) {
      add(shared, node.data);
      anyLatin1 = true;
      continue;
    }
    let f = fontOfElement.get(el);
    if (f === undefined) {
      const style = getComputedStyle(el);
      fontOfElement.set(el, (f = fontOf(`${style.fontFamily}|${style.fontWeight}|${style.fontStyle}`)));
    }
    add(f, node.data);
  }
  for (const f of fonts.values()) add(f, extra);
  const added = { seen: new Uint8Array(0x110000), chars: [] }; // what layout and the style sheets add
  add(added, extra);
  const addedKeys = new Set(); // fonts not read off an element: the margin boxes', the pseudo-elements'
  const sharedKeys = new Set(); // the fonts a Latin-1 text may have

  // The margin boxes: every font-family list the style sheets name, at the root's weight and style
  // and any a page rule sets.
  const rootStyle = getComputedStyle(root);
  const pageWeights = new Set([rootStyle.fontWeight]);
  const pageStyles = new Set([rootStyle.fontStyle]);
  for (const rule of pageRules) {
    // A font shorthand (a custom property in it leaves the longhands unread): not read here.
    if (/(^|[^-\w])font\s*:/.test(rule.style.cssText)) unreadable = true;
    if (rule.style.fontWeight) pageWeights.add(rule.style.fontWeight);
    if (rule.style.fontStyle) pageStyles.add(rule.style.fontStyle);
  }
  for (const list of [...lists, rootStyle.fontFamily]) for (const w of pageWeights) for (const s of pageStyles) addedKeys.add(`${list}|${w}|${s}`);
  // A pseudo-element's own font: its generated characters with its own list (or any the style
  // sheets name), at its own weight and style (or any the faces have).
  const faceWeights = new Set([...document.fonts].map((f) => f.weight));
  for (const style of pseudoFonts) {
    if (/(^|[^-\w])font\s*:/.test(style.cssText)) unreadable = true;
    const own = new Set();
    if (style.fontFamily) addList(style.fontFamily, own);
    for (const list of own.size ? own : lists) {
      for (const w of style.fontWeight ? [style.fontWeight] : faceWeights) for (const s of style.fontStyle ? [style.fontStyle] : ['normal', 'italic']) addedKeys.add(`${list}|${w}|${s}`);
    }
  }
  // The Latin-1 texts: with every list the style sheets, the elements' font attributes and style
  // attributes name, and every list a text's element has; every weight, either style.
  if (anyLatin1) {
    const all = new Set([...lists, rootStyle.fontFamily, ...[...fonts.keys()].map((k) => k.split('|')[0])]);
    for (const el of document.querySelectorAll('[font-family]')) addList(el.getAttribute('font-family'), all);
    for (const el of document.querySelectorAll('[style*="font"]')) {
      const style = el.getAttribute('style');
      if (/(^|[^-\w])font\s*:/.test(style)) unreadable = true;
      for (const m of style.matchAll(/font-family\s*:([^;]*)/g)) addList(m[1], all);
    }
    for (const list of all) for (const w of faceWeights) for (const s of ['normal', 'italic']) sharedKeys.add(`${list}|${w}|${s}`);
  }

  const wanted = new Set();
  if (unreadable) for (const face of document.fonts) wanted.add(face); // a style sheet this cannot read: every face
  for (const [key, f] of [...fonts, ...[...addedKeys].map((k) => [k, added]), ...[...sharedKeys].map((k) => [k, shared])]) {
    const [list, weight, style] = key.split('|');
    const families = list.split(',').map(name).filter((n) => facesOf.has(n));
    if (families.length === 0) continue;
    // In either case too (a text-transform).
    if (!f.cased) {
      for (const c of [...f.chars]) {
        const ch = String.fromCodePoint(c);
        add(f, ch.toUpperCase());
        add(f, ch.toLowerCase());
      }
      f.cased = true;
    }
    const candidates = families.map((n) => matching(n, weightOf(weight), style));
    for (const c of f.chars) {
      for (const faces of candidates) {
        const these = faces.filter((face) => holds(face, c));
        if (these.length === 0) continue;
        for (const face of these) wanted.add(face);
        break;
      }
    }
  }
  const loads = [];
  for (const face of wanted) if (face.status === 'unloaded') loads.push(face.load().catch(() => undefined));
  return Promise.all(loads).then(() => document.fonts.ready).then(() => undefined);
})
