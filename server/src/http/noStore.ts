import type { onSendAsyncHookHandler } from 'fastify';

// Answers that hold the register, a complaint or a supervision report must not be kept by any HTTP cache (a shared
// desk PC's browser cache, a proxy): each says so itself, whatever the client asked (PIPL: minimise copies).
export const noStore: onSendAsyncHookHandler = async (_request, reply, payload) => {
  reply.header('cache-control', 'no-store');
  return payload;
};
