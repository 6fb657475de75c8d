// Pure: one readable sentence from a zod failure, for errors that reach the clerk or the log.
import type { z } from 'zod';

export function describeIssues(subject: string, error: z.ZodError): string {
  const details = error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `${subject}: ${details.join('; ')}`;
}

/** For IPC arguments, which zod sees as a tuple: "argument 1: …" rather than "0: …". */
export function describeArgumentIssues(subject: string, error: z.ZodError): string {
  const details = error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    if (typeof index !== 'number') return issue.message;
    const within = rest.length > 0 ? ` (${rest.map(String).join('.')})` : '';
    return `argument ${index + 1}${within}: ${issue.message}`;
  });
  return `${subject}: ${details.join('; ')}`;
}
