import { processZone } from '../util/time-zone.ts';

/**
 * The one time-zone rule: a movement's deadlines, quiet hours and every date shown are reckoned in
 * the movement's own zone; a movement defined without one takes the process's `TZ`.
 */
export function movementZone(movement: { timezone?: string | null } | null | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return movement?.timezone || processZone(env);
}
