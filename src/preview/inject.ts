/**
 * What the preview adds to a page it serves, and only there: the published index.html on disk never
 * contains it. A small script listens to the server's events: `reload` reloads the page (keeping the
 * scroll position), `problem` shows the build error over the page until the next good build.
 */
import { createHash } from 'node:crypto';
import { htmlAttr, htmlText } from '../base/escape.ts';
import { DOCUMENT_CSP } from '../html/document.ts';

export const EVENTS_PATH = '/__preview/events';

const SCRIPT_BODY = `
(() => {
  const key = 'preview-scroll:' + location.pathname;
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(y))); }
  const show = (text) => {
    let box = document.getElementById('preview-problem');
    if (!box) {
      box = document.createElement('pre');
      box.id = 'preview-problem';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;margin:0;padding:1rem;' +
        'background:#fff5f5;color:#822;border:2px solid #c53030;border-radius:6px;font:13px/1.5 monospace;white-space:pre-wrap;z-index:2147483647';
      document.body.appendChild(box);
    }
    box.textContent = text;
  };
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('reload', () => { sessionStorage.setItem(key, String(scrollY)); location.reload(); });
  events.addEventListener('problem', (e) => show(JSON.parse(e.data)));
  const initial = document.getElementById('preview-initial-problem');
  if (initial) show(initial.textContent);
})();
`;
const SCRIPT = `<script data-preview>${SCRIPT_BODY}</script>`;

/**
 * The preview's Content-Security-Policy (sent as a header, and written over the document's own policy,
 * which allows no script): the document's policy plus exactly this one script, by its hash, and its
 * event stream on the same origin.
 */
export const PREVIEW_CSP = DOCUMENT_CSP.replace(
  "script-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(SCRIPT_BODY).digest('base64')}'; connect-src 'self'`,
);

const cspMeta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${htmlAttr(policy)}">`;

/** The page as served by the preview: the reload script, and the current build error if there is one. */
export function previewPage(html: string, problem: string | null): string {
  const extra = `${problem ? `<div hidden id="preview-initial-problem">${htmlText(problem)}</div>` : ''}${SCRIPT}`;
  const page = html.replace(cspMeta(DOCUMENT_CSP), cspMeta(PREVIEW_CSP));
  const at = page.lastIndexOf('</body>');
  return at < 0 ? page + extra : page.slice(0, at) + extra + page.slice(at);
}

/** Served when there is no page yet (the first build failed, or is still running). */
export function placeholderPage(title: string, problem: string | null): string {
  return previewPage(`<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${htmlText(title)}</title></head><body><p>${htmlText(title)}</p></body></html>`, problem);
}
