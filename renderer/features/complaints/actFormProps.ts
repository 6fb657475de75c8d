import type { Staff } from '../../../shared/model/reference.ts';
import type { ComplaintFoldContext, ComplaintState } from '../../../shared/rules/complaint.ts';
import type { IsoDate } from '../../../shared/rules/isoDate.ts';
import type { SendAct } from './useActSender.ts';
import { complaintErrors } from './complaintErrors.ts';

export interface ActFormProps {
  readonly staff: Staff;
  readonly state: ComplaintState;
  readonly today: IsoDate;
  readonly context: ComplaintFoldContext;
  readonly send: SendAct;
}

/** The act forms' wording: HQ's codes and the payload schemas' keys, under the form's own field names. */
export const actWording = complaintErrors();
