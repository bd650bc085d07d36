import { describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { t } from '../../src/i18n/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { createLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { fillDisk, integrity } from '../helpers/disk.ts';
import { ONE_TARGET_TYPED } from '../helpers/registration.ts';

useTempDatabases();

const NOW = Date.UTC(2020, 1, 15, 3, 0);

/** The registration opened from the menu ("1"), then one target typed answer by answer. */
const REGISTRATION: [line: string, answer: string][] = [['1', 'Bước 1.'], ...ONE_TARGET_TYPED];

describe('a full disk during a registration (terminal chat)', () => {
  it('tells the person once, keeps the answer, and takes it once space is freed; nothing corrupted', async () => {
    const { db } = openTempDatabase();
    loadSampleMovement(db, { label: 'test' }, NOW);
    const logs: string[] = [];
    const log = createLogger('info', (line) => logs.push(line));
    const clock = fixedClock(NOW);
    const notices: string[] = [];
    let freeSpace: (() => void) | undefined;
    const chat = new ConsoleChat({
      core: new ChatCore({ db, clock, flows: ALL_FLOWS, log }),
      db,
      locale: 'vi',
      clock,
      log,
      // The notice comes while the line waits; the operator then frees space.
      onWaiting: (notice) => {
        notices.push(notice);
        setTimeout(() => freeSpace?.(), 300);
      },
    });
    expect(await chat.handleLine('/as SNV')).toContain('Đăng ký chỉ tiêu');

    freeSpace = fillDisk(db);
    const answers: string[] = [];
    for (const [line, expected] of REGISTRATION) {
      const answer = await chat.handleLine(line);
      answers.push(answer);
      expect(answer, `answer to "${line}"`).toContain(expected);
    }

    expect(notices).toEqual([t('vi', 'storage-waiting')]);
    expect(notices[0]).toContain('Hệ thống đang bận, tin của anh/chị sẽ được xử lý sau');
    // The full disk was said once in the log, and its end once.
    const messages = logs.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.filter((m) => m.startsWith('database cannot be written'))).toHaveLength(1);
    expect(messages.filter((m) => m === 'database writable again')).toHaveLength(1);
    // The target was saved exactly once, and the file is sound.
    const saved = db.$client.prepare(
      "SELECT t.text, t.planned_value FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL",
    );
    expect(saved.all()).toEqual([
      { text: 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn', planned_value: 98.5 },
    ]);
    expect(integrity(db)).toBe('ok');
  });
});
