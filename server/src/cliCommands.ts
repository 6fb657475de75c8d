import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { issueEnrolmentCode } from './auth/enrolment.ts';
import { SECRET_PROBLEM_MESSAGES, setStaffSecret } from './auth/staffSecrets.ts';
import { readSecretFromTerminal, type ReadSecret } from './cliSecret.ts';
import type { Db } from './storage/db.ts';
import { listEnrolledDevices, reinstateDevice, revokeDevice } from './storage/devices.ts';

// The admin CLI's commands (entry: cli.ts), run against an open database; `print` is the console in the CLI.
//   enrol-code [--label W03] [--hours 24]   a one-time enrolment code for a new desk
//   devices                                 the enrolled desks
//   revoke <deviceId>                       refuse that desk's next sync
//   reinstate <deviceId>                    undo a revocation
//   set-secret <staffId>                    a person's new PIN or password, read from the terminal or stdin

export const USAGE = `Usage: node server/dist/cli.mjs <command>
  enrol-code [--label W03] [--hours 24]   make a one-time enrolment code for a new desk (登记码)
  devices                                 list enrolled desks (窗口设备)
  revoke <deviceId>                       revoke a desk: its next sync is refused (停用)
  reinstate <deviceId>                    undo a revocation, so the desk can send what it kept (恢复)
  set-secret <staffId>                    set a person's PIN (everyday staff: 4–8 digits) or password (leaders,
                                          supervisors, admins: 10+ characters, letters and digits) (设置密码);
                                          typed without echo, or the first line of stdin
The database is the server's: FIRSTDESK_DATA_DIR / DATABASE_URL as for the server.`;

export class UsageError extends Error {}

type Print = (line: string) => void;

function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function enrolCode(db: Db, args: string[], print: Print): Promise<void> {
  const { values } = parseArgs({ args, options: { label: { type: 'string' }, hours: { type: 'string' } } });
  const hours = values.hours === undefined ? 24 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) throw new UsageError('--hours must be from 1 to 720');
  const label = values.label?.trim() || undefined;
  const issued = await issueEnrolmentCode(db, { label, createdBy: operator(), ttlMs: hours * 3_600_000 });
  const expires = new Date(issued.expiresAt).toLocaleString('zh-CN', { hour12: false });
  print(`登记码 Enrolment code: ${issued.code}`);
  print(`  ${label ? `for ${label}, ` : ''}one use, valid until ${expires} (${issued.expiresAt})`);
}

async function devices(db: Db, print: Print): Promise<void> {
  const rows = await listEnrolledDevices(db);
  if (rows.length === 0) return print('No enrolled desks yet. 尚无已登记的窗口。');
  for (const row of rows) {
    const state = row.revoked_at ? `REVOKED ${row.revoked_at} by ${row.revoked_by}` : 'active';
    print(
      `${row.device_id}  ${row.label ?? '—'}  enrolled ${row.enrolled_at}  last seen ${row.last_seen_at}  ${state}`,
    );
  }
}

async function revoke(db: Db, args: string[], print: Print): Promise<void> {
  const [deviceId] = args;
  if (!deviceId || args.length !== 1) throw new UsageError('revoke needs exactly one deviceId (see: devices)');
  if (!(await revokeDevice(db, deviceId, operator(), new Date().toISOString()))) {
    throw new UsageError(`No enrolled device ${deviceId} (see: devices)`);
  }
  print(`Revoked ${deviceId}: its next sync is refused. 已停用。`);
}

async function reinstate(db: Db, args: string[], print: Print): Promise<void> {
  const [deviceId] = args;
  if (!deviceId || args.length !== 1) throw new UsageError('reinstate needs exactly one deviceId (see: devices)');
  if (!(await reinstateDevice(db, deviceId))) throw new UsageError(`No enrolled device ${deviceId} (see: devices)`);
  print(`Reinstated ${deviceId}: it syncs again. 已恢复。`);
}

async function setSecret(db: Db, args: string[], print: Print, readSecret: ReadSecret): Promise<void> {
  const [staffId] = args;
  if (!staffId || args.length !== 1)
    throw new UsageError('set-secret needs exactly one staffId (the secret is asked for)');
  const secret = await readSecret(`${staffId} 的新密码/PIN, new secret: `);
  const result = await setStaffSecret(db, staffId, secret);
  if (!result.ok) throw new UsageError(`${SECRET_PROBLEM_MESSAGES[result.problem]} Nothing was changed.`);
  print(`Set the ${result.privileged ? 'password' : 'PIN'} of ${staffId}; their open sessions are ended. 已设置。`);
}

/** Runs one command; a mistake in the command line throws UsageError. */
export async function runCommand(
  db: Db,
  argv: readonly string[],
  print: Print = console.log,
  readSecret: ReadSecret = readSecretFromTerminal,
): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'enrol-code':
      return enrolCode(db, args, print);
    case 'devices':
      return devices(db, print);
    case 'revoke':
      return revoke(db, args, print);
    case 'reinstate':
      return reinstate(db, args, print);
    case 'set-secret':
      return setSecret(db, args, print, readSecret);
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'No command given');
  }
}
