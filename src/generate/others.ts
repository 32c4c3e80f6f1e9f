/** Tables beyond papers (topics, patents, talent, moves): filled in by later steps. */
import type { Db } from './db.ts';
import type { PaperPlan } from './papers-plan.ts';
import type { Raw } from './targets.ts';

export async function writeOtherTables(_db: Db, _t: Raw, _scale: number, _plan: PaperPlan, _log: (m: string) => void): Promise<void> {}
