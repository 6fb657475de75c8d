import type { FastifyInstance } from 'fastify';
import type { Staff } from '../../../shared/model/reference.ts';
import { beijingDate } from '../../../shared/rules/case.ts';
import { foldComplaint, type ComplaintState } from '../../../shared/rules/complaint.ts';
import { complaintBreaches, currentStage } from '../../../shared/rules/complaintDeadlines.ts';
import {
  isAssignedInvestigator,
  isRecused,
  mayDecideComplaint,
  mayReadComplaint,
} from '../../../shared/rules/complaintPermissions.ts';
import { accountabilityRecord, statementViewOf } from '../../../shared/rules/complaintViews.ts';
import type {
  AccountabilityList,
  ComplaintDetail,
  ComplaintList,
  ComplaintSummary,
  StatementInvitation,
} from '../../../shared/sync/complaintApi.ts';
import {
  allComplaintEvents,
  complaintChain,
  complaintEvents,
  complaintReads,
  logComplaintRead,
} from '../storage/complaints.ts';
import type { Db } from '../storage/db.ts';
import { currentComplaintContext, type HqComplaintContext } from '../sync/complaintContext.ts';
import { describeIssues } from '../sync/ingest.ts';
import { NOT_SUPERVISOR_MESSAGE } from './complaintMessages.ts';
import { complaintParamsSchema } from './complaintParams.ts';
import { callerOf, requireStaff, sendComplaintError } from './complaintGuard.ts';
import { sendError } from './errors.ts';
import { noStore } from './noStore.ts';

// Reading complaints at HQ (issue 14, point 3), each call with the person's own live staff session: the list
// (no complainant, no account: not logged), one complaint, the accused person's statement view and the
// accountability record (each logged before it is answered). Whoever may not read a complaint hears the same 404
// as for an unknown id.

const isOverseer = (staff: Staff) =>
  staff.active && (staff.roles.includes('leader') || staff.roles.includes('supervisor'));

/** The stage owed now is the caller's: a leader who may decide it, or an investigator assigned to it. */
function owedByCaller(staff: Staff, state: ComplaintState, owedBy: 'leaders' | 'investigators'): boolean {
  if (owedBy === 'leaders') return mayDecideComplaint(staff, state.recusal);
  return isAssignedInvestigator(staff, state) && !isRecused(staff, state.recusal);
}

function summaryOf(state: ComplaintState, staff: Staff, context: HqComplaintContext, today: string): ComplaintSummary {
  const stage = currentStage(state, context.calendar, today, context.settings);
  return {
    complaintId: state.complaintId,
    channel: state.channel,
    receivedOn: state.receivedOn,
    status: state.status,
    accusedStaffIds: [...state.accusedStaffIds],
    accusedDepartmentIds: [...state.accusedDepartmentIds],
    investigatorIds: [...state.investigatorIds],
    ...(stage ? { stage: { stage: stage.stage, owedBy: stage.owedBy, dueOn: stage.dueOn, state: stage.state } } : {}),
    breachCount: complaintBreaches(state, context.calendar, today, context.settings).length,
    owedByCaller: stage !== undefined && owedByCaller(staff, state, stage.owedBy),
  } as ComplaintSummary;
}

function invitationOf(state: ComplaintState, staffId: string): StatementInvitation | null {
  const own = state.statements.find((s) => s.staffId === staffId);
  if (!own || own.invitations.length === 0) return null;
  return {
    complaintId: state.complaintId,
    receivedOn: state.receivedOn,
    ...(own.dueOn === undefined ? {} : { invitedDueOn: own.dueOn }),
    given: own.given !== undefined,
    waived: own.waived !== undefined,
    decided: state.decision !== undefined,
  } as StatementInvitation;
}

async function allStates(db: Db, context: HqComplaintContext): Promise<ComplaintState[]> {
  const states: ComplaintState[] = [];
  for (const events of (await allComplaintEvents(db)).values()) {
    const state = foldComplaint(events, context);
    if (state) states.push(state);
  }
  return states;
}

