/**
 * What a channel does when the database cannot take an update for now (InboundWaiting): the fault
 * is logged once for all messages, and a person whose message waits for a full or failing disk is
 * told so once (a lock is waited out without a word); the channel then tries the update again.
 */
import { lastsUntilFixed, storageAlarm, storageFault } from '../db/faults.ts';
import type { Logger } from '../util/log.ts';
import { InboundWaiting } from './inbound.ts';
import type { InboundEvent } from '../chat/types.ts';

/** True when `error` is an update waiting for the database (logged, and `tell` called when the person should hear of it); false for any other error. */
export function noteWaiting(error: unknown, log: Logger, where: string, tell: (event: InboundEvent) => void): boolean {
  if (!(error instanceof InboundWaiting)) return false;
  storageAlarm.fault(log, error.fault, error.cause, where);
  if (!lastsUntilFixed(error.fault)) return true;
  for (const event of error.events) if (storageAlarm.firstNotice(`${event.channel}:${event.externalId}`)) tell(event);
  return true;
}

/** A webhook could not store `event` (the error as SQLite threw it): noted as noteWaiting does, when it is a storage fault. */
export function noteNotStored(error: unknown, event: InboundEvent, log: Logger, where: string, tell: (event: InboundEvent) => void): void {
  const fault = storageFault(error);
  if (fault) noteWaiting(new InboundWaiting(fault, [event], error), log, where, tell);
}

/** Called after an update went through: ends a fault going on, with one log line. */
export const noteStored = (log: Logger) => storageAlarm.recovered(log);
