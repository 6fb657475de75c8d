import { useRef } from 'react';
import type { ComplaintActBody } from '../../../shared/sync/complaintApi.ts';
import type { ComplaintClient } from '../../data/complaints/client.ts';
import { newId } from '../../data/ids.ts';

export type ActType = ComplaintActBody['type'];
export type ActPayload<T extends ActType> = Extract<ComplaintActBody, { type: T }>['payload'];
export type SendAct = <T extends ActType>(type: T, payload: unknown) => Promise<unknown>;

/**
 * Sends one act to HQ under an eventId kept until HQ acknowledges it: pressing 保存 again after the network failed
 * resends the SAME act (HQ answers the same ack), so a finding is never recorded twice by a retry.
 */
export function useActSender(client: ComplaintClient, complaintId: string, onDone: () => void): SendAct {
  const pending = useRef<string | null>(null);
  return async (type, payload) => {
    pending.current ??= newId();
    // The payload is parsed by client.act against the contract; a bad one throws the ZodError the form words.
    const body = { eventId: pending.current, type, payload } as ComplaintActBody;
    const ack = await client.act(complaintId, body);
    pending.current = null;
    onDone();
    return ack;
  };
}
