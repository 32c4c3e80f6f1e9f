/** Checks of the patent, talent, flow and topic targets (filled in as those tables are generated). */
import type { Db } from './db.ts';
import type { Checker } from './check.ts';
import type { Raw } from './targets.ts';

export async function checkOthers(_db: Db, _t: Raw, _c: Checker, _present: Set<string>): Promise<void> {}
