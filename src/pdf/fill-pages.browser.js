// Runs inside the print page, called by paginate.browser.js on its model (plain JavaScript, sent to
// Chromium as text). No holes: a figure or table the print keeps whole moves to the next page when it
// does not fit, and leaves the rest of its page empty. Where that leaves a page less than FULL full,
// in this order:
//   1. a table is split at the row where the page ends: the rest is a second table under the same
//      caption with "(continued)", its header row repeated (or, when Chromium keeps it whole all the
//      same, at the row its height says fits: splitToFit);
//   2. a figure is drawn smaller, if at most 15% smaller (and its smallest text stays ≥ 7 pt) makes
//      it fit: first by what the measures say it is over, then 2% smaller at a time down to that limit;
//   3. the text after a figure (or a table step 1 could not split) flows in before it (paragraphs and lists, a sub-heading with the
//      paragraph it heads; never a section heading, figure or table), until the page is full or a
//      paragraph runs over the page end — the figure then follows it on the next page, as in a book.
// A lead-in (a paragraph right before its figure or table that ends in a colon or cites it) is kept with it.
//
// Run twice: before the footnotes are placed, and after, on what follows a chapter's last note block
// (the notes moved the page breaks; changes after the last of them cannot move a note off its page).
// Then (withNotes) on what comes before that block, one change at a time (a table split, a figure drawn
// smaller, a table split too early before the notes joined again), after each of which
// paginate.browser.js takes the notes out and places them again: the notes made those holes.
(function fillPages(m) {
  const { model, H, pageOf, yOf, relayout, rects, firstPage, bottomOn, afterNotes, withNotes } = m;
  // A little over the 60% the page fill is judged by: text ends above its line box.
  const FULL = 0.65;
  const SHRINK = 0.85;
  const MIN_TEXT_PX = 7 / 0.75; // 7 pt at print size
  const FLOATS = 'figure, .table-block';
  const report = { split: [], shrunk: [], floated: [] };

  // The chapters of this round only: a keep lifted in a chapter done before (splitToFit) stays lifted.
  if (!afterNotes) for (const p of [...(m.chapters ?? model.querySelectorAll('section.chapter'))].flatMap((c) => [...c.querySelectorAll(':scope > p')])) {
    const next = p.nextElementSibling;
    if (!next || !next.matches(FLOATS)) continue;
    const target = next.matches('figure') ? next : next.querySelector('table[id]');
    const cites = target && target.id && p.querySelector(`a[href="#${CSS.escape(target.id)}"]`);
    if (cites || /[:：]\s*$/.test(p.textContent)) p.style.breakAfter = 'avoid';
  }

  const topOf = (el) => {
    const r = rects(el)[0];
    return r ? yOf(r) : 0;
  };
  /** What the print keeps with `el` on its page: the headings and lead-in right before it. */
  function groupStart(el) {
    let start = el;
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const style = getComputedStyle(prev);
      if (!(style.breakAfter === 'avoid' || /^H[1-6]$/.test(prev.tagName)) || firstPage(prev) !== firstPage(el)) break;
      if (rects(prev).some((r) => pageOf(r) !== firstPage(el))) break;
      start = prev;
    }
    return start;
  }
  /** A float at the top of its page that left the page before it under FULL full: that page, else null. */
  function holeBefore(chapter, el) {
    const page = firstPage(el);
    let start = groupStart(el);
    const prev = start.previousElementSibling;
    if (page <= 0 || !prev) return null;
    // Only the group is above it on its page: whole headings and lead-in, or the last lines of a
    // lead-in the print broke over the page end to keep them with it.
    const prevRects = rects(prev);
    if (prevRects.every((r) => pageOf(r) === page)) return null;
    if (prevRects.some((r) => pageOf(r) === page)) {
      if (getComputedStyle(prev).breakAfter !== 'avoid') return null;
      start = prev;
      // With the heading it belongs to.
      while (start.previousElementSibling && /^H[1-6]$/.test(start.previousElementSibling.tagName)) start = start.previousElementSibling;
    } else if (topOf(start) > 40) return null;
    const bottom = bottomOn(chapter, page - 1);
    if (bottom === 0 || bottom >= FULL * H) return null;
    return { page: page - 1, room: H - bottom, start };
  }

  const continued = document.querySelector('main')?.dataset.continued ?? ' (continued)';

  /** 1. Splits a table block before its first row on the page after `hole.page`. */
  function splitTable(block, hole) {
    const table = block.querySelector('table');
    const tbody = table?.tBodies[0];
    if (!table || !tbody || tbody.rows.length < 4) return false;
    block.style.breakInside = 'auto';
    relayout();
    const rows = [...tbody.rows];
    let k = rows.findIndex((row) => firstPage(row) > hole.page);
    // The rows all fit, the notes under them do not: the last two rows go over with the notes.
    if (k < 0 && [...block.children].some((n) => n !== table && rects(n).some((r) => pageOf(r) > hole.page))) k = rows.length - 1;
    block.style.breakInside = '';
    if (k < 0 || firstPage(table) !== hole.page) {
      relayout();
      // Kept whole all the same (its lead-in, kept with it, broke over the page end instead: zh p. 8,
      // Table 3): split where the rows that fit the room end, counted from their heights.
      return firstPage(table) === hole.page + 1 && splitToFit(block, table, rows, hole);
    }
    // One row back: the first part gains the table's bottom rule, which must not push its last row over.
    k = Math.max(1, k - 1);
    if (k < 2 || rows.length - k < 1) {
      relayout();
      return false;
    }
    splitAt(block, table, rows, k);
    relayout();
    report.split.push(table.id);
    return true;
  }

  /** The rest of a table from row `k`: a second block under the same caption with "(continued)", its header repeated. */
  function splitAt(block, table, rows, k) {
    // The rest starts the next page (styles.ts: .table-block.continued), caption and header first.
    const rest = block.cloneNode(false);
    rest.classList.add('continued');
    const tail = table.cloneNode(false);
    tail.removeAttribute('id');
    const caption = table.caption.cloneNode(true);
    const captionId = `${table.caption.id}-continued`;
    caption.id = captionId;
    caption.appendChild(document.createTextNode(continued));
    rest.setAttribute('aria-labelledby', captionId);
    tail.appendChild(caption);
    tail.appendChild(table.tHead.cloneNode(true));
    const body = document.createElement('tbody');
    for (const row of rows.slice(k)) body.appendChild(row);
    tail.appendChild(body);
    rest.appendChild(tail);
    // The notes and the download link go under the last part.
    for (const n of [...block.children]) if (n !== table) rest.appendChild(n);
    block.after(rest);
    return rest;
  }

  /** Undoes splitAt: the rows and notes back in the first block, the second removed. */
  function unsplit(block, table, rest) {
    const body = table.tBodies[0];
    for (const row of [...rest.querySelector('tbody').rows]) body.appendChild(row);
    for (const n of [...rest.children]) if (n.tagName !== 'TABLE') block.appendChild(n);
    rest.remove();
  }

  /**
   * A table the print keeps whole on the page after the hole, with its group (heading, lead-in): the
   * rows that fit what is left of the hole's page stay (from their heights, less what of the group and
   * the table's head must go there too), the rest continue; one row fewer at a time while the first
   * part still does not start on the hole's page.
   */
  function splitToFit(block, table, rows, hole) {
    const height = (el) => el.getBoundingClientRect().height;
    // What goes before the rows on the hole's page: the group's parts now overleaf, the caption and header row.
    let before = height(table.caption) + height(table.tHead) + (parseFloat(getComputedStyle(block).marginTop) || 0);
    for (let n = hole.start; n && n !== block; n = n.nextElementSibling) {
      before += rects(n).filter((r) => pageOf(r) > hole.page).reduce((sum, r) => sum + r.height, 0);
    }
    let room = hole.room - before - 24;
    let k = 0;
    while (k < rows.length && room - height(rows[k]) >= 0) room -= height(rows[k++]);
    // The lead-in's keep is lifted once the split leaves room for both on the hole's page (Chromium
    // otherwise still breaks inside the lead-in, before a table that now fits); checked below.
    const lead = block.previousElementSibling;
    const keep = lead && getComputedStyle(lead).breakAfter === 'avoid' ? lead.style.breakAfter : null;
    // Two rows at least go over: a continuation of one row reads as a stray.
    for (k = Math.min(k, rows.length - 2); k >= 2; k--) {
      const rest = splitAt(block, table, rows, k);
      if (keep !== null) lead.style.breakAfter = 'auto';
      relayout();
      if (firstPage(table) === hole.page && firstPage(rest) === hole.page + 1 && (keep === null || rects(lead).every((r) => pageOf(r) === hole.page))) {
        report.split.push(table.id);
        return true;
      }
      if (keep !== null) lead.style.breakAfter = keep;
      unsplit(block, table, rest);
      relayout();
    }
    return false;
  }

  /** 2. Draws a figure's chart smaller so that the figure fits the room left on the page before. */
  function shrinkFigure(figure, hole) {
    const svg = figure.querySelector('.chart-page svg');
    if (!svg) return false;
    const sizes = [...svg.querySelectorAll('[font-size]')].map((t) => parseFloat(t.getAttribute('font-size'))).filter((x) => x > 0);
    const smallest = sizes.length ? Math.min(...sizes) : 12;
    const width = svg.getBoundingClientRect().width;
    const viewWidth = parseFloat(svg.getAttribute('width')) || width;
    const chart = svg.getBoundingClientRect().height;
    const startTop = Math.min(...rects(hole.start).filter((r) => pageOf(r) === hole.page + 1).map(yOf));
    const f = figure.getBoundingClientRect();
    const group = yOf(f) + f.height - startTop + (parseFloat(getComputedStyle(figure).marginBottom) || 0);
    const over = group - hole.room;
    if (over <= 0 || over >= chart) return false;
    const limit = Math.max(SHRINK, MIN_TEXT_PX / (smallest * (width / viewWidth)));
    const before = svg.style.width;
    // The scale the measures give, then a step smaller at a time down to the limit: the measures miss
    // what the page end takes back (the space above the figure, line boxes rounded up), by a few pixels.
    let scale = (chart - over - 2) / chart;
    if (scale < limit) return false;
    for (;; scale = Math.max(limit, scale - 0.02)) {
      svg.style.width = `${Math.floor(width * scale)}px`;
      relayout();
      if (firstPage(figure) === hole.page) break;
      if (scale <= limit) {
        svg.style.width = before;
        relayout();
        return false;
      }
    }
    report.shrunk.push(`${figure.id} (${Math.round(scale * 100)}%)`);
    return true;
  }

  /** The unit of text after `el` that may flow in before it, or null: a paragraph or list, or a sub-heading with what it heads. */
  function unitAfter(el, headings) {
    const next = el.nextElementSibling;
    if (!next) return null;
    if (next.matches('p, ul, ol, blockquote') && !next.matches('.download')) {
      const after = next.nextElementSibling;
      // A lead-in goes with its own figure, not before another one.
      if (getComputedStyle(next).breakAfter === 'avoid' && after && after.matches(FLOATS)) return null;
      return [next];
    }
    if (headings && next.matches('h3, h4, h5, h6')) {
      const body = next.nextElementSibling;
      if (body && body.matches('p, ul, ol') && !(body.nextElementSibling && body.nextElementSibling.matches(FLOATS) && getComputedStyle(body).breakAfter === 'avoid')) return [next, body];
    }
    return null;
  }

  /** 3. Moves the text after a figure before it (its group), unit by unit, while it fits on the page before. */
  function floatFigure(chapter, figure, hole) {
    let moved = 0;
    // A sub-heading flows in only before a float that has none of its own above it: never between a
    // heading and its text, never so that two sub-sections change places.
    let headings = !/^H[1-6]$/.test(hole.start.tagName) && !(hole.start.previousElementSibling && /^H[1-6]$/.test(hole.start.previousElementSibling.tagName));
    for (let n = hole.start; n && n !== figure; n = n.nextElementSibling) if (/^H[1-6]$/.test(n.tagName)) headings = false;
    for (let guard = 0; guard < 20; guard++) {
      const unit = unitAfter(figure, headings);
      if (!unit) break;
      const anchor = hole.start;
      const marker = document.createComment('float');
      unit[unit.length - 1].after(marker);
      for (const n of unit) anchor.before(n);
      relayout();
      if (firstPage(figure) !== hole.page + 1 || rects(unit[0]).every((r) => pageOf(r) > hole.page)) {
        // The figure went further, or the text did not start on the page before: undone.
        for (const n of unit) marker.before(n);
        marker.remove();
        relayout();
        break;
      }
      marker.remove();
      moved++;
      // The text ran over the page end: the figure follows it on the next page.
      if (unit.some((n) => rects(n).some((r) => pageOf(r) > hole.page))) break;
      if (bottomOn(chapter, hole.page) >= FULL * H) break;
    }
    if (moved) report.floated.push(`${figure.id} (${moved})`);
    return moved > 0;
  }

  // The chapters to work on (paginate.browser.js gives one at a time), else every one.
  for (const chapter of m.chapters ?? model.querySelectorAll('section.chapter')) {
    for (let guard = 0; guard < 200; guard++) {
      relayout();
      let changed = false;
      const notes = chapter.querySelectorAll('.fn-block');
      const lastNote = afterNotes ? notes[notes.length - 1] : null;
      for (const el of chapter.querySelectorAll(`:scope > figure, :scope > .table-block`)) {
        const afterLast = !lastNote || lastNote.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
        // withNotes: only before the last note block, and nothing moved in the document but table rows
        // (no text flowed in); paginate.browser.js then places the notes again.
        if (withNotes ? afterLast : !afterLast) continue;
        const hole = holeBefore(chapter, el);
        if (!hole) continue;
        if (withNotes) {
          // A table split where its page ended before the notes were placed, now starting a page after
          // a hole: joined again (and split anew on the next round); a table split, a figure drawn smaller.
          const stale = el.matches('.table-block.continued') && el.previousElementSibling?.matches('.table-block');
          // What follows moves: the tables split after it, where their pages ended, are joined again.
          const rests = [...chapter.querySelectorAll(':scope > .table-block.continued')].filter((b) => (stale && b === el) || el.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
          if (!(stale || (el.matches('.table-block') ? splitTable(el, hole) : shrinkFigure(el, hole)))) continue;
          for (const rest of rests.reverse()) {
            const block = rest.previousElementSibling;
            const table = block?.matches('.table-block') && block.querySelector('table');
            if (!table) continue;
            unsplit(block, table, rest);
            // The lead-in's keep, lifted when the table was split to fit (splitToFit), holds again.
            const lead = block.previousElementSibling;
            if (lead && lead.style.breakAfter === 'auto') lead.style.breakAfter = 'avoid';
          }
          relayout();
          report.changed = true;
          return report;
        }
        // A table that cannot be split (the print keeps it whole even when allowed to break) floats like a figure.
        if (el.matches('.table-block') ? splitTable(el, hole) || floatFigure(chapter, el, hole) : shrinkFigure(el, hole) || floatFigure(chapter, el, hole)) {
          changed = true;
          break;
        }
      }
      if (!changed) break;
    }
  }
  return report;
})
