/** The Zalo OA's token pair as stored: one row, replaced only by the refresh that used the stored refresh token (channels/zalo/tokens.ts). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { zaloTokens } from './schema.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (epoch ms). */
  expiresAt: number;
}

const ROW_ID = 1;

export function readTokenPair(db: DbOrTx): TokenPair | undefined {
  const row = db.select().from(zaloTokens).where(eq(zaloTokens.id, ROW_ID)).get();
  return row ? { accessToken: row.accessToken, refreshToken: row.refreshToken, expiresAt: row.expiresAt } : undefined;
}

/**
 * Stores a pair in one transaction. With `replacing`, only if the stored refresh token is still
 * that one (so a pair is never overwritten by a refresh made with an already used token).
 */
export function storeTokenPair(db: DbOrTx, pair: TokenPair, now: number, replacing?: string): boolean {
  return db.transaction((tx) => {
    const current = readTokenPair(tx);
    if (replacing !== undefined && current?.refreshToken !== replacing) return false;
    const values = { ...pair, updatedAt: now };
    tx.insert(zaloTokens).values({ id: ROW_ID, ...values }).onConflictDoUpdate({ target: zaloTokens.id, set: values }).run();
    return true;
  });
}
