/** Reports every Bot API call to the health record (installed on the bot's API in run.ts). */
import type { Transformer } from 'grammy';
import { messengerCalls } from '../../health/messenger-calls.ts';

export const recordTelegramCalls: Transformer = async (previous, method, payload, signal) => {
  let answer: Awaited<ReturnType<typeof previous>>;
  try {
    answer = await previous(method, payload, signal);
  } catch (error) {
    messengerCalls.failed('telegram', 'unreachable', `${method}: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  if (answer.ok) messengerCalls.succeeded('telegram');
  // A revoked or wrong token: Telegram answers 401 Unauthorized (404 Not Found for a malformed one).
  else if (answer.error_code === 401 || answer.error_code === 404) messengerCalls.failed('telegram', 'token', `${method}: ${answer.error_code} ${answer.description}`);
  else if (answer.error_code === 429 || answer.error_code >= 500) messengerCalls.failed('telegram', 'unreachable', `${method}: ${answer.error_code} ${answer.description}`);
  // Refused for this chat or this message (blocked, bad request): the token itself works.
  else messengerCalls.succeeded('telegram');
  return answer;
};
