import { isDeferred, type Flow } from '../../src/chat/engine.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';

/** Every flow with its steps, the deferred ones loaded (as the bot has them a moment after start). */
export async function loadedFlows(): Promise<Flow<any>[]> {
  await Promise.all(ALL_FLOWS.map((flow) => (isDeferred(flow) ? flow.load() : undefined)));
  return ALL_FLOWS.map((flow) => (isDeferred(flow) ? flow.loaded! : flow));
}
