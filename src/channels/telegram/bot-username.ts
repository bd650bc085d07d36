import { z } from 'zod';

const getMeAnswer = z.object({ ok: z.literal(true), result: z.object({ username: z.string() }) });

/** The bot's @username, asked of the Bot API (getMe); undefined if it cannot be reached in time. */
export async function fetchBotUsername(apiRoot: string, token: string, timeoutMs = 5000): Promise<string | undefined> {
  try {
    const response = await fetch(`${apiRoot}/bot${token}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
    const parsed = getMeAnswer.safeParse(await response.json());
    return parsed.success ? parsed.data.result.username : undefined;
  } catch {
    return undefined;
  }
}

/** A deep link that opens the bot and sends `/start <payload>` in one tap. */
export const deepLink = (username: string, payload: string) => `https://t.me/${username}?start=${encodeURIComponent(payload)}`;
