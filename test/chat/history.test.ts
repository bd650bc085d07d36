import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, HISTORY_LIMIT, isHistoryText, popHistory, pushHistory } from '../../src/chat/history.ts';

const walk = (steps: number, data: (i: number) => unknown = (i) => ({ i })) => {
  let text = EMPTY_HISTORY;
  for (let i = 0; i < steps; i++) text = pushHistory(text, { step: `s${i}`, data: data(i) });
  return text;
};

describe('the way back of a conversation', () => {
  it('steps back through what was added, newest first, then has nothing left', () => {
    let text = walk(3);
    const seen: string[] = [];
    for (let back = popHistory(text); back; back = popHistory(text)) {
      seen.push(back.previous.step);
      text = back.rest;
    }
    expect(seen).toEqual(['s2', 's1', 's0']);
    expect(text).toBe(EMPTY_HISTORY);
  });

  it('keeps what the steps held, text with quotes and brackets included', () => {
    const text = pushHistory(EMPTY_HISTORY, { step: 'text', data: { draft: { text: 'Chỉ tiêu "A" [đợt 1], 100%' } } });
    expect(popHistory(text)?.previous).toEqual({ step: 'text', data: { draft: { text: 'Chỉ tiêu "A" [đợt 1], 100%' } } });
  });

  it('lets old steps go once it grows long, keeping the last ones', () => {
    const text = walk(60, (i) => ({ i, note: 'x'.repeat(300) }));
    const steps: string[] = [];
    for (let back = popHistory(text), rest = text; back; rest = back.rest, back = popHistory(rest)) steps.push(back.previous.step);
    expect(steps.length).toBeGreaterThanOrEqual(HISTORY_LIMIT);
    expect(steps.length).toBeLessThan(60);
    expect(steps[0]).toBe('s59');
  });

  it('a damaged history gives no step back, and a new step starts it afresh', () => {
    expect(popHistory('[{"x":1}]')).toBeUndefined();
    expect(popHistory('[not json]')).toBeUndefined();
    expect(isHistoryText('{"x":1}')).toBe(false);
    expect(popHistory(pushHistory('{"x":1}', { step: 'a', data: 1 }))?.previous).toEqual({ step: 'a', data: 1 });
  });
});