export function registerComplaintReads(app: FastifyInstance, db: Db): void {
  const options = { onRequest: requireStaff(db), onSend: noStore };

  /** GET /complaints: those the caller may read, with their clocks, and the caller's own invitations. Not logged. */
  app.get('/complaints', options, async (request) => {
    const { staffId } = callerOf(request);
    const context = await currentComplaintContext(db);
    const staff = context.staffById.get(staffId);
    const list: ComplaintList = { complaints: [], statements: [] };
    if (!staff) return list;
    const today = beijingDate(new Date().toISOString());
    for (const state of await allStates(db, context)) {
      if (mayReadComplaint(staff, state)) list.complaints.push(summaryOf(state, staff, context, today));
      const invitation = invitationOf(state, staffId);
      if (invitation) list.statements.push(invitation);
    }
    return list;
  });

  /** GET /complaints/accountability: every founded complaint's measures per person, to leaders and supervisors. */
  app.get('/complaints/accountability', options, async (request, reply) => {
    const caller = callerOf(request);
    const context = await currentComplaintContext(db);
    const staff = context.staffById.get(caller.staffId);
    if (!staff || !isOverseer(staff)) return sendError(reply, 403, 'not-allowed', NOT_SUPERVISOR_MESSAGE);
    // A complaint the caller stands aside from is not theirs to read, on the record either.
    const states = (await allStates(db, context)).filter((s) => !isRecused(staff, s.recusal));
    const people = [
      ...new Set(
        states.flatMap((s) => (s.decision?.outcome === 'founded' ? s.decision.measures : [])).map((m) => m.staffId),
      ),
    ].sort();
    await logComplaintRead(db, { complaintId: null, ...caller, at: new Date().toISOString(), what: 'accountability' });
    const answer = {
      records: people.map((id) => ({ staffId: id, entries: accountabilityRecord(states, id) })),
    } as AccountabilityList;
    return answer;
  });

  /** GET /complaints/:id: the whole log, and the read log to leaders and supervisors. Logged. */
  app.get('/complaints/:id', options, async (request, reply) => {
    const caller = callerOf(request);
    const params = complaintParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    const context = await currentComplaintContext(db);
    const staff = context.staffById.get(caller.staffId);
    const events = await complaintEvents(db, params.data.id);
    const state = foldComplaint(events, context);
    if (!state || !staff || !mayReadComplaint(staff, state)) {
      // Not a read (nothing was shown), but the attempt is on the server's log for whoever audits it.
      request.log.warn({ ...caller, complaintId: params.data.id }, 'complaint read refused');
      return sendComplaintError(reply, 404, 'unknown-complaint');
    }
    await logComplaintRead(db, {
      complaintId: state.complaintId,
      ...caller,
      at: new Date().toISOString(),
      what: 'detail',
    });
    const overseer = isOverseer(staff);
    const reads = overseer ? await complaintReads(db, state.complaintId) : [];
    // Leaders and supervisors also see whether the register still follows its hash chain (tamper-evident).
    const chain = overseer ? await complaintChain(db, state.complaintId) : undefined;
    if (chain && !chain.intact) {
      request.log.error(
        { complaintId: state.complaintId, brokenAt: chain.brokenAt },
        'complaint register chain broken',
      );
    }
    const detail = {
      events,
      reads: reads.map((r) => ({ at: r.at, staffId: r.staffId, deviceId: r.deviceId, what: r.what })),
      ...(chain ? { chain: { intact: chain.intact, events: chain.events, head: chain.head } } : {}),
    } as ComplaintDetail;
    return detail;
  });

  /** GET /complaints/:id/statement: what the invited accused sees to state their side. Logged. */
  app.get('/complaints/:id/statement', options, async (request, reply) => {
    const caller = callerOf(request);
    const params = complaintParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'bad-request', describeIssues(params.error));
    const context = await currentComplaintContext(db);
    const state = foldComplaint(await complaintEvents(db, params.data.id), context);
    const view = state && invitationOf(state, caller.staffId) ? statementViewOf(state, caller.staffId) : null;
    if (!state || !view) {
      request.log.warn({ ...caller, complaintId: params.data.id }, 'complaint statement view refused');
      return sendComplaintError(reply, 404, 'unknown-complaint');
    }
    await logComplaintRead(db, {
      complaintId: state.complaintId,
      ...caller,
      at: new Date().toISOString(),
      what: 'statement',
    });
    return view;
  });
}
