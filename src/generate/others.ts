/** The tables beyond papers: patents, then talent, moves and topics. */
import type { Db } from './db.ts';
import type { PaperPlan } from './papers-plan.ts';
import { planPatents, writePatentTables } from './patents.ts';
import type { Raw } from './targets.ts';

export async function writeOtherTables(db: Db, t: Raw, scale: number, plan: PaperPlan, log: (m: string) => void): Promise<void> {
  const started = Date.now();
  const patents = planPatents(t, scale, plan.institutions);
  await writePatentTables(db, patents);
  log(`patents: ${patents.cells.length} cells (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
