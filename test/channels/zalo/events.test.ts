import { describe, expect, it } from 'vitest';
import { buttonPayload, parseZaloEvent, toInboundEvent, type ZaloEvent } from '../../../src/channels/zalo/events.ts';
import { zaloEventId } from '../../../src/channels/zalo/webhook.ts';
import { decodeChoice } from '../../../src/chat/types.ts';
import { fixtureJson } from './fake-zalo.ts';

const message = (event: ZaloEvent) => {
  expect(event.kind).toBe('message');
  return event as Extract<ZaloEvent, { kind: 'message' }>;
};

describe('reading Zalo webhook events', () => {
  it('reads the sample text message, its ids and timestamp as strings', () => {
    const body = fixtureJson('user_send_text.official-example.json');
    const event = message(parseZaloEvent(body));
    expect(event).toMatchObject({ name: 'user_send_text', userId: '246845883529197922', msgId: '96d3cdf3af150460909', timestamp: '154390853474', text: 'message' });
    expect(zaloEventId(body, Buffer.from(JSON.stringify(body)))).toBe('96d3cdf3af150460909');
    // The message id travels with the event: the answers to it carry it, and Zalo counts them as free replies.
    expect(toInboundEvent(event)).toEqual({ channel: 'zalo', externalId: '246845883529197922', text: 'message', messageId: '96d3cdf3af150460909' });
  });

  it('turns a button payload back into the choice it stands for', () => {
    const payload = buttonPayload(12, 'add');
    expect(payload).toBe('#12:add');
    const sample = fixtureJson('user_send_text.official-example.json');
    const event = message(parseZaloEvent({ ...sample, message: { text: payload, msg_id: 'x1' } }));
    const inbound = toInboundEvent(event)!;
    expect(inbound).toEqual({ channel: 'zalo', externalId: '246845883529197922', choice: '12:add', messageId: 'x1' });
    expect(decodeChoice(inbound.choice!)).toEqual({ seq: 12, id: 'add' });
    const menu = message(parseZaloEvent({ ...sample, message: { text: buttonPayload(0, 'go:register'), msg_id: 'x2' } }));
    expect(toInboundEvent(menu)?.choice).toBe('0:go:register');
    // Text that merely starts with '#' stays text.
    const hashtag = message(parseZaloEvent({ ...sample, message: { text: '#thiduayeunuoc', msg_id: 'x3' } }));
    expect(toInboundEvent(hashtag)?.text).toBe('#thiduayeunuoc');
  });

  it('reads an image as a photo and a file as a document with its name and size', () => {
    const image = message(parseZaloEvent(fixtureJson('user_send_image.constructed.json')));
    expect(toInboundEvent(image)?.file).toEqual({ kind: 'photo', ref: 'https://photo-stal-1.zdn.vn/full/quyet-dinh-ocop.jpg' });
    const file = message(parseZaloEvent(fixtureJson('user_send_file.constructed.json')));
    expect(toInboundEvent(file)?.file).toEqual({ kind: 'document', ref: 'https://f21-zpc.zdn.vn/bao-cao-quy-1.pdf', name: 'bao-cao-quy-1.pdf', size: 233947 });
  });

  it('reads a shared link as its URL, and a sticker as an empty message', () => {
    const base = { app_id: '1', sender: { id: '42' }, recipient: { id: '9' }, timestamp: '1581732000000' };
    const link = message(parseZaloEvent({ ...base, event_name: 'user_send_link', message: { msg_id: 'l1', text: 'xem', attachments: [{ type: 'link', payload: { url: 'https://congbao.namdinh.gov.vn/a' } }] } }));
    expect(toInboundEvent(link)?.text).toBe('https://congbao.namdinh.gov.vn/a');
    const sticker = message(parseZaloEvent({ ...base, event_name: 'user_send_sticker', message: { msg_id: 's1', attachments: [{ type: 'sticker', payload: { id: 'abc', url: 'https://s.zalo.me/x' } }] } }));
    expect(toInboundEvent(sticker)).toEqual({ channel: 'zalo', externalId: '42', messageId: 's1' });
    // No msg_id: the event is identified by its exact body, the same in every delivery of it.
    const noId = { ...base, event_name: 'user_send_location', message: {} };
    const raw = Buffer.from(JSON.stringify(noId));
    expect(zaloEventId(noId, raw)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(zaloEventId(noId, raw)).toBe(zaloEventId(JSON.parse(raw.toString()), Buffer.from(raw)));
    expect(zaloEventId(noId, raw)).not.toBe(zaloEventId({ ...noId, timestamp: '1581732000001' }, Buffer.from(JSON.stringify({ ...noId, timestamp: '1581732000001' }))));
  });

  it('reads follow and unfollow by follower.id, and user_submit_info', () => {
    expect(parseZaloEvent(fixtureJson('follow.official-example.json'))).toEqual({ kind: 'follow', name: 'follow', userId: '24684588352919792', timestamp: '154397978274' });
    expect(parseZaloEvent(fixtureJson('unfollow.constructed.json'))).toMatchObject({ kind: 'unfollow', userId: '24684588352919792' });
    expect(parseZaloEvent(fixtureJson('user_submit_info.official-example.json'))).toMatchObject({ kind: 'submit_info', userId: '246845883529697922' });
  });

  it('recognises echoes, receipts and events it does not know, and reports a broken shape', () => {
    expect(parseZaloEvent(fixtureJson('oa_send_text.constructed.json'))).toEqual({ kind: 'echo', name: 'oa_send_text' });
    expect(parseZaloEvent(fixtureJson('user_seen_message.constructed.json'))).toEqual({ kind: 'receipt', name: 'user_seen_message' });
    expect(parseZaloEvent({ ...fixtureJson<object>('user_seen_message.constructed.json'), event_name: 'user_received_message' }).kind).toBe('receipt');
    expect(parseZaloEvent(fixtureJson('user_reacted_message.constructed.json'))).toEqual({ kind: 'unknown', name: 'user_reacted_message' });
    const broken = parseZaloEvent({ event_name: 'user_send_text', message: { text: 'hi' }, timestamp: 'yesterday' });
    expect(broken).toMatchObject({ kind: 'invalid', name: 'user_send_text' });
    expect((broken as { problems: string[] }).problems.join()).toContain('sender');
    expect(parseZaloEvent([1, 2])).toMatchObject({ kind: 'invalid', name: undefined });
    expect(parseZaloEvent(null).kind).toBe('invalid');
  });
});
