/** The 2023 edition's metric definitions and focus countries, read from its edition.yaml as the build reads them. */
import { readFileSync } from 'node:fs';
import { parseYaml } from '../../src/base/yaml.ts';
import { readDefinitions, type Definitions } from '../../src/base/definitions.ts';

const FILE = new URL('../../templates/2023/edition.yaml', import.meta.url).pathname;

const SOURCE = parseYaml(FILE, readFileSync(FILE, 'utf8'));

export const DEFINITIONS_2023: Definitions = readDefinitions(SOURCE);

/** The edition's focus countries. */
export const FOCUS_2023 = Object.freeze({ ...(SOURCE.value as { focus: { home: string; rival: string } }).focus });
