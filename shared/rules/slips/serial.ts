import { SERIAL_RE, type SlipSerial } from '../../model/slip.ts';

// Slip serial numbers: `${bureauCode}-${deskCode}-${year}-${seq}`, e.g. NYKJ-W7K2Q-2026-000127.
// They must be unique across every desk even when none of them can reach the server, so nobody hands them out:
// - the desk code is 'W' + the last four characters of the desk's deviceId. A deviceId is a ULID minted on the desk
//   when it first starts, and its last characters are random, so two desks share a code only by a one-in-a-million
//   chance; a reinstalled desk gets a new deviceId and so a new code, and can never reissue an old serial (a code
//   typed in by hand would restart at 000001 after a reinstall, which is why there is none);
// - the sequence is the desk's own, per year, kept in the desk database and raised in the same transaction that
//   records the slip.printed event, so a crash can lose neither a number nor a slip, and never repeat a number.

/** The part of a serial that names the desk. */
export function deskCodeOf(deviceId: string): string {
  const tail = deviceId.slice(-4).toUpperCase();
  if (!/^[0-9A-Z]{4}$/.test(tail)) throw new Error(`cannot derive a desk code from device id '${deviceId}'`);
  return `W${tail}`;
}

export interface SerialParts {
  readonly bureauCode: string;
  readonly deskCode: string;
  readonly year: number;
  readonly seq: number;
}

export function formatSerial({ bureauCode, deskCode, year, seq }: SerialParts): SlipSerial {
  if (!Number.isInteger(seq) || seq < 1) throw new Error(`a slip sequence starts at 1, got ${seq}`);
  const serial = `${bureauCode}-${deskCode}-${String(year).padStart(4, '0')}-${String(seq).padStart(6, '0')}`;
  if (!SERIAL_RE.test(serial)) throw new Error(`not a valid slip serial: ${serial}`);
  return serial as SlipSerial;
}

export function parseSerial(serial: string): SerialParts | null {
  if (!SERIAL_RE.test(serial)) return null;
  const [bureauCode = '', deskCode = '', year = '', seq = ''] = serial.split('-');
  return { bureauCode, deskCode, year: Number(year), seq: Number(seq) };
}

/**
 * The desk's slip counters as kept in its database: the last number used, per year. Per year rather than one
 * counter reset each January: a desk whose clock was once wrong (set a year ahead, then corrected) must not
 * start a year it already used again at 000001.
 */
export type SlipSequences = Readonly<Record<string, number>>;

/** The next number for a slip issued in `year`, and the counters to store with it. */
export function nextSlipSequence(
  stored: SlipSequences | undefined,
  year: number,
): { seq: number; sequences: SlipSequences } {
  const seq = (stored?.[String(year)] ?? 0) + 1;
  return { seq, sequences: { ...stored, [String(year)]: seq } };
}
