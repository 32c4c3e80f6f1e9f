// Runs inside the print page, called by paginate.browser.js on its model for each chapter once its
// notes are placed and its holes filled (plain JavaScript, sent to Chromium as text).
//
// A chapter's last page carries at least END of the page (15%: six or seven lines of English, five
// or six of Chinese), never a line or two alone before the next chapter. Where it carries less, in
// this order:
//   1. tighten: a figure of the chapter's last pages is drawn smaller, step by step within the limits
//      fill-pages.browser.js keeps (at most 15% smaller, its smallest text ≥ 7 pt), until the chapter
//      ends a page earlier;
//   2. pull: more lines go over to the last page: the paragraph broken over the page turn leaves more
//      of its last lines overleaf (widows), else the page turns earlier, before a paragraph or a
//      sub-heading with its text.
// A change stands only if the pages before the last stay at least FULL full (no new hole) and the
// chapter gains no page. Only what follows the chapter's last note block is changed: a note stays on
// the page of its reference.
(function chapterEnds(m) {
  const { H, pageOf, yOf, relayout, rects, firstPage, bottomOn } = m;
  // A little over the 15% the page fill is judged by (scripts/page-fill.ts): text ends above its line box.
  const END = 0.17;
  // No page before it left under this (the page fill's 60%, with the margin its text boxes need).
  const FULL = 0.62;
  const SHRINK = 0.85;
  const MIN_TEXT_PX = 7 / 0.75; // 7 pt at print size
  const report = { split: [], shrunk: [], floated: [], ends: [] };

  function lastPage(chapter) {
    let last = -1;
    for (const el of chapter.children) for (const r of rects(el)) last = Math.max(last, pageOf(r));
    return last;
  }
  /** Lines of a paragraph on `page`. */
  function linesOn(el, page) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set();
    for (const r of range.getClientRects()) if (r.width > 0 && pageOf(r) === page) tops.add(Math.round(yOf(r)));
    return tops.size;
  }

  for (const chapter of m.chapters) {
    relayout();
    const last = lastPage(chapter);
    if (last < 1 || bottomOn(chapter, last) === 0 || bottomOn(chapter, last) >= END * H) continue;
    // What may change: the blocks after the chapter's last note block.
    const notes = chapter.querySelectorAll('.fn-block');
    const lastNote = notes[notes.length - 1];
    const free = [...chapter.children].filter((el) => !el.matches('section.footnotes, .fn-block') && (!lastNote || lastNote.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
    if (free.length === 0) continue;
    const freeFrom = Math.max(0, ...rects(free[0]).map(pageOf).slice(0, 1));
    // The pages from `from` to the chapter's new last page: none under FULL but the last, which carries END.
    const good = (from, end) => {
      for (let p = from; p < end; p++) if (bottomOn(chapter, p) < FULL * H) return false;
      return bottomOn(chapter, end) >= END * H;
    };
    const id = chapter.querySelector('h1[id]')?.id ?? chapter.className;

    // 1. Tighten: a figure on the last pages drawn smaller, the chapter then a page shorter.
    let done = false;
    const figures = free.filter((el) => el.matches('figure') && firstPage(el) >= Math.max(freeFrom, last - 2)).reverse();
    for (const figure of figures.slice(0, 4)) {
      const svg = figure.querySelector('.chart-page svg');
      if (!svg) continue;
      const sizes = [...svg.querySelectorAll('[font-size]')].map((t) => parseFloat(t.getAttribute('font-size'))).filter((x) => x > 0);
      const smallest = sizes.length ? Math.min(...sizes) : 12;
      const viewWidth = parseFloat(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
      const natural = Math.min(viewWidth, figure.clientWidth || viewWidth);
      const limit = Math.max(SHRINK, MIN_TEXT_PX / (smallest * (natural / viewWidth)));
      const before = svg.style.width;
      const width = svg.getBoundingClientRect().width;
      for (let scale = 0.98; width * scale >= natural * limit - 0.5; scale -= 0.02) {
        svg.style.width = `${Math.floor(width * scale)}px`;
        relayout();
        if (lastPage(chapter) < last && good(firstPage(figure), lastPage(chapter))) {
          done = true;
          report.shrunk.push(`${figure.id} (${Math.round(((width * scale) / natural) * 100)}%)`);
          report.ends.push(`${id}: tightened`);
          break;
        }
      }
      if (done) break;
      svg.style.width = before;
      relayout();
    }
    if (done) continue;

    // 2. Pull: the paragraph over the page turn leaves more lines overleaf.
    const turn = free.find((el) => el.matches('p, li, blockquote') && rects(el).some((r) => pageOf(r) === last - 1) && rects(el).some((r) => pageOf(r) === last));
    if (turn) {
      const had = turn.style.widows;
      const over = linesOn(turn, last);
      const all = over + linesOn(turn, last - 1);
      for (let widows = over + 1; widows <= all - 2 && !done; widows++) {
        turn.style.widows = String(widows);
        relayout();
        if (lastPage(chapter) === last && linesOn(turn, last - 1) > 0 && good(last - 1, last)) done = true;
      }
      if (done) {
        report.ends.push(`${id}: ${turn.style.widows} lines over`);
        continue;
      }
      turn.style.widows = had;
      relayout();
    }
    // ... or the chapter's last note block, at the foot of the page before, goes up over the blocks
    // above it (none citing its notes; a heading with the text it heads): they follow it overleaf.
    if (lastNote && firstPage(lastNote) === last - 1 && free.length > 0) {
      const cited = new Set([...lastNote.querySelectorAll('li[id]')].map((li) => `#${li.id}`));
      const cites = (el) => [...el.querySelectorAll('a[href^="#"]')].some((a) => cited.has(a.getAttribute('href')));
      const refill = () => {
        lastNote.style.height = '1px';
        relayout();
        const top = yOf(lastNote.getBoundingClientRect());
        const content = lastNote.firstElementChild ? lastNote.firstElementChild.getBoundingClientRect().height : 0;
        lastNote.style.height = `${Math.max(Math.ceil(content), Math.floor(H - top) - 1)}px`;
        relayout();
      };
      const undo = [];
      for (let units = 0; units < 6 && !done; units++) {
        let prev = lastNote.previousElementSibling;
        // A list citing the notes: its last items that do not cite them continue after the notes.
        if (prev && prev.matches('ul, ol') && cites(prev)) {
          const item = prev.lastElementChild;
          if (!item || cites(item) || prev.children.length < 2) break;
          let rest = lastNote.nextElementSibling;
          const made = !(rest && rest.matches(`${prev.tagName.toLowerCase()}.continued`));
          if (made) {
            rest = prev.cloneNode(false);
            rest.removeAttribute('id');
            rest.classList.add('continued');
            lastNote.after(rest);
          }
          if (prev.tagName === 'OL') rest.start = (prev.start || 1) + prev.children.length - 1;
          rest.prepend(item);
          undo.push({ item, list: prev, rest, made, height: lastNote.style.height });
          refill();
          const r = lastNote.getBoundingClientRect();
          done = pageOf(r) === last - 1 && yOf(r) + r.height <= H + 0.5 && lastPage(chapter) === last && good(last - 1, last);
          continue;
        }
        if (!prev || !prev.matches('p, ul, ol, blockquote') || cites(prev)) break;
        const moving = [prev];
        while (moving[0].previousElementSibling && /^H[2-6]$/.test(moving[0].previousElementSibling.tagName)) moving.unshift(moving[0].previousElementSibling);
        if (moving.some(cites) || !moving[0].previousElementSibling) break;
        // A paragraph the notes split is whole again, after them.
        const tail = lastNote.nextElementSibling;
        const joined = prev.matches('p.split') && tail && tail.matches('p.continued') ? prev.childNodes.length : 0;
        undo.push({ moving: [...moving], prev, tail, joined, height: lastNote.style.height });
        if (joined) {
          tail.prepend(...prev.childNodes);
          tail.classList.remove('continued');
          if (prev.id) tail.id = prev.id;
          prev.remove();
          moving.pop();
        }
        lastNote.after(...moving);
        refill();
        const r = lastNote.getBoundingClientRect();
        done = pageOf(r) === last - 1 && yOf(r) + r.height <= H + 0.5 && lastPage(chapter) === last && good(last - 1, last);
      }
      if (done) {
        report.ends.push(`${id}: notes above ${undo.length} block(s)`);
        continue;
      }
      // Undone, last move first: the blocks back above the notes, a joined paragraph split again where it was.
      for (const u of undo.reverse()) {
        if (u.item) {
          u.list.append(u.item);
          if (u.made) u.rest.remove();
          lastNote.style.height = u.height;
          continue;
        }
        if (u.joined) {
          u.prev.append(...[...u.tail.childNodes].slice(0, u.joined));
          u.tail.classList.add('continued');
          if (u.prev.id) u.tail.removeAttribute('id');
        }
        lastNote.before(...u.moving);
        lastNote.style.height = u.height;
      }
      relayout();
    }
    // ... else the page turns earlier: before a paragraph, or a sub-heading and its text, on the page before.
    const starts = free.filter((el, i) => i > 0 && el.matches('p, ul, ol, blockquote, h2, h3, h4') && firstPage(el) === last - 1 && !/^H[1-6]$/.test(free[i - 1].tagName)).reverse();
    for (const el of starts) {
      el.classList.add('page-turn');
      relayout();
      if (lastPage(chapter) === last && good(last - 1, last)) {
        report.ends.push(`${id}: page turned before ${el.tagName.toLowerCase()}`);
        done = true;
        break;
      }
      el.classList.remove('page-turn');
      relayout();
    }
  }
  return report;
})
