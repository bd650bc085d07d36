/** The Zalo webhook and its worker when the database cannot take an update: locked by another process, or the disk full. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { textOf, useZaloHarnesses, zaloHarness } from '../channels/zalo/harness.ts';
import { fillDisk, integrity } from '../helpers/disk.ts';
import { ONE_TARGET_TYPED } from '../helpers/registration.ts';
import { waitFor } from '../helpers/wait.ts';

useZaloHarnesses();

const LIAISON = '246845883529197922';

describe('Zalo when the database cannot take an update', () => {
  it('answers 503 while another process holds the lock (Zalo delivers again), then takes the update once', async () => {
    const h = await zaloHarness();
    // The bot waits 100 ms for the lock here, not 5 s.
    h.db.$client.pragma('busy_timeout = 100');
    const other = new Database(h.temp.path);
    other.exec('BEGIN IMMEDIATE');
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...h.textEvent(LIAISON, 'Xin chào', 'm-locked'), timestamp });
    expect(await h.post(raw, { timestamp })).toBe(503);
    other.exec('COMMIT');
    other.close();

    expect(await h.post(raw, { timestamp })).toBe(200);
    expect(textOf(h.newMessages(LIAISON))).toContain('Mời gửi mã mời');
    // Delivered again later: a repeat, not answered twice.
    expect(await h.post(raw, { timestamp })).toBe(200);
    expect(h.newMessages(LIAISON)).toEqual([]);
    expect(h.rows('SELECT count(*) AS n FROM inbound_queue')).toEqual([{ n: 1 }]);
  });

  it('a full disk during a registration: the person is told once, the answer waits and is taken once space is freed; nothing corrupted', async () => {
    const h = await zaloHarness();
    await h.say(LIAISON, h.invite('SNV', 'liaison', 'Nguyễn Thị Hoa'));
    expect(textOf(await h.press(LIAISON, 'Đăng ký chỉ tiêu'))).toContain('Bước 1.');
    const notice = t('vi', 'storage-waiting');
    let freeSpace: (() => void) | undefined = fillDisk(h.db);
    const told = () => h.fake.messages(LIAISON).some((m) => m.text === notice);
    const answersSent = () => h.fake.messages(LIAISON).filter((m) => m.text !== notice).length;
    let answered = answersSent();
    h.newMessages(LIAISON);

    /** One answer, delivered as Zalo does (again after a 503); the space is freed once the person was told their message waits. */
    const answer = async (text: string, msgId: string): Promise<string> => {
      const timestamp = String(h.clock.now());
      const raw = JSON.stringify({ ...h.textEvent(LIAISON, text, msgId), timestamp });
      const status = await h.post(raw, { timestamp });
      if (told() && freeSpace) {
        freeSpace();
        freeSpace = undefined;
        if (status === 503) expect(await h.post(raw, { timestamp })).toBe(200);
      } else {
        expect(status).toBe(200);
      }
      await waitFor(() => answersSent() > answered, `the answer to "${text}"`, 10_000);
      answered = answersSent();
      return textOf(h.newMessages(LIAISON));
    };
    for (const [i, [text, expected]] of ONE_TARGET_TYPED.entries()) expect(await answer(text, `m-full-${i}`)).toContain(expected);

    // The disk was full at some step: the person heard of it once, and the space was freed.
    expect(h.fake.messages(LIAISON).filter((m) => m.text === notice)).toHaveLength(1);
    expect(freeSpace).toBeUndefined();
    expect(h.logged('database cannot be written: disk full or read-only; messages wait until space is freed')).toHaveLength(1);
    expect(h.logged('database writable again')).toHaveLength(1);
    // The target saved once, nothing failed, and the file is sound.
    expect(
      h.rows("SELECT t.text FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL"),
    ).toEqual([{ text: 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn' }]);
    expect(h.rows('SELECT count(*) AS n FROM inbound_queue WHERE error IS NOT NULL')).toEqual([{ n: 0 }]);
    expect(integrity(h.db)).toBe('ok');
  });
});
