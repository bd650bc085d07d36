/** Reports every call to the Zalo Bot Platform to the health record, by wrapping the client's fetch. */
import { messengerCalls } from '../../health/messenger-calls.ts';

export function recordZaloBotCalls(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const method = new URL(input instanceof Request ? input.url : String(input)).pathname.split('/').pop() ?? '';
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      // A long poll cut short by our own stop is not the platform's failure.
      if (!init?.signal?.aborted) messengerCalls.failed('zalobot', 'unreachable', `${method}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    if (response.status >= 500 || response.status === 429) messengerCalls.failed('zalobot', 'unreachable', `${method}: HTTP ${response.status}`);
    else if (response.status === 401) messengerCalls.failed('zalobot', 'token', `${method}: HTTP 401`);
    else messengerCalls.succeeded('zalobot');
    return response;
  };
}
