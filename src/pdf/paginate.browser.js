// Runs inside the print page (plain JavaScript: it is sent to Chromium as text, untouched by any
// TypeScript transform). See paginate.ts for what it does and why.
//
// The pages between the covers are laid out as columns of one multi-column box whose column is
// exactly the printed page area, so column n is printed page n. In that model each footnote is moved
// to the foot of the page that cites it, and the page of every heading is read off for the contents.
(function paginate(geometry, fillPages, chapterEnds) {
  const W = geometry.width - geometry.left - geometry.right;
  const H = geometry.height - geometry.top - geometry.bottom;
  const body = document.body;
  const cover = body.querySelector('.cover');
  const back = body.querySelector('.back-cover');
  const moved = [...body.children].filter((n) => n !== cover && n !== back);
  const model = document.createElement('div');
  model.className = 'pagination-model';
  model.style.cssText = `width:${W}px;height:${H}px;column-width:${W}px;column-gap:0;column-fill:auto;margin:0;padding:0;`;
  body.insertBefore(model, moved[0] ?? back ?? null);
  for (const n of moved) model.appendChild(n);
  document.documentElement.classList.add('paginating');

  const origin = () => model.getBoundingClientRect();
  let o = origin();
  // Pages before the first one laid out: non-zero while a chapter is laid out alone (see alone()).
  let shift = 0;
  const pageOf = (rect) => shift + rawPage(rect);
  const yOf = (rect) => rect.top - o.top;
  const relayout = () => {
    o = origin();
  };
  // Measures the hole filler and the chapter-end rule share: an element's boxes, its first page, and
  // the lowest point of a chapter's content on a page.
  const rects = (el) => [...el.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const firstPage = (el) => {
    const r = rects(el)[0];
    return r ? pageOf(r) : -1;
  };
  /**
   * Lowest point of the chapter's content on `page` (0: none). Measured on what is inside each block
   * (its lines, its rows): the first piece of a block broken over a page end reaches that page's end.
   */
  function bottomOn(chapter, page) {
    let bottom = 0;
    const range = document.createRange();
    for (const el of chapter.children) {
      if (!rects(el).some((r) => pageOf(r) === page)) continue;
      range.selectNodeContents(el);
      for (const r of range.getClientRects()) if ((r.width > 0 || r.height > 0) && pageOf(r) === page) bottom = Math.max(bottom, yOf(r) + r.height);
    }
    return bottom;
  }
  const measures = { rects, firstPage, bottomOn };

  /**
   * Lays out `chapter` alone (null: the whole model again). Placing notes and filling holes read the
   * layout after every change, and each read lays out again all that the model holds after the change:
   * in one model of the whole document every later chapter too, so the cost grew with the square of
   * the document's length. But a chapter starts a page and ends where the next thing starts a page:
   * nothing of it reaches another. So while one is worked on, the rest of the model is hidden
   * (`content-visibility: hidden`: laid out as empty boxes, which keep their page breaks, and quick to
   * show again) and only its own pages are laid out. Its page numbers stay those of the whole model
   * (shift): where it started there, moved by as many pages as the chapters before it gained or lost
   * since. Only a chapter that starts on the same line of its page alone as in the whole model is
   * worked on alone; any other is worked on in the whole model, as before.
   */
  const rawPage = (rect) => Math.floor((rect.left - o.left + 0.5) / W);
  const hidden = new Map(); // element → its style attribute before it was hidden
  let current = null; // the chapter laid out alone
  let whole = null; // chapter → { page, top, pages }: where it lay in the whole model
  const pagesNow = new Map(); // chapter → its pages since, where it changed
  const startsPage = (el) => getComputedStyle(el).breakBefore === 'column';
  function span(chapter) {
    const r = [...chapter.getClientRects()];
    return r.length ? rawPage(r[r.length - 1]) - rawPage(r[0]) + 1 : 0;
  }
  function show(keep) {
    for (const [el, had] of [...hidden]) {
      if (keep && keep.has(el)) continue;
      // Through the attribute, so the document is left as it was, attributes and all.
      if (had === null) el.removeAttribute('style');
      else el.setAttribute('style', had);
      hidden.delete(el);
    }
  }
  /** The chapter laid out alone is done with: its page count, and its headings' and notes' pages, as final. */
  function leaveCurrent() {
    if (!current) return;
    pagesNow.set(current, span(current));
    readPages(current);
  }
  function alone(chapter) {
    if (geometry.wholeModel || (chapter && chapter === current)) return;
    if (current) leaveCurrent();
    else {
      // Laid out whole: where every chapter lies, measured afresh.
      relayout();
      whole = new Map();
      pagesNow.clear();
      const chapters = model.querySelectorAll('section.chapter');
      for (const c of chapters) {
        const r = c.getClientRects()[0];
        if (r) whole.set(c, { page: rawPage(r), top: yOf(r), pages: span(c) });
      }
      // What comes before the first chapter stays where it is now: nothing before it changes.
      if (chapters[0]) readPages(model, (el) => el.compareDocumentPosition(chapters[0]) & Node.DOCUMENT_POSITION_FOLLOWING);
    }
    current = null;
    shift = 0;
    const at = chapter && whole.get(chapter);
    let next = null;
    for (let a = chapter; a && a !== model && !next; a = a.parentElement) {
      for (let n = a.nextElementSibling; n && !next; n = n.nextElementSibling) if (getComputedStyle(n).display !== 'none') next = n;
    }
    if (!at || !startsPage(chapter) || (next && !startsPage(next))) {
      show(null);
      relayout();
      return;
    }
    const others = new Set();
    for (let a = chapter; a !== model; a = a.parentElement) {
      for (const n of a.parentElement.children) if (n !== a && (hidden.has(n) || getComputedStyle(n).display !== 'none')) others.add(n);
    }
    show(others);
    for (const n of others) {
      if (hidden.has(n)) continue;
      const had = n.getAttribute('style');
      hidden.set(n, had);
      n.setAttribute('style', `${had ?? ''};content-visibility:hidden`);
    }
    relayout();
    const mine = chapter.getClientRects()[0];
    if (!mine || yOf(mine) !== at.top) {
      show(null); // it would not lay out the same alone
      relayout();
      return;
    }
    let page = at.page;
    for (const [c, was] of whole) if (pagesNow.has(c) && c.compareDocumentPosition(chapter) & Node.DOCUMENT_POSITION_FOLLOWING) page += pagesNow.get(c) - was.pages;
    shift = page - rawPage(mine);
    current = chapter;
    chaptersAlone++;
  }
  let chaptersAlone = 0;

  /**
   * The pages of the headings and notes (what the pagination returns), read where they are final: in
   * a chapter when its work is done and it is still laid out alone (its pages do not change after), and
   * before the first chapter in the first whole layout. When every one was read so, the model is not
   * laid out whole again at the end only to read them (a layout of the whole document, as costly as
   * the first).
   */
  const PAGED = 'h1[id], h2[id], h3[id], .fn-block li[id]';
  const finalPages = new Map(); // element → page (from the cover, as returned)
  function readPages(root, keep = () => true) {
    for (const el of root.querySelectorAll(PAGED)) if (keep(el)) finalPages.set(el, geometry.firstPage + pageOf(el.getBoundingClientRect()));
  }

  /** Lines of a paragraph-like element: {page, top, bottom, left} in document order. */
  function lines(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const out = [];
    for (const r of range.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      const page = pageOf(r);
      const top = yOf(r);
      const last = out[out.length - 1];
      if (last && last.page === page && Math.abs(last.top - top) < 2) {
        last.bottom = Math.max(last.bottom, top + r.height);
        last.left = Math.min(last.left, r.left);
      } else if (last && last.page === page && top < last.bottom - 1) {
        last.bottom = Math.max(last.bottom, top + r.height); // an inline box of the same line (e.g. a <sup>)
      } else out.push({ page, top, bottom: top + r.height, left: r.left });
    }
    return out;
  }

  /** Order of a position in the model: page first, then height on the page. */
  const key = (rect) => pageOf(rect) * 100000 + yOf(rect);

  /**
   * A collapsed range at the first character of `line` in `el`. (caretRangeFromPoint cannot serve:
   * it only sees the viewport, and most columns of the model lie to its right.)
   */
  function caretAt(el, line) {
    const target = line.page * 100000 + line.top - 1;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const n = node.textContent.length;
      if (n === 0) continue;
      range.setStart(node, n - 1);
      range.setEnd(node, n);
      const last = range.getClientRects()[0];
      if (!last || key(last) < target) continue;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        range.setStart(node, mid);
        range.setEnd(node, mid + 1);
        const r = range.getClientRects()[0];
        if (r && key(r) >= target) hi = mid;
        else lo = mid + 1;
      }
      range.setStart(node, lo);
      range.collapse(true);
      return range;
    }
    return null;
  }

  /** The line box of the block around `a` that holds it (a superscript's own box is smaller). */
  function lineOf(a) {
    const r = a.getBoundingClientRect();
    const page = pageOf(r);
    const mid = yOf(r) + r.height / 2;
    const holder = a.closest('p, li, blockquote, dd, dt, h1, h2, h3, h4, h5, h6') ?? a.parentElement;
    return lines(holder).find((l) => l.page === page && l.top - 1 <= mid && mid <= l.bottom + 1) ?? { page, top: yOf(r), bottom: yOf(r) + r.height, left: r.left };
  }

  /**
   * What is wider than the page is made to fit it, element by element. Left alone, Chromium would fit
   * it by shrinking the whole print (Blink's overflow shrink: every page laid out wider and scaled
   * down, ~86% for a table 100 px too wide), while this model lays pages out at the page width: every
   * page break after it would differ from the model's. So an element that runs past the right edge of
   * its page is zoomed down (CSS `zoom`, a layout property: the print lays it out the same) to the
   * width left for it; only its own text gets smaller. Two kinds:
   * - a box too wide (a table wider than its columns allow): the outermost one is zoomed, a table
   *   and not its rows;
   * - a box whose content runs past it (a line that cannot break, as in a <pre>): the innermost one,
   *   not the chapter around it. Its scroll width tells, on one page; broken across pages, the
   *   lines of a block of lines do.
   * The drawings inside an SVG are its own business, and what a box clips cannot reach the page edge.
   */
  /** Whether `el` is a block of lines: text of its own, or only inline elements in it. */
  function holdsLines(el) {
    for (const n of el.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.textContent.trim()) return true;
      } else if (n.nodeType === Node.ELEMENT_NODE && getComputedStyle(n).display !== 'inline') return false;
    }
    return el.childNodes.length > 0;
  }

  /** For a block of lines broken across pages: the room and width of its line that runs furthest past its page, if any. */
  function linesPast(el, fragments) {
    const range = document.createRange();
    range.selectNodeContents(el);
    let worst = null;
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      const right = o.left + (pageOf(r) + 1) * W;
      if (r.right <= right + 0.5) continue;
      const box = [...fragments].find((f) => pageOf(f) === pageOf(r)) ?? fragments[0];
      const over = { room: right - box.left, width: r.right - box.left };
      if (!worst || over.room / over.width < worst.room / worst.width) worst = over;
    }
    return worst;
  }

  function fitWidth() {
    const SVG = 'http://www.w3.org/2000/svg';
    const REPLACED = new Set(['img', 'svg', 'video', 'canvas', 'iframe', 'object', 'embed']);
    const fitted = new Map(); // element → { element: its name, scale }
    for (let round = 0; round < 3; round++) {
      relayout();
      const wide = [];
      const spill = [];
      const pageRight = (r) => o.left + (pageOf(r) + 1) * W;
      const walker = document.createTreeWalker(model, NodeFilter.SHOW_ELEMENT, {
        acceptNode(el) {
          if (el.namespaceURI === SVG && el.localName !== 'svg') return NodeFilter.FILTER_REJECT;
          const style = getComputedStyle(el);
          const rects = el.getClientRects();
          // An inline element's boxes are pieces of lines: what overflows there is its block's content.
          if (style.display !== 'inline' || REPLACED.has(el.localName)) {
            for (const r of rects) {
              if (r.width > 0 && r.right > pageRight(r) + 0.5) {
                wide.push({ el, room: pageRight(r) - r.left, width: r.width });
                return NodeFilter.FILTER_REJECT;
              }
            }
          }
          if (el.localName === 'svg' || style.overflowX !== 'visible') return NodeFilter.FILTER_REJECT;
          if (style.display === 'inline') return NodeFilter.FILTER_ACCEPT;
          if (rects.length === 1 && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
            const box = rects[0];
            const width = box.width - el.clientWidth + el.scrollWidth; // its border box, stretched to its content
            if (box.left + width > pageRight(box) + 0.5) spill.push({ el, room: pageRight(box) - box.left, width });
          } else if (rects.length > 1 && holdsLines(el)) {
            // Broken across pages, its scroll width is no page's: its lines are measured instead.
            const over = linesPast(el, rects);
            if (over) spill.push({ el, ...over });
          }
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      while (walker.nextNode());
      const innermost = spill.filter((s) => !spill.some((t) => t !== s && s.el.contains(t.el)) && !wide.some((w) => s.el.contains(w.el)));
      const found = [...wide, ...innermost];
      if (found.length === 0) break;
      for (const { el, room, width } of found) {
        const zoom = parseFloat(getComputedStyle(el).zoom) || 1;
        // A little under the exact ratio: a fraction of a pixel over would still shrink the print.
        const scale = Math.floor((room / width) * zoom * 1000) / 1000 - 0.001;
        el.style.zoom = String(scale);
        const what = el.id ? `${el.localName}#${el.id}` : `${el.localName} in #${el.parentElement.closest('[id]')?.id ?? 'body'}`;
        fitted.set(el, { element: what, scale });
      }
    }
    return [...fitted.values()];
  }

  const PARAGRAPH = new Set(['P', 'LI', 'BLOCKQUOTE', 'DD', 'DT']);
  const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, figure, table, pre, hr:not(.footnotes-sep)';

  /** The blocks of a chapter that can be cut before or inside, in document order (no nested ones). */
  function blocksOf(chapter) {
    return [...chapter.querySelectorAll(BLOCKS)].filter(
      (el) => !el.closest('.fn-block, section.footnotes, figure, table') || el.matches('figure, table'),
    ).filter((el) => !el.parentElement.closest('figure, table'));
  }

  /** Makes a note block: the notes (moved, so their ids keep the PDF links working) at its foot. */
  function noteBlock(items) {
    const block = document.createElement('div');
    block.className = 'fn-block';
    const inner = document.createElement('div');
    inner.appendChild(document.createElement('hr'));
    const ol = document.createElement('ol');
    for (const li of items) {
      li.value = Number(/(\d+)$/.exec(li.id)?.[1] ?? 0); // the note's own number, not its place in this list
      ol.appendChild(li);
    }
    inner.appendChild(ol);
    block.appendChild(inner);
    return block;
  }

  /**
   * Where notes are measured: off the page, at the width of a chapter's text (the page's, or the
   * narrower measure the stylesheet gives running text: html/measure-styles.ts), and contained
   * (`contain: strict`), so that putting a note block in it and taking it out lays out that box alone,
   * not the model again.
   */
  let probe = null;
  function measureBlock(items) {
    if (!probe) {
      // main's padding, not a chapter's width: a chapter may be hidden while another is laid out alone
      const main = body.querySelector('main');
      const pad = main ? getComputedStyle(main) : null;
      const textWidth = pad ? W - (parseFloat(pad.paddingLeft) || 0) - (parseFloat(pad.paddingRight) || 0) : W;
      probe = document.createElement('div');
      probe.style.cssText = `position:absolute;left:-10000px;top:0;width:${textWidth}px;height:${H}px;contain:strict;`;
      body.appendChild(probe);
    }
    const block = noteBlock(items.map((li) => li.cloneNode(true)));
    probe.appendChild(block);
    const box = block.getBoundingClientRect();
    const rects = [...block.querySelectorAll(':scope > div > ol > li')].map((li) => li.getBoundingClientRect());
    block.remove();
    return { box, rects };
  }

  /**
   * The height of a note block of `items`, in whole pixels up. A note lays out the same in any block
   * (the block's width, its own number), so the notes of a chapter are measured together, in one
   * block and one layout, and a block of some of them is summed: the space above the first note, each
   * note's height, the space between two notes and below the last. That holds for notes made of
   * paragraphs only (each with the same margins: the spaces are the same around every one); a block
   * with any other note is measured as it is.
   */
  const noteHeights = new Map(); // note (li) → its height in a block
  let spacing = null; // { above, between, below }, once measured on a block of two notes or more
  const summable = (li) => li.localName === 'li' && li.children.length > 0 && [...li.children].every((c) => c.localName === 'p');
  function measure(items) {
    if (!items.every(summable)) return Math.ceil(measureBlock(items).box.height);
    if (items.some((li) => !noteHeights.has(li))) {
      // Every note of the chapter not measured yet, in one layout.
      const all = [...items[0].parentElement.children].filter((li) => summable(li) && !noteHeights.has(li));
      for (const li of items) if (!all.includes(li)) all.push(li);
      if (all.length < 2 && !spacing) all.push(all[0]); // twice: the space between two notes measured too
      const { box, rects } = measureBlock(all);
      const gaps = rects.slice(1).map((r, k) => r.top - rects[k].bottom);
      const found = { above: rects[0].top - box.top, between: gaps[0], below: box.bottom - rects[rects.length - 1].bottom };
      const agrees = rects.length === all.length && gaps.every((g) => g === found.between);
      if (!agrees || (spacing && (spacing.above !== found.above || spacing.below !== found.below || (gaps.length > 0 && spacing.between !== found.between)))) {
        return Math.ceil(measureBlock(items).box.height); // not as expected: this block as it is
      }
      spacing ??= found;
      all.forEach((li, k) => noteHeights.set(li, rects[k].height));
    }
    let h = spacing.above + spacing.below + (items.length - 1) * spacing.between;
    for (const li of items) h += noteHeights.get(li);
    return Math.ceil(h);
  }

  /** What fill() may lose to rounding: it gives a block the whole pixels left on the page, less one. */
  const FIT_SLACK = 2;

  /**
   * Fills the rest of the page from `block`'s top, so the notes sit at the page's foot: its height is
   * the whole pixels from its top to the page's foot, less one, or its notes' own height should they
   * need more. Its top is read with the block 1 px high (so that it stays where it was put), then the
   * height set: two layouts of the chapter, which were most of the pagination's time. With a `hint`
   * (where it was put, read before it was: where what it follows ends, or the line it splits from
   * starts; the kind of place), the height is first tried from where a block put in that kind of place
   * started last time (the same offset from there), and kept when the layout agrees. The block lies
   * whole on the hint's page, below its top (one that did not fit would have moved to the next page's
   * top): so it lies where the 1-px block would, and when the height from its top is the one tried,
   * that is all (one layout). Should it differ, the height is set again from that top (two layouts,
   * as before). Anything else: measured as before. Either way the height is the same.
   */
  const startOffsets = new Map(); // kind of place → the block's top less the hint's top, as last laid out
  const fills = { once: 0, twice: 0, measured: 0 };
  function fill(block, hint = null) {
    const inner = block.firstElementChild;
    const learnt = hint && !geometry.measuredFills ? startOffsets.get(hint.key) : undefined;
    if (learnt !== undefined) {
      const tried = Math.floor(H - (hint.top + learnt)) - 1;
      if (tried >= 1) {
        block.style.height = `${tried}px`;
        relayout();
        const boxes = block.getClientRects();
        const top = boxes.length === 1 ? yOf(boxes[0]) : 0;
        if (boxes.length === 1 && pageOf(boxes[0]) === hint.page && top > 0 && top + tried <= H) {
          startOffsets.set(hint.key, top - hint.top);
          const content = inner ? inner.getBoundingClientRect().height : 0;
          const height = Math.max(Math.ceil(content), Math.floor(H - top) - 1);
          if (height === tried) {
            fills.once++;
            return;
          }
          block.style.height = `${height}px`;
          relayout();
          fills.twice++;
          return;
        }
      }
    }
    block.style.height = '1px';
    relayout();
    const r = block.getBoundingClientRect();
    const top = yOf(r);
    if (hint && pageOf(r) === hint.page) startOffsets.set(hint.key, top - hint.top);
    const content = inner ? inner.getBoundingClientRect().height : 0;
    block.style.height = `${Math.max(Math.ceil(content), Math.floor(H - top) - 1)}px`;
    relayout();
    fills.measured++;
  }
  /** What a block put before `el` is told (fill's hint): read before the block goes in, while the layout is still current. */
  const signature = (el) => (el ? `${el.localName}.${el.className}` : '-');
  // Where what it follows ends, rather than where what it precedes starts: that may have moved to the
  // next page (a figure, a table or a heading that did not fit), while the block stays on this one.
  function hintBefore(el) {
    const after = hintAfter(el.previousElementSibling);
    if (after) return after;
    const r = el.getClientRects()[0];
    return r ? { key: `first ${signature(el)} in ${el.parentElement.localName}`, top: yOf(r), page: pageOf(r) } : null;
  }
  /**
   * A block put after `el` or, if it shows nothing, the nearest before it that does (the notes' list
   * and its rule do not print): where that ends. The block (no margins) starts below it by its bottom
   * margin, the same after every element of a kind.
   */
  function hintAfter(el) {
    for (; el; el = el.previousElementSibling) {
      const boxes = el.getClientRects();
      if (boxes.length === 0) continue;
      const r = boxes[boxes.length - 1];
      return { key: `after ${signature(el)}`, top: yOf(r) + r.height, page: pageOf(r) };
    }
    return null;
  }

  /** Whether a filled note block lies on `page`, whole. */
  function fits(block, page) {
    const r = block.getBoundingClientRect();
    return pageOf(r) === page && yOf(r) + r.height <= H + 0.5;
  }

  /**
   * Puts the notes before `target` (null: at the chapter's end). Should they not fit there (the blocks
   * kept above them end lower than their own boxes say: the bottom margin of a table's block, of a
   * list around its last item), the cut goes before the last block kept on the page, then the one
   * before, as far back as the reference allows.
   */
  function cutBefore(chapter, target, items, page, kept) {
    const first = target ? hintBefore(target) : hintAfter(chapter.lastElementChild); // before the notes leave their list: nothing moved yet
    const block = noteBlock(items);
    const put = (el, hint = el ? hintBefore(el) : null) => {
      if (el) el.before(block);
      else chapter.appendChild(block);
      fill(block, hint);
    };
    put(target, first);
    for (let k = kept.length - 1; k >= 0 && !fits(block, page); k--) put(kept[k]);
    // Nowhere on the page: where it was first put, so that nothing else moves for nothing.
    if (!fits(block, page)) put(target, null);
  }

  /**
   * The box a cut before `el` must go before: the outermost one around it (inside the chapter) that
   * the print keeps whole, else `el`. A table's block (caption, table, notes: `break-inside: avoid`)
   * moves to the next page as one; notes put inside it, before the table, would move with it, away
   * from their reference.
   */
  function keptWhole(el, chapter) {
    let whole = el;
    for (let a = el.parentElement; a && a !== chapter; a = a.parentElement) {
      if (getComputedStyle(a).breakInside.startsWith('avoid')) whole = a;
    }
    return whole;
  }

  /**
   * Puts `items` (possibly none: a spacer) at the foot of page `page`, cutting the content at the first
   * line there whose bottom passes `limit`, or where the page's content ends.
   */
  function place(chapter, page, limit, items, after) {
    // Boxes kept on this page after the reference: where the notes may go instead, should they not fit.
    // Only boxes that start on this page: notes put before one that starts on the page before (a
    // long table broken across both) would go there.
    const kept = [];
    const keep = (box) => {
      if (box === kept[kept.length - 1] || (after && box.contains(after))) return;
      const first = box.getClientRects()[0];
      if (first && pageOf(first) === page) kept.push(box);
    };
    for (const el of blocksOf(chapter)) {
      // Blocks before the last reference placed here stay where they are.
      if (after && !el.contains(after) && el.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
      const whole = keptWhole(el, chapter);
      // A paragraph the print keeps whole with others (a table's note) is cut before, never split.
      if (PARAGRAPH.has(el.tagName) && whole === el) {
        const ls = lines(el);
        const style = getComputedStyle(el);
        const marginBottom = parseFloat(style.marginBottom) || 0;
        const lineHeight = parseFloat(style.lineHeight) || 0;
        for (let k = 0; k < ls.length; k++) {
          const line = ls[k];
          if (line.page < page) continue;
          // A line's text boxes end above its line box by half the leading: the notes, put after the
          // line, start at the line box's bottom, and fill() gives them the whole pixels below less one
          // (FIT_SLACK). Without both, a note that fits by a fraction of a pixel went over the page.
          const leading = Math.max(0, (lineHeight - (line.bottom - line.top)) / 2);
          // The last line brings the paragraph's bottom margin: the notes would start below it.
          if (line.page === page && line.bottom + leading + (k === ls.length - 1 ? marginBottom : 0) + FIT_SLACK <= limit) {
            if (k === ls.length - 1) keep(el);
            continue;
          }
          if (after && el.contains(after)) {
            const refLine = lineOf(after);
            if (refLine && (line.page < refLine.page || (line.page === refLine.page && line.top < refLine.top))) continue;
          }
          if (k === 0) {
            cutBefore(chapter, el, items, page, kept);
            return;
          }
          // Inside the paragraph: split it at the start of that line; the notes go between the halves.
          // The first half's last line stays justified and the second half has no indent, so the
          // paragraph reads as one across the page turn.
          const caret = caretAt(el, line);
          // The block goes where the line started: its text's top, read before anything moves.
          const hint = caret ? { key: `split ${signature(el)}`, top: line.top, page: line.page } : hintBefore(el);
          const block = noteBlock(items);
          if (caret) {
            const rest = document.createRange();
            rest.setStart(caret.startContainer, caret.startOffset);
            rest.setEndAfter(el.lastChild);
            const tail = el.cloneNode(false);
            tail.removeAttribute('id');
            tail.appendChild(rest.extractContents());
            tail.classList.add('continued');
            el.classList.add('split');
            el.after(tail);
            el.after(block);
          } else el.before(block);
          fill(block, hint);
          return;
        }
      } else {
        const r = el.getBoundingClientRect();
        if (r.height === 0) continue;
        const p = pageOf(r);
        if (p < page) continue;
        if (p === page && yOf(r) + r.height + (parseFloat(getComputedStyle(el).marginBottom) || 0) + FIT_SLACK <= limit) {
          keep(whole);
          continue;
        }
        cutBefore(chapter, whole, items, page, kept);
        return;
      }
    }
    // Nothing after the reference on this page: the notes close the chapter.
    cutBefore(chapter, null, items, page, kept);
  }

  const report = { footnotes: 0, moved: 0, shrunk: fitWidth() };
  /** Undoes placeNotes: the notes back in the chapter's list (in their order), the note blocks gone, the paragraphs they split whole again. */
  function unplaceNotes(chapter) {
    const ol = chapter.querySelector('section.footnotes ol');
    if (!ol) return;
    const number = (li) => Number(/(\d+)$/.exec(li.id)?.[1] ?? 0);
    const items = [...ol.children];
    for (const block of [...chapter.querySelectorAll('.fn-block')]) {
      for (const li of block.querySelectorAll('li')) items.push(li);
      report.footnotes -= block.querySelectorAll('li').length;
      if (!block.querySelector('li')) report.moved--;
      block.remove();
    }
    for (const li of items.sort((a, b) => number(a) - number(b))) ol.appendChild(li);
    for (const el of [...chapter.querySelectorAll('p.split')]) {
      const tail = el.nextElementSibling;
      if (!tail || !tail.matches('p.continued')) continue;
      while (tail.firstChild) el.appendChild(tail.firstChild);
      tail.remove();
      el.classList.remove('split');
    }
    relayout();
  }
  /** Puts every note of `chapter` at the foot of the page that cites it. */
  function placeNotes(chapter) {
    const list = chapter.querySelector('section.footnotes');
    if (!list) return;
    // The first note of each id, as querySelector finds it, while it is still in the list.
    const byId = new Map();
    for (const li of list.querySelectorAll('li[id]')) if (!byId.has(li.id)) byId.set(li.id, li);
    const noteOf = (a) => {
      const li = byId.get(a.getAttribute('href').slice(1));
      return li && list.contains(li) ? li : null;
    };
    const refs = [...chapter.querySelectorAll('sup.footnote-ref > a')].filter((a) => !a.id.includes(':') && !a.closest('figure, table'));
    let i = 0;
    let guard = 0;
    while (i < refs.length && guard++ < refs.length * 4) {
      relayout();
      const page = pageOf(refs[i].getBoundingClientRect());
      const group = [refs[i]];
      for (let j = i + 1; j < refs.length && pageOf(refs[j].getBoundingClientRect()) === page; j++) group.push(refs[j]);
      let limit = H - measure(group.map(noteOf));
      // Where the reference's line ends as place() counts it (its half leading, the paragraph's margin
      // under its last line, FIT_SLACK): with its text's bottom alone, a line that fit here by less than
      // that was cut before by place(), and its reference went overleaf while its note stayed.
      const lineBottom = (a) => {
        const line = lineOf(a);
        const holder = a.closest('p, li, blockquote, dd, dt, h1, h2, h3, h4, h5, h6') ?? a.parentElement;
        const style = getComputedStyle(holder);
        const leading = Math.max(0, ((parseFloat(style.lineHeight) || 0) - (line.bottom - line.top)) / 2);
        const ls = lines(holder);
        const lastLine = ls[ls.length - 1];
        const margin = lastLine && lastLine.page === line.page && Math.abs(lastLine.top - line.top) < 1 ? parseFloat(style.marginBottom) || 0 : 0;
        return line.bottom + leading + margin + FIT_SLACK;
      };
      // A reference whose note did not fit goes to the next page with its line: cut before that line.
      // That cut may come closer than the notes did, and leave the reference before it no room for its
      // line (the paragraph's last, its margin under it): that one goes too, and so on.
      let popped = null;
      const cut = () => (popped ? Math.min(limit, lineOf(popped).top + 0.5) : limit);
      while (group.length > 1 && lineBottom(group[group.length - 1]) > cut()) {
        popped = group.pop();
        limit = H - measure(group.map(noteOf));
      }
      limit = cut();
      if (lineBottom(group[0]) > limit) {
        // Even its own note does not fit under the reference's line: line and note go to the next page.
        place(chapter, page, lineOf(group[0]).top + 0.5, [], null);
        report.moved++;
        continue;
      }
      place(chapter, page, limit, group.map(noteOf), group[group.length - 1]);
      report.footnotes += group.length;
      i += group.length;
      relayout();
    }
  }

  // Chapter by chapter: holes filled (fill-pages.browser.js: tables split, figures drawn smaller or
  // text flowed in before them), notes placed, holes after the last notes filled again, each chapter
  // laid out alone. A chapter's pages depend on nothing outside it, so this is what doing each step
  // over the whole document in turn gives (wholeModel: done so, the model laid out whole throughout).
  const chapters = [...model.querySelectorAll('section.chapter')];
  const filled = [];
  const filledAfter = [];
  for (const round of geometry.wholeModel ? [chapters] : chapters.map((c) => [c])) {
    if (round.length === 1) alone(round[0]);
    if (fillPages) filled.push(fillPages({ model, H, pageOf, yOf, relayout, ...measures, chapters: round }));
    for (const chapter of round) placeNotes(chapter);
    if (fillPages) filledAfter.push(fillPages({ model, H, pageOf, yOf, relayout, ...measures, chapters: round, afterNotes: true }));
    // A hole the notes made before a chapter's last note block (the pass after them leaves those, lest
    // a note move off its page): dealt with on the pages as the notes left them (a table split, a
    // figure drawn smaller, a table split before the notes and now too early joined again: one at a
    // time, from the chapter's start), then the notes placed again. What comes before the change lays
    // out as before, so its notes fall where they were; those after it are placed anew.
    for (let again = 0; fillPages && again < 8; again++) {
      const before = fillPages({ model, H, pageOf, yOf, relayout, ...measures, chapters: round, afterNotes: true, withNotes: true });
      if (!before.changed) break;
      filledAfter.push(before);
      for (const chapter of round) {
        unplaceNotes(chapter);
        placeNotes(chapter);
      }
      filledAfter.push(fillPages({ model, H, pageOf, yOf, relayout, ...measures, chapters: round, afterNotes: true }));
    }
    // A chapter's last page with a line or two: the chapter tightened, or more lines pulled over (chapter-ends.browser.js).
    if (chapterEnds) filledAfter.push(chapterEnds({ model, H, pageOf, yOf, relayout, ...measures, chapters: round }));
  }
  report.filled = { split: [], shrunk: [], floated: [], ends: [] };
  for (const one of [...filled, ...filledAfter]) for (const k of Object.keys(report.filled)) report.filled[k].push(...(one[k] ?? []));
  leaveCurrent();
  const paged = [...model.querySelectorAll(PAGED)];
  let page = (el) => finalPages.get(el);
  const readInPlace = !geometry.wholeModel && paged.every((el) => finalPages.has(el));
  if (!readInPlace) {
    alone(null);
    page = (el) => geometry.firstPage + pageOf(el.getBoundingClientRect());
  } else {
    show(null); // as alone(null) leaves the document, without laying it out
    current = null;
    shift = 0;
  }
  const headings = {};
  const notes = {};
  for (const el of paged) (el.localName === 'li' ? notes : headings)[el.id] = page(el);

  // Back to the document as it prints: the model box goes, the note blocks stay where they were put.
  probe?.remove();
  for (const n of [...model.children]) body.insertBefore(n, model);
  model.remove();
  document.documentElement.classList.remove('paginating');
  return { headings, notes, ...report, chaptersAlone, fills, readInPlace };
})
