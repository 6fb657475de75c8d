import { z } from 'zod';
import { complaintIdSchema } from '../../../shared/model/complaintEvents.ts';

// A complaint's id in a path is a ULID, like every id a desk mints; anything else (a NUL, which PostgreSQL text
// cannot hold, or a path) is refused before the database is asked.
export const complaintParamsSchema = z.object({ id: complaintIdSchema });
