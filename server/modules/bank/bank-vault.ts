import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';

const KEY_BYTES = 32;

/**
 * Encrypts bank details at rest with AES-256-GCM. The key comes from BANK_DETAILS_KEY; without it,
 * outside production, one is generated into the data folder so the demo works on a fresh machine.
 */
export class BankVault {
  private readonly matchKey: Buffer;

  private constructor(private readonly key: Buffer) {
    // A separate key for comparing accounts, derived so that it reveals nothing about the encryption key.
    this.matchKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'bank-account-match', KEY_BYTES));
  }

  static withKey(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`BANK_DETAILS_KEY must be ${KEY_BYTES} bytes, base64-encoded.`);
    return new BankVault(key);
  }

  static async fromSettings(config: Config): Promise<BankVault> {
    if (config.BANK_DETAILS_KEY) return BankVault.withKey(Buffer.from(config.BANK_DETAILS_KEY, 'base64'));
    if (config.isProduction) throw new Error('Set BANK_DETAILS_KEY (32 random bytes, base64) to store bank details.');
    const file = path.join(config.dataDir, 'bank-details.key');
    try {
      return BankVault.withKey(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'));
    } catch {
      const key = randomBytes(KEY_BYTES);
      await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' }).catch(async () => {
        // Another process wrote it first: use theirs.
      });
      return BankVault.withKey(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'));
    }
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
  }

  /**
   * A keyed hash of sort code and account number, so the duplicates engine can see that two groups give
   * the same account without the account ever being stored or compared in clear.
   */
  accountKey(sortCode: string, accountNumber: string): string {
    return createHmac('sha256', this.matchKey).update(`${sortCode}:${accountNumber}`).digest('base64url');
  }

  decrypt(stored: string): string {
    const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  }
}
