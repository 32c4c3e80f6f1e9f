/**
 * Figures, checked as drawn: every number a chart prints beside its marks (the value labels, not the
 * axis ticks a scale chooses) is a value of the figure's data, and the locales' charts print the
 * same numbers. Rendering every chart takes a few seconds, so this runs apart from checkEdition.
 */
import { countryNames } from '../base/countries.ts';
import type { Edition } from '../base/edition.ts';
import * as fmt from '../base/format.ts';
import { createTranslator, type LocaleBundle } from '../base/i18n.ts';
import { numberFigures } from '../base/slots.ts';
import { buildFigure } from '../figures/build.ts';
import { renderSvg } from '../figures/vega.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import { numberTokens, type Problem } from './lint.ts';

/** The text of the value labels of an SVG chart (text marks, not axis or legend labels). */
export function valueLabels(svg: string): string[] {
  const out: string[] = [];
  for (const group of svg.matchAll(/<g class="mark-text role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/g)) {
    for (const text of group[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(text[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));
  }
  return out;
}

/** Every number in a spec's inline data (its `values` arrays), in the forms a chart prints it. */
function dataTokens(spec: unknown): Set<string> {
  const tokens = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'number') {
      for (const form of [fmt.integer(Math.abs(v)), fmt.decimal(Math.abs(v), 1), fmt.percent(Math.abs(v)), String(Math.abs(v))]) for (const t of numberTokens(form)) tokens.add(t);
    } else if (typeof v === 'string') for (const t of numberTokens(v)) tokens.add(t);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  const find = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(find);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'values' && Array.isArray(x) ? add : find)(x);
  };
  find(spec);
  return tokens;
}

export async function checkFigureLabels(edition: Edition, metrics: MetricsDocument, bundles: readonly LocaleBundle[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  const numbers = numberFigures(edition);
  const shown = new Map<string, Map<string, string>>();
  for (const bundle of bundles) {
    const t = createTranslator(bundle, metrics.provenance.definitions);
    const names = countryNames(bundle.locale, bundle.namespaces.countries);
    for (const [id] of numbers) {
      const { built } = buildFigure(id, edition, metrics, t, names);
      const svg = await renderSvg(built.spec, { id: `check-${id}`, title: built.title, description: built.description });
      const labels = valueLabels(svg);
      const data = dataTokens(built.spec);
      for (const label of labels) {
        for (const token of numberTokens(label)) {
          if (!data.has(token)) problems.push({ check: 'untraceable-number', where: `figure ${id} ${bundle.locale}`, message: `the chart prints "${token}" ("${label}"), which is not in its data` });
        }
      }
      const key = labels.flatMap(numberTokens).sort().join(' ');
      const byLocale = shown.get(id) ?? new Map<string, string>();
      byLocale.set(bundle.locale, key);
      shown.set(id, byLocale);
    }
  }
  for (const [id, byLocale] of shown) {
    if (new Set(byLocale.values()).size > 1) problems.push({ check: 'locale-parity', where: `figure ${id}`, message: `the locales' charts print different numbers (${[...byLocale.keys()].join(', ')})` });
  }
  return problems;
}
