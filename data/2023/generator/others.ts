/** The tables beyond papers: patents, then talent, moves and topics. */
import type { Db } from './db.ts';
import type { PaperPlan } from './papers-plan.ts';
import { planPatents, writePatentTables } from './patents.ts';
import type { Raw } from './targets.ts';
import { planTalent, writeTalentTables } from './talent.ts';
import { planFlows, writeFlowTables } from './flows.ts';
import { writeTopicTables, type TopicPlan } from './topics.ts';

export async function writeOtherTables(db: Db, t: Raw, scale: number, plan: PaperPlan, topics: TopicPlan, log: (m: string) => void): Promise<void> {
  const started = Date.now();
  const patents = planPatents(t, scale, plan.institutions);
  await writePatentTables(db, patents);
  log(`patents: ${patents.cells.length} cells (+${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const talent = planTalent(t, scale, plan.institutions);
  // Institutions are written now: the talent plan may have added small generic ones.
  await db.load('institutions', [['institution_id', 'VARCHAR'], ['name_zh', 'VARCHAR'], ['name_en', 'VARCHAR'], ['country', 'VARCHAR'], ['kind', 'VARCHAR'], ['parent_id', 'VARCHAR'], ['province', 'VARCHAR'], ['city', 'VARCHAR']],
    plan.institutions.map((i) => [i.id, i.nameZh, i.nameEn, i.country, i.kind, i.parent, i.province, i.city]));
  await writeTalentTables(db, talent);
  log(`scholars: ${talent.cells.length} cells (+${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const flows = planFlows(t, scale, talent);
  await writeFlowTables(db, flows);
  log(`moves: ${flows.od.length} country pairs, ${flows.cityOd.length} city pairs (+${((Date.now() - started) / 1000).toFixed(1)} s)`);
  await writeTopicTables(db, t, scale, topics);
  log(`topics: ${topics.specs.length} (+${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
