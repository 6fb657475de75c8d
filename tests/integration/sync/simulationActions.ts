// The actions of the convergence simulation (simulation.ts): each one a real desk operation, taken by the member
// of the demo staff who would take it, on a contact or case this desk sees in the state the operation needs.
import { PAUSE_REASONS } from '../../../shared/model/deadline.ts';
import type { ServiceItem } from '../../../shared/model/catalog.ts';
import type { StaffId } from '../../../shared/model/ids.ts';
import type { Staff } from '../../../shared/model/reference.ts';
import { openPause, pendingExtension } from '../../../shared/rules/case.ts';
import type { ContactStatus } from '../../../shared/rules/contact.ts';
import { today } from '../../../renderer/data/calendar.ts';
import {
  acceptCase,
  checkMaterials,
  decideExtension,
  openCase,
  pauseCase,
  requestExtension,
  resumeCase,
} from '../../../renderer/data/caseOperations.ts';
import type { CaseRow, ContactRow, DeskDb } from '../../../renderer/data/db.ts';
import * as register from '../../../renderer/data/operations.ts';
import { listActiveStaff, listReference } from '../../../renderer/data/references.ts';

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T | undefined => items[Math.floor(rng() * items.length)];

export interface People {
  readonly clerks: StaffId[];
  readonly handlers: StaffId[];
  readonly leaders: StaffId[];
  readonly items: ServiceItem[];
}

export async function peopleOf(db: DeskDb): Promise<People> {
  const staff = await listActiveStaff(db);
  const ids = (keep: (s: Staff) => boolean) => staff.filter(keep).map((s) => s.id as StaffId);
  return {
    clerks: ids((s) => s.roles.includes('clerk')),
    // art. 8(3): a transfer names a handler the applicant can phone.
    handlers: ids((s) => s.roles.includes('handler') && Boolean(s.phone)),
    leaders: ids((s) => s.roles.includes('leader')),
    items: (await listReference(db, 'serviceItem')).filter((i) => i.active),
  };
}

const VISITORS = [
  { name: '王建国', phone: '13837700001' },
  { name: '刘秀兰', phone: '13837700002' },
  { organisation: '南阳某新材料有限公司', phone: '0377-63170001' },
  { organisation: '南阳市某农业科技合作社', name: '赵六' },
  { name: '陈志强' },
];

export type Action = (db: DeskDb, rng: Rng, people: People) => Promise<boolean>;

const contactsIn = (db: DeskDb, status: ContactStatus) => db.contacts.where('status').equals(status).toArray();
const casesIn = (db: DeskDb, ...statuses: CaseRow['status'][]) => db.cases.where('status').anyOf(statuses).toArray();

/** Act on one row of `rows` chosen at random; false when there is none (the step does something else). */
async function onOne<T>(rng: Rng, rows: readonly T[], act: (row: T) => Promise<unknown>): Promise<boolean> {
  const row = pick(rng, rows);
  if (row === undefined) return false;
  await act(row);
  return true;
}

const other = (rng: Rng, ids: readonly StaffId[], not: StaffId) =>
  pick(
    rng,
    ids.filter((id) => id !== not),
  ) ?? not;

