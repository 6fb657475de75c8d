import { formatHlc, parseHlc, type Hlc } from '../../shared/sync/hlc.ts';
import type { DeviceId } from '../../shared/model/ids.ts';
import type { DeskDb } from './db.ts';
import { newId } from './ids.ts';

/** This desk's identity and counters, kept in `meta` and only changed inside write transactions. */
export interface DeviceState {
  readonly deviceId: DeviceId;
  /** The next deviceSeq to hand out: gap-free, so the server can acknowledge "everything up to N". */
  readonly nextSeq: number;
  readonly hlc: string;
  readonly label: string;
}

const KEY = 'device';

export async function readDevice(db: DeskDb): Promise<DeviceState> {
  const row = await db.meta.get(KEY);
  if (row) return row.value as DeviceState;
  // First start of this desk: mint its identity in the same transaction as whatever asked for it.
  const deviceId = newId() as DeviceId;
  const device: DeviceState = {
    deviceId,
    nextSeq: 1,
    hlc: formatHlc({ ms: 0, counter: 0, node: deviceId }),
    label: `${deviceId.slice(-4)}`,
  };
  await db.meta.put({ key: KEY, value: device });
  return device;
}

export async function writeDevice(db: DeskDb, device: DeviceState): Promise<void> {
  await db.meta.put({ key: KEY, value: device });
}

export function deviceClock(device: DeviceState): Hlc {
  return parseHlc(device.hlc);
}

export async function ensureDevice(db: DeskDb): Promise<DeviceState> {
  return db.transaction('rw', db.meta, () => readDevice(db));
}
