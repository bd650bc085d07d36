import type { Channel } from '../domain/model.ts';
/**
 * This process's record of its calls to the messengers' APIs: when one last succeeded, and how the
 * last one failed. The Telegram and Zalo clients report every call here; the health check reads it.
 * A call refused for one person (a blocked bot, a closed Zalo window) still proves the token works,
 * so it counts as a success; only a refused token and an unreachable API count as failures.
 */

export type Messenger = Exclude<Channel, 'console'>;

/** `token`: the messenger refused our token (revoked, expired beyond refresh); `unreachable`: no answer, or overloaded. */
type CallFailureKind = 'token' | 'unreachable';

export interface MessengerCallState {
  lastSuccessAt: number | undefined;
  lastFailure: { at: number; kind: CallFailureKind; error: string } | undefined;
  /** Whether the latest call failed. */
  failing: boolean;
  /** When the calls began to fail (the first failure since the last success). */
  failingSince: number | undefined;
}

class MessengerCalls {
  private readonly states = new Map<Messenger, MessengerCallState>();

  succeeded(messenger: Messenger, at = Date.now()): void {
    const state = this.of(messenger);
    state.lastSuccessAt = at;
    state.failing = false;
    state.failingSince = undefined;
  }

  failed(messenger: Messenger, kind: CallFailureKind, error: string, at = Date.now()): void {
    const state = this.of(messenger);
    state.lastFailure = { at, kind, error };
    state.failing = true;
    state.failingSince ??= at;
  }

  /** A copy of what is known of the messenger's calls. */
  state(messenger: Messenger): MessengerCallState {
    const { lastSuccessAt, lastFailure, failing, failingSince } = this.of(messenger);
    return { lastSuccessAt, lastFailure: lastFailure && { ...lastFailure }, failing, failingSince };
  }

  /** Forgets everything (tests that run several bots in one process). */
  reset(): void {
    this.states.clear();
  }

  private of(messenger: Messenger): MessengerCallState {
    let state = this.states.get(messenger);
    if (!state) this.states.set(messenger, (state = { lastSuccessAt: undefined, lastFailure: undefined, failing: false, failingSince: undefined }));
    return state;
  }
}

/** The one record of the process: the channels write to it, the health check reads it. */
export const messengerCalls = new MessengerCalls();
