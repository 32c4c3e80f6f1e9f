/**
 * The catalogue of every message a user can see from the CLI: errors, warnings and progress lines.
 * Code raises errors by message id with parameters; the wording lives here only.
 */
export const messages = {
  // set-up
  'chromium.missing': (p: { tried: string[]; install: string }) =>
    `Chromium was not found (looked at ${p.tried.join(', ')}). Install it with:\n  ${p.install}\nor set PUPPETEER_EXECUTABLE_PATH to a Chromium or Chrome binary.`,
  'chromium.installing': (p: { command: string }) => `Chromium is missing; installing it: ${p.command}`,
  'chromium.install-failed': (p: { command: string }) =>
    `Installing Chromium failed. Run this yourself and try again:\n  ${p.command}`,
  'font.missing': (p: { file: string }) =>
    `The CJK font file ${p.file} is missing. Run \`npm install\` to restore @fontsource/noto-sans-sc.`,

  // the ClickHouse engine (engines/clickhouse/, installed apart)
  'engine.clickhouse-missing': (p: { dir: string; command: string }) =>
    `--engine clickhouse needs the ClickHouse engine package, which \`npm install\` does not install (chDB is ~550 MB). Install it with:\n  ${p.command}\n(it goes into ${p.dir}).`,
  'engine.clickhouse-failed': (p: { detail: string }) => `ClickHouse: ${p.detail}`,
  'engine.unknown': (p: { engine: string }) => `--engine ${p.engine}: expected duckdb or clickhouse`,

  // cli
  'cli.unknown-command': (p: { command: string }) => `Unknown command "${p.command}". Run \`report --help\`.`,
  'cli.bad-option': (p: { detail: string }) => `${p.detail}. Run \`report build --help\`.`,
  'cli.bad-list': (p: { option: string; value: string; allowed: readonly string[] }) =>
    `--${p.option} ${p.value}: expected a comma-separated list of ${p.allowed.join(', ')}`,
  'cli.system-error': (p: { path: string; reason: string; code: string }) => `${p.path}: ${p.reason} (${p.code})`,
  'cli.internal-error': (p: { detail: string }) =>
    `internal error (a bug in the report compiler, not in your input): ${p.detail}. Run with --debug for details.`,
  'cli.unknown-edition': (p: { edition: string; known: string[] }) =>
    `No edition "${p.edition}" under templates/ (known: ${p.known.join(', ') || 'none'})`,

  'cli.from-sources': () =>
    'dist/ (the compiled command) is missing or older than src/ and could not be rebuilt: running the TypeScript sources (slower start). `npm run build` rebuilds it.',
  'build.up-to-date': (p: { dir: string; files: number }) => `up to date: ${p.dir} (${p.files} files) is what these inputs build; nothing to do`,

  'cli.no-edition': (p: { dir: string }) =>
    `${p.dir}: no edition here (a folder with an edition.yaml). Start one with \`report new <edition> --from <edition>\`.`,

  'new.bad-name': (p: { name: string }) =>
    `"${p.name}" cannot name an edition: use letters, digits, '.', '_' or '-' (such as 2024)`,
  'new.exists': (p: { folder: string }) => `${p.folder} exists already: an edition is never overwritten (remove it first, or choose another name)`,
  'new.failed': (p: { name: string; detail: string }) => `making edition ${p.name} failed, nothing was written: ${p.detail}`,
  'new.no-dataset': (p: { dir: string; name: string }) =>
    `${p.dir} has no dataset.yaml yet: put the snapshot there (docs/data-contract.md) before \`report check --edition ${p.name}\``,
  'new.done': (p: { name: string; from: string; folders: readonly string[]; data: string; given: boolean; published: string | null }) =>
    [
      `edition ${p.name} made from ${p.from}: ${p.folders.join(', ')}`,
      ...(p.published ? [`publication date set to ${p.published}, a year after ${p.from}'s: confirm it in templates/${p.name}/content/dates.yaml`] : []),
      'Next:',
      ...(p.given ? [] : [`  1. put the new data snapshot in ${p.data}/ (dataset.yaml and its tables: docs/data-contract.md),`, '     or build from a folder elsewhere with --data DIR']),
      `  ${p.given ? 1 : 2}. in templates/${p.name}/edition.yaml: this year's hot-technology group and year, the focus countries if they change;`,
      `     in templates/${p.name}/content/: this year's events, sources and teams`,
      `  ${p.given ? 2 : 3}. report check --edition ${p.name}    (what the edition needs of the data, every number traced)`,
      `  ${p.given ? 3 : 4}. report build --edition ${p.name}    (both locales, PDF and HTML, under out/${p.name}/)`,
      `  ${p.given ? 4 : 5}. report diff out/${p.from} out/${p.name}    (claim by claim, what changed since ${p.from})`,
    ].join('\n'),

  // input
  'input.not-found': (p: { file: string }) => `${p.file}: file not found`,
  'data.no-maker': (p: { file: string }) => `${p.file}: expected a module exporting make({ out, log }), the edition's data maker (data.make in edition.yaml)`,
  'content.unknown': (p: { file: string; known: readonly string[] }) =>
    `${p.file}: not a kind of edition content (known: ${p.known.join(', ') || 'none'}; see src/base/content-readers.ts)`,
  'content.timeline-missing': (p: { figure: string; topic: string }) =>
    `figure "${p.figure}" needs the events of topic ${p.topic}: list them in templates/<edition>/content/timeline.yaml under topics: ${p.topic}:`,
  'input.yaml-syntax': (p: { file: string; line: number; column: number; detail: string }) =>
    `${p.file}:${p.line}:${p.column}: invalid YAML: ${p.detail}`,
  'input.yaml-too-large': (p: { file: string; chars: number; limit: number }) =>
    `${p.file}: ${p.chars.toLocaleString('en-US')} characters is more than a YAML file may have (${p.limit.toLocaleString('en-US')})`,
  'input.json-syntax': (p: { file: string; line: number; column: number; detail: string }) =>
    `${p.file}:${p.line}:${p.column}: invalid JSON: ${p.detail}`,
  'input.field': (p: { file: string; path: string; expected: string; got: string }) =>
    `${p.file}: ${p.path}: expected ${p.expected}, got ${p.got}`,
  'data.invalid': (p: { count: number; kinds: number }) =>
    `The dataset breaks its contract in ${p.count.toLocaleString('en-US')} place(s)${p.kinds < p.count ? ` of ${p.kinds} kind(s)` : ''}; nothing was written:`,
  'data.kind': (p: { heading: string; count: number; shown: number }) =>
    `${p.heading}: ${p.count.toLocaleString('en-US')} rows${p.count > p.shown ? `, the first ${p.shown}` : ''}:`,
  'data.rule': (p: { file: string; column: string; expected: string }) => `${p.file}: column "${p.column}": expected ${p.expected}`,
  'data.table-missing': (p: { dir: string; table: string }) =>
    `${p.dir}: table "${p.table}" is missing (expected ${p.table}.csv, ${p.table}.jsonl or ${p.table}.parquet)`,
  'data.table-ambiguous': (p: { dir: string; table: string; files: string[] }) =>
    `${p.dir}: table "${p.table}" is given twice (${p.files.join(', ')}); keep one`,
  'data.column-missing': (p: { file: string; column: string; found: string[] }) =>
    `${p.file}:1: column "${p.column}" is missing (header has: ${p.found.join(', ')})`,
  'data.not-regular': (p: { file: string; what: string }) =>
    `${p.file}: ${p.what}, not a regular file; a dataset folder may hold regular files only (links are not followed)`,
  'data.unreadable': (p: { file: string; line: number | null; format: string; cause: string; expected: string }) =>
    `${p.file}${p.line === null ? '' : `:${p.line}`}: cannot be read as ${p.format}${p.line === null ? ' (DuckDB does not say on which line)' : ''}: ${p.cause}; expected ${p.expected}`,
  'data.empty': (p: { file: string }) => `${p.file}: the table has no rows`,
  'data.outside-window-records': (p: { items: readonly string[]; years: string }) => `${p.items.join(', ')} outside ${p.years}`,
  'data.outside-window': (p: { records: readonly string[]; following: readonly string[] }) =>
    `${p.records.join('; ')} left out${p.following.length > 0 ? `, with the rows that belong to them (${p.following.join(', ')})` : ''}`,
  'data.cell': (p: { where: string; column: string; value: string | null; expected: string }) =>
    `${p.where}: column "${p.column}": ${p.value === null ? 'empty' : JSON.stringify(p.value)}: expected ${p.expected}`,

  'build.kept-previous': (p: { dir: string; files: readonly string[] }) =>
    `${p.dir} keeps ${p.files.length === 1 ? 'a file' : `${p.files.length} files`} of the previous build that this one did not make (${p.files.join(', ')}): build every locale and format to replace ${p.files.length === 1 ? 'it' : 'them'}`,
  'data.calibration-ignored': (p: { reason: string }) =>
    `${p.reason}; the reconstruction statements and modelled-value marks are left out of this build`,
  'edition.needs': (p: { edition: string; unmet: readonly { where: string; text: string }[] }) =>
    `The ${p.edition} edition needs what this dataset lacks (nothing was written; see needs: in its edition.yaml):\n${p.unmet.map((u) => `  ${u.where}: ${u.text}`).join('\n')}`,

  // templates and locales
  'template.error': (p: { file: string; line: number; column: number; detail: string }) =>
    `${p.file}:${p.line}:${p.column}: ${p.detail}`,
  'locale.missing-key': (p: { locale: string; key: string; file: string }) =>
    `${p.file}: locale "${p.locale}" has no message "${p.key}"`,
  'claim.false': (p: { key: string; context: string | null; predicate: string; values: string }) =>
    `the sentence "${p.key}"${p.context ? ` (context "${p.context}")` : ''} claims ${p.predicate}, which is false on these metrics: ${p.values}`,
  'locale.duplicate-key': (p: { file: string; key: string; other: string }) =>
    `${p.file}: message "${p.key}" is also in ${p.other}; an edition adds sentences to the shared vocabulary and never redefines one (rename the key, or change the shared wording for every edition)`,
  'figure.unknown': (p: { id: string; known: string[] }) =>
    `unknown figure "${p.id}" (known: ${p.known.join(', ')})`,
  'formula.unknown': (p: { kind: string; id: string; known: string[] }) =>
    `unknown ${p.kind} "${p.id}" (known: ${p.known.join(', ')}; see the edition's formulas.yaml)`,
  'figure.failed': (p: { id: string; locale: string; detail: string }) => `figure "${p.id}" (${p.locale}) cannot be drawn: ${p.detail}`,
  'font.missing-glyphs': (p: { locale: string; where: string; chars: readonly string[] }) =>
    `${p.locale} ${p.where}: the embedded fonts have no glyph for ${p.chars.map((c) => `${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}: printed as empty boxes or in a system font`,
  'figure.label-cut': (p: { locale: string; figure: number; id: string; label: string; shown: string }) =>
    `${p.locale} figure ${p.figure} (${p.id}): the label ${JSON.stringify(p.shown)} (${[...p.label].length} characters) is cut to fit the chart; the CSV download and the description keep it whole`,
  'metric.unknown': (p: { path: string }) => `the metrics document has no "${p.path}"`,
  'table.unknown': (p: { id: string; known: string[] }) =>
    `unknown table "${p.id}" (known: ${p.known.join(', ') || 'none'}; see the edition's tables.yaml)`,
  'table.cell': (p: { at: string; owner: string; row: number; field: string; expected: string; got: string }) =>
    `${p.at}: ${p.owner}, row ${p.row}: "${p.field}": expected ${p.expected}, got ${p.got}`,
  'table.no-content': (p: { at: string; owner: string; kind: string }) =>
    `${p.at}: ${p.owner} needs the edition's content/${p.kind}.yaml`,
  'table.no-focus': (p: { edition: string }) => `edition ${p.edition}: tables need the edition's focus countries (focus: in edition.yaml)`,
  'select.missing': (p: { at: string; owner: string; path: string; detail: string }) =>
    `${p.at}: ${p.owner}: the metrics document has no "${p.path}"${p.detail}`,
  'figure.binding': (p: { at: string; id: string; detail: string }) => `${p.at}: figure "${p.id}": ${p.detail}`,
  'select.unknown-variable': (p: { at: string; owner: string; name: string; known: readonly string[] }) =>
    `${p.at}: ${p.owner}: unknown variable $${p.name} (known: ${p.known.map((k) => `$${k}`).join(', ') || 'none'})`,

  // preview
  'preview.listening': (p: { url: string }) => `preview: ${p.url} (rebuilds on every change of templates, locales, data or code; Ctrl-C stops)`,
  'preview.rebuilt': (p: { locales: readonly string[]; buildMs: number; latencyMs: number }) =>
    `preview: rebuilt ${p.locales.join(', ')} in ${Math.round(p.buildMs)} ms, page reloaded ${Math.round(p.latencyMs)} ms after the change`,
  'preview.failed': (p: { detail: string }) => `preview: the build failed; the page shows this until the next good build:\n${p.detail}`,
  'preview.restarting': (p: { file: string }) => `preview: code changed (${p.file}); restarting the build process`,
  'preview.bad-option': (p: { detail: string }) => `${p.detail}. Run \`report preview --help\`.`,
  'preview.worker-exit': (p: { code: number }) => `the build process stopped (exit code ${p.code}); it restarts with the next change`,

  // diff
  'diff.no-claims': (p: { where: string; file: string }) =>
    `${p.where}: no claims record (looked for ${p.file}). \`report build\` writes claims.json next to metrics.json: build both editions first.`,
  'diff.bad-option': (p: { detail: string }) => `${p.detail}. Run \`report diff --help\`.`,
  'diff.none': (p: { old: string; new: string }) => `no changes: ${p.old} and ${p.new} state the same claims`,
  'diff.summary': (p: { changed: number; appeared: number; disappeared: number; figures: number; tables: number; ranks: number }) =>
    `${plural(p.changed, 'sentence')} changed, ${p.appeared} appeared, ${p.disappeared} disappeared; ` +
    `${plural(p.figures, 'figure')} and ${plural(p.tables, 'table')} with changed data; ${plural(p.ranks, 'rank')} moved`,
  'diff.written': (p: { file: string }) => `diff: the review page is ${p.file}`,

  // pdf
  'pdf.failed': (p: { locale: string; detail: string }) => `printing the ${p.locale} PDF failed: ${p.detail}`,
  'pdf.active-content': (p: { found: readonly string[] }) =>
    `the document contains what could run as a script (${p.found.join(', ')}): some input reached the HTML as markup instead of text. Nothing was printed.`,
  'pdf.timeout': (p: { step: string; seconds: number }) => `the browser did not finish the step "${p.step}" within ${p.seconds} s`,
  'chromium.launch-failed': (p: { executable: string; detail: string }) =>
    `Chromium (${p.executable}) could not be started: ${p.detail}. Check that it runs (\`${p.executable} --version\`) or set PUPPETEER_EXECUTABLE_PATH to another Chromium or Chrome binary.`,
} as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export type MessageId = keyof typeof messages;
export type MessageParams<K extends MessageId> = Parameters<(typeof messages)[K]>[0];

export function message<K extends MessageId>(id: K, params: MessageParams<K>): string {
  return (messages[id] as (p: MessageParams<K>) => string)(params);
}
