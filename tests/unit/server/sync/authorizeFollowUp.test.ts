import { describe, expect, it } from 'vitest';
import { deskEventSchema, type DeskEvent } from '../../../../shared/model/events.ts';
import { referenceDocSchema } from '../../../../shared/model/reference.ts';
import { authorizeEvent, directoryOf } from '../../../../server/src/sync/authorize.ts';
import { TEST_DIRECTORY_DOCS } from '../../../fixtures/directory.ts';
import { newContactId, newDeviceId, stampEnvelope } from '../../../fixtures/events.ts';

// Issue 13 on the server: the roles and names a follow-up or rating event carries (what depends on the rating's
// state — who appealed, whether the decider is the rated person — is the fold's, tests/unit/shared/rating.test.ts).

const supervisor = referenceDocSchema.parse({
  kind: 'staff',
  id: 'huang-xiuying',
  body: {
    id: 'huang-xiuying',
    name: '黄秀英',
    departmentId: 'dept-leadership',
    rank: 'sectionChief',
    title: '科长',
    roles: ['supervisor', 'admin'],
    active: true,
  },
  rev: 1,
  hlc: '000000000000001-00000-hq',
  updatedAt: '2026-11-28T00:00:00.000Z',
});
const directory = directoryOf([...TEST_DIRECTORY_DOCS, supervisor]);
const desk = newDeviceId();
const contactId = newContactId();
const judge = (event: DeskEvent) => authorizeEvent(event, directory);

function event(staffId: string, type: DeskEvent['type'], payload: object, aggregateId: string = contactId): DeskEvent {
  const aggregate = type.split('.')[0]!;
  return deskEventSchema.parse({
    ...stampEnvelope({ deviceId: desk, deviceSeq: 1, staffId }, aggregate),
    aggregateId,
    type,
    payload,
  });
}
const rated = (ratedStaffId: string, source: 'pad' | 'qr' = 'pad', aggregateId: string = contactId) =>
  event(
    'liu-yang',
    'rating.given',
    {
      service: { kind: 'contact', id: contactId },
      ratedStaffId,
      source,
      level: 'dissatisfied',
      reasons: ['longWait'],
    },
    aggregateId,
  );
const decide = (staffId: string) =>
  event(staffId, 'rating.appealDecided', { upheld: true, reason: '经核实，差评与本人服务无关' });
const informed = (leaderId: string) =>
  event('huang-xiuying', 'followUp.leaderInformed', { subject: { kind: 'contact', id: contactId }, leaderId });

describe('申诉复核: an appeal is decided by a supervisor or a leader', () => {
  it('accepts the decision of a supervisor or of a leader', () => {
    expect(judge(decide('huang-xiuying'))).toBeNull();
    expect(judge(decide('he-jianguo'))).toBeNull();
  });

  it('refuses the decision of a clerk or a department head', () => {
    expect(judge(decide('zhang-wei'))).toEqual({
      code: 'not-authorised',
      message: 'only a supervisor or a leader may decide an appeal against a rating; zhang-wei is neither',
    });
    expect(judge(decide('chen-jing'))?.code).toBe('not-authorised');
  });
});

describe('好差评 at the window', () => {
  it('accepts a pad rating of an active staff member, and refuses one of someone not on the staff', () => {
    expect(judge(rated('liu-yang'))).toBeNull();
    expect(judge(rated('qian-tao'))).toEqual({
      code: 'unknown-reference',
      message: "the rated staff member 'qian-tao' is not an active member of the staff directory",
    });
  });

  it('refuses a QR rating pushed by a desk: only HQ’s public page takes those', () => {
    expect(judge(rated('liu-yang', 'qr', 'NYKJ-W7K2Q-2026-000127'))).toEqual({
      code: 'not-authorised',
      message: 'a QR rating is taken by the HQ rating page, never pushed by a desk',
    });
  });

  it('leaves the appeal itself to the fold (who is the rated person is in the rating)', () => {
    expect(judge(event('zhang-wei', 'rating.appealed', { reason: '非本人服务' }))).toBeNull();
  });
});

describe('art. 30: strong dissatisfaction is reported to a leader', () => {
  it('accepts a report to an active leader and refuses one to anyone else', () => {
    expect(judge(informed('he-jianguo'))).toBeNull();
    expect(judge(informed('chen-jing'))).toEqual({
      code: 'not-authorised',
      message: 'strong dissatisfaction is reported to a leader; chen-jing is not a leader',
    });
    expect(judge(informed('gao-tuixiu'))?.code).toBe('unknown-reference');
  });
});
