/** The PDF stage: a queue of prints sharing one browser, each read from the cache when its HTML is unchanged. */
import type { Stages } from '../base/stages.ts';
import { pdfKey } from '../cache/keys.ts';
import { NO_CACHE, type Cache } from '../cache/store.ts';
import type { Locale } from '../base/yaml.ts';
import type { PdfMetadata } from './finish.ts';
import type { Printer, PrintedPdf } from './print.ts';

/** What the PDF stage needs of the build's resources. */
export interface PrintResources {
  /** Called only when a PDF is asked for and not in the cache. */
  openPrinter(): Promise<Printer>;
  /** Names the browser build, for the PDF cache key; without it PDFs are never read from the cache. */
  printerIdentity?(): string;
}

export interface PrintJob {
  readonly locale: Locale;
  readonly html: string;
  readonly metadata: PdfMetadata;
}

export interface Printed {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

/**
 * Prints on demand: the browser is launched by the first PDF not found in the cache, and shared by all
 * (one page per locale). Every job's promise is caught at once, so a failure surfaces at `finish()`.
 */
export class PrintQueue {
  private printer: Promise<Printer> | null = null;
  private readonly jobs: Promise<Printed>[] = [];

  constructor(
    private readonly stages: Stages,
    private readonly cache: Cache,
    private readonly resources: PrintResources,
  ) {}

  /**
   * Launches the browser now, before any HTML is ready, so that the launch overlaps the chapters and
   * figures stages instead of delaying the first print. Wasted (and closed at the end) when every
   * PDF turns out to be in the cache.
   */
  warm(): void {
    this.launch().catch(() => {}); // a launch failure surfaces with the first print
  }

  private launch(): Promise<Printer> {
    return (this.printer ??= this.stages.run('browser', () => this.resources.openPrinter()));
  }

  add(job: PrintJob): Promise<Printed> {
    const promise = this.print(job);
    promise.catch(() => {}); // awaited in finish(); never an unhandled rejection meanwhile
    this.jobs.push(promise);
    return promise;
  }

  private async print({ locale, html, metadata }: PrintJob): Promise<Printed> {
    const identity = this.resources.printerIdentity?.();
    const key = identity && this.cache !== NO_CACHE ? pdfKey(html, locale, metadata, identity) : null;
    const known = key ? await this.cache.get('pdf', key) : null;
    if (known) {
      const pages = Number(new TextDecoder().decode(known.subarray(0, known.indexOf(10))));
      return this.stages.run(`pdf ${locale}`, async () => ({ bytes: known.subarray(known.indexOf(10) + 1), pages }), (p) => `${p.pages} pages`, true);
    }
    const printer = await this.launch();
    const pdf = await this.stages.run(`pdf ${locale}`, () => printer.print(html, locale, metadata), (p) =>
      // The print is checked against the pagination model: say so when a note missed its page.
      `${p.pages} pages, ${p.passes} print(s), ${(p.bytes.length / 1024).toFixed(0)} KiB` +
      (p.misplacedNotes.length ? `; footnotes not on their reference's page: ${p.misplacedNotes.join(', ')}` : '') +
      (p.filled ? filledNote(p.filled) : '') +
      (p.shrunk.length ? `; wider than the page, printed smaller: ${p.shrunk.map((s) => `${s.element} (${Math.round(s.scale * 100)}%)`).join(', ')}` : '') +
      // Printed again because the model disagreed with the print: where it first went wrong.
      (p.modelMisses.length ? `; pagination model off from ${p.modelMisses[0]!.id} (page ${p.modelMisses[0]!.model}, printed ${p.modelMisses[0]!.print})` : ''),
    );
    // Stored with its page count in front, so a cached PDF needs no parsing to be reported.
    if (key) await this.cache.put('pdf', key, Buffer.concat([Buffer.from(`${pdf.pages}\n`), pdf.bytes]));
    return { bytes: pdf.bytes, pages: pdf.pages };
  }

  /** Waits for every job (even after a failure, so no page is closed under a running print), then closes the browser. */
  async finish(): Promise<Printed[]> {
    const settled = await Promise.allSettled(this.jobs);
    await this.close();
    return results(settled);
  }

  /**
   * Every job's PDF once all have ended, the browser left open: the caller closes it (`close`), e.g.
   * while it writes the outputs. On a failure the browser is closed before the error surfaces.
   */
  async printed(): Promise<Printed[]> {
    const settled = await Promise.allSettled(this.jobs);
    if (settled.some((s) => s.status === 'rejected')) await this.close();
    return results(settled);
  }

  /** Closes the browser, if one was launched. */
  async close(): Promise<void> {
    if (this.printer) await (await this.printer.catch(() => null))?.close();
  }
}

function results(settled: readonly PromiseSettledResult<Printed>[]): Printed[] {
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<Printed>).value);
}

/** What the print did so that no page is left half empty (fill-pages.browser.js), for the pdf line. */
function filledNote(f: NonNullable<PrintedPdf['filled']>): string {
  const parts = [
    f.split.length ? `tables split: ${f.split.join(', ')}` : '',
    f.shrunk.length ? `figures smaller: ${f.shrunk.join(', ')}` : '',
    f.floated.length ? `text moved before: ${f.floated.join(', ')}` : '',
    f.ends?.length ? `chapter ends: ${f.ends.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? `; ${parts.join('; ')}` : '';
}