const ACTIONS: Record<string, readonly [weight: number, Action]> = {
  record: [
    4,
    async (db, rng, p) => {
      const clerk = pick(rng, p.clerks)!;
      const asked = rng() < 0.2 ? [other(rng, p.clerks, clerk)] : [];
      const channel = pick(rng, ['visit', 'call', 'letter', 'online'] as const)!;
      const visitor = pick(rng, VISITORS)!;
      await register.recordContact(db, clerk, { channel, visitor, matter: '咨询项目申报', askedStaffIds: asked });
      return true;
    },
  ],
  answer: [2, async (db, rng) => onOne(rng, await contactsIn(db, 'open'), (c) => answer(db, c))],
  transfer: [
    2,
    async (db, rng, p) =>
      onOne(rng, await contactsIn(db, 'open'), (c) =>
        register.transferContact(db, c.responsibleStaffId, c.contactId, {
          toStaffId: other(rng, p.handlers, c.responsibleStaffId),
        }),
      ),
  ],
  accept: [
    2,
    async (db, rng) =>
      onOne(rng, await contactsIn(db, 'transferPending'), (c) =>
        register.acceptTransfer(db, c.transfer!.toStaffId, c.contactId, c.transfer!.eventId),
      ),
  ],
  return: [
    1,
    async (db, rng) =>
      onOne(rng, await contactsIn(db, 'transferPending'), (c) =>
        register.returnTransfer(db, c.transfer!.toStaffId, c.contactId, {
          transferEventId: c.transfer!.eventId,
          reason: '不属于本科室职责',
        }),
      ),
  ],
  escalate: [
    1,
    async (db, rng, p) =>
      onOne(rng, await contactsIn(db, 'open'), (c) =>
        register.escalateContact(db, c.responsibleStaffId, c.contactId, {
          toLeaderId: pick(rng, p.leaders)!,
          reason: '涉及多个科室，职责不清',
        }),
      ),
  ],
  assign: [
    1,
    async (db, rng, p) =>
      onOne(rng, await contactsIn(db, 'escalated'), (c) =>
        register.assignContact(db, c.escalation!.toLeaderId, c.contactId, { toStaffId: pick(rng, p.handlers)! }),
      ),
  ],
  refuse: [
    1,
    async (db, rng, p) =>
      onOne(rng, await contactsIn(db, 'open'), (c) =>
        register.proposeRefusal(db, c.responsibleStaffId, c.contactId, {
          toLeaderId: pick(rng, p.leaders)!,
          reason: '不属于科技计划资助范围',
          basis: '《南阳市科技计划项目管理办法》第五条',
        }),
      ),
  ],
  review: [
    1,
    async (db, rng, p) =>
      onOne(rng, await contactsIn(db, 'refusalPending'), (c) =>
        register.reviewRefusal(
          db,
          c.refusal!.toLeaderId,
          c.contactId,
          rng() < 0.5
            ? { decision: 'approved' }
            : { decision: 'overruled', note: '应予办理', assignToStaffId: pick(rng, p.handlers)! },
        ),
      ),
  ],
  openCase: [
    2,
    async (db, rng, p) => {
      const contacts = await db.contacts.toArray();
      return onOne(rng, contacts, (c) => openCase(db, pick(rng, p.clerks)!, c.contactId, pick(rng, p.items)!.id));
    },
  ],
  check: [
    2,
    async (db, rng, p) =>
      onOne(rng, await casesIn(db, 'checking', 'supplementRequested'), (c) => {
        const materials = p.items.find((i) => i.id === c.serviceItemId)?.materials ?? [];
        // Mostly complete; now and then one material is missing (and a supplement notice would follow).
        const missing = rng() < 0.25 ? pick(rng, materials)?.id : undefined;
        const checks = materials.map((m) => ({
          materialId: m.id,
          state: m.id === missing ? ('missing' as const) : ('received' as const),
        }));
        return checkMaterials(db, c.handlerStaffId, c.caseId, checks);
      }),
  ],
  acceptCase: [
    2,
    async (db, rng) => onOne(rng, await casesIn(db, 'checking'), (c) => acceptCase(db, c.handlerStaffId, c.caseId)),
  ],
  pauseOrResume: [
    1,
    async (db, rng) =>
      onOne(rng, await casesIn(db, 'running'), (c) =>
        openPause(c)
          ? resumeCase(db, c.handlerStaffId, c.caseId, { on: today() })
          : pauseCase(db, c.handlerStaffId, c.caseId, {
              from: today(),
              reason: pick(rng, PAUSE_REASONS)!,
              note: '组织专家评审',
            }),
      ),
  ],
  requestExtension: [
    1,
    async (db, rng) =>
      onOne(
        rng,
        (await casesIn(db, 'running')).filter((c) => !pendingExtension(c)),
        (c) =>
          requestExtension(db, c.handlerStaffId, c.caseId, { days: 1 + Math.floor(rng() * 10), reason: '需现场核查' }),
      ),
  ],
  decideExtension: [
    1,
    async (db, rng, p) =>
      onOne(
        rng,
        (await casesIn(db, 'running')).filter((c) => pendingExtension(c)),
        (c) => decideExtension(db, pick(rng, p.leaders)!, c.caseId, { decision: rng() < 0.7 ? 'approved' : 'refused' }),
      ),
  ],
};

function answer(db: DeskDb, c: ContactRow) {
  return register.answerContact(db, c.responsibleStaffId, c.contactId, { answer: '已当场告知', basis: '申报指南' });
}

export function pickAction(rng: Rng): [string, Action] {
  const entries = Object.entries(ACTIONS);
  let roll = rng() * entries.reduce((n, [, [w]]) => n + w, 0);
  for (const [name, [weight, action]] of entries) {
    roll -= weight;
    if (roll < 0) return [name, action];
  }
  return ['record', ACTIONS.record![1]];
}
